import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';

// unbounded-text-unique is off by default (see the last test): enable it to test it.
const only = (ir: Ir, ruleId: string) =>
  analyze(ir, { enable: ['unbounded-text-unique'] }).filter((f) => f.ruleId === ruleId);

const users = aTable('users', { primaryKey: aPrimaryKey('users', ['id']) });
const comments = (overrides: Parameters<typeof aTable>[1] = {}) =>
  aTable('comments', {
    codeName: 'Comment',
    columns: [
      aColumn('id', 'integer'),
      aColumn('author_id', 'integer', { codeName: 'authorId' }),
      aColumn('post_id', 'integer'),
    ],
    primaryKey: aPrimaryKey('comments', ['id']),
    foreignKeys: [aForeignKey('comments', ['author_id'], 'users')],
    ...overrides,
  });

describe('fk-without-index', () => {
  it('reports a foreign key that no index starts with, naming table, column and fix', () => {
    const found = only(anIr({ tables: [users, comments()] }), 'fk-without-index');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      table: { schema: null, name: 'comments' },
      columns: ['author_id'],
      severity: 'warning',
    });
    expect(found[0]!.message).toBe(
      'comments.author_id references users but has no index starting with author_id; deleting or updating a user scans comments.',
    );
    expect(found[0]!.hint).toBe('Add an index on comments.author_id.');
    expect(found[0]!.fix).toEqual({
      sql: 'CREATE INDEX comments_author_id_idx ON comments (author_id);',
      orm: '@@index([authorId])',
      text: 'in model Comment',
    });
  });

  it('writes the fix as code in the source ORM’s own terms', () => {
    const fixFor = (orm: 'drizzle' | 'typeorm' | 'sqlalchemy') =>
      only(anIr({ tables: [users, comments()], source: { orm, files: [] } }), 'fk-without-index')[0]?.fix;
    expect(fixFor('drizzle')?.orm).toBe("index('comments_author_id_idx').on(table.authorId)");
    expect(fixFor('typeorm')?.orm).toBe("@Index(['authorId'])");
    expect(fixFor('sqlalchemy')).toMatchObject({
      orm: "Index('comments_author_id_idx', 'author_id')",
      text: 'in __table_args__ of Comment',
    });
  });

  it('accepts an index, unique key or primary key that starts with the FK columns in any order', () => {
    const composite = aTable('memberships', {
      columns: [aColumn('org_id', 'uuid'), aColumn('user_id', 'integer'), aColumn('role', 'text')],
      primaryKey: aPrimaryKey('memberships', ['user_id', 'org_id']),
      foreignKeys: [aForeignKey('memberships', ['org_id', 'user_id'], 'org_users', ['org_id', 'user_id'])],
    });
    const viaIndex = comments({ indexes: [anIndex('comments', ['author_id', 'post_id'])] });
    expect(only(anIr({ tables: [users, viaIndex, composite] }), 'fk-without-index')).toEqual([]);
  });

  it('does not count a partial index or an index that only contains the column later', () => {
    const partial = comments({
      indexes: [
        anIndex('comments', ['author_id'], { where: 'post_id IS NOT NULL' }),
        anIndex('comments', ['post_id', 'author_id']),
      ],
    });
    expect(only(anIr({ tables: [users, partial] }), 'fk-without-index')).toHaveLength(1);
  });
});

describe('duplicate-index', () => {
  it('reports an index that is a prefix of another index or of the primary key', () => {
    const t = comments({
      indexes: [
        anIndex('comments', ['author_id']),
        anIndex('comments', ['author_id', 'post_id']),
        anIndex('comments', ['id'], { name: 'comments_id_idx' }),
      ],
    });
    const found = only(anIr({ tables: [users, t] }), 'duplicate-index');
    expect(found.map((f) => f.columns)).toEqual([['author_id'], ['id']]);
    expect(found[0]!.message).toContain('comments_author_id_idx');
    expect(found[0]!.message).toContain('comments_author_id_post_id_idx');
    expect(found[1]!.message).toContain('the primary key');
  });

  it('keeps unique indexes, differently ordered, partial and non-prefix indexes', () => {
    const t = comments({
      indexes: [
        anIndex('comments', ['author_id'], { unique: true, name: 'u1' }),
        anIndex('comments', ['author_id', 'post_id']),
        anIndex('comments', ['post_id'], { where: 'author_id IS NULL' }),
        anIndex('comments', ['post_id', 'author_id'], {
          parts: [{ column: 'post_id', order: 'desc' }, { column: 'author_id' }],
        }),
        anIndex('comments', ['post_id', 'id'], { name: 'x' }),
      ],
    });
    expect(only(anIr({ tables: [users, t] }), 'duplicate-index')).toEqual([]);
  });

  it('reports one of two identical indexes', () => {
    const t = comments({
      indexes: [
        anIndex('comments', ['post_id'], { name: 'a' }),
        anIndex('comments', ['post_id'], { name: 'b' }),
      ],
    });
    const found = only(anIr({ tables: [users, t] }), 'duplicate-index');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^Index b /);
  });
});

describe('unbounded-text-unique', () => {
  it('reports text and length-less varchar columns in unique keys', () => {
    const t = aTable('accounts', {
      columns: [aColumn('id', 'integer'), aColumn('email', 'text'), aColumn('handle', 'varchar')],
      primaryKey: aPrimaryKey('accounts', ['id']),
      uniques: [{ name: 'accounts_email_key', nameExplicit: false, columns: ['email'] }],
      indexes: [anIndex('accounts', ['handle'], { unique: true })],
    });
    const found = only(anIr({ tables: [t] }), 'unbounded-text-unique');
    expect(found.map((f) => f.columns?.[0])).toEqual(['email', 'handle']);
    expect(found[0]!.message).toContain('accounts.email is text without a length limit');
  });

  it('ignores bounded varchar and non-unique indexes on text', () => {
    const t = aTable('accounts', {
      columns: [aColumn('id', 'integer'), aColumn('email', 'varchar(320)'), aColumn('bio', 'text')],
      primaryKey: aPrimaryKey('accounts', ['id']),
      uniques: [{ name: 'accounts_email_key', nameExplicit: false, columns: ['email'] }],
      indexes: [anIndex('accounts', ['bio'])],
    });
    expect(only(anIr({ tables: [t] }), 'unbounded-text-unique')).toEqual([]);
  });
});

describe('duplicate-index: an index or unique key whose columns equal a unique key', () => {
  const people = (overrides: Parameters<typeof aTable>[1] = {}) =>
    aTable('User', {
      columns: [aColumn('id', 'text'), aColumn('email', 'text'), aColumn('name', 'text', { nullable: true })],
      primaryKey: aPrimaryKey('User', ['id']),
      ...overrides,
    });
  const uniqueEmail = anIndex('User', ['email'], { name: 'User_email_key', unique: true });

  it.each([
    ['before', [anIndex('User', ['email']), uniqueEmail]],
    ['after', [uniqueEmail, anIndex('User', ['email'], { name: 'User_email_zz_idx' })]],
  ])('reports @@index([email]) beside @unique on email, whichever sorts first (%s)', (_when, indexes) => {
    const found = only(anIr({ tables: [people({ indexes })] }), 'duplicate-index');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^Index User_email(_zz)?_idx on User.email is redundant: index User_email_key/,
    );
    // The ORM edit first (the next migration would put a dropped index back), then the SQL.
    expect(found[0]!.fix).toMatchObject({ orm: '@@index([email])', text: 'from model User', remove: true });
    expect(found[0]!.fix?.sql).toMatch(/^DROP INDEX "User_email(_zz)?_idx";$/);
  });

  it('reports @unique beside @id, and a unique constraint beside the primary key', () => {
    const asIndex = only(
      anIr({
        tables: [people({ indexes: [anIndex('User', ['id'], { name: 'User_id_key', unique: true })] })],
      }),
      'duplicate-index',
    );
    expect(asIndex.map((f) => f.message)).toEqual([
      'Unique index User_id_key on User.id is redundant: the primary key on (id) already enforces it.',
    ]);
    expect(asIndex[0]!.fix).toMatchObject({
      orm: '@unique',
      text: 'from field id of model User',
      remove: true,
    });
    const asConstraint = only(
      anIr({
        tables: [people({ uniques: [{ name: 'User_id_key', nameExplicit: false, columns: ['id'] }] })],
      }),
      'duplicate-index',
    );
    expect(asConstraint[0]!.fix?.sql).toBe('ALTER TABLE "User" DROP CONSTRAINT "User_id_key";');
  });

  it('a partial covering index and an INCLUDE covering index are not duplicates', () => {
    const partial = anIndex('User', ['email'], { name: 'live_email', where: 'name IS NOT NULL' });
    const include = anIndex('User', ['email'], { name: 'email_with_name', include: ['name'] });
    expect(
      only(anIr({ tables: [people({ indexes: [uniqueEmail, partial, include] })] }), 'duplicate-index'),
    ).toEqual([]);
  });

  it('a NULLS NOT DISTINCT unique key is not made redundant by a plain one', () => {
    const nnd = anIndex('User', ['email'], { name: 'User_email_nnd', unique: true, nullsNotDistinct: true });
    expect(
      only(anIr({ tables: [people({ indexes: [uniqueEmail, nnd] })] }), 'duplicate-index').map(
        (f) => f.message,
      ),
    ).toEqual([expect.stringMatching(/^Unique index User_email_key /)]);
  });
});

describe('unbounded-text-unique leaves generated ids and the keys that must match them alone', () => {
  it('skips cuid/uuid keys and foreign keys to them, reports a text natural key', () => {
    const org = aTable('Org', {
      columns: [
        aColumn('id', 'text', { default: { kind: 'orm', generator: 'cuid', description: 'cuid()' } }),
        aColumn('slug', 'text'),
      ],
      primaryKey: aPrimaryKey('Org', ['id']),
      uniques: [{ name: 'Org_slug_key', nameExplicit: false, columns: ['slug'] }],
    });
    const member = aTable('Member', {
      columns: [
        aColumn('id', 'text', { default: { kind: 'sql', expression: 'gen_random_uuid()' } }),
        aColumn('orgId', 'text'),
        aColumn('userId', 'text'),
      ],
      primaryKey: aPrimaryKey('Member', ['id']),
      uniques: [{ name: 'Member_orgId_userId_key', nameExplicit: false, columns: ['orgId', 'userId'] }],
      foreignKeys: [aForeignKey('Member', ['orgId'], 'Org')],
    });
    const found = only(anIr({ tables: [org, member] }), 'unbounded-text-unique');
    expect(found.map((f) => `${f.table?.name}.${f.columns?.[0]}`)).toEqual(['Member.userId', 'Org.slug']);
  });
});

describe('rules off by default', () => {
  it('unbounded-text-unique runs only when enabled (under 1% precision on real projects)', () => {
    const t = aTable('accounts', {
      columns: [aColumn('id', 'integer'), aColumn('email', 'text')],
      primaryKey: aPrimaryKey('accounts', ['id']),
      uniques: [{ name: 'accounts_email_key', nameExplicit: false, columns: ['email'] }],
    });
    expect(analyze(anIr({ tables: [t] })).filter((f) => f.ruleId === 'unbounded-text-unique')).toEqual([]);
    expect(
      analyze(anIr({ tables: [t] }), { enable: ['unbounded-text-unique'] }).filter(
        (f) => f.ruleId === 'unbounded-text-unique',
      ),
    ).toHaveLength(1);
  });
});
