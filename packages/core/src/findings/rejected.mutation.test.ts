import { describe, expect, it } from 'vitest';
import type { Column, Dialect, Index, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';
import { nameClash, OPCLASS_ACCEPTS, opclassMismatch } from './rules/rejected.js';

// The rules about DDL PostgreSQL rejects, one row per case, without a database (rejected.test.ts
// runs each case on PostgreSQL; this file is the fast half a mutation run uses: see
// CONTRIBUTING.md, "Mutation testing").

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);

/** Per operator class: every index method it has, a type it accepts, one it does not, a method it lacks. */
const OPCLASSES: Array<[string, string[], string, string, string]> = [
  ['text_ops', ['btree', 'hash', 'spgist', 'gin'], 'varchar(20)', 'uuid', 'gist'],
  ['varchar_ops', ['btree', 'hash', 'gin'], 'text', 'integer', 'gist'],
  ['text_pattern_ops', ['btree', 'hash'], 'citext', 'uuid', 'gin'],
  ['varchar_pattern_ops', ['btree', 'hash'], 'varchar(10)', 'integer', 'gin'],
  ['bpchar_ops', ['btree', 'hash', 'gin'], 'char(3)', 'uuid', 'gist'],
  ['bpchar_pattern_ops', ['btree', 'hash'], 'character', 'integer', 'gin'],
  ['int2_ops', ['btree', 'hash', 'gin'], 'smallint', 'text', 'gist'],
  ['int4_ops', ['btree', 'hash', 'gin'], 'integer', 'bigint', 'gist'],
  ['int8_ops', ['btree', 'hash', 'gin'], 'bigint', 'text', 'gist'],
  ['uuid_ops', ['btree', 'hash', 'gin'], 'uuid', 'text', 'gist'],
  ['bool_ops', ['btree', 'hash', 'gin'], 'boolean', 'integer', 'gist'],
  ['numeric_ops', ['btree', 'hash', 'gin'], 'numeric(10,2)', 'integer', 'gist'],
  ['timestamp_ops', ['btree', 'hash', 'gin'], 'timestamp', 'date', 'gist'],
  ['timestamptz_ops', ['btree', 'hash', 'gin'], 'timestamptz', 'text', 'gist'],
  ['date_ops', ['btree', 'hash', 'gin'], 'date', 'text', 'gist'],
  ['jsonb_ops', ['btree', 'hash', 'gin'], 'jsonb', 'json', 'gist'],
  ['jsonb_path_ops', ['gin'], 'jsonb', 'json', 'btree'],
  ['array_ops', ['btree', 'hash', 'gin'], 'text[]', 'text', 'gist'],
  ['gin_trgm_ops', ['gin'], 'bpchar', 'uuid', 'gist'],
  ['gist_trgm_ops', ['gist'], 'text', 'integer', 'gin'],
  ['inet_ops', ['btree', 'hash', 'gist', 'spgist'], 'cidr', 'text', 'gin'],
];

const indexed = (type: string, opclass: string, method?: string, more: Partial<Column> = {}): Table =>
  aTable('t', {
    columns: [aColumn('id', 'integer'), aColumn('c', type, more)],
    primaryKey: aPrimaryKey('t', ['id']),
    indexes: [
      {
        ...anIndex('t', ['c'], { name: 'ix' }),
        ...(method ? { method } : {}),
        parts: [{ column: 'c', opclass }],
      } as Index,
    ],
  });
const misfits = (table: Table, dialect: Dialect = 'postgresql') =>
  only(anIr({ tables: [table], dialect }), 'opclass-mismatch').map(
    (f) => /uses [^:]+: (.*), so/.exec(f.message)?.[1],
  );

describe('opclass-mismatch, one row per operator class', () => {
  it.each(OPCLASSES)('%s', (opclass, methods, fits, misfit, lacking) => {
    for (const m of methods) expect(misfits(indexed(fits, opclass, m)), `${m} on ${fits}`).toEqual([]);
    expect(misfits(indexed(misfit, opclass, methods[0]))).toEqual([
      `operator class ${opclass} does not accept data type ${misfit.replace(/\(.*$/, '')}`,
    ]);
    expect(misfits(indexed(fits, opclass, lacking))).toEqual([
      `operator class ${opclass} does not exist for access method ${lacking}`,
    ]);
  });
});

describe('opclass-mismatch: the type and method compared', () => {
  it.each([
    ['varchar(255)', 'text_ops', undefined, []],
    ['VARCHAR(255)', 'text_ops', undefined, []],
    ['name', 'text_ops', undefined, []],
    ['int', 'int4_ops', undefined, []],
    ['serial', 'int4_ops', undefined, []],
    ['int8', 'int8_ops', undefined, []],
    ['bigserial', 'int8_ops', undefined, []],
    ['int2', 'int2_ops', undefined, []],
    ['bool', 'bool_ops', undefined, []],
    ['decimal(8, 2)', 'numeric_ops', undefined, []],
    ['integer[]', 'array_ops', 'GIN', []],
    ['integer[][]', 'array_ops', 'gin', []],
    ['inet', 'inet_ops', 'gist', []],
    ['text', 'TEXT_OPS', undefined, []],
    ['text', 'my_own_ops', undefined, []],
    ['uuid[]', 'uuid_ops', undefined, ['operator class uuid_ops does not accept data type uuid[]']],
    ['xtext', 'text_ops', undefined, ['operator class text_ops does not accept data type xtext']],
    ['textx', 'text_ops', undefined, ['operator class text_ops does not accept data type textx']],
    ['text', 'text_ops', 'GIST', ['operator class text_ops does not exist for access method gist']],
  ] as const)('%s with %s (%s): %j', (type, opclass, method, expected) => {
    expect(misfits(indexed(type, opclass, method))).toEqual(expected);
  });

  it('an array column is compared as an array even when its SQL type does not say so', () => {
    const t = indexed('text', 'text_ops', undefined, {
      type: { sql: 'text', category: 'string', isArray: true },
    });
    expect(misfits(t)).toEqual(['operator class text_ops does not accept data type text[]']);
  });

  it('leaves an enum column, a missing column and an expression part alone', () => {
    expect(
      misfits(
        indexed('mood', 'text_ops', undefined, {
          type: { sql: 'mood', category: 'enum', isArray: false, enum: { schema: null, name: 'mood' } },
        }),
      ),
    ).toEqual([]);
    const missing = aTable('t', {
      indexes: [anIndex('t', ['gone'], { parts: [{ column: 'gone', opclass: 'text_ops' }] })],
    });
    expect(misfits(missing)).toEqual([]);
    const expression = aTable('t', {
      indexes: [anIndex('t', [], { parts: [{ expression: 'lower(x)', opclass: 'int4_ops' }] })],
    });
    expect(misfits(expression)).toEqual([]);
  });

  it('is PostgreSQL and CockroachDB only', () => {
    expect(misfits(indexed('uuid', 'text_ops'), 'cockroachdb')).toHaveLength(1);
    expect(misfits(indexed('uuid', 'text_ops'), 'mysql')).toEqual([]);
  });

  it('names the index, column, type and the fix', () => {
    const [b] = only(anIr({ tables: [indexed('uuid', 'text_ops')] }), 'opclass-mismatch');
    expect(b).toMatchObject({
      columns: ['c'],
      message:
        'Index ix on t.c (uuid) uses text_ops: operator class text_ops does not accept data type uuid, so PostgreSQL will reject this.',
      hint: "Remove the operator class (the column's default one fits) or use one made for uuid.",
    });
    const [g] = only(anIr({ tables: [indexed('uuid', 'text_ops', 'gin')] }), 'opclass-mismatch');
    expect(g?.hint).toBe(
      "Remove the operator class (the column's default one fits) or use one made for uuid and gin.",
    );
  });
});

describe('name-clash', () => {
  const clashes = (ir: Partial<Ir>) =>
    only(anIr(ir), 'name-clash').map((f) => [f.table?.name, f.columns, f.message, f.hint]);
  const users = (name: string, overrides: Partial<Table> = {}) =>
    aTable(name, {
      columns: [aColumn('id', 'integer'), aColumn('email', 'text')],
      primaryKey: aPrimaryKey(name, ['id']),
      ...overrides,
    });

  it('two tables of one name in one schema; a view counts, another schema does not', () => {
    expect(clashes({ tables: [users('a'), aTable('a', { kind: 'materialized-view' })] })).toEqual([
      [
        'a',
        undefined,
        'a: the materialized view a has the same name as the table a in schema public; indexes, keys and tables share one namespace, so PostgreSQL will reject this ("relation a already exists").',
        "Rename one of them in the database (Prisma @@map, Drizzle's table name, TypeORM @Entity({ name }), SQLAlchemy __tablename__).",
      ],
    ]);
    expect(clashes({ tables: [users('a'), users('a', { schema: 'other' })] })).toEqual([]);
    expect(clashes({ tables: [users('a'), users('a', { schema: 'public' })] })).toHaveLength(2);
  });

  it('an index named like a table names its columns and asks for another name', () => {
    const found = clashes({
      tables: [
        users('accounts'),
        users('users', { indexes: [anIndex('users', ['email'], { name: 'accounts' })] }),
      ],
    });
    expect(found).toEqual([
      [
        'users',
        ['email'],
        'users.email: the index accounts on users has the same name as the table accounts in schema public; indexes, keys and tables share one namespace, so PostgreSQL will reject this ("relation accounts already exists").',
        'Give accounts a distinct name of at most 63 bytes (Prisma map: "...", Drizzle/TypeORM/SQLAlchemy name).',
      ],
    ]);
  });

  it('names cut to 63 bytes clash, and the message says so', () => {
    const long = (tail: string) => `${'x'.repeat(63)}${tail}`;
    const found = clashes({
      tables: [
        users('t', {
          uniques: [{ name: long('_a'), nameExplicit: true, columns: ['email'] }],
          indexes: [anIndex('t', ['email', 'id'], { name: long('_b') })],
        }),
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toEqual(['email', 'id']);
    expect(found[0]?.[2]).toContain(
      `the index ${long('_b')} on t (cut to ${'x'.repeat(63)}, 63 bytes) has the same name as the unique constraint ${long('_a')} on t (cut to`,
    );
    expect(found[0]?.[3]).toBe(
      'Give it a distinct name of at most 63 bytes (Prisma map: "...", Drizzle/TypeORM/SQLAlchemy name).',
    );
  });

  it('the primary keys of two tables', () => {
    const found = clashes({
      tables: [
        users('a', { primaryKey: { ...aPrimaryKey('a', ['id']), name: 'pk' } }),
        users('b', { primaryKey: { ...aPrimaryKey('b', ['id']), name: 'pk' } }),
      ],
    });
    expect(found.map((f) => f[2])).toEqual([
      expect.stringMatching(
        /^b\.id: the primary key pk on b has the same name as the primary key pk on a in schema public;/,
      ),
    ]);
  });

  it('an expression index has no columns to name', () => {
    const found = clashes({
      tables: [
        users('b'),
        users('a', { indexes: [anIndex('a', [], { name: 'b', parts: [{ expression: 'lower(email)' }] })] }),
      ],
    });
    expect(found[0]?.[1]).toBeUndefined();
    expect(found[0]?.[2]).toMatch(/^a: the index b on a has the same name/);
  });

  it('the relations of a view are not looked at', () => {
    const view = aTable('v', { kind: 'view', indexes: [anIndex('v', ['id'], { name: 'users' })] });
    expect(clashes({ tables: [users('users'), view] })).toEqual([]);
  });

  it('a native enum named like a table of its schema', () => {
    const enumClash = (e: ReturnType<typeof anEnum>) => clashes({ tables: [users('Role')], enums: [e] });
    expect(enumClash(anEnum('Role', ['A']))).toEqual([
      [
        'Role',
        undefined,
        'Role and the enum type Role have the same name: every table also defines a type of its name, so PostgreSQL will reject this ("type already exists").',
        'Give the enum or the table another database name (Prisma @@map / @map, TypeORM enumName, Drizzle pgEnum name).',
      ],
    ]);
    expect(enumClash(anEnum('Role', ['A'], { native: false }))).toEqual([]);
    expect(enumClash(anEnum('Role', ['A'], { schema: 'other' }))).toEqual([]);
    expect(enumClash(anEnum('role', ['A']))).toEqual([]);
  });

  it('constraint names are unique per table: a foreign key, a check; PK/unique pairs are relations', () => {
    const members = (overrides: Partial<Table>) =>
      aTable('members', {
        columns: [aColumn('id', 'integer'), aColumn('team_id', 'integer')],
        primaryKey: aPrimaryKey('members', ['id']),
        ...overrides,
      });
    const fk = (enforcedBy: 'database' | 'orm') =>
      aForeignKey('members', ['team_id'], 'teams', ['id'], { name: 'same', enforcedBy });
    const check = { name: 'same', nameExplicit: true, expression: 'id > 0' };
    expect(clashes({ tables: [members({ foreignKeys: [fk('database')], checks: [check] })] })).toEqual([
      [
        'members',
        undefined,
        'members has a foreign key and a check constraint both named same: constraint names are unique per table, so PostgreSQL will reject this.',
        'Give the check constraint its own name (a map/name option in the ORM).',
      ],
    ]);
    expect(clashes({ tables: [members({ foreignKeys: [fk('orm')], checks: [check] })] })).toEqual([]);
    const fkFirst = clashes({
      tables: [
        members({
          uniques: [{ name: 'same', nameExplicit: true, columns: ['team_id'] }],
          foreignKeys: [fk('database')],
        }),
      ],
    });
    expect(fkFirst.map((f) => [f[1], f[2]])).toEqual([
      [
        ['team_id'],
        'members has a unique constraint and a foreign key both named same: constraint names are unique per table, so PostgreSQL will reject this.',
      ],
    ]);
    const pkUnique = clashes({
      tables: [
        members({
          primaryKey: { ...aPrimaryKey('members', ['id']), name: 'same' },
          uniques: [{ name: 'same', nameExplicit: true, columns: ['team_id'] }],
        }),
      ],
    });
    expect(pkUnique).toHaveLength(1);
    expect(pkUnique[0]?.[2]).toContain(
      'the unique constraint same on members has the same name as the primary key same',
    );
  });

  it('two long constraint names cut to one', () => {
    const long = (tail: string) => `${'c'.repeat(63)}${tail}`;
    const t = aTable('m', {
      checks: [
        { name: long('1'), nameExplicit: true, expression: 'id > 0' },
        { name: long('2'), nameExplicit: true, expression: 'id < 9' },
      ],
    });
    expect(clashes({ tables: [t] })[0]?.[2]).toBe(
      `m has a check constraint and a check constraint both named ${'c'.repeat(63)} (${long('2')} cut to 63 bytes): constraint names are unique per table, so PostgreSQL will reject this.`,
    );
  });

  it('is PostgreSQL and CockroachDB only', () => {
    const tables = [users('a'), aTable('a', { kind: 'view' })];
    expect(clashes({ tables, dialect: 'cockroachdb' })).toHaveLength(1);
    expect(clashes({ tables, dialect: 'mysql' })).toEqual([]);
  });
});

/** Per operator class: the type names it accepts, each a whole name (its `types` pattern). */
const ACCEPTED: Array<[string, string[]]> = [
  ['text_ops', ['text', 'varchar', 'citext', 'name']],
  ['varchar_ops', ['text', 'varchar', 'citext']],
  ['text_pattern_ops', ['text', 'varchar', 'citext']],
  ['varchar_pattern_ops', ['text', 'varchar', 'citext']],
  ['bpchar_ops', ['char', 'bpchar', 'character']],
  ['bpchar_pattern_ops', ['char', 'bpchar', 'character']],
  ['int2_ops', ['smallint', 'int2']],
  ['int4_ops', ['integer', 'int', 'int4', 'serial']],
  ['int8_ops', ['bigint', 'int8', 'bigserial']],
  ['uuid_ops', ['uuid']],
  ['bool_ops', ['boolean', 'bool']],
  ['numeric_ops', ['numeric', 'decimal']],
  ['timestamp_ops', ['timestamp']],
  ['timestamptz_ops', ['timestamptz']],
  ['date_ops', ['date']],
  ['jsonb_ops', ['jsonb']],
  ['jsonb_path_ops', ['jsonb']],
  ['gin_trgm_ops', ['text', 'varchar', 'citext', 'char', 'bpchar']],
  ['gist_trgm_ops', ['text', 'varchar', 'citext', 'char', 'bpchar']],
  ['inet_ops', ['inet', 'cidr']],
];

describe('opclass-mismatch: each accepted type is a whole type name', () => {
  it('the table lists every operator class judged, with the methods of OPCLASS_ACCEPTS', () => {
    expect(new Set([...ACCEPTED.map(([op]) => op), 'array_ops'])).toEqual(
      new Set(Object.keys(OPCLASS_ACCEPTS)),
    );
  });

  // A type whose name only starts or ends with an accepted one (int4range, varchar for bpchar_ops,
  // interval for int4_ops, a domain named my_uuid) is another type.
  it.each(ACCEPTED)('%s', (opclass, types) => {
    const method = OPCLASS_ACCEPTS[opclass]?.methods[0];
    for (const type of types) {
      expect(misfits(indexed(type, opclass, method)), type).toEqual([]);
      for (const other of [`${type}range`, `my_${type}`])
        expect(misfits(indexed(other, opclass, method)), other).toEqual([
          `operator class ${opclass} does not accept data type ${other}`,
        ]);
    }
  });

  it.each([
    ['bpchar_ops', 'varchar'],
    ['bpchar_ops', 'character varying(20)'],
    ['int4_ops', 'interval'],
    ['int4_ops', 'int4range'],
    ['int2_ops', 'int2vector'],
    ['int8_ops', 'int8range'],
    ['date_ops', 'daterange'],
    ['timestamp_ops', 'timestamptz'],
    ['timestamp_ops', 'timestamp with time zone'],
  ])('%s does not take a %s', (opclass, type) => {
    expect(misfits(indexed(type, opclass))).toEqual([
      `operator class ${opclass} does not accept data type ${type.replace(/\(.*$/, '')}`,
    ]);
  });

  it('the element type: spaces before a length, array bounds and dimensions dropped', () => {
    expect(misfits(indexed('varchar (20)', 'text_pattern_ops'))).toEqual([]);
    expect(misfits(indexed('timestamp (3)', 'timestamp_ops'))).toEqual([]);
    const array = (sql: string) => ({ type: { sql, category: 'integer' as const, isArray: true } });
    for (const sql of ['integer[3]', 'integer[][]', 'integer[2][3]', 'integer[]'])
      expect(misfits(indexed(sql, 'int4_ops', undefined, array(sql))), sql).toEqual([
        'operator class int4_ops does not accept data type integer[]',
      ]);
  });
});

describe('off PostgreSQL the rules find nothing at all', () => {
  const table = aTable('a', {
    columns: [aColumn('id', 'integer'), aColumn('c', 'uuid')],
    indexes: [
      { ...anIndex('a', ['c'], { name: 'a' }), parts: [{ column: 'c', opclass: 'text_ops' }] } as Index,
    ],
  });
  it.each(['mysql', 'sqlite', 'sqlserver'] as const)('%s', (dialect) => {
    const ir = anIr({ tables: [table, aTable('a', { kind: 'view' })], dialect });
    const ctx = { ir, tables: [table], piiPatterns: [] };
    expect(nameClash.check(ctx)).toEqual([]);
    expect(opclassMismatch.check(ctx)).toEqual([]);
  });
});

describe('on PostgreSQL, a schema with nothing wrong: the rules return no finding at all', () => {
  it('name-clash and opclass-mismatch', () => {
    const table = aTable('a', {
      columns: [aColumn('id', 'integer'), aColumn('c', 'text')],
      indexes: [
        { ...anIndex('a', ['c'], { name: 'a_c' }), parts: [{ column: 'c', opclass: 'text_ops' }] } as Index,
      ],
    });
    const ctx = { ir: anIr({ tables: [table] }), tables: [table], piiPatterns: [] };
    expect(nameClash.check(ctx)).toEqual([]);
    expect(opclassMismatch.check(ctx)).toEqual([]);
  });

  it('an SQL type ending in [] is an array even when the column does not say so', () => {
    const t = indexed('integer[]', 'int4_ops', undefined, {
      type: { sql: 'integer[]', category: 'integer', isArray: false },
    });
    expect(misfits(t)).toEqual(['operator class int4_ops does not accept data type integer[]']);
  });
});

describe('name-clash: constraints of one table', () => {
  const clashes = (t: Table) => only(anIr({ tables: [t] }), 'name-clash').map((f) => f.message);

  it('a primary key and a foreign key of one name', () => {
    const t = aTable('m', {
      columns: [aColumn('id', 'integer')],
      primaryKey: { ...aPrimaryKey('m', ['id']), name: 'same' },
      foreignKeys: [aForeignKey('m', ['id'], 'n', ['id'], { name: 'same' })],
    });
    expect(clashes(t)).toEqual([
      'm has a primary key and a foreign key both named same: constraint names are unique per table, so PostgreSQL will reject this.',
    ]);
  });

  it.each(['S', 'same', 'm_pkey'])('one constraint named %s and no primary key: no clash', (name) => {
    const t = aTable('m', { checks: [{ name, nameExplicit: true, expression: 'id > 0' }] });
    expect(clashes(t)).toEqual([]);
  });

  it('two tables of one name: the table is named and renamed as a table', () => {
    const a = aTable('a', { columns: [aColumn('id', 'integer')] });
    const found = only(anIr({ tables: [a, { ...a, schema: 'public' }] }), 'name-clash');
    expect(found.map((f) => [f.message, f.hint])).toEqual([
      [
        'public.a: the table a has the same name as the table a in schema public; indexes, keys and tables share one namespace, so PostgreSQL will reject this ("relation a already exists").',
        "Rename one of them in the database (Prisma @@map, Drizzle's table name, TypeORM @Entity({ name }), SQLAlchemy __tablename__).",
      ],
    ]);
  });
});
