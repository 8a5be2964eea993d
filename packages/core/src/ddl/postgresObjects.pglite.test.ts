import { PGlite } from '@electric-sql/pglite';
import { lo } from '@electric-sql/pglite/contrib/lo';
import { moddatetime } from '@electric-sql/pglite/contrib/moddatetime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../findings/index.js';
import type { Ir, Table } from '../ir/types.js';
import {
  aColumn,
  anIr,
  aPolicy,
  aPrimaryKey,
  aRoutine,
  aSequence,
  aTable,
  aTrigger,
} from '../testing/builders.js';
import { objectsIr } from '../testing/objectsIr.js';
import { resetDatabase } from '../testing/pg.js';
import { renderDdl } from './index.js';

/**
 * The DDL of a schema with every kind of object beyond tables executes on PostgreSQL (PGlite), and
 * what the catalog then holds (pg_policy, pg_trigger, pg_proc, pg_class.relrowsecurity, pg_views,
 * pg_matviews, pg_sequence, pg_roles) is what the IR says, fact by fact.
 */

let db: PGlite;
const ir = objectsIr();
const ddl = renderDdl(ir);

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}

async function execute(sql: string): Promise<void> {
  await resetDatabase(db);
  try {
    await db.exec(sql);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- DDL ---\n${sql}`);
  }
}

beforeAll(async () => {
  db = await PGlite.create({ extensions: { lo, moddatetime } });
  await execute(ddl);
});
afterAll(async () => {
  await db.close();
});

const tables = (kind: Table['kind']) => ir.tables.filter((t) => t.kind === kind);

describe('the DDL of objects beyond tables executes and the catalog matches the IR', () => {
  it('row-level security: pg_class.relrowsecurity and relforcerowsecurity per table', async () => {
    const got = await rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
    );
    const want = tables('table')
      .map((t) => ({
        relname: t.name,
        relrowsecurity: t.rls?.enabled ?? false,
        relforcerowsecurity: t.rls?.forced ?? false,
      }))
      .sort((a, b) => a.relname.localeCompare(b.relname));
    expect(got).toEqual(want);
  });

  it('policies: pg_policy name, table, command, permissive, roles, USING and WITH CHECK', async () => {
    const got = await rows<Record<string, unknown>>(
      `SELECT p.polname AS name, c.relname AS table, p.polcmd AS cmd, p.polpermissive AS permissive,
              ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END
                    FROM unnest(p.polroles) r ORDER BY 1) AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using,
              pg_get_expr(p.polwithcheck, p.polrelid) AS "withCheck"
       FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid ORDER BY c.relname, p.polname`,
    );
    const CMD = { all: '*', select: 'r', insert: 'a', update: 'w', delete: 'd' } as const;
    // pg_get_expr prints a bare `true` as it is and wraps anything else in one pair of parentheses.
    const printed = (e: string | undefined) => e ?? null;
    const want = ir.policies
      .map((p) => ({
        name: p.name,
        table: p.table.name,
        cmd: CMD[p.command],
        permissive: p.permissive,
        roles: [...p.roles].sort(),
        using: printed(p.using),
        withCheck: printed(p.withCheck),
      }))
      .sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
    expect(got).toEqual(want);
  });

  it('triggers: pg_trigger name, table, function, timing, events, UPDATE OF, level, WHEN, arguments, enabled', async () => {
    const got = await rows<{
      name: string;
      table: string;
      fn: string;
      tgtype: number;
      cols: string[];
      args: string;
      enabled: string;
      def: string;
    }>(
      `SELECT t.tgname AS name, c.relname AS table, p.proname AS fn, t.tgtype,
              ARRAY(SELECT a.attname FROM unnest(t.tgattr) k JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k ORDER BY a.attnum) AS cols,
              encode(t.tgargs, 'escape') AS args, t.tgenabled AS enabled, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
    );
    const bit = (type: number, n: number) => (type & (1 << n)) !== 0;
    const decoded = got.map((g) => ({
      name: g.name,
      table: g.table,
      fn: g.fn,
      timing: bit(g.tgtype, 1) ? 'before' : bit(g.tgtype, 6) ? 'instead of' : 'after',
      events: (['insert', 'update', 'delete', 'truncate'] as const).filter((_, i) =>
        bit(g.tgtype, [2, 4, 3, 5][i] as number),
      ),
      forEach: bit(g.tgtype, 0) ? 'row' : 'statement',
      updateOf: g.cols,
      // pg_get_triggerdef prints WHEN ((condition)): the clause's parentheses and the expression's.
      when: /WHEN \(\((.*)\)\) EXECUTE/.exec(g.def)?.[1] ?? null,
      arguments: g.args === '' ? [] : g.args.split('\\000').filter((a) => a !== ''),
      enabled: g.enabled !== 'D',
    }));
    const want = ir.triggers
      .map((t) => ({
        name: t.name,
        table: t.table.name,
        fn: t.function.name,
        timing: t.timing,
        events: [...t.events].sort(
          (a, b) =>
            ['insert', 'update', 'delete', 'truncate'].indexOf(a) -
            ['insert', 'update', 'delete', 'truncate'].indexOf(b),
        ),
        forEach: t.forEach,
        updateOf: t.updateOf ?? [],
        when: t.when ?? null,
        arguments: t.arguments,
        enabled: t.enabled,
      }))
      .sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
    expect(decoded).toEqual(want);
  });

  it('functions and procedures: pg_proc kind, arguments, result, language, volatility, SECURITY DEFINER, SET, body', async () => {
    const got = await rows<Record<string, unknown>>(
      `SELECT p.proname AS name, p.prokind AS kind, pg_get_function_arguments(p.oid) AS arguments,
              CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_get_function_result(p.oid) END AS returns,
              l.lanname AS language, p.provolatile AS volatility, p.prosecdef AS "securityDefiner",
              coalesce(p.proconfig, '{}') AS config, p.prosrc AS body, obj_description(p.oid, 'pg_proc') AS description
       FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       ORDER BY p.proname`,
    );
    const VOLATILITY = { immutable: 'i', stable: 's', volatile: 'v' } as const;
    const want = ir.routines
      .map((r) => ({
        name: r.name,
        kind: r.kind === 'procedure' ? 'p' : 'f',
        // PostgreSQL prints a procedure's argument modes, IN included.
        arguments: r.kind === 'procedure' ? `IN ${r.arguments}` : r.arguments,
        returns: r.kind === 'procedure' ? null : (r.returns ?? null),
        language: r.language,
        volatility: VOLATILITY[r.volatility],
        securityDefiner: r.securityDefiner,
        config: Object.entries(r.config).map(([k, v]) => `${k}=${v}`),
        body: r.body,
        description: r.description ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(got).toEqual(want);
  });

  it('views and materialized views: pg_views / pg_matviews definitions, created after what they read', async () => {
    const views = await rows<{ name: string; definition: string }>(
      `SELECT viewname AS name, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`,
    );
    expect(views).toEqual(tables('view').map((v) => ({ name: v.name, definition: v.definition })));
    const mat = await rows<{ name: string; definition: string }>(
      `SELECT matviewname AS name, definition FROM pg_matviews WHERE schemaname = 'public' ORDER BY matviewname`,
    );
    expect(mat).toEqual(tables('materialized-view').map((v) => ({ name: v.name, definition: v.definition })));
    // recent_documents sorts after active_authors by name, yet is created first (active_authors reads it).
    expect(ddl.indexOf('CREATE VIEW recent_documents')).toBeLessThan(
      ddl.indexOf('CREATE VIEW active_authors'),
    );
  });

  it('sequences: pg_sequence type, start, increment, bounds, cache, cycle, and OWNED BY', async () => {
    const got = await rows<Record<string, unknown>>(
      `SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS "dataType", s.seqstart::text AS start,
              s.seqincrement::text AS increment, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
              (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                 JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
               WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) AS "ownedBy"
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
       WHERE c.relname = ANY($1) ORDER BY c.relname`,
      [ir.sequences.map((s) => s.name)],
    );
    const MAX = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' } as const;
    // A serial's sequence is owned (deptype a), an identity's is internal to its column (deptype i).
    const want = ir.sequences
      .map((s) => ({
        name: s.name,
        dataType: s.dataType ?? 'bigint',
        start: s.start ?? '1',
        increment: s.increment ?? '1',
        max: s.maxValue ?? MAX[(s.dataType ?? 'bigint') as keyof typeof MAX],
        cache: s.cache ?? '1',
        cycle: s.cycle,
        ownedBy: s.ownedBy ? `${s.ownedBy.name}.${s.ownedBy.column}` : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(got).toEqual(want);
  });

  it('roles: declared ones with their options, and those the policies name', async () => {
    const got = await rows<{ rolname: string; rolcanlogin: boolean; rolinherit: boolean }>(
      `SELECT rolname, rolcanlogin, rolinherit FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [['anon', 'auditor', 'authenticated']],
    );
    expect(got.map((r) => r.rolname)).toEqual(['anon', 'auditor', 'authenticated']);
    expect(got.find((r) => r.rolname === 'auditor')).toMatchObject({ rolcanlogin: false, rolinherit: false });
  });

  it('executes again where the roles already exist (each CREATE ROLE is guarded)', async () => {
    await execute(ddl);
    expect(await rows(`SELECT 1 FROM pg_policy`)).toHaveLength(ir.policies.length);
  });

  it('a column the ORM refreshes says which trigger keeps it current for every writer', () => {
    expect(ddl).toContain(
      'updated_at timestamp(3) with time zone NOT NULL DEFAULT now(), -- updated by the ORM on every update: $onUpdate(() => new Date()); kept current for every writer by the trigger profiles_touch',
    );
  });

  it('the extension a trigger needs is created first (moddatetime)', async () => {
    expect(ddl.indexOf('CREATE EXTENSION IF NOT EXISTS moddatetime')).toBe(ddl.indexOf('CREATE'));
    await db.exec(
      `INSERT INTO tags (name, updated_at) VALUES ('x', '2000-01-01'); UPDATE tags SET name = 'y';`,
    );
    const [row] = await rows<{ fresh: boolean }>(`SELECT updated_at > '2001-01-01' AS fresh FROM tags`);
    expect(row?.fresh).toBe(true);
  });

  it('the triggers run: touch_updated_at refreshes updated_at, log_change writes the audit log as its owner', async () => {
    await db.exec(`INSERT INTO profiles (id, username, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', 'a', '2000-01-01');
      UPDATE profiles SET username = 'b';
      INSERT INTO documents (owner_id, title, body) VALUES ('00000000-0000-0000-0000-000000000001', 't', 'b');`);
    const [p] = await rows<{ fresh: boolean }>(`SELECT updated_at > '2001-01-01' AS fresh FROM profiles`);
    expect(p?.fresh).toBe(true);
    expect(await rows(`SELECT op FROM audit_log`)).toEqual([{ op: 'INSERT' }]);
    expect(await rows(`SELECT id FROM documents`)).toEqual([{ id: 1000 }]);
  });
});

describe('objects in a schema no table uses', () => {
  it('the DDL creates the schema of a function and of a sequence first', async () => {
    const small = anIr({
      tables: [
        aTable('notes', { columns: [aColumn('id', 'integer')], primaryKey: aPrimaryKey('notes', ['id']) }),
      ],
      routines: [aRoutine('touch', { schema: 'util' })],
      sequences: [aSequence('ticket', { schema: 'private' })],
    });
    await execute(renderDdl(small));
    const got = await rows<{ nspname: string; kind: string }>(
      `SELECT n.nspname, 'function' AS kind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = 'touch'
       UNION ALL SELECT n.nspname, 'sequence' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'ticket'`,
    );
    expect(got).toEqual([
      { nspname: 'util', kind: 'function' },
      { nspname: 'private', kind: 'sequence' },
    ]);
  });
});

describe("the findings' fixes execute on the objects' DDL", () => {
  it('every fix SQL of the object rules runs after the DDL', async () => {
    const broken: Ir = anIr({
      ...ir,
      tables: [
        ...ir.tables,
        aTable('notes', { columns: [aColumn('id', 'integer')], primaryKey: aPrimaryKey('notes', ['id']) }),
      ],
      policies: [...ir.policies, aPolicy('notes', 'notes are public', { command: 'select', using: 'true' })],
      // lo_manage comes from the lo extension, which the schema does not declare.
      triggers: [...ir.triggers, aTrigger('notes', 'notes_lo', 'lo_manage', { arguments: ['id'] })],
      routines: [
        ...ir.routines,
        aRoutine('stamp', {
          securityDefiner: true,
          arguments: 'n integer DEFAULT 1',
          returns: 'integer',
          language: 'sql',
          body: ' SELECT n ',
        }),
      ],
    });
    const rules = ['policy-without-rls', 'security-definer-search-path', 'trigger-function-missing'];
    const fixes = analyze(broken).filter((f) => rules.includes(f.ruleId));
    expect(new Set(fixes.map((f) => f.ruleId))).toEqual(new Set(rules));
    await execute(renderDdl(broken));
    for (const f of fixes) await db.exec(f.fix?.sql ?? '');
    const config = await rows<{ proconfig: string[] | null }>(
      `SELECT proconfig FROM pg_proc WHERE proname IN ('stamp', 'documents_of')`,
    );
    expect(config.every((c) => c.proconfig?.some((s) => s.startsWith('search_path=')))).toBe(true);
    const [rls] = await rows<{ relrowsecurity: boolean }>(
      `SELECT relrowsecurity FROM pg_class WHERE relname = 'notes'`,
    );
    expect(rls?.relrowsecurity).toBe(true);
  });
});
