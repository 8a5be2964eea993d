import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NavigationRelation } from '@ormdoc/core';
import { relations } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrizzleApi } from '../types.js';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * drizzle relations on real tables: 0.x `relations()` (drizzle-orm 0.45) and 1.0
 * `defineRelations()` (drizzle-orm 1.0 RC of test/fixtures/rc1) -> navigation relations, each
 * with its cardinality, its reverse field, the foreign key it follows and whether it may be empty.
 */
const users = pg.pgTable('users', {
  id: pg.integer().primaryKey(),
  bestFriendId: pg.integer('best_friend_id'),
});
const posts = pg.pgTable('posts', {
  id: pg.integer().primaryKey(),
  authorId: pg
    .integer('author_id')
    .notNull()
    .references(() => users.id),
  editorId: pg.integer('editor_id').references(() => users.id),
});

const rel = (list: NavigationRelation[], table: string, field: string) => {
  const r = list.find((x) => x.from.name === table && x.from.field === field);
  if (!r) throw new Error(`no relation ${table}.${field}`);
  return r;
};

describe('relations() (drizzle 0.x)', () => {
  const usersRelations = relations(users, ({ many, one }) => ({
    posts: many(posts, { relationName: 'author' }),
    edited: many(posts, { relationName: 'editor' }),
    bestFriend: one(users, { fields: [users.bestFriendId], references: [users.id] }),
  }));
  const postsRelations = relations(posts, ({ one }) => ({
    author: one(users, { fields: [posts.authorId], references: [users.id], relationName: 'author' }),
    editor: one(users, { fields: [posts.editorId], references: [users.id], relationName: 'editor' }),
  }));

  it('one and many sides, paired by relationName, with the foreign key and nullability', () => {
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [users, posts],
      relations: [usersRelations, postsRelations],
    });
    expect(diagnostics).toEqual([]);
    const fk = (column: string) =>
      ir.tables.find((t) => t.name === 'posts')!.foreignKeys.find((f) => f.columns[0] === column)!.name;
    expect(rel(ir.relations, 'posts', 'author')).toEqual({
      from: { schema: null, name: 'posts', field: 'author' },
      to: { schema: null, name: 'users', field: 'posts' },
      cardinality: 'one',
      name: 'author',
      foreignKey: fk('author_id'),
      nullable: false,
    });
    expect(rel(ir.relations, 'posts', 'editor')).toMatchObject({
      to: { field: 'edited' },
      nullable: true,
      foreignKey: fk('editor_id'),
      name: 'editor',
    });
    expect(rel(ir.relations, 'users', 'posts')).toEqual({
      from: { schema: null, name: 'users', field: 'posts' },
      to: { schema: null, name: 'posts', field: 'author' },
      cardinality: 'many',
      name: 'author',
      foreignKey: fk('author_id'),
    });
    expect(rel(ir.relations, 'users', 'edited')).toMatchObject({
      to: { field: 'editor' },
      cardinality: 'many',
    });
    // a self relation without a foreign key in the schema: no foreignKey, may be empty, no reverse side
    const friend = rel(ir.relations, 'users', 'bestFriend');
    expect(friend).toMatchObject({ cardinality: 'one', nullable: true, to: { name: 'users' } });
    expect(friend.foreignKey).toBeUndefined();
    expect(friend.to.field).toBeUndefined();
    expect(friend.name).toBeUndefined();
    // absent, not undefined
    expect(Object.keys(friend).sort()).toEqual(['cardinality', 'from', 'nullable', 'to']);
    expect(Object.keys(friend.to).sort()).toEqual(['name', 'schema']);
  });

  it('an unnamed pair: the only relation back is the reverse side', () => {
    const a = pg.pgTable('a', { id: pg.integer().primaryKey() });
    const b = pg.pgTable('b', {
      id: pg.integer().primaryKey(),
      aId: pg.integer('a_id').references(() => a.id),
    });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a, b],
      relations: [
        relations(a, ({ many }) => ({ bs: many(b) })),
        relations(b, ({ one }) => ({ a: one(a, { fields: [b.aId], references: [a.id] }) })),
      ],
    });
    expect(rel(ir.relations, 'a', 'bs').to.field).toBe('a');
    expect(rel(ir.relations, 'b', 'a').to.field).toBe('bs');
    expect(rel(ir.relations, 'a', 'bs').foreignKey).toBe(rel(ir.relations, 'b', 'a').foreignKey);
    expect(rel(ir.relations, 'b', 'a').foreignKey).toBeDefined();
  });

  it('a one() without fields is the reverse side of a one-to-one: may be empty', () => {
    const a = pg.pgTable('a', { id: pg.integer().primaryKey() });
    const b = pg.pgTable('b', {
      id: pg.integer().primaryKey(),
      aId: pg
        .integer('a_id')
        .notNull()
        .references(() => a.id),
    });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a, b],
      relations: [
        relations(a, ({ one }) => ({ b: one(b) })),
        relations(b, ({ one }) => ({ a: one(a, { fields: [b.aId], references: [a.id] }) })),
      ],
    });
    expect(rel(ir.relations, 'a', 'b')).toMatchObject({
      cardinality: 'one',
      nullable: true,
      to: { field: 'a' },
    });
    expect(rel(ir.relations, 'b', 'a')).toMatchObject({
      cardinality: 'one',
      nullable: false,
      to: { field: 'b' },
    });
    expect(rel(ir.relations, 'a', 'b').foreignKey).toBe(rel(ir.relations, 'b', 'a').foreignKey);
  });

  it('an ambiguous relation: a warning naming it, the relation kept without a key', () => {
    const a = pg.pgTable('a', { id: pg.integer().primaryKey() });
    const b = pg.pgTable('b', { id: pg.integer().primaryKey(), x: pg.integer(), y: pg.integer() });
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a, b],
      relations: [relations(a, ({ many }) => ({ bs: many(b) }))],
    });
    expect(rel(ir.relations, 'a', 'bs').foreignKey).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'drizzle/relation-ambiguous' }),
    ]);
    expect(diagnostics[0]!.message).toMatch(/^Relation a\.bs: /);
  });

  it('relations drizzle cannot read (the config throws): a warning with the reason, no relations', () => {
    const a = pg.pgTable('a', { id: pg.integer().primaryKey() });
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a],
      relations: [
        relations(a, () => {
          throw new Error('b is not defined');
        }),
      ],
    });
    expect(ir.relations).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'drizzle/relations-unreadable' }),
    ]);
    expect(diagnostics[0]!.message).toContain(': b is not defined');
  });

  it('relations of a table in a schema carry the schema', () => {
    const s = pg.pgSchema('app');
    const a = s.table('a', { id: pg.integer().primaryKey() });
    const b = s.table('b', { id: pg.integer().primaryKey(), aId: pg.integer('a_id').references(() => a.id) });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a, b],
      relations: [relations(b, ({ one }) => ({ a: one(a, { fields: [b.aId], references: [a.id] }) }))],
    });
    expect(rel(ir.relations, 'b', 'a')).toMatchObject({
      from: { schema: 'app' },
      to: { schema: 'app', name: 'a' },
    });
    expect(rel(ir.relations, 'b', 'a').foreignKey).toBeDefined();
  });
});

describe('defineRelations() (drizzle 1.0 RC)', () => {
  let api: DrizzleApi;
  let rcPg: typeof pg;
  // biome-ignore lint/suspicious/noExplicitAny: the relation builder of the RC copy, whose types this package does not import
  let defineRelations: (schema: Record<string, unknown>, f: (r: any) => unknown) => unknown;
  beforeAll(async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const rcRequire = createRequire(path.join(here, '../../test/fixtures/rc1/package.json'));
    const load = async <T>(id: string) => (await import(pathToFileURL(rcRequire.resolve(id)).href)) as T;
    rcPg = await load<typeof pg>('drizzle-orm/pg-core');
    const orm = await load<DrizzleApi['orm'] & { defineRelations: typeof defineRelations }>('drizzle-orm');
    defineRelations = orm.defineRelations;
    api = { orm, pg: rcPg };
  });

  it('one/many with from/to, the reverse side, optional, alias, through a junction', () => {
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey() });
    const p = rcPg.pgTable('p', {
      id: rcPg.integer().primaryKey(),
      authorId: rcPg
        .integer('author_id')
        .notNull()
        .references(() => u.id),
      reviewerId: rcPg.integer('reviewer_id').references(() => u.id),
    });
    const g = rcPg.pgTable('g', { id: rcPg.integer().primaryKey() });
    const ug = rcPg.pgTable('ug', {
      userId: rcPg.integer('user_id').notNull(),
      groupId: rcPg.integer('group_id').notNull(),
    });
    const schema = { u, p, g, ug };
    const defined = defineRelations(schema, (r) => ({
      p: {
        author: r.one.u({ from: r.p.authorId, to: r.u.id, optional: false }),
        reviewer: r.one.u({ from: r.p.reviewerId, to: r.u.id, alias: 'review' }),
      },
      u: {
        posts: r.many.p({ from: r.u.id, to: r.p.authorId }),
        reviews: r.many.p({ alias: 'review' }),
        groups: r.many.g({ from: r.u.id.through(r.ug.userId), to: r.g.id.through(r.ug.groupId) }),
      },
      g: { users: r.many.u() },
    }));
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: Object.values(schema),
      relations: [defined],
      api,
    });
    const fk = (column: string) =>
      ir.tables.find((t) => t.name === 'p')!.foreignKeys.find((f) => f.columns[0] === column)!.name;
    expect(rel(ir.relations, 'p', 'author')).toEqual({
      from: { schema: null, name: 'p', field: 'author' },
      to: { schema: null, name: 'u', field: 'posts' },
      cardinality: 'one',
      nullable: false,
      foreignKey: fk('author_id'),
    });
    expect(rel(ir.relations, 'p', 'reviewer')).toMatchObject({
      name: 'review',
      nullable: true,
      foreignKey: fk('reviewer_id'),
      to: { field: 'reviews' },
    });
    expect(rel(ir.relations, 'u', 'posts')).toMatchObject({
      cardinality: 'many',
      foreignKey: fk('author_id'),
      to: { field: 'author' },
    });
    expect(rel(ir.relations, 'u', 'posts').nullable).toBeUndefined();
    expect(rel(ir.relations, 'u', 'reviews')).toMatchObject({
      cardinality: 'many',
      name: 'review',
      to: { field: 'reviewer' },
    });
    expect(rel(ir.relations, 'u', 'groups')).toMatchObject({
      cardinality: 'many',
      through: { schema: null, name: 'ug' },
      to: { name: 'g', field: 'users' },
    });
    expect(rel(ir.relations, 'u', 'groups').foreignKey).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });
});
