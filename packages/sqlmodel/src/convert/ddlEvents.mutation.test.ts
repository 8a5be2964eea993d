import type { ExtractResult } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { exportDoc, type MutationExport } from '../../test/helpers/mutationExports.js';
import { parseExport } from '../format/parse.js';
import { withDdlEvents } from './ddlEvents.js';
import { fromSqlmodelExport } from './toIr.js';

/**
 * DDL attached to create events (test/fixtures/mutation/objects.py, exported by SQLAlchemy): each
 * kind of object the migration reader knows joins the IR as declared in the ORM's module; what
 * cannot be read (Python listeners, SQL that does not parse, a statement ormdoc does not model)
 * is said in a diagnostic of the sqlmodel extractor.
 */
type Doc = Record<string, unknown> & { ddlEvents: Array<{ sql: string | null; listener?: string }> };

const read = (doc: Record<string, unknown>, file?: string) => {
  const parsed = parseExport(doc);
  return withDdlEvents(fromSqlmodelExport(parsed), parsed, file);
};
const load = (name: MutationExport, change: (d: Doc) => Doc = (d) => d) =>
  read(change(structuredClone(exportDoc(name)) as Doc), 'export.json');
/** The diagnostics about DDL events (the conversion's own, of audit_log, are toIr's). */
const ddl = (r: ExtractResult) => r.diagnostics.filter((d) => d.code.startsWith('sqlmodel/ddl'));
const codes = (r: ExtractResult) =>
  ddl(r)
    .map((d) => d.code)
    .sort();
const MODULE = { file: 'objects.py' };

/** Converted in each test (not in a beforeAll): a mutation run then judges each mutant by it. */
const objectsPg = () => load('objects.postgresql');

describe('PostgreSQL: each DDL statement becomes an object declared in the models module', () => {
  it('a function (its body whole: the `;` inside it stay), a trigger, RLS and a policy on a table', async () => {
    const pg = await objectsPg();
    expect(pg.ir.routines).toMatchObject([
      {
        name: 'stamp_owner',
        returns: 'trigger',
        language: 'plpgsql',
        body: ' BEGIN NEW.title := upper(NEW.title); RETURN NEW; END ',
        declaredIn: 'orm',
        source: MODULE,
      },
    ]);
    expect(pg.ir.triggers).toMatchObject([
      {
        table: { schema: null, name: 'tickets' },
        name: 'tickets_stamp',
        function: { name: 'stamp_owner' },
        declaredIn: 'orm',
        source: MODULE,
      },
    ]);
    expect(pg.ir.policies).toMatchObject([
      { table: { name: 'tickets' }, name: 'own_tickets', declaredIn: 'orm', source: MODULE },
    ]);
    expect(pg.ir.tables.find((t) => t.name === 'tickets')?.rls).toEqual({
      enabled: true,
      forced: false,
      declaredIn: 'orm',
      source: MODULE,
    });
  });

  it('roles: a DDL ending in a `--` comment and one ending in `;` are read on their own', async () => {
    const pg = await objectsPg();
    expect(pg.ir.roles.map((r) => [r.name, r.declaredIn, r.source])).toEqual([
      ['auditor', 'orm', MODULE],
      ['clerk', 'orm', MODULE],
      ['reader', 'orm', MODULE],
    ]);
  });

  it('an extension, a view, comments, a sequence: all from the module', async () => {
    const pg = await objectsPg();
    expect(pg.ir.extensions).toEqual([{ name: 'pg_trgm', origin: 'declared', source: MODULE }]);
    const view = pg.ir.tables.find((t) => t.name === 'ticket_titles');
    expect(view).toMatchObject({ kind: 'view', source: MODULE });
    expect(view?.definition).toMatch(/FROM tickets/);
    const ledger = pg.ir.tables.find((t) => t.schema === 'app' && t.name === 'ledger');
    expect(ledger?.description).toBe('Money in and out.');
    expect(ledger?.columns.find((c) => c.name === 'owner')?.description).toBe('Who owns it.');
    expect(pg.ir.sequences.find((s) => s.name === 'ddl_seq')).toMatchObject({
      start: '3',
      declaredIn: 'orm',
      source: MODULE,
    });
  });

  it('the IR does not claim a migrations folder was read; the DDL that did not parse is said', async () => {
    const pg = await objectsPg();
    expect(pg.ir.source.objectsReadFrom).toBeUndefined();
    expect(pg.ir.source.objectsUnread).toEqual(['objects.py']);
  });

  it("the reader's diagnostics, said of create events, with the module and no line", async () => {
    const pg = await objectsPg();
    const parse = pg.diagnostics.find((d) => d.code === 'sqlmodel/ddl-parse-error');
    expect(parse).toMatchObject({ severity: 'warning', file: 'objects.py' });
    expect(parse?.message).toMatch(/^PostgreSQL cannot parse the DDL attached to create events: /);
    expect(parse).not.toHaveProperty('line');
    const unmodeled = pg.diagnostics.find((d) => d.code === 'sqlmodel/ddl-unmodeled');
    expect(unmodeled).toMatchObject({ severity: 'info', file: 'objects.py' });
    expect(unmodeled?.message).toMatch(/^1 statement attached to create events is not documented.*1 GRANT/);
    expect(codes(pg)).toEqual([
      'sqlmodel/ddl-listener-unread',
      'sqlmodel/ddl-parse-error',
      'sqlmodel/ddl-unmodeled',
    ]);
  });

  it('without the broken and the unmodeled DDL: no diagnostic of the reader, nothing unread', async () => {
    const r = await load('objects.postgresql', (d) => ({
      ...d,
      ddlEvents: d.ddlEvents.filter((e) => e.sql === null || !/^(GRANT|CREATE FUNCTION broken)/.test(e.sql)),
    }));
    expect(codes(r)).toEqual(['sqlmodel/ddl-listener-unread']);
    expect(r.ir.source.objectsUnread).toBeUndefined();
    expect(r.ir.roles).toHaveLength(3);
  });
});

describe('Python listeners: one diagnostic naming each function once', () => {
  it('two functions (one listening twice): plural, each named once, at the module', async () => {
    const pg = await objectsPg();
    const d = pg.diagnostics.filter((x) => x.code === 'sqlmodel/ddl-listener-unread');
    expect(d).toEqual([
      {
        severity: 'info',
        code: 'sqlmodel/ddl-listener-unread',
        message:
          '2 create-event listeners are Python functions; the SQL they run is not documented: objects.seed_tickets, objects.seed_ledger.',
        file: 'objects.py',
        hint: expect.stringContaining('DDL("...")'),
      },
    ]);
  });

  it('one function: singular; a listener without a name is "a function"', async () => {
    const one = await load('objects.postgresql', (d) => ({
      ...d,
      ddlEvents: d.ddlEvents.map((e) => (e.sql === null ? { ...e, listener: 'objects.seed_ledger' } : e)),
    }));
    expect(one.diagnostics.find((x) => x.code === 'sqlmodel/ddl-listener-unread')?.message).toBe(
      '1 create-event listener is a Python function; the SQL it runs is not documented: objects.seed_ledger.',
    );
    const unnamed = await load('objects.postgresql', (d) => ({
      ...d,
      ddlEvents: d.ddlEvents.flatMap(({ listener: _l, ...e }) => (e.sql === null ? [e] : [])).slice(0, 1),
    }));
    expect(ddl(unnamed)).toMatchObject([
      {
        code: 'sqlmodel/ddl-listener-unread',
        message: expect.stringMatching(/not documented: a function\.$/),
      },
    ]);
  });

  it('no Python listener: no such diagnostic', async () => {
    const r = await load('objects.postgresql', (d) => ({
      ...d,
      ddlEvents: d.ddlEvents.filter((e) => e.sql),
    }));
    expect(codes(r)).not.toContain('sqlmodel/ddl-listener-unread');
  });
});

describe('where the objects are said to be declared', () => {
  it('no moduleFile: the export file; neither: `models`, and diagnostics without a file', async () => {
    const noModule = await load('objects.postgresql', (d) => ({ ...d, moduleFile: null }));
    expect(noModule.ir.roles[0]?.source).toEqual({ file: 'export.json' });
    expect(ddl(noModule).map((d) => d.file)).toEqual(['export.json', 'export.json', 'export.json']);
    const parsed = parseExport({ ...exportDoc('objects.postgresql'), moduleFile: null });
    const nowhere = await withDdlEvents(fromSqlmodelExport(parsed), parsed);
    expect(nowhere.ir.roles[0]?.source).toEqual({ file: 'models' });
    const listener = nowhere.diagnostics.find((d) => d.code === 'sqlmodel/ddl-listener-unread');
    expect(listener).toBeDefined();
    expect(listener).not.toHaveProperty('file');
  });
});

describe('other dialects and no DDL: the IR as converted', () => {
  it('SQLite: the DDL meant for it is not read (no PostgreSQL objects), the listeners are still said', async () => {
    const parsed = parseExport(exportDoc('objects.sqlite'));
    const converted = fromSqlmodelExport(parsed);
    const r = await withDdlEvents(converted, parsed, 'export.json');
    expect(parsed.ddlEvents.some((e) => e.sql)).toBe(true); // CREATE INDEX ledger_owner runs on SQLite too
    expect(r.ir).toBe(converted.ir);
    expect(codes(r)).toEqual(['sqlmodel/ddl-listener-unread']);
  });

  it('PostgreSQL without DDL statements: the IR is the converted one, its diagnostics kept', async () => {
    const parsed = parseExport({ ...exportDoc('objects.postgresql'), ddlEvents: [] });
    const converted = fromSqlmodelExport(parsed);
    const r = await withDdlEvents(
      { ...converted, diagnostics: [{ severity: 'info', code: 'x/kept', message: 'kept' }] },
      parsed,
    );
    expect(r.ir).toBe(converted.ir);
    expect(r.diagnostics).toEqual([{ severity: 'info', code: 'x/kept', message: 'kept' }]);
  });
});
