import type { Ir } from '@ormdoc/core';
import type { PGlite } from '@ormdoc/core/testing';

/**
 * Test helpers for the objects beyond tables: what a PostgreSQL database holds, read back from
 * its catalogs (pg_policy, pg_class.relrowsecurity, pg_roles, pg_views/pg_matviews, pg_sequence),
 * and the same facts taken from an ormdoc IR, in one comparable form.
 */

export interface ObjectFacts {
  /** `table|policy` -> `AS cmd TO roles USING (...) WITH CHECK (...)`, expressions as PostgreSQL deparses them. */
  policies: Record<string, string>;
  /** Tables with row-level security enabled, `schema.table`. */
  rls: string[];
  /** Created roles -> their options. */
  roles: Record<string, string>;
  /** `schema.view` -> `view|materialized-view: definition` as PostgreSQL deparses it. */
  views: Record<string, string>;
  /** `schema.sequence` -> type, start, increment, bounds, cache, cycle, owner. */
  sequences: Record<string, string>;
}

const CMD: Record<string, string> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };

/** The objects of the user schemas of a database (roles: those in `roles`). */
export async function introspectObjects(db: PGlite, roles: string[]): Promise<ObjectFacts> {
  const policies = await db.query<{
    tbl: string;
    polname: string;
    polcmd: string;
    polpermissive: boolean;
    roles: string[] | null;
    qual: string | null;
    check: string | null;
  }>(`
    SELECT n.nspname || '.' || c.relname AS tbl, p.polname, p.polcmd, p.polpermissive,
      (SELECT array_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END ORDER BY 1)
         FROM unnest(p.polroles) r) AS roles,
      pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS check
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace`);
  const rls = await db.query<{ tbl: string }>(`
    SELECT n.nspname || '.' || c.relname AS tbl FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relrowsecurity AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
  const roleRows = await db.query<{
    rolname: string;
    rolcreatedb: boolean;
    rolcreaterole: boolean;
    rolinherit: boolean;
  }>(`SELECT rolname, rolcreatedb, rolcreaterole, rolinherit FROM pg_roles WHERE rolname = ANY($1)`, [roles]);
  const views = await db.query<{ name: string; kind: string; definition: string }>(`
    SELECT schemaname || '.' || viewname AS name, 'view' AS kind, definition FROM pg_views
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
    UNION ALL SELECT schemaname || '.' || matviewname, 'materialized-view', definition FROM pg_matviews`);
  const sequences = await db.query<{
    name: string;
    type: string;
    seqstart: string;
    seqincrement: string;
    seqmin: string;
    seqmax: string;
    seqcache: string;
    seqcycle: boolean;
    owner: string | null;
  }>(`
    SELECT n.nspname || '.' || c.relname AS name, format_type(s.seqtypid, NULL) AS type,
      s.seqstart::text, s.seqincrement::text, s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle,
      (SELECT tn.nspname || '.' || t.relname || '.' || a.attname FROM pg_depend d
         JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
         AND d.deptype IN ('a', 'i')) AS owner
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace`);
  return {
    policies: Object.fromEntries(
      policies.rows.map((p) => [
        `${p.tbl}|${p.polname}`,
        policyLine(p.polpermissive, CMD[p.polcmd] ?? p.polcmd, p.roles ?? ['public'], p.qual, p.check),
      ]),
    ),
    rls: rls.rows.map((r) => r.tbl),
    roles: Object.fromEntries(
      roleRows.rows.map((r) => [r.rolname, roleLine(r.rolcreatedb, r.rolcreaterole, r.rolinherit)]),
    ),
    views: Object.fromEntries(views.rows.map((v) => [v.name, `${v.kind}: ${v.definition}`])),
    sequences: Object.fromEntries(
      sequences.rows.map((s) => [
        s.name,
        sequenceLine({
          type: s.type,
          start: s.seqstart,
          increment: s.seqincrement,
          min: s.seqmin,
          max: s.seqmax,
          cache: s.seqcache,
          cycle: s.seqcycle,
          owner: s.owner,
        }),
      ]),
    ),
  };
}

const policyLine = (
  permissive: boolean,
  cmd: string,
  roles: string[],
  using: string | null,
  check: string | null,
) =>
  `${permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} ${cmd} TO ${[...roles].sort().join(',')}${using ? ` USING (${using})` : ''}${check ? ` WITH CHECK (${check})` : ''}`;

const roleLine = (createDb: boolean, createRole: boolean, inherit: boolean) =>
  `createdb=${createDb} createrole=${createRole} inherit=${inherit}`;

const sequenceLine = (s: {
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner: string | null;
}) =>
  `${s.type} start ${s.start} by ${s.increment} [${s.min}, ${s.max}] cache ${s.cache}${s.cycle ? ' cycle' : ''}${s.owner ? ` owned by ${s.owner}` : ''}`;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string | null, name: string) =>
  schema ? `${quote(schema)}.${quote(name)}` : quote(name);
const KEYWORD_ROLES = new Set(['public', 'current_user', 'current_role', 'session_user']);

/**
 * The IR's policies, RLS flags and views as SQL, for PostgreSQL to deparse their expressions the
 * way it deparses drizzle-kit's (a test's own statements; the DDL renderer is tested apart).
 */
export function irObjectsSql(ir: Ir): string {
  const out: string[] = [];
  for (const t of ir.tables) {
    if (t.rls?.enabled) out.push(`ALTER TABLE ${qualified(t.schema, t.name)} ENABLE ROW LEVEL SECURITY;`);
    if (t.kind !== 'table' && t.definition)
      out.push(
        `CREATE ${t.kind === 'materialized-view' ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(t.schema, t.name)} AS ${t.definition};`,
      );
  }
  for (const p of ir.policies) {
    const roles = p.roles.map((r) => (KEYWORD_ROLES.has(r) ? r : quote(r))).join(', ');
    out.push(
      `CREATE POLICY ${quote(p.name)} ON ${qualified(p.table.schema, p.table.name)} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command.toUpperCase()} TO ${roles}${p.using ? ` USING (${p.using})` : ''}${p.withCheck ? ` WITH CHECK (${p.withCheck})` : ''};`,
    );
  }
  return out.join('\n');
}

/** Roles and sequences straight from the IR, in the form `introspectObjects` gives them. */
export function irRolesAndSequences(ir: Ir): Pick<ObjectFacts, 'roles' | 'sequences'> {
  return {
    roles: Object.fromEntries(
      ir.roles
        .filter((r) => !r.existing)
        .map((r) => [
          r.name,
          roleLine(
            r.options.includes('CREATEDB'),
            r.options.includes('CREATEROLE'),
            !r.options.includes('NOINHERIT'),
          ),
        ]),
    ),
    sequences: Object.fromEntries(
      ir.sequences.map((s) => [
        `${s.schema ?? 'public'}.${s.name}`,
        sequenceLine({
          type: s.dataType ?? 'bigint',
          start: s.start ?? '',
          increment: s.increment ?? '',
          min: s.minValue ?? '',
          max: s.maxValue ?? '',
          cache: s.cache ?? '',
          cycle: s.cycle,
          owner: s.ownedBy ? `${s.ownedBy.schema ?? 'public'}.${s.ownedBy.name}.${s.ownedBy.column}` : null,
        }),
      ]),
    ),
  };
}

/** Drop what `irObjectsSql` recreates: every policy, RLS flag and view of the user schemas. */
export async function dropPoliciesAndViews(db: PGlite): Promise<void> {
  const { rows } = await db.query<{ stmt: string }>(`
    SELECT format('DROP POLICY %I ON %I.%I;', p.polname, n.nspname, c.relname) AS stmt
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    UNION ALL SELECT format('ALTER TABLE %I.%I DISABLE ROW LEVEL SECURITY;', n.nspname, c.relname)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relrowsecurity
    UNION ALL SELECT format('DROP MATERIALIZED VIEW %I.%I CASCADE;', schemaname, matviewname) FROM pg_matviews
    UNION ALL SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE;', schemaname, viewname) FROM pg_views
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
  await db.exec(rows.map((r) => r.stmt).join('\n'));
}
