import { describe, expect, it } from 'vitest';
import type { Column, Index, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { keysOf } from './_util.js';
import { analyze } from './index.js';
import {
  coveredBy,
  duplicateIndex,
  fkWithoutIndex,
  isGeneratedId,
  unboundedTextUnique,
} from './rules/indexing.js';

// The indexing rules at their boundaries, one row per case (mutation tests: see CONTRIBUTING.md,
// "Mutation testing").

const only = (ir: Ir, ruleId: string) =>
  analyze(ir, { enable: ['unbounded-text-unique'] }).filter((f) => f.ruleId === ruleId);

const abc = (overrides: Partial<Table>) =>
  aTable('t', {
    columns: [aColumn('a', 'integer'), aColumn('b', 'integer'), aColumn('c', 'integer', { nullable: true })],
    ...overrides,
  });

describe('coveredBy: is key A made redundant by key B?', () => {
  const ix = (name: string, columns: string[], overrides: Partial<Index> = {}) =>
    anIndex('t', columns, { name, ...overrides });
  const uq = (name: string, columns: string[]) => ({ name, nameExplicit: true, columns });
  /** Keys of the table; A and B are found by name. */
  const covered = (table: Table, a: string, b: string) => {
    const keys = keysOf(table);
    const ka = keys.find((k) => k.name === a);
    const kb = keys.find((k) => k.name === b);
    if (!ka || !kb) throw new Error(`no key ${a} or ${b}`);
    return coveredBy(table, keys, ka, kb);
  };
  it.each([
    ['a prefix index by a longer one', abc({ indexes: [ix('A', ['a']), ix('B', ['a', 'b'])] }), true],
    ['a longer index by its prefix', abc({ indexes: [ix('A', ['a', 'b']), ix('B', ['a'])] }), false],
    ['an index by one on other columns', abc({ indexes: [ix('A', ['a']), ix('B', ['b', 'a'])] }), false],
    [
      'a B-tree by a GIN index',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a', 'b'], { method: 'gin' })] }),
      false,
    ],
    [
      'a GIN index by a B-tree',
      abc({ indexes: [ix('A', ['a'], { method: 'gin' }), ix('B', ['a', 'b'])] }),
      false,
    ],
    [
      'a partial index by a full one',
      abc({ indexes: [ix('A', ['a'], { where: 'c > 0' }), ix('B', ['a', 'b'])] }),
      false,
    ],
    [
      'an index by a partial one',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a', 'b'], { where: 'c > 0' })] }),
      false,
    ],
    [
      'an INCLUDE index by a longer one',
      abc({ indexes: [ix('A', ['a'], { include: ['c'] }), ix('B', ['a', 'b'])] }),
      false,
    ],
    [
      'an index by a longer INCLUDE one',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a', 'b'], { include: ['c'] })] }),
      true,
    ],
    [
      'an index with an empty INCLUDE',
      abc({ indexes: [ix('A', ['a'], { include: [] }), ix('B', ['a', 'b'])] }),
      true,
    ],
    [
      'an ascending index by a descending one',
      abc({
        indexes: [
          ix('A', ['a']),
          ix('B', ['a', 'b'], { parts: [{ column: 'a', order: 'desc' }, { column: 'b' }] }),
        ],
      }),
      false,
    ],
    [
      'an index by one with another operator class',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a'], { parts: [{ column: 'a', opclass: 'int4_ops' }] })] }),
      false,
    ],
    [
      'an index by one that differs only in its second part',
      abc({ indexes: [ix('A', ['a', 'b']), ix('B', ['a', 'c', 'b'])] }),
      false,
    ],
    [
      'the primary key by a longer index',
      abc({ primaryKey: { ...aPrimaryKey('t', ['a']), name: 'A' }, indexes: [ix('B', ['a', 'b'])] }),
      false,
    ],
    [
      'an index by the primary key',
      abc({ primaryKey: { ...aPrimaryKey('t', ['a']), name: 'B' }, indexes: [ix('A', ['a'])] }),
      true,
    ],
    [
      'a unique index by a plain longer one',
      abc({ indexes: [ix('A', ['a'], { unique: true }), ix('B', ['a', 'b'])] }),
      false,
    ],
    [
      'a unique index by a unique longer one',
      abc({ indexes: [ix('A', ['a'], { unique: true }), ix('B', ['a', 'b'], { unique: true })] }),
      false,
    ],
    [
      'a plain index by a unique twin',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a'], { unique: true })] }),
      true,
    ],
    [
      'a unique index by a plain twin',
      abc({ indexes: [ix('A', ['a'], { unique: true }), ix('B', ['a'])] }),
      false,
    ],
    [
      'a unique index by a unique constraint twin',
      abc({ uniques: [uq('B', ['a'])], indexes: [ix('A', ['a'], { unique: true })] }),
      true,
    ],
    [
      'a unique constraint by a unique index twin',
      abc({ uniques: [uq('A', ['a'])], indexes: [ix('B', ['a'], { unique: true })] }),
      false,
    ],
    [
      'a unique constraint by the primary key',
      abc({ primaryKey: { ...aPrimaryKey('t', ['a']), name: 'B' }, uniques: [uq('A', ['a'])] }),
      true,
    ],
    [
      'the later of two twin indexes by the earlier',
      abc({ indexes: [ix('B', ['a']), ix('A', ['a'])] }),
      true,
    ],
    [
      'the earlier of two twin indexes by the later',
      abc({ indexes: [ix('A', ['a']), ix('B', ['a'])] }),
      false,
    ],
    [
      'a NULLS NOT DISTINCT unique index by a plain unique twin',
      abc({
        indexes: [ix('A', ['c'], { unique: true, nullsNotDistinct: true }), ix('B', ['c'], { unique: true })],
      }),
      false,
    ],
    [
      'a plain unique index by a NULLS NOT DISTINCT twin that comes first',
      abc({
        indexes: [ix('B', ['c'], { unique: true, nullsNotDistinct: true }), ix('A', ['c'], { unique: true })],
      }),
      true,
    ],
    [
      'a plain unique index by a NULLS NOT DISTINCT twin that comes later',
      abc({
        indexes: [ix('A', ['c'], { unique: true }), ix('B', ['c'], { unique: true, nullsNotDistinct: true })],
      }),
      true,
    ],
    [
      'a plain unique constraint by a NULLS NOT DISTINCT unique index twin',
      abc({ uniques: [uq('A', ['c'])], indexes: [ix('B', ['c'], { unique: true, nullsNotDistinct: true })] }),
      true,
    ],
    [
      'a NULLS NOT DISTINCT unique constraint by a plain unique index twin',
      abc({
        uniques: [{ ...uq('A', ['c']), nullsNotDistinct: true }],
        indexes: [ix('B', ['c'], { unique: true })],
      }),
      false,
    ],
    [
      'a NULLS NOT DISTINCT unique index by the primary key',
      abc({
        primaryKey: { ...aPrimaryKey('t', ['a']), name: 'B' },
        indexes: [ix('A', ['a'], { unique: true, nullsNotDistinct: true })],
      }),
      true,
    ],
  ] as const)('%s', (_what, table, expected) => {
    expect(covered(table, 'A', 'B')).toBe(expected);
  });

  it('a key never covers itself', () => {
    const t = abc({ indexes: [ix('A', ['a'])] });
    const keys = keysOf(t);
    expect(coveredBy(t, keys, keys[0]!, keys[0]!)).toBe(false);
  });
});

describe('duplicate-index messages name the kinds of both keys', () => {
  it.each([
    [
      abc({ indexes: [anIndex('t', ['a'], { name: 'A' }), anIndex('t', ['a', 'b'], { name: 'B' })] }),
      'Index A on t.a is redundant: index B on (a, b) starts with the same columns.',
    ],
    [
      abc({ indexes: [anIndex('t', ['a'], { name: 'B' }), anIndex('t', ['a'], { name: 'A' })] }),
      'Index A on t.a is redundant: index B on (a) has the same columns.',
    ],
    [
      abc({
        uniques: [{ name: 'B', nameExplicit: true, columns: ['a'] }],
        indexes: [anIndex('t', ['a'], { name: 'A', unique: true })],
      }),
      'Unique index A on t.a is redundant: unique constraint B on (a) already enforces it.',
    ],
    [
      abc({
        primaryKey: aPrimaryKey('t', ['a']),
        uniques: [{ name: 'A', nameExplicit: true, columns: ['a'] }],
      }),
      'Unique constraint A on t.a is redundant: the primary key on (a) already enforces it.',
    ],
  ])('%#', (table, message) => {
    expect(only(anIr({ tables: [table] }), 'duplicate-index').map((f) => f.message)).toEqual([message]);
  });
});

describe('fk-without-index names the parent row', () => {
  it('as a row of the parent when the parent is a table of the schema, else by its name', () => {
    const child = aTable('posts', {
      columns: [aColumn('id', 'integer'), aColumn('author_id', 'integer'), aColumn('team_id', 'integer')],
      primaryKey: aPrimaryKey('posts', ['id']),
      foreignKeys: [aForeignKey('posts', ['author_id'], 'users'), aForeignKey('posts', ['team_id'], 'teams')],
    });
    const users = aTable('users', { primaryKey: aPrimaryKey('users', ['id']) });
    const messages = only(anIr({ tables: [child, users] }), 'fk-without-index').map((f) => f.message);
    expect(messages).toEqual([
      'posts.author_id references users but has no index starting with author_id; deleting or updating a user scans posts.',
      'posts.team_id references teams but has no index starting with team_id; deleting or updating a row of teams scans posts.',
    ]);
  });
});

describe('isGeneratedId', () => {
  const orm = (generator: string): Column =>
    aColumn('id', 'text', { default: { kind: 'orm', generator, description: `${generator}()` } });
  const sql = (expression: string): Column => aColumn('id', 'text', { default: { kind: 'sql', expression } });
  it.each([
    'cuid',
    'cuid2',
    'uuid',
    'uuid(7)',
    'nanoid',
    'ulid',
    'objectid',
    'ksuid',
    'autoincrement',
    'CUID',
  ])('an ORM generator %s is a generated id', (g) => expect(isGeneratedId(orm(g))).toBe(true));
  it.each(['now', 'my_cuid', 'dbgenerated'])('an ORM generator %s is not', (g) =>
    expect(isGeneratedId(orm(g))).toBe(false),
  );
  it.each([
    'gen_random_uuid()',
    'uuid_generate_v4()',
    'uuid_generate_v1()',
    'uuid()',
    ' GEN_RANDOM_UUID ( ) ',
  ])('a SQL default %s is a generated id', (e) => expect(isGeneratedId(sql(e))).toBe(true));
  it.each(['now()', 'md5(uuid())', 'uuid_generate_vx()', "'uuid'"])('a SQL default %s is not', (e) =>
    expect(isGeneratedId(sql(e))).toBe(false),
  );
  it('a literal default or none is not', () => {
    expect(
      isGeneratedId(aColumn('id', 'text', { default: { kind: 'literal', value: 'uuid', sql: "'uuid'" } })),
    ).toBe(false);
    expect(isGeneratedId(aColumn('id', 'text'))).toBe(false);
  });
});

describe('unbounded-text-unique, one row per string type', () => {
  const keyed = (sql: string, isArray = false) =>
    aTable('t', {
      columns: [aColumn('id', 'integer'), aColumn('k', sql, { type: { sql, category: 'string', isArray } })],
      primaryKey: aPrimaryKey('t', ['id']),
      uniques: [{ name: 't_k_key', nameExplicit: false, columns: ['k'] }],
    });
  it.each([
    'text',
    'TEXT',
    'citext',
    'varchar',
    'character varying',
    'string',
    'clob',
    'ntext',
    'mediumtext',
    'longtext',
    'tinytext',
    'text[]',
  ])('%s is unbounded', (sql) => {
    expect(only(anIr({ tables: [keyed(sql, sql.endsWith('[]'))] }), 'unbounded-text-unique')).toHaveLength(1);
  });
  it.each(['varchar(64)', 'char(2)', 'texts', 'nvarchar(max)', 'text[][]'])('%s is not', (sql) => {
    expect(only(anIr({ tables: [keyed(sql)] }), 'unbounded-text-unique')).toEqual([]);
  });
  it('a column of another category is not, whatever its SQL type says', () => {
    const t = keyed('text');
    t.columns[1] = aColumn('k', 'text', { type: { sql: 'text', category: 'json', isArray: false } });
    expect(only(anIr({ tables: [t] }), 'unbounded-text-unique')).toEqual([]);
  });
});

describe('unbounded-text-unique: which keys and columns', () => {
  it('names the primary key or the unique key, reports a column once, skips expression keys', () => {
    const t = aTable('t', {
      columns: [aColumn('code', 'text'), aColumn('slug', 'text'), aColumn('n', 'integer')],
      primaryKey: aPrimaryKey('t', ['code']),
      uniques: [{ name: 't_code_slug_key', nameExplicit: false, columns: ['code', 'slug'] }],
      indexes: [
        anIndex('t', [], { name: 't_lower_idx', unique: true, parts: [{ expression: 'lower(slug)' }] }),
      ],
    });
    const found = only(anIr({ tables: [t] }), 'unbounded-text-unique');
    expect(found.map((f) => [f.columns, f.message.split(' is used in ')[1]?.split(';')[0]])).toEqual([
      [['code'], 'the primary key'],
      [['slug'], 'unique key t_code_slug_key'],
    ]);
  });

  it('skips a foreign key column that references a generated id, position by position', () => {
    const parent = aTable('p', {
      columns: [
        aColumn('tenant', 'text'),
        aColumn('id', 'text', { default: { kind: 'orm', generator: 'cuid', description: 'cuid()' } }),
      ],
      primaryKey: aPrimaryKey('p', ['tenant', 'id']),
    });
    const child = aTable('c', {
      columns: [aColumn('tenant', 'text'), aColumn('p_id', 'text')],
      uniques: [{ name: 'c_key', nameExplicit: false, columns: ['tenant', 'p_id'] }],
      foreignKeys: [aForeignKey('c', ['tenant', 'p_id'], 'p', ['tenant', 'id'])],
    });
    const found = only(anIr({ tables: [parent, child] }), 'unbounded-text-unique');
    expect(found.map((f) => `${f.table?.name}.${f.columns?.[0]}`)).toEqual(['c.tenant', 'p.tenant']);
  });

  it('reports a foreign key column whose parent is not a table of the schema', () => {
    const child = aTable('c', {
      columns: [aColumn('p_id', 'text')],
      uniques: [{ name: 'c_key', nameExplicit: false, columns: ['p_id'] }],
      foreignKeys: [aForeignKey('c', ['p_id'], 'elsewhere')],
    });
    expect(only(anIr({ tables: [child] }), 'unbounded-text-unique')).toHaveLength(1);
  });
});

describe('the hints say what to do with the key', () => {
  it('duplicate-index: remove it from the ORM schema, then drop it', () => {
    const table = abc({
      indexes: [anIndex('t', ['a'], { name: 'A' }), anIndex('t', ['a', 'b'], { name: 'B' })],
    });
    expect(only(anIr({ tables: [table] }), 'duplicate-index').map((f) => f.hint)).toEqual([
      'Remove A from the ORM schema (or the migration drops it again next time), then drop it.',
    ]);
  });

  it('unbounded-text-unique: a length, or uniqueness on a hash', () => {
    const table = aTable('u', {
      columns: [aColumn('slug', 'text')],
      uniques: [{ name: 'u_slug', nameExplicit: true, columns: ['slug'] }],
    });
    expect(only(anIr({ tables: [table] }), 'unbounded-text-unique').map((f) => f.hint)).toEqual([
      "Give slug a length (varchar(n)) that matches the application's validation, or enforce uniqueness on a hash of the value.",
    ]);
  });
});

describe('the indexing rules themselves', () => {
  it.each([
    [fkWithoutIndex, 'fk-without-index', 'Foreign key without a supporting index', 'warning', false],
    [duplicateIndex, 'duplicate-index', 'Redundant index', 'warning', false],
    [unboundedTextUnique, 'unbounded-text-unique', 'Unbounded text in a unique key', 'info', true],
  ] as const)('%#: %s', (rule, id, title, severity, offByDefault) => {
    expect(rule).toMatchObject({ id, title, category: 'indexing', severity });
    expect(rule.offByDefault ?? false).toBe(offByDefault);
    expect(rule.description.length).toBeGreaterThan(80);
  });

  it('find nothing at all on a table with nothing to find', () => {
    const table = aTable('t', { columns: [aColumn('id', 'integer')], primaryKey: aPrimaryKey('t', ['id']) });
    const ctx = { ir: anIr({ tables: [table] }), tables: [table], piiPatterns: [] };
    for (const rule of [fkWithoutIndex, duplicateIndex, unboundedTextUnique])
      expect(rule.check(ctx)).toEqual([]);
  });

  it('fk-without-index names every column of the key', () => {
    const child = aTable('c', {
      columns: [aColumn('a', 'integer'), aColumn('b', 'integer')],
      foreignKeys: [aForeignKey('c', ['a', 'b'], 'p', ['x', 'y'])],
    });
    const [f] = only(anIr({ tables: [child] }), 'fk-without-index');
    expect(f?.message).toContain('has no index starting with a, b;');
  });

  it('unbounded-text-unique: a key on a column the table lacks, or a type that only ends like text, is no finding', () => {
    const table = aTable('u', {
      columns: [
        aColumn('code', 'shorttext', { type: { sql: 'shorttext', category: 'string', isArray: false } }),
      ],
      uniques: [
        { name: 'u_gone', nameExplicit: true, columns: ['gone'] },
        { name: 'u_code', nameExplicit: true, columns: ['code'] },
      ],
    });
    expect(only(anIr({ tables: [table] }), 'unbounded-text-unique')).toEqual([]);
  });
});
