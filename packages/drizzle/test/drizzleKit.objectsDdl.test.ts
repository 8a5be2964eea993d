import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { resetDatabase, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzleKitExport, FIXTURES, PACKAGE_DIR, throwawayProjects } from './_kit.js';
import { introspectObjects, type ObjectFacts } from './_objects.js';

/**
 * ormdoc's own DDL (`renderDdl`, what `inspect --format sql` prints) of the Supabase-style fixture
 * against `drizzle-kit export` of the same schema: each runs on an empty PostgreSQL (PGlite) that
 * has what a Supabase database already has (its roles, the auth schema, auth.uid()), and the
 * policies, RLS flags, created roles, views and sequences read back from the catalogs must agree.
 */
const SUPABASE = `
  DO $$ BEGIN
    CREATE ROLE anon; CREATE ROLE authenticated; CREATE ROLE service_role; CREATE ROLE dashboard_user;
  EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  CREATE SCHEMA auth;
  CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;`;
const ROLES = ['admin', 'auditor', 'moderator', 'anon', 'authenticated', 'service_role', 'dashboard_user'];
const fixture = path.join(FIXTURES, 'objects/supabase.ts');
const project = throwawayProjects();

describe('ormdoc DDL vs drizzle-kit export: policies, RLS, roles, views, sequences (Supabase-style fixture)', () => {
  let kit: ObjectFacts;
  let ormdoc: ObjectFacts;
  let ddl: string;

  beforeAll(async () => {
    const kitSql = await drizzleKitExport(
      project({
        'drizzle.config.ts': `export default { dialect: 'postgresql', schema: ${JSON.stringify(fixture)} };`,
      }),
    );
    const { ir } = await loadDrizzle({
      cwd: PACKAGE_DIR,
      schema: path.relative(PACKAGE_DIR, fixture),
      dialect: 'postgresql',
    });
    ddl = renderDdl(ir);
    const db = await startPglite();
    const run = async (sql: string) => {
      await resetDatabase(db);
      await db.exec('DROP SCHEMA IF EXISTS auth CASCADE; DROP SCHEMA IF EXISTS billing CASCADE;');
      // Roles belong to the cluster: the ones the schema creates are dropped between the two runs.
      await db.exec(`DROP ROLE IF EXISTS admin, auditor, moderator; ${SUPABASE}`);
      await db.exec(sql);
      return introspectObjects(db, ROLES);
    };
    kit = await run(kitSql);
    ormdoc = await run(ddl);
  }, 120_000);

  it('the same policies (command, roles, USING, WITH CHECK as PostgreSQL deparses them)', () => {
    expect(Object.keys(ormdoc.policies).length).toBeGreaterThanOrEqual(20);
    expect(ormdoc.policies).toEqual(kit.policies);
  });

  it('row-level security on the same tables', () => {
    expect(ormdoc.rls).toEqual(kit.rls);
  });

  it('the same roles with the same options (ormdoc creates each only if missing)', () => {
    expect(ormdoc.roles).toEqual(kit.roles);
    expect(ddl).toContain("IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'admin')");
  });

  it('the same views and materialized views, with the same definitions', () => {
    expect(ormdoc.views).toEqual(kit.views);
  });

  it('the same sequences (standalone and owned), with the same values', () => {
    expect(ormdoc.sequences).toEqual(kit.sequences);
  });
});
