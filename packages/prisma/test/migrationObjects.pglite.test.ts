import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import type { Ir } from '@ormdoc/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSchemaFiles, loadPrisma, readMigrations } from '../src/index.js';

/**
 * The Prisma fixture's migrations applied by hand to PostgreSQL (PGlite), in order, against what
 * ormdoc read from the same files. Expressions, signatures and view queries are compared after
 * PostgreSQL itself deparsed both sides: ormdoc's text is put back into the database as a probe
 * object (a policy, trigger, function, view or sequence in the `probe` schema) and PostgreSQL's
 * deparse of the probe must equal its deparse of the original.
 */
const cwd = path.join(import.meta.dirname, 'fixtures/migration-objects');
let db: PGlite;
let ir: Ir;

const q = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

beforeAll(async () => {
  ir = (await loadPrisma({ cwd })).ir;
  db = await PGlite.create({ extensions: { citext } });
  const files = await findSchemaFiles(cwd);
  for (const m of await readMigrations(
    cwd,
    files.map((f) => f.absolute),
  ))
    await db.exec(await readFile(path.join(cwd, m.path), 'utf8'));
  await db.exec('CREATE SCHEMA probe');
}, 60_000);

describe('the fixture migrations applied to PostgreSQL, against ormdoc', () => {
  it('row-level security: relrowsecurity and relforcerowsecurity of every table', async () => {
    const rows = await q<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
    );
    const ours = rows.map((r) => {
      const t = ir.tables.find((x) => x.name === r.relname);
      return {
        relname: r.relname,
        relrowsecurity: t?.rls?.enabled ?? false,
        relforcerowsecurity: t?.rls?.forced ?? false,
      };
    });
    expect(ours).toEqual(rows);
    expect(rows.some((r) => r.relrowsecurity)).toBe(true);
  });

  it('policies: pg_policy names, commands, permissive, roles, USING and WITH CHECK', async () => {
    const catalog = await q<Record<string, unknown>>(
      `SELECT c.relname AS table, p.polname AS name, p.polcmd AS cmd, p.polpermissive AS permissive,
              ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END FROM unnest(p.polroles) r ORDER BY 1) AS roles,
              pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
       FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid ORDER BY 1, 2`,
    );
    const cmd = { all: '*', select: 'r', insert: 'a', update: 'w', delete: 'd' } as const;
    const ours = [];
    for (const p of ir.policies) {
      // PostgreSQL deparses ormdoc's expressions on a probe policy of the same table.
      await db.exec(
        `CREATE POLICY probe ON ${ident(p.table.name)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command.toUpperCase()} TO ${p.roles.join(', ')}` +
          `${p.using ? ` USING (${p.using})` : ''}${p.withCheck ? ` WITH CHECK (${p.withCheck})` : ''}`,
      );
      const [probe] = await q<{ using: string | null; with_check: string | null }>(
        `SELECT pg_get_expr(polqual, polrelid) AS using, pg_get_expr(polwithcheck, polrelid) AS with_check FROM pg_policy WHERE polname = 'probe'`,
      );
      await db.exec(`DROP POLICY probe ON ${ident(p.table.name)}`);
      ours.push({
        table: p.table.name,
        name: p.name,
        cmd: cmd[p.command],
        permissive: p.permissive,
        roles: [...p.roles].sort(),
        using: probe!.using,
        with_check: probe!.with_check,
      });
    }
    expect(ir.policies.every((p) => p.declaredIn === 'migration' && p.source?.line)).toBe(true);
    expect(ours).toEqual(catalog);
    expect(catalog.length).toBe(3);
  });

  it('triggers: pg_trigger definitions (timing, events, columns, level, WHEN, function, arguments, enabled)', async () => {
    const catalog = await q<{ table: string; name: string; def: string; enabled: boolean }>(
      `SELECT c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS def, t.tgenabled <> 'D' AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY 1, 2`,
    );
    const ours = [];
    for (const t of ir.triggers) {
      // ormdoc's trigger re-created on a copy of its table in the probe schema.
      const copy = `probe.${ident(t.table.name)}`;
      await db.exec(`CREATE TABLE ${copy} (LIKE public.${ident(t.table.name)})`);
      const events = t.events
        .map((e) =>
          e === 'update' && t.updateOf ? `UPDATE OF ${t.updateOf.map(ident).join(', ')}` : e.toUpperCase(),
        )
        .join(' OR ');
      const fn = `${t.function.schema ? `${ident(t.function.schema)}.` : ''}${ident(t.function.name)}`;
      const args = t.arguments.map((a) => `'${a.replace(/'/g, "''")}'`).join(', ');
      await db.exec(
        `CREATE TRIGGER ${ident(t.name)} ${t.timing.toUpperCase()} ${events} ON ${copy} FOR EACH ${t.forEach.toUpperCase()}` +
          `${t.when ? ` WHEN (${t.when})` : ''} EXECUTE FUNCTION ${fn}(${args})`,
      );
      const [probe] = await q<{ def: string }>(
        `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = $2`,
        [copy, t.name],
      );
      await db.exec(`DROP TABLE ${copy}`);
      ours.push({
        table: t.table.name,
        name: t.name,
        def: probe!.def.replace(' ON probe.', ' ON public.'),
        enabled: t.enabled,
      });
    }
    expect(ours).toEqual(catalog);
    expect(catalog.map((c) => c.name)).toEqual(['comments_audit', 'posts_audit', 'posts_touch']);
    expect(catalog.find((c) => c.name === 'comments_audit')?.enabled).toBe(false);
  });

  it('functions and procedures: pg_proc signature, result, kind, language, volatility, security, config, body', async () => {
    const shape = `p.proname AS name, p.prokind AS kind, pg_get_function_arguments(p.oid) AS arguments,
      pg_get_function_result(p.oid) AS returns, l.lanname AS language, p.provolatile AS volatility,
      p.prosecdef AS security_definer, coalesce(p.proconfig, '{}') AS config, p.prosrc AS body`;
    const catalog = await q<Record<string, unknown>>(
      `SELECT ${shape} FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') ORDER BY 1, 3`,
    );
    for (const r of ir.routines) {
      const set = Object.entries(r.config)
        .map(([k, v]) => ` SET ${k} = ${v}`)
        .join('');
      const atomic = r.language === 'sql' && (r.body?.startsWith('RETURN ') || r.kind === 'procedure');
      const body = atomic
        ? r.body!.startsWith('RETURN ')
          ? r.body
          : `BEGIN ATOMIC ${r.body}; END`
        : `AS $ormdoc$${r.body}$ormdoc$`;
      await db.exec(
        `CREATE ${r.kind.toUpperCase()} probe.${ident(r.name)}(${r.arguments})${r.returns ? ` RETURNS ${r.returns}` : ''}` +
          ` LANGUAGE ${r.language} ${r.kind === 'function' ? r.volatility.toUpperCase() : ''}` +
          `${r.securityDefiner ? ' SECURITY DEFINER' : ''}${set} ${body}`,
      );
    }
    const ours = await q<Record<string, unknown>>(
      `SELECT ${shape} FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
       WHERE p.pronamespace = 'probe'::regnamespace ORDER BY 1, 3`,
    );
    expect(ours).toEqual(catalog);
    expect(catalog.map((c) => c.name)).toEqual([
      'add',
      'archive_posts',
      'audit_row',
      'current_account_id',
      'touch_updated_at',
    ]);
    expect(ir.routines.find((r) => r.name === 'current_account_id')?.description).toBe(
      (await q<{ d: string }>(`SELECT obj_description('current_account_id'::regproc, 'pg_proc') AS d`))[0]!.d,
    );
  });

  it('views and materialized views: pg_views / pg_matviews definitions', async () => {
    const catalog = await q<{ name: string; kind: string; def: string }>(
      `SELECT viewname AS name, 'view' AS kind, definition AS def FROM pg_views WHERE schemaname = 'public'
       UNION ALL SELECT matviewname, 'materialized-view', definition FROM pg_matviews WHERE schemaname = 'public' ORDER BY 1`,
    );
    const ours = [];
    for (const t of ir.tables.filter((x) => x.kind !== 'table')) {
      const what = t.kind === 'view' ? 'VIEW' : 'MATERIALIZED VIEW';
      await db.exec(`SET search_path = public; CREATE ${what} probe.${ident(t.name)} AS ${t.definition}`);
      const [probe] = await q<{ def: string }>(`SELECT pg_get_viewdef($1::regclass) AS def`, [
        `probe.${ident(t.name)}`,
      ]);
      ours.push({ name: t.name, kind: t.kind, def: probe!.def });
    }
    expect(ours).toEqual(catalog);
    expect(catalog.map((c) => c.name)).toEqual(['post_counts', 'published_posts']);
  });

  it('sequences: pg_sequence (type, start, increment, bounds, cache, cycle)', async () => {
    const shape = `c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start,
      s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle`;
    const explicit = `SELECT ${shape} FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
      WHERE c.relnamespace = $1::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) ORDER BY 1`;
    for (const s of ir.sequences) {
      const opts = [
        s.dataType ? `AS ${s.dataType}` : '',
        s.increment ? `INCREMENT BY ${s.increment}` : '',
        s.minValue ? `MINVALUE ${s.minValue}` : '',
        s.maxValue ? `MAXVALUE ${s.maxValue}` : '',
        s.start ? `START WITH ${s.start}` : '',
        s.cache ? `CACHE ${s.cache}` : '',
        s.cycle ? 'CYCLE' : '',
      ].join(' ');
      await db.exec(`CREATE SEQUENCE probe.${ident(s.name)} ${opts}`);
    }
    const catalog = await q(explicit, ['public']);
    expect(await q(explicit, ['probe'])).toEqual(catalog);
    expect(catalog.map((c) => (c as { name: string }).name)).toEqual(['invoice_number_seq']);
  });

  it('extensions and roles: pg_extension and pg_roles', async () => {
    const extensions = await q<{ extname: string }>(
      `SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`,
    );
    expect(ir.extensions.map((e) => e.name)).toEqual(extensions.map((e) => e.extname));
    // app_user is created by a DO block, which ormdoc counts but does not run.
    const roles = await q<{ rolname: string; rolcanlogin: boolean; rolinherit: boolean }>(
      `SELECT rolname, rolcanlogin, rolinherit FROM pg_roles WHERE rolname LIKE 'app\\_%' ORDER BY 1`,
    );
    expect(roles.map((r) => r.rolname)).toEqual(['app_reader', 'app_user']);
    expect(
      ir.roles.map((r) => ({
        rolname: r.name,
        rolcanlogin: r.options.includes('LOGIN'),
        rolinherit: !r.options.includes('NOINHERIT'),
      })),
    ).toEqual(roles.filter((r) => r.rolname !== 'app_user'));
  });

  it("comments: table and column descriptions where the schema has none; the schema's own win", async () => {
    const catalog = await q<{ table: string; column: string | null; d: string }>(
      `SELECT c.relname AS table, a.attname AS column, d.description AS d FROM pg_description d
       JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
       WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2`,
    );
    expect(catalog).toEqual([
      { table: 'comments', column: null, d: 'Comments on posts; readable by everyone.' },
      { table: 'posts', column: null, d: "Overridden by the schema's own /// comment." },
    ]);
    const table = (n: string) => ir.tables.find((t) => t.name === n)!;
    expect(table('comments').description).toBe(catalog[0]!.d);
    expect(table('posts').description).toBe('A post, written by an account.');
    expect(table('posts').columns.find((c) => c.name === 'title')?.description).toBeUndefined();
  });
});
