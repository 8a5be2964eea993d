import { describe, expect, it } from 'vitest';
import type { Dialect } from '../ir/types.js';
import { aColumn, anIndex, aPrimaryKey, aTable } from '../testing/builders.js';
import {
  aRowOf,
  columnsLabel,
  DEFAULT_NULLS,
  findColumn,
  hasLeadingKey,
  keysOf,
  mentionsColumn,
  singular,
  sqlIdent,
  sqlTable,
  tokenize,
  tokenizeByRegex,
} from './_util.js';

// The helpers every rule builds on, case by case at their boundaries (mutation tests: see
// CONTRIBUTING.md, "Mutation testing").

describe('columnsLabel', () => {
  it('names one column as table.column and several in parentheses, schema-qualified', () => {
    expect(columnsLabel({ schema: null, name: 'users' }, ['email'])).toBe('users.email');
    expect(columnsLabel({ schema: 'auth', name: 'users' }, ['org_id', 'slug'])).toBe(
      'auth.users (org_id, slug)',
    );
  });
});

describe('findColumn', () => {
  it('finds a column by its database name only', () => {
    const t = aTable('t', {
      columns: [aColumn('id'), aColumn('user_id', 'integer', { codeName: 'userId' })],
    });
    expect(findColumn(t, 'user_id')?.name).toBe('user_id');
    expect(findColumn(t, 'userId')).toBeUndefined();
  });
});

describe('DEFAULT_NULLS', () => {
  const dialects: Dialect[] = ['postgresql', 'cockroachdb', 'mysql', 'sqlite', 'sqlserver'];
  it.each(dialects)('%s: a descending index puts NULLs at the other end than an ascending one', (d) => {
    expect([DEFAULT_NULLS[d].asc, DEFAULT_NULLS[d].desc].sort()).toEqual(['first', 'last']);
  });
  it.each(dialects)('%s: NULLs sort as PostgreSQL (larger) only on PostgreSQL', (d) => {
    // PostgreSQL: NULLs compare larger than every value; the others document them as smaller.
    expect(DEFAULT_NULLS[d].asc).toBe(d === 'postgresql' ? 'last' : 'first');
  });
});

describe('keysOf', () => {
  const table = aTable('users', {
    columns: [aColumn('id', 'integer'), aColumn('email', 'text'), aColumn('org_id', 'integer')],
    primaryKey: aPrimaryKey('users', ['id']),
    uniques: [{ name: 'users_email_key', nameExplicit: true, columns: ['email'] }],
    indexes: [
      anIndex('users', ['org_id', 'email'], {
        parts: [
          { column: 'org_id', order: 'desc' },
          { column: 'email', opclass: 'text_pattern_ops', length: 10 },
        ],
      }),
      anIndex('users', [], {
        name: 'users_lower_email_idx',
        unique: true,
        method: 'HASH',
        parts: [{ expression: 'lower(email)' }],
        where: 'email IS NOT NULL',
      }),
      anIndex('users', ['org_id'], { parts: [{ column: 'org_id', nulls: 'first' }] }),
    ],
  });

  it('lists the primary key, the unique constraints, then the indexes', () => {
    expect(keysOf(table).map((k) => [k.kind, k.name])).toEqual([
      ['primary-key', 'users_pkey'],
      ['unique', 'users_email_key'],
      ['index', 'users_org_id_email_idx'],
      ['index', 'users_lower_email_idx'],
      ['index', 'users_org_id_idx'],
    ]);
  });

  it('keys and constraints are unique, non-partial B-trees of plain columns', () => {
    for (const k of keysOf(table).slice(0, 2)) {
      expect(k).toMatchObject({ unique: true, partial: false, method: 'btree' });
      expect(k.columns).toEqual(k.parts);
    }
  });

  it('an index keeps its uniqueness, WHERE and method (lower-cased, B-tree when unsaid)', () => {
    const [, , plain, expression] = keysOf(table);
    expect(plain).toMatchObject({ unique: false, partial: false, method: 'btree' });
    expect(expression).toMatchObject({ unique: true, partial: true, method: 'hash' });
  });

  it('an expression part is written in parentheses and leaves the key without plain columns', () => {
    const [, , plain, expression] = keysOf(table);
    expect(expression?.parts).toEqual(['(lower(email))']);
    expect(expression?.columns).toBeUndefined();
    expect(plain?.columns).toEqual(['org_id', 'email']);
  });

  it('signs each part with its order, where NULLs go on the dialect, operator class and prefix length', () => {
    const [pk, , plain, , explicit] = keysOf(table);
    expect(pk?.orders).toEqual(['asc nulls last']);
    expect(plain?.orders).toEqual(['desc nulls first', 'asc nulls last text_pattern_ops(10)']);
    expect(explicit?.orders).toEqual(['asc nulls first']);
    const [mysqlPk, , mysqlPlain] = keysOf(table, 'mysql');
    expect(mysqlPk?.orders).toEqual(['asc nulls first']);
    expect(mysqlPlain?.orders).toEqual(['desc nulls last', 'asc nulls first text_pattern_ops(10)']);
  });
});

describe('hasLeadingKey', () => {
  const withIndex = (columns: string[], overrides: Parameters<typeof anIndex>[2] = {}) =>
    aTable('t', {
      columns: [aColumn('a', 'integer'), aColumn('b', 'integer'), aColumn('c', 'integer')],
      indexes: [anIndex('t', columns, overrides)],
    });
  it.each([
    ['the same columns', ['a', 'b'], {}, ['a', 'b'], true],
    ['the same columns in another order', ['b', 'a'], {}, ['a', 'b'], true],
    ['more columns after them', ['a', 'b', 'c'], {}, ['a', 'b'], true],
    ['fewer columns', ['a'], {}, ['a', 'b'], false],
    ['them after another column', ['c', 'a', 'b'], {}, ['a', 'b'], false],
    ['a partial index', ['a', 'b'], { where: 'c > 0' }, ['a', 'b'], false],
    ['a GIN index', ['a', 'b'], { method: 'gin' }, ['a', 'b'], false],
    ['a hash index on exactly them', ['a'], { method: 'hash' }, ['a'], true],
    ['a hash index on more columns', ['a', 'b'], { method: 'hash' }, ['a'], false],
  ] as const)('an index on %s: %s', (_what, columns, overrides, wanted, expected) => {
    expect(hasLeadingKey(withIndex([...columns], overrides), [...wanted])).toBe(expected);
  });
  it('counts the primary key and unique constraints', () => {
    const t = aTable('t', {
      columns: [aColumn('a', 'integer'), aColumn('b', 'integer')],
      primaryKey: aPrimaryKey('t', ['a']),
      uniques: [{ name: 't_b_key', nameExplicit: false, columns: ['b'] }],
    });
    expect(hasLeadingKey(t, ['a'])).toBe(true);
    expect(hasLeadingKey(t, ['b'])).toBe(true);
  });
});

describe('singular', () => {
  it.each([
    ['categories', 'category'],
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['matches', 'match'],
    ['wishes', 'wish'],
    ['buses', 'bus'],
    ['users', 'user'],
    ['class', 'class'],
    ['diesel_parts', 'diesel_part'],
    ['boxes_items', 'boxes_item'],
    ['data', 'data'],
  ])('%s -> %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});

describe('aRowOf', () => {
  it.each([
    ['users', 'a user'],
    ['books', 'a book'],
    ['organizations', 'an organization'],
    ['events', 'an event'],
    ['items', 'an item'],
    ['Orders', 'an Order'],
    ['uploads', 'an upload'],
    ['usages', 'a usage'],
    ['units', 'a unit'],
    ['uranium_samples', 'a uranium sample'],
    ['utilities', 'a utility'],
    ['user_profiles', 'a user profile'],
  ])('%s: %s', (name, row) => {
    expect(aRowOf({ schema: null, name })).toBe(row);
  });
  it('says "a row of" a table whose name is no plural, schema-qualified', () => {
    expect(aRowOf({ schema: null, name: 'data' })).toBe('a row of data');
    expect(aRowOf({ schema: 'audit', name: 'data' })).toBe('a row of audit.data');
  });
});

describe('sqlIdent and sqlTable', () => {
  it('quote as the dialect quotes (SQL Server and CockroachDB as PostgreSQL)', () => {
    expect(sqlIdent('deletedAt', 'postgresql')).toBe('"deletedAt"');
    expect(sqlIdent('deletedAt', 'cockroachdb')).toBe('"deletedAt"');
    expect(sqlIdent('deletedAt', 'sqlserver')).toBe('"deletedAt"');
    expect(sqlIdent('deletedAt', 'mysql')).toBe('`deletedAt`');
    expect(sqlIdent('deletedAt', 'sqlite')).toBe('"deletedAt"');
    expect(sqlIdent('deleted_at', 'postgresql')).toBe('deleted_at');
    // Reserved words as each dialect reserves them: PostgreSQL's (SQL Server, CockroachDB) and SQLite's.
    expect(sqlIdent('user', 'postgresql')).toBe('"user"');
    expect(sqlIdent('user', 'cockroachdb')).toBe('"user"');
    expect(sqlIdent('user', 'sqlserver')).toBe('"user"');
    expect(sqlIdent('user', 'sqlite')).toBe('user');
  });
  it('qualify with the schema except on SQLite', () => {
    const ref = { schema: 'auth', name: 'Users' };
    expect(sqlTable(ref, 'postgresql')).toBe('auth."Users"');
    expect(sqlTable(ref, 'mysql')).toBe('auth.`Users`');
    expect(sqlTable(ref, 'sqlite')).toBe('"Users"');
  });
});

describe('mentionsColumn', () => {
  it.each([
    ['deleted_at IS NULL', 'deleted_at', true],
    ['NOT deleted', 'deleted', true],
    ['"deletedAt" IS NULL', 'deletedAt', true],
    ['(t.deleted_at IS NULL)', 'deleted_at', true],
    ['not_deleted_at IS NULL', 'deleted_at', false],
    ['deleted_at_2 IS NULL', 'deleted_at', false],
    ['$deleted_at', 'deleted_at', false],
    ['deleted_at$ > 0', 'deleted_at', false],
    ['(a+b) > 0', 'a+b', true],
    ['ab > 0', 'a+b', false],
  ] as const)('%s mentions %s: %s', (expression, column, expected) => {
    expect(mentionsColumn(expression, column)).toBe(expected);
  });
});

describe('tokenize outside ASCII', () => {
  it('gives what the definition gives where lower-casing makes ASCII letters (the Kelvin sign is k)', () => {
    expect(tokenize('\u212Aelvin')).toEqual(['kelvin']);
    expect(tokenize('\u212Aelvin')).toEqual(tokenizeByRegex('\u212Aelvin'));
  });
  it.each(['a{b', 'a|B', 'x}y', 'ab~cd', 'a`b', 'A@B', 'a[b]', 'Ab^c'])(
    '%s: ASCII punctuation separates words',
    (name) => {
      expect(tokenize(name)).toEqual(tokenizeByRegex(name));
      expect(tokenize(name)).toHaveLength(2);
    },
  );
});
