import { describe, expect, it } from 'vitest';
import type { Ir, Table } from '../ir/types.js';
import { aColumn, anIr, aPolicy, aPrimaryKey, aRoutine, aTable, aTrigger } from '../testing/builders.js';
import { analyze } from './index.js';
import { argumentTypes } from './rules/objects.js';

// The rules on objects beyond tables, one row per case at their boundaries (mutation tests: see
// CONTRIBUTING.md, "Mutation testing").

const only = (ir: Partial<Ir>, ruleId: string) => analyze(anIr(ir)).filter((f) => f.ruleId === ruleId);
const docs = (overrides: Partial<Table> = {}) =>
  aTable('docs', {
    columns: [aColumn('id', 'integer')],
    primaryKey: aPrimaryKey('docs', ['id']),
    ...overrides,
  });
const complete = { source: { orm: 'prisma' as const, files: [], objectsReadFrom: ['migration' as const] } };

describe('argumentTypes', () => {
  it.each([
    ['a int, b text', 'a int, b text'],
    ['a numeric(10, 2) = 1', 'a numeric(10, 2)'],
    ['a int DEFAULT (1 + 2), b text', 'a int, b text'],
    ['a int default 1', 'a int'],
    ["a text = 'x)', b int", 'a text, b int'],
    ['"a, b" int, c int', '"a, b" int, c int'],
    ['"a(" int, c int', '"a(" int, c int'],
    ['a int,', 'a int'],
    ['  a int  ', 'a int'],
    ['defaulted int', 'defaulted int'],
  ])('%s -> %s', (args, types) => {
    expect(argumentTypes(args)).toBe(types);
  });
});

describe('policy-without-rls', () => {
  it('names one policy, or counts several', () => {
    const one = only({ tables: [docs()], policies: [aPolicy('docs', 'p')] }, 'policy-without-rls')[0];
    expect(one?.message).toBe(
      'docs has the policy p but row-level security is not enabled on it: the policy has no effect, and every role with a grant on docs reaches every row.',
    );
    expect(one?.hint).toBe('Enable row-level security on docs.');
    const two = only(
      { tables: [docs()], policies: [aPolicy('docs', 'p'), aPolicy('docs', 'q')] },
      'policy-without-rls',
    )[0];
    expect(two?.message).toBe(
      'docs has 2 policies (p, q) but row-level security is not enabled on it: they have no effect, and every role with a grant on docs reaches every row.',
    );
  });
  it('tells Drizzle users where to enable it, and quotes the table in the fix', () => {
    const t = aTable('Docs', { schema: 'app' });
    const [f] = only(
      {
        tables: [t],
        policies: [aPolicy('Docs', 'p', { table: { schema: 'app', name: 'Docs' } })],
        source: { orm: 'drizzle', files: [] },
      },
      'policy-without-rls',
    );
    expect(f?.hint).toBe('Enable row-level security on app.Docs (in Drizzle: .enableRLS() on the table).');
    expect(f?.fix).toEqual({ sql: 'ALTER TABLE app."Docs" ENABLE ROW LEVEL SECURITY;' });
  });
  it('is PostgreSQL and CockroachDB only', () => {
    const ir = { tables: [docs()], policies: [aPolicy('docs', 'p')] };
    expect(only({ ...ir, dialect: 'cockroachdb' }, 'policy-without-rls')).toHaveLength(1);
    expect(only({ ...ir, dialect: 'sqlite' }, 'policy-without-rls')).toEqual([]);
  });
});

describe('rls-without-policy messages', () => {
  const rls = (forced: boolean) => docs({ rls: { enabled: true, forced, declaredIn: 'migration' } });
  it.each([
    [
      false,
      'docs has row-level security enabled but no policy: every role but its owner (and BYPASSRLS roles) sees no rows of docs and cannot write to it.',
    ],
    [
      true,
      'docs has row-level security enabled and forced but no policy: every role, its owner included, sees no rows of docs and cannot write to it.',
    ],
  ])('forced %s', (forced, message) => {
    expect(only({ tables: [rls(forced)] }, 'rls-without-policy')[0]?.message).toBe(message);
  });
});

describe('policy-on-missing-table', () => {
  it.each([
    [{ file: 'm.sql', line: 3 }, 'The policy p (m.sql:3) is on doc, which is not a table of the schema.'],
    [{ file: 'm.sql' }, 'The policy p (m.sql) is on doc, which is not a table of the schema.'],
    [undefined, 'The policy p is on doc, which is not a table of the schema.'],
  ])('source %j', (source, message) => {
    const [f] = only(
      { tables: [docs()], policies: [aPolicy('doc', 'p', source ? { source } : {})] },
      'policy-on-missing-table',
    );
    expect(f?.message).toBe(message);
    expect(f?.table).toEqual({ schema: null, name: 'doc' });
  });
  it.each(['_prisma_migrations', '__drizzle_migrations'])(
    'leaves the migration tool’s own table %s alone',
    (name) => {
      expect(only({ tables: [docs()], policies: [aPolicy(name, 'p')] }, 'policy-on-missing-table')).toEqual(
        [],
      );
    },
  );
  it('a view is a table a policy may be on; the default schema may be named public', () => {
    const view = aTable('v', { kind: 'view' });
    expect(only({ tables: [view], policies: [aPolicy('v', 'p')] }, 'policy-on-missing-table')).toEqual([]);
    const pub = aPolicy('docs', 'p', { table: { schema: 'public', name: 'docs' } });
    expect(only({ tables: [docs()], policies: [pub] }, 'policy-on-missing-table')).toEqual([]);
  });
});

describe('security-definer-search-path', () => {
  const definer = (overrides: Parameters<typeof aRoutine>[1] = {}) =>
    aRoutine('f', { securityDefiner: true, ...overrides });
  it.each([
    [{}, 'ALTER FUNCTION f() SET search_path = public, pg_temp;'],
    [{ kind: 'procedure' as const }, 'ALTER PROCEDURE f() SET search_path = public, pg_temp;'],
    [{ schema: 'App', name: 'Do' }, 'ALTER FUNCTION "App"."Do"() SET search_path = "App", pg_temp;'],
    [{ name: 'Do', arguments: 'a int = 1' }, 'ALTER FUNCTION "Do"(a int) SET search_path = public, pg_temp;'],
  ])('%j', (overrides, sql) => {
    const [f] = only({ routines: [definer(overrides)] }, 'security-definer-search-path');
    expect(f?.fix?.sql).toBe(sql);
    expect(f).toMatchObject({ severity: 'warning', category: 'security' });
    expect(f?.table).toBeUndefined();
  });
  it('names the routine, its kind and source', () => {
    const [f] = only(
      { routines: [definer({ arguments: 'a int', source: { file: 'm.sql', line: 9 } })] },
      'security-definer-search-path',
    );
    expect(f?.message).toBe(
      "The function f(a int) (m.sql:9) is SECURITY DEFINER without SET search_path: it resolves unqualified names with the caller's search_path, with its owner's rights.",
    );
    const [noLine] = only(
      { routines: [definer({ source: { file: 'm.sql' } })] },
      'security-definer-search-path',
    );
    expect(noLine?.message).toContain('The function f() (m.sql) is');
  });
  it.each([
    [{ search_path: 'public' }, 0],
    [{ SEARCH_PATH: 'public' }, 0],
    [{ work_mem: '1MB' }, 1],
  ])('config %j: %i', (config, n) => {
    expect(only({ routines: [definer({ config })] }, 'security-definer-search-path')).toHaveLength(n);
  });
  it('is PostgreSQL and CockroachDB only', () => {
    expect(
      only({ routines: [definer()], dialect: 'cockroachdb' }, 'security-definer-search-path'),
    ).toHaveLength(1);
    expect(only({ routines: [definer()], dialect: 'mysql' }, 'security-definer-search-path')).toEqual([]);
  });
});

describe('trigger-function-missing', () => {
  const trig = (fn: string, schema: string | null = null) =>
    aTrigger('docs', 't', fn, { function: { schema, name: fn } });
  const missing = (ir: Partial<Ir>) =>
    only({ ...complete, tables: [docs()], ...ir }, 'trigger-function-missing');

  it.each([
    ['suppress_redundant_updates_trigger', null, 0],
    ['tsvector_update_trigger', null, 0],
    ['tsvector_update_trigger_column', null, 0],
    ['tsvector_update_trigger', 'app', 1],
    ['anything', 'pg_catalog', 0],
    ['touch', null, 1],
    ['touch', 'public', 1],
  ] as const)('%s in schema %s: %i', (fn, schema, n) => {
    expect(missing({ triggers: [trig(fn, schema)], namespaces: ['app'] })).toHaveLength(n);
  });

  it('a schema the sources mention counts as known; an extension’s schema and an unknown one do not', () => {
    expect(missing({ triggers: [trig('touch', 'app')] })).toEqual([]);
    expect(missing({ triggers: [trig('touch', 'app')], namespaces: ['app'] })).toHaveLength(1);
    expect(
      missing({ triggers: [trig('touch', 'app')], routines: [aRoutine('other', { schema: 'app' })] }),
    ).toHaveLength(1);
    expect(
      missing({
        triggers: [trig('touch', 'ext')],
        namespaces: ['ext'],
        extensions: [{ name: 'x', schema: 'ext', origin: 'declared' }],
      }),
    ).toEqual([]);
  });

  it('a function of a declared extension is defined elsewhere; an undeclared one asks for the extension', () => {
    const ext = { name: 'moddatetime', origin: 'declared' as const };
    expect(missing({ triggers: [trig('moddatetime')], extensions: [ext] })).toEqual([]);
    const [f] = missing({ triggers: [trig('moddatetime')] });
    expect(f?.hint).toBe(
      'moddatetime() comes from the moddatetime extension: create the extension in a migration.',
    );
    expect(f?.fix).toEqual({ sql: 'CREATE EXTENSION IF NOT EXISTS moddatetime;' });
    const [refint] = missing({ triggers: [trig('check_primary_key')], extensions: [{ ...ext, name: 'lo' }] });
    expect(refint?.fix).toEqual({ sql: 'CREATE EXTENSION IF NOT EXISTS refint;' });
  });

  it('names the trigger, table and function; asks for the CREATE FUNCTION', () => {
    const [f] = missing({ triggers: [trig('touch', 'public')] });
    expect(f?.message).toBe(
      'The trigger t on docs executes public.touch(), which no migration defines: creating the trigger fails, or the function was created by hand and is not under version control.',
    );
    expect(f?.hint).toBe('Add the CREATE FUNCTION public.touch() to a migration before the trigger.');
    expect(f?.fix).toBeUndefined();
  });

  it('needs every function known, and PostgreSQL', () => {
    expect(only({ tables: [docs()], triggers: [trig('touch')] }, 'trigger-function-missing')).toHaveLength(
      // The trigger itself comes from a migration: the migrations were read.
      1,
    );
    expect(
      only(
        {
          tables: [docs()],
          triggers: [trig('touch')],
          source: { orm: 'prisma', files: [], objectsUnread: ['m.sql'] },
        },
        'trigger-function-missing',
      ),
    ).toEqual([]);
    expect(missing({ triggers: [trig('touch')], dialect: 'mysql' })).toEqual([]);
    expect(missing({ triggers: [trig('touch')], routines: [aRoutine('touch')] })).toEqual([]);
  });
});
