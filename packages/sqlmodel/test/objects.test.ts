import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { resetDatabase, startPglite } from '@ormdoc/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromSqlmodelExport, loadSqlmodel } from '../src/index.js';
import { exportJson, FIXTURES, HAS_PYTHON, sqlalchemyDdl, TEST_PYTHON } from './helpers/python.js';

/**
 * SQLAlchemy's objects beyond tables: Sequence (standalone, on a column, optional), and DDL
 * attached to create events (a function, a trigger, RLS and a policy, a @compiles view element).
 * SQLAlchemy's own create_all DDL runs on PGlite; what it created, read back from the catalogs,
 * must be what the IR says (policies and views recreated from the IR, so PostgreSQL deparses both).
 */
const DIR = path.join(FIXTURES, 'objects');
const TARGET = 'models.py:metadata';

describe.runIf(HAS_PYTHON)('SQLAlchemy sequences and DDL events (real SQLAlchemy, PGlite)', () => {
  let ir: Awaited<ReturnType<typeof loadSqlmodel>>['ir'];
  let diagnostics: Awaited<ReturnType<typeof loadSqlmodel>>['diagnostics'];
  let ddl: string;
  beforeAll(async () => {
    ({ ir, diagnostics } = await loadSqlmodel({ cwd: DIR, module: TARGET, python: TEST_PYTHON }));
    ddl = await sqlalchemyDdl(DIR, TARGET);
  }, 60_000);

  it('sequences: standalone and on a column, with PostgreSQL defaults for what the code leaves out; optional=True left out', () => {
    expect(
      ir.sequences.map((s) => [s.name, s.start, s.increment, s.minValue, s.maxValue, s.cache, s.dataType]),
    ).toEqual([
      ['invoice_number', '1000', '5', '1', '9223372036854775807', '1', 'bigint'],
      ['orders_id_seq', '10', '1', '1', '9223372036854775807', '20', 'bigint'],
    ]);
    expect(ir.sequences.every((s) => s.declaredIn === 'orm' && s.source?.file === 'models.py')).toBe(true);
  });

  it('DDL elements on create events become objects declared in the ORM; the sqlite-only one is left out', () => {
    expect(ir.routines.map((r) => [r.name, r.language, r.returns, r.declaredIn, r.source])).toEqual([
      ['touch_updated_by', 'plpgsql', 'trigger', 'orm', { file: 'models.py' }],
    ]);
    expect(ir.triggers).toMatchObject([
      {
        table: { name: 'orders' },
        name: 'orders_touch',
        timing: 'before',
        events: ['update'],
        forEach: 'row',
        function: { name: 'touch_updated_by' },
        declaredIn: 'orm',
      },
    ]);
    expect(ir.policies).toMatchObject([
      { table: { name: 'orders' }, name: 'own_orders', command: 'select', declaredIn: 'orm' },
    ]);
    expect(ir.tables.find((t) => t.name === 'orders')?.rls).toMatchObject({
      enabled: true,
      declaredIn: 'orm',
    });
    const view = ir.tables.find((t) => t.name === 'big_orders');
    expect(view?.kind).toBe('view');
    expect(view?.definition).toMatch(/orders/);
    expect(ir.source.objectsReadFrom).toBeUndefined();
  });

  it('a Python function listening to a create event is named in one diagnostic (its SQL cannot be read)', () => {
    expect(diagnostics.filter((d) => d.code === 'sqlmodel/ddl-listener-unread')).toMatchObject([
      { severity: 'info', message: expect.stringContaining('models.seed_orders') },
    ]);
  });

  it("create_all's database holds exactly these objects", async () => {
    const db = await startPglite();
    await resetDatabase(db);
    await db.exec(ddl);
    const seq = await db.query<{
      name: string;
      start: string;
      inc: string;
      min: string;
      max: string;
      cache: string;
    }>(
      `SELECT c.relname AS name, seqstart::text AS start, seqincrement::text AS inc, seqmin::text AS min,
              seqmax::text AS max, seqcache::text AS cache
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1`,
    );
    expect(seq.rows.map((r) => [r.name, r.start, r.inc, r.min, r.max, r.cache])).toEqual(
      ir.sequences.map((s) => [s.name, s.start, s.increment, s.minValue, s.maxValue, s.cache]),
    );
    const triggers = await db.query<{ tgname: string; fn: string; def: string }>(
      `SELECT tgname, tgfoid::regproc::text AS fn, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal`,
    );
    expect(triggers.rows.map((t) => [t.tgname, t.fn])).toEqual(
      ir.triggers.map((t) => [t.name, t.function.name]),
    );
    expect(triggers.rows[0]?.def).toMatch(/BEFORE UPDATE ON public\.orders FOR EACH ROW/);
    const procs = await db.query<{ proname: string; prosrc: string }>(
      `SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
    );
    expect(procs.rows.map((p) => [p.proname, p.prosrc.trim()])).toEqual(
      ir.routines.map((r) => [r.name, r.body?.trim()]),
    );
    const rls = await db.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relrowsecurity`);
    expect(rls.rows.map((r) => r.relname)).toEqual(
      ir.tables.filter((t) => t.rls?.enabled).map((t) => t.name),
    );

    const facts = async () => ({
      policies: (
        await db.query<{ polname: string; cmd: string; qual: string }>(
          `SELECT polname, polcmd AS cmd, pg_get_expr(polqual, polrelid) AS qual FROM pg_policy`,
        )
      ).rows,
      views: (
        await db.query<{ viewname: string; definition: string }>(
          `SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'`,
        )
      ).rows,
    });
    const sqlalchemy = await facts();
    expect(sqlalchemy.policies).toHaveLength(1);
    expect(sqlalchemy.views).toHaveLength(1);
    const p = ir.policies[0]!;
    const v = ir.tables.find((t) => t.kind === 'view')!;
    await db.exec(`DROP POLICY own_orders ON orders; DROP VIEW big_orders;
      CREATE POLICY ${p.name} ON orders FOR ${p.command.toUpperCase()} USING (${p.using});
      CREATE VIEW ${v.name} AS ${v.definition};`);
    expect(await facts()).toEqual(sqlalchemy);
  });
});

/** Sequences, triggers, functions, RLS, policies and views of the public schema, as the catalogs say. */
async function catalog(db: Awaited<ReturnType<typeof startPglite>>) {
  const q = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows;
  return {
    sequences: await q(
      `SELECT c.relname, s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1`,
    ),
    triggers: await q(
      `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
    ),
    functions: await q(
      `SELECT pg_get_functiondef(oid) AS def FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`,
    ),
    rls: await q(`SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY 1`),
    policies: await q(
      `SELECT polname, polcmd, polroles::text, pg_get_expr(polqual, polrelid) AS qual FROM pg_policy ORDER BY 1`,
    ),
    views: await q(`SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1`),
  };
}

describe.runIf(HAS_PYTHON)("ormdoc's DDL of the same models", () => {
  it("executes and creates the objects create_all creates (functions' text and trigger definitions included)", async () => {
    const [{ ir }, expected] = await Promise.all([
      loadSqlmodel({ cwd: DIR, module: TARGET, python: TEST_PYTHON }),
      sqlalchemyDdl(DIR, TARGET),
    ]);
    const db = await startPglite();
    await resetDatabase(db);
    await db.exec(expected);
    const sqlalchemy = await catalog(db);
    await resetDatabase(db);
    await db.exec(renderDdl(ir));
    expect(await catalog(db)).toEqual(sqlalchemy);
    expect([
      sqlalchemy.sequences.length,
      sqlalchemy.triggers.length,
      sqlalchemy.policies.length,
      sqlalchemy.views.length,
    ]).toEqual([2, 1, 1, 1]);
  }, 60_000);
});

describe('the export format: sequences and DDL events are optional (older exports still read)', () => {
  it('an export without them gives no sequences and no objects', async () => {
    const doc = { formatVersion: 1, dialect: 'postgresql', tables: [] };
    const { ir } = fromSqlmodelExport(doc);
    expect([ir.sequences, ir.policies, ir.triggers]).toEqual([[], [], []]);
  });

  it.runIf(HAS_PYTHON)('sequences are left out on SQLite (create_all ignores them there)', async () => {
    const json = (await exportJson(DIR, TARGET)) as Record<string, unknown>;
    const { ir } = fromSqlmodelExport({ ...json, dialect: 'sqlite' });
    expect(ir.sequences).toEqual([]);
  });
});
