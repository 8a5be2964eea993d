import path from 'node:path';
import { qualifiedName, renderDdl } from '@ormdoc/core';
import { compareShapes, exampleIr, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { type DrizzleExtractResult, loadDrizzle } from '@ormdoc/drizzle';
import { beforeAll, describe, expect, it } from 'vitest';
import { drizzleKitExport } from './_kit.js';
import { RC_DIR, RC_EXAMPLE_DIR, RC_VERSION } from './_rc.js';

/**
 * The example domain written with drizzle-orm 1.0 RC (test/fixtures/rc1/example: the tables of
 * examples/drizzle, relations as one defineRelations()), read through its drizzle.config.ts and
 * checked against drizzle-kit 1.0 RC's `export` and the hand-written domain IR.
 */
let loaded: DrizzleExtractResult;
let kitSql: string;

beforeAll(async () => {
  [loaded, kitSql] = await Promise.all([
    loadDrizzle({ cwd: RC_EXAMPLE_DIR }),
    drizzleKitExport(
      RC_EXAMPLE_DIR,
      'drizzle.config.ts',
      path.join(RC_DIR, 'node_modules/drizzle-kit/bin.cjs'),
    ),
  ]);
});

describe('the example domain on drizzle-orm 1.0 RC', () => {
  it('reads the config and the RC schema without diagnostics', () => {
    expect(loaded.config).toMatchObject({ dialect: 'postgresql', schema: ['./schema/*.ts'] });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.ir.source).toMatchObject({ orm: 'drizzle', ormVersion: RC_VERSION });
    expect(new Set(loaded.ir.tables.map(qualifiedName)).size).toBe(12);
  });

  it('creates exactly the database `drizzle-kit export` (1.0 RC) creates, names included', async () => {
    const db = await startPglite();
    const kit = await shapeOfDdl(db, kitSql);
    const ours = await shapeOfDdl(db, renderDdl(loaded.ir));
    expect(Object.keys(kit.tables)).toHaveLength(12);
    expect(compareShapes(kit, ours, { ignoreComments: true })).toEqual([]);
  });

  it('creates the same database as the hand-written domain IR', async () => {
    const db = await startPglite();
    const expected = await shapeOfDdl(db, renderDdl(exampleIr()));
    const ours = await shapeOfDdl(db, renderDdl(loaded.ir));
    expect(compareShapes(expected, ours, { ignoreNames: true, uniqueConstraintEqualsIndex: true })).toEqual(
      [],
    );
  });

  it('reads JSDoc descriptions, tags, code names and enums as with 0.45', () => {
    const users = loaded.ir.tables.find((t) => t.name === 'users')!;
    expect(users).toMatchObject({
      description: 'A person who can sign in.',
      source: { file: 'schema/users.ts', line: 5 },
    });
    expect(users.columns.find((c) => c.name === 'email')).toMatchObject({
      description: 'Login email address.',
      tags: [{ name: 'pii' }],
    });
    expect(users.columns.find((c) => c.name === 'updated_at')).toMatchObject({
      default: { kind: 'sql', expression: 'now()' },
      onUpdate: { kind: 'orm' },
    });
    expect(users.uniques).toEqual([{ name: 'users_email_key', nameExplicit: false, columns: ['email'] }]);
    expect(loaded.ir.enums.map((e) => [e.name, e.codeName, e.description])).toEqual([
      ['member_role', 'memberRole', 'Role of a user inside an organization.'],
      ['post_status', 'postStatus', 'Publication state of a post.'],
    ]);
  });

  it('keeps defineRelations() as navigation relations: back-references, optional, foreign keys, through', () => {
    const rel = (from: string, field: string) =>
      loaded.ir.relations.find((r) => r.from.name === from && r.from.field === field);
    expect(rel('comments', 'parent')).toEqual({
      name: 'thread',
      from: { schema: null, name: 'comments', field: 'parent' },
      to: { schema: null, name: 'comments', field: 'replies' },
      cardinality: 'one',
      nullable: true,
      foreignKey: 'comments_parent_id_comments_id_fkey',
    });
    expect(rel('comments', 'replies')).toMatchObject({
      cardinality: 'many',
      to: { name: 'comments', field: 'parent' },
    });
    expect(rel('posts', 'organization')).toMatchObject({
      nullable: false,
      foreignKey: 'posts_organization_id_organizations_id_fkey',
      to: { name: 'organizations', field: 'posts' },
    });
    expect(rel('posts', 'author')).toMatchObject({ nullable: true, to: { field: 'posts' } });
    expect(rel('users', 'sentInvitations')).toMatchObject({
      name: 'inviter',
      cardinality: 'many',
      to: { name: 'invitations', field: 'invitedBy' },
      foreignKey: 'invitations_invited_by_id_users_id_fkey',
    });
    expect(rel('users', 'profile')).toMatchObject({
      cardinality: 'one',
      nullable: true,
      to: { name: 'user_profiles', field: 'user' },
    });
    expect(rel('posts', 'tags')).toEqual({
      from: { schema: null, name: 'posts', field: 'tags' },
      to: { schema: null, name: 'tags', field: 'posts' },
      cardinality: 'many',
      through: { schema: null, name: 'post_tags' },
    });
    expect(rel('organizations', 'members')).toMatchObject({
      to: { name: 'users', field: 'organizations' },
      through: { name: 'memberships' },
    });
    // the 32 relations of the 0.45 example, plus posts.tags/tags.posts and organizations.members/users.organizations
    expect(loaded.ir.relations.length).toBe(36);
    expect(loaded.ir.relations.filter((r) => r.cardinality === 'one' && r.nullable === undefined)).toEqual(
      [],
    );
  });
});
