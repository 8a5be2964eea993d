import { describe, expect, it } from 'vitest';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { deriveRelationships, junctionForeignKeys } from './derive.js';

const users = aTable('users', {
  columns: [aColumn('id', 'integer')],
  primaryKey: aPrimaryKey('users', ['id']),
});
const posts = aTable('posts', {
  columns: [aColumn('id', 'integer'), aColumn('author_id', 'integer')],
  primaryKey: aPrimaryKey('posts', ['id']),
  foreignKeys: [aForeignKey('posts', ['author_id'], 'users', ['id'], { onDelete: 'CASCADE' })],
});

describe('deriveRelationships', () => {
  it('one-to-many from a plain required foreign key', () => {
    const [r, ...rest] = deriveRelationships(anIr({ tables: [users, posts] }));
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      kind: 'one-to-many',
      parent: { name: 'users', columns: ['id'] },
      child: { name: 'posts', columns: ['author_id'] },
      optional: false,
      selfReference: false,
      onDelete: 'CASCADE',
    });
  });

  it('optional when a foreign key column is nullable', () => {
    const p = {
      ...posts,
      columns: [aColumn('id', 'integer'), aColumn('author_id', 'integer', { nullable: true })],
    };
    expect(deriveRelationships(anIr({ tables: [users, p] }))[0]).toMatchObject({
      kind: 'one-to-many',
      optional: true,
    });
  });

  it('one-to-one when the FK columns are unique (constraint, unique index, or the primary key)', () => {
    const viaUnique = { ...posts, uniques: [{ name: 'u', nameExplicit: false, columns: ['author_id'] }] };
    const viaIndex = { ...posts, indexes: [anIndex('posts', ['author_id'], { unique: true })] };
    const profile = aTable('profiles', {
      columns: [aColumn('user_id', 'integer')],
      primaryKey: aPrimaryKey('profiles', ['user_id']),
      foreignKeys: [aForeignKey('profiles', ['user_id'], 'users')],
    });
    for (const t of [viaUnique, viaIndex, profile])
      expect(deriveRelationships(anIr({ tables: [users, t] }))[0]?.kind).toBe('one-to-one');
  });

  it('a partial unique index does not make the relationship one-to-one', () => {
    const t = {
      ...posts,
      indexes: [anIndex('posts', ['author_id'], { unique: true, where: 'deleted_at IS NULL' })],
    };
    expect(deriveRelationships(anIr({ tables: [users, t] }))[0]?.kind).toBe('one-to-many');
  });

  it('self-relations', () => {
    const emp = aTable('employees', {
      columns: [aColumn('id', 'integer'), aColumn('manager_id', 'integer', { nullable: true })],
      primaryKey: aPrimaryKey('employees', ['id']),
      foreignKeys: [aForeignKey('employees', ['manager_id'], 'employees')],
    });
    expect(deriveRelationships(anIr({ tables: [emp] }))).toEqual([
      expect.objectContaining({ kind: 'one-to-many', selfReference: true, optional: true }),
    ]);
  });

  const tags = aTable('tags', { primaryKey: aPrimaryKey('tags', ['id']) });
  it('many-to-many through a junction without payload, plus its two one-to-many', () => {
    const pt = aTable('post_tags', {
      columns: [aColumn('post_id', 'integer'), aColumn('tag_id', 'integer')],
      primaryKey: aPrimaryKey('post_tags', ['post_id', 'tag_id']),
      foreignKeys: [
        aForeignKey('post_tags', ['post_id'], 'posts'),
        aForeignKey('post_tags', ['tag_id'], 'tags'),
      ],
    });
    const rels = deriveRelationships(anIr({ tables: [users, posts, tags, pt] }));
    const m2m = rels.filter((r) => r.kind === 'many-to-many');
    expect(m2m).toEqual([
      expect.objectContaining({
        left: expect.objectContaining({ name: 'posts' }),
        right: expect.objectContaining({ name: 'tags' }),
        junction: expect.objectContaining({
          name: 'post_tags',
          leftColumns: ['post_id'],
          rightColumns: ['tag_id'],
        }),
        payloadColumns: [],
      }),
    ]);
    expect(rels.filter((r) => r.kind === 'one-to-many' && r.junction?.name === 'post_tags')).toHaveLength(2);
  });

  it('many-to-many with payload and a surrogate key (the unique pair, not the PK, makes the junction)', () => {
    const m = aTable('memberships', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('user_id', 'integer'),
        aColumn('tag_id', 'integer'),
        aColumn('role', 'text'),
      ],
      primaryKey: aPrimaryKey('memberships', ['id']),
      uniques: [{ name: 'memberships_user_tag', nameExplicit: true, columns: ['tag_id', 'user_id'] }],
      foreignKeys: [
        aForeignKey('memberships', ['user_id'], 'users'),
        aForeignKey('memberships', ['tag_id'], 'tags'),
      ],
    });
    const m2m = deriveRelationships(anIr({ tables: [users, tags, m] })).find(
      (r) => r.kind === 'many-to-many',
    );
    expect(m2m).toMatchObject({ payloadColumns: ['role'] });
  });

  it('not a junction when the two FKs do not form a unique key', () => {
    const log = aTable('audit', {
      columns: [aColumn('id', 'integer'), aColumn('user_id', 'integer'), aColumn('tag_id', 'integer')],
      primaryKey: aPrimaryKey('audit', ['id']),
      foreignKeys: [aForeignKey('audit', ['user_id'], 'users'), aForeignKey('audit', ['tag_id'], 'tags')],
    });
    expect(junctionForeignKeys(log)).toBeUndefined();
    expect(deriveRelationships(anIr({ tables: [users, tags, log] })).map((r) => r.kind)).toEqual([
      'one-to-many',
      'one-to-many',
    ]);
  });

  it('self many-to-many (followers) and composite foreign keys', () => {
    const follows = aTable('follows', {
      columns: [aColumn('follower_id', 'integer'), aColumn('followee_id', 'integer')],
      primaryKey: aPrimaryKey('follows', ['follower_id', 'followee_id']),
      foreignKeys: [
        aForeignKey('follows', ['followee_id'], 'users'),
        aForeignKey('follows', ['follower_id'], 'users'),
      ],
    });
    const lines = aTable('order_lines', {
      columns: [aColumn('order_id', 'integer'), aColumn('line_no', 'integer')],
      primaryKey: aPrimaryKey('order_lines', ['order_id', 'line_no']),
    });
    const ship = aTable('shipments', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('order_id', 'integer'),
        aColumn('line_no', 'integer', { nullable: true }),
      ],
      primaryKey: aPrimaryKey('shipments', ['id']),
      foreignKeys: [
        aForeignKey('shipments', ['order_id', 'line_no'], 'order_lines', ['order_id', 'line_no']),
      ],
    });
    const rels = deriveRelationships(anIr({ tables: [users, follows, lines, ship] }));
    expect(rels.find((r) => r.kind === 'many-to-many')).toMatchObject({ selfReference: true });
    expect(rels.find((r) => r.id === 'shipments.shipments_order_id_line_no_fkey')).toMatchObject({
      kind: 'one-to-many',
      optional: true,
      parent: { name: 'order_lines', columns: ['order_id', 'line_no'] },
    });
  });

  it('junction of a multi-schema database keeps the schemas', () => {
    const a = aTable('accounts', { schema: 'auth', primaryKey: aPrimaryKey('accounts', ['id']) });
    const inv = aTable('invoices', {
      schema: 'billing',
      columns: [aColumn('id', 'integer'), aColumn('account_id', 'integer')],
      foreignKeys: [
        aForeignKey('invoices', ['account_id'], 'accounts', ['id'], {
          references: { schema: 'auth', name: 'accounts', columns: ['id'] },
        }),
      ],
    });
    expect(deriveRelationships(anIr({ tables: [a, inv] }))[0]).toMatchObject({
      id: 'billing.invoices.invoices_account_id_fkey',
      parent: { schema: 'auth', name: 'accounts' },
      child: { schema: 'billing', name: 'invoices' },
    });
  });
});
