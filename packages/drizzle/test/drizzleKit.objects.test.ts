import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { resetDatabase, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzleKitExport, FIXTURES, importSchema, PACKAGE_DIR, throwawayProjects } from './_kit.js';
import { dropPoliciesAndViews, introspectObjects, irObjectsSql, irRolesAndSequences } from './_objects.js';
import { RC_DIR, RC_VERSION, rcKitDdl } from './_rc.js';

/**
 * Correctness of the objects beyond tables against drizzle-kit: the SQL of `drizzle-kit export`
 * runs on a real PostgreSQL (PGlite) with stand-ins for what a Supabase database already has
 * (its roles, the auth schema, auth.uid()); its policies, RLS flags, roles, views and sequences
 * are read back from the catalogs and compared with ormdoc's IR. Policies and views of the IR are
 * created on the same tables after drizzle-kit's are dropped, so PostgreSQL deparses both.
 */
const SUPABASE = `
  DO $$ BEGIN
    CREATE ROLE anon; CREATE ROLE authenticated; CREATE ROLE service_role; CREATE ROLE dashboard_user;
  EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  CREATE SCHEMA auth;
  CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;`;
const ROLES = ['admin', 'auditor', 'moderator', 'anon', 'authenticated', 'service_role', 'dashboard_user'];
const project = throwawayProjects();

/** drizzle-kit 0.31 through its CLI (`drizzle-kit export`); the 1.0 RC through its API (the fixture is a copy importing the RC). */
const KITS = [
  {
    label: 'drizzle-orm 0.45 + drizzle-kit export 0.31',
    fixture: path.join(FIXTURES, 'objects/supabase.ts'),
    ddl: (fixture: string) =>
      drizzleKitExport(
        project({
          'drizzle.config.ts': `export default { dialect: 'postgresql', schema: ${JSON.stringify(fixture)} };`,
        }),
      ),
  },
  {
    label: `drizzle-orm + drizzle-kit ${RC_VERSION}`,
    fixture: path.join(RC_DIR, 'objects/supabase.ts'),
    ddl: async (fixture: string) => rcKitDdl(await importSchema([fixture])),
  },
];

describe.each(KITS)(
  '$label vs ormdoc: policies, RLS, roles, views, sequences (Supabase-style fixture)',
  ({ fixture, ddl }) => {
    let kit: Awaited<ReturnType<typeof introspectObjects>>;
    let fromIr: Awaited<ReturnType<typeof introspectObjects>>;
    let fromDdl: Awaited<ReturnType<typeof introspectObjects>>;
    let ir: Awaited<ReturnType<typeof loadDrizzle>>['ir'];

    beforeAll(async () => {
      const sql = await ddl(fixture);
      ({ ir } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, fixture),
        dialect: 'postgresql',
      }));
      const db = await startPglite();
      await resetDatabase(db);
      // roles belong to the cluster, not to a schema: drop the ones a previous run created
      await db.exec(`DROP ROLE IF EXISTS admin, auditor, moderator; ${SUPABASE}`);
      await db.exec(sql);
      kit = await introspectObjects(db, ROLES);
      await dropPoliciesAndViews(db);
      await db.exec(irObjectsSql(ir));
      fromIr = await introspectObjects(db, ROLES);
      // ormdoc's own DDL (inspect --format sql) on an empty database with the same stand-ins
      await resetDatabase(db);
      await db.exec(`DROP ROLE IF EXISTS admin, auditor, moderator; ${SUPABASE}`);
      await db.exec(renderDdl(ir));
      fromDdl = await introspectObjects(db, ROLES);
    }, 120_000);

    it('has the policies of a Supabase project: many, on several tables, every command, to authenticated and anon', () => {
      const policies = Object.values(kit.policies);
      expect(policies.length).toBeGreaterThanOrEqual(20);
      expect(new Set(Object.keys(kit.policies).map((k) => k.split('|')[0])).size).toBeGreaterThanOrEqual(5);
      for (const cmd of ['select', 'insert', 'update', 'delete', 'all'])
        expect(policies.some((p) => p.includes(` ${cmd} TO `))).toBe(true);
      expect(policies.some((p) => p.includes('anon'))).toBe(true);
      expect(policies.some((p) => p.startsWith('RESTRICTIVE'))).toBe(true);
    });

    it('every policy drizzle-kit creates is in the IR, with the same command, roles, USING and WITH CHECK', () => {
      expect(ir.policies).toHaveLength(Object.keys(kit.policies).length);
      expect(fromIr.policies).toEqual(kit.policies);
    });

    it('RLS is enabled on the same tables (by .enableRLS() and by having policies)', () => {
      expect(kit.rls).toContain('public.audit_log');
      expect(fromIr.rls).toEqual(kit.rls);
      const irRls = ir.tables.filter((t) => t.rls?.enabled).map((t) => `${t.schema ?? 'public'}.${t.name}`);
      expect(irRls.sort()).toEqual(kit.rls);
    });

    it('the roles drizzle-kit creates are the IR roles not declared existing, with the same options', () => {
      const created = Object.fromEntries(
        Object.entries(kit.roles).filter(
          ([n]) => !['anon', 'authenticated', 'service_role', 'dashboard_user'].includes(n),
        ),
      );
      expect(Object.keys(created).sort()).toEqual(['admin', 'auditor', 'moderator']);
      expect(irRolesAndSequences(ir).roles).toEqual(created);
      expect(ir.roles.filter((r) => r.existing).map((r) => r.name)).toEqual([
        'anon',
        'authenticated',
        'dashboard_user',
        'service_role',
      ]);
    });

    it('views and the materialized view: the same definitions; an .existing() view is documented, not created', () => {
      expect(Object.keys(kit.views).sort()).toEqual([
        'public.open_projects',
        'public.project_stats',
        'public.task_counts',
      ]);
      expect(fromIr.views).toEqual(kit.views);
      const existing = ir.tables.find((t) => t.name === 'active_users');
      expect(existing?.kind).toBe('view');
      expect(existing?.definition).toBeUndefined();
    });

    it('sequences: every IR sequence exists with its values; every standalone one drizzle-kit creates is in the IR', () => {
      const irSequences = irRolesAndSequences(ir).sequences;
      for (const [name, line] of Object.entries(irSequences))
        expect({ name, line }).toEqual({ name, line: kit.sequences[name] });
      const standalone = Object.keys(kit.sequences).filter((n) => !kit.sequences[n]!.includes(' owned by '));
      expect(standalone.sort()).toEqual([
        'billing.receipt_number',
        'public.invoice_number',
        'public.ticket_number',
      ]);
      for (const name of standalone) expect(irSequences[name]).toBe(kit.sequences[name]);
      expect(irSequences['public.projects_id_seq']).toContain('owned by public.projects.id');
    });

    it("ormdoc's DDL executes and creates the same policies, RLS, roles, views and sequences (identity ones too)", () => {
      expect(fromDdl).toEqual(kit);
    });
  },
);
