import { qualifiedName, renderDdl } from '@ormdoc/core';
import { compareShapes, exampleIr, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { type DrizzleExtractResult, detectDrizzle, loadDrizzle } from '@ormdoc/drizzle';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzleKitExport, EXAMPLE_DIR, ensurePluginBuilt } from './_kit.js';

/** The example (examples/drizzle): drizzle-kit + the withOrmdoc plugin together, and the shared domain. */
let loaded: DrizzleExtractResult;
let kitSql: string;

beforeAll(async () => {
  await ensurePluginBuilt();
  [loaded, kitSql] = await Promise.all([loadDrizzle({ cwd: EXAMPLE_DIR }), drizzleKitExport(EXAMPLE_DIR)]);
});

describe('examples/drizzle', () => {
  it('is detected by its drizzle.config.ts and package.json', async () => {
    expect(await detectDrizzle(EXAMPLE_DIR)).toEqual(['drizzle.config.ts', 'package.json (drizzle-orm)']);
  });

  it('carries the withOrmdoc options and the drizzle-kit settings into the result', () => {
    expect(loaded.ormdoc).toEqual({ title: 'Publishing platform (Drizzle)', output: 'docs/database' });
    expect(loaded.config).toMatchObject({
      dialect: 'postgresql',
      configDialect: 'postgresql',
      schema: ['./schema/*.ts'],
      out: './drizzle',
    });
    expect(loaded.diagnostics).toEqual([]);
  });

  it('creates exactly the database `drizzle-kit export` creates (names included)', async () => {
    const db = await startPglite();
    const kit = await shapeOfDdl(db, kitSql);
    const ours = await shapeOfDdl(db, renderDdl(loaded.ir));
    expect(Object.keys(kit.tables)).toHaveLength(12);
    expect(compareShapes(kit, ours, { ignoreComments: true })).toEqual([]);
  });

  it('creates the same database as the hand-written domain IR, descriptions included', async () => {
    const db = await startPglite();
    const expected = await shapeOfDdl(db, renderDdl(exampleIr()));
    const ours = await shapeOfDdl(db, renderDdl(loaded.ir));
    expect(compareShapes(expected, ours, { ignoreNames: true, uniqueConstraintEqualsIndex: true })).toEqual(
      [],
    );
  });

  it('reads JSDoc descriptions, tags, code names, ORM-side updates and provenance', () => {
    const { ir } = loaded;
    const users = ir.tables.find((t) => t.name === 'users')!;
    expect(users).toMatchObject({
      description: 'A person who can sign in.',
      source: { file: 'schema/users.ts', line: 5 },
    });
    const email = users.columns.find((c) => c.name === 'email')!;
    expect(email).toMatchObject({ description: 'Login email address.', tags: [{ name: 'pii' }] });
    const display = users.columns.find((c) => c.name === 'display_name')!;
    expect(display).toMatchObject({ codeName: 'displayName', tags: [{ name: 'pii' }] });
    expect(display.description).toBeUndefined();
    // timestamps come from a spread of a shared object in another file
    const updated = users.columns.find((c) => c.name === 'updated_at')!;
    expect(updated).toMatchObject({
      default: { kind: 'sql', expression: 'now()' },
      onUpdate: { kind: 'orm' },
    });
    const apiKeys = ir.tables.find((t) => t.name === 'api_keys')!;
    expect(apiKeys).toMatchObject({
      codeName: 'apiKeys',
      description: 'Hashed API credentials of a user.',
      tags: [{ name: 'sensitive' }],
    });
    expect(ir.enums.map((e) => [e.name, e.codeName, e.description])).toEqual([
      ['member_role', 'memberRole', 'Role of a user inside an organization.'],
      ['post_status', 'postStatus', 'Publication state of a post.'],
    ]);
    expect(ir.source).toMatchObject({ orm: 'drizzle', ormVersion: '0.45.4' });
    expect(ir.source.files).toContain('schema/relations.ts');
  });

  it('keeps relations() as navigation relations with their foreign keys and back-references', () => {
    const rel = (from: string, field: string) =>
      loaded.ir.relations.find((r) => r.from.name === from && r.from.field === field);
    expect(rel('comments', 'parent')).toMatchObject({
      name: 'thread',
      to: { name: 'comments', field: 'replies' },
      cardinality: 'one',
      nullable: true,
      foreignKey: 'comments_parent_id_comments_id_fk',
    });
    expect(rel('comments', 'replies')).toMatchObject({
      cardinality: 'many',
      to: { name: 'comments', field: 'parent' },
    });
    expect(rel('users', 'profile')).toMatchObject({
      cardinality: 'one',
      to: { name: 'user_profiles', field: 'user' },
    });
    expect(rel('posts', 'author')).toMatchObject({
      nullable: true,
      foreignKey: 'posts_author_id_users_id_fk',
      to: { field: 'posts' },
    });
    expect(rel('organizations', 'posts')).toMatchObject({
      cardinality: 'many',
      foreignKey: 'posts_organization_id_organizations_id_fk',
    });
    expect(loaded.ir.relations.length).toBe(32);
    expect(new Set(loaded.ir.tables.map(qualifiedName)).size).toBe(12);
  });
});
