import { describe, expect, it } from 'vitest';
import type { Column, Dialect, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';

// The integrity rules at their boundaries, one row per case (mutation tests: see CONTRIBUTING.md,
// "Mutation testing").

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);
type Orm = Ir['source']['orm'];
const irOf = (tables: Table[], dialect: Dialect = 'postgresql', orm: Orm = 'prisma') =>
  anIr({ tables, dialect, source: { orm, files: [] } });

describe('table-without-primary-key', () => {
  const keyless = (overrides: Partial<Table> = {}) =>
    aTable('t', {
      codeName: 'T',
      columns: [
        aColumn('a', 'integer', { codeName: 'aCode' }),
        aColumn('b', 'integer'),
        aColumn('c', 'integer', { nullable: true }),
      ],
      ...overrides,
    });
  const unique = (columns: string[]) => ({ uniques: [{ name: 'k', nameExplicit: true, columns }] });
  const found = (table: Table, dialect: Dialect = 'postgresql', orm: Orm = 'prisma') =>
    only(irOf([table], dialect, orm), 'table-without-primary-key');

  it('promotes a NOT NULL unique key, on one column as @id of the field', () => {
    const [f] = found(keyless(unique(['a'])));
    expect(f).toMatchObject({
      message: 't has no primary key.',
      hint: 'Promote the NOT NULL unique key (a) to the primary key.',
      fix: { orm: '@id', text: 'on field aCode of model T', sql: 'ALTER TABLE t ADD PRIMARY KEY (a);' },
    });
  });

  it('promotes a NOT NULL unique key on several columns as @@id of the model', () => {
    const [f] = found(keyless(unique(['a', 'b'])));
    expect(f?.fix).toEqual({
      orm: '@@id([aCode, b])',
      text: 'in model T',
      sql: 'ALTER TABLE t ADD PRIMARY KEY (a, b);',
    });
  });

  it('does not promote a unique key with a nullable column: it adds an identity column named so it clashes with nothing', () => {
    const [f] = found(
      keyless({
        ...unique(['a', 'c']),
        columns: [
          aColumn('id', 'text'),
          aColumn('a', 'integer'),
          aColumn('c', 'integer', { nullable: true }),
        ],
      }),
    );
    expect(f?.hint).toBe('Add a primary key, e.g. an identity column.');
    expect(f?.fix).toEqual({
      orm: 'id_2 BigInt @id @default(autoincrement())',
      text: 'in model T',
      sql: 'ALTER TABLE t ADD COLUMN id_2 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;',
    });
  });

  it('gives other ORMs the SQL only', () => {
    expect(found(keyless(unique(['a'])), 'postgresql', 'drizzle')[0]?.fix).toEqual({
      sql: 'ALTER TABLE t ADD PRIMARY KEY (a);',
    });
    expect(found(keyless(), 'postgresql', 'typeorm')[0]?.fix).toEqual({
      sql: 'ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;',
    });
  });

  it.each([
    ['postgresql', true, true],
    ['postgresql', false, true],
    ['mysql', true, true],
    ['mysql', false, false],
    ['cockroachdb', false, false],
    ['sqlite', true, false],
    ['sqlite', false, false],
  ] as const)('on %s with a NOT NULL unique key %s: a fix %s', (dialect, withKey, fixed) => {
    const [f] = found(keyless(withKey ? unique(['a']) : {}), dialect);
    expect(f?.fix !== undefined).toBe(fixed);
  });
});

describe('nullable-unique', () => {
  const t = (overrides: Partial<Table>) =>
    aTable('t', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('a', 'integer'),
        aColumn('b', 'integer', { nullable: true }),
        aColumn('c', 'integer', { nullable: true }),
      ],
      primaryKey: aPrimaryKey('t', ['id']),
      ...overrides,
    });
  const messages = (table: Table, dialect: Dialect = 'postgresql') =>
    only(irOf([table], dialect), 'nullable-unique').map((f) => f.message);

  it.each([
    ['one nullable column of two', ['a', 'b'], 't (a, b) is unique (k) but b is nullable'],
    ['two nullable columns', ['b', 'c'], 't (b, c) is unique (k) but b, c are nullable'],
  ])('reports %s', (_what, columns, start) => {
    const [m] = messages(t({ uniques: [{ name: 'k', nameExplicit: true, columns }] }));
    expect(m).toBe(`${start}; rows with a NULL in the key are never considered duplicates.`);
  });

  it.each([
    ['a single nullable column', { uniques: [{ name: 'k', nameExplicit: true, columns: ['b'] }] }],
    ['NOT NULL columns', { uniques: [{ name: 'k', nameExplicit: true, columns: ['id', 'a'] }] }],
    [
      'a NULLS NOT DISTINCT constraint',
      { uniques: [{ name: 'k', nameExplicit: true, columns: ['a', 'b'], nullsNotDistinct: true }] },
    ],
    [
      'a NULLS NOT DISTINCT index',
      { indexes: [anIndex('t', ['a', 'b'], { name: 'k', unique: true, nullsNotDistinct: true })] },
    ],
    ['a plain index', { indexes: [anIndex('t', ['a', 'b'], { name: 'k' })] }],
    [
      'a unique index on an expression',
      {
        indexes: [
          anIndex('t', [], { name: 'k', unique: true, parts: [{ column: 'b' }, { expression: 'lower(a)' }] }),
        ],
      },
    ],
    ['the primary key', { primaryKey: aPrimaryKey('t', ['a', 'b']) }],
  ] as const)('ignores %s', (_what, overrides) => {
    expect(messages(t(overrides as Partial<Table>))).toEqual([]);
  });

  it('reports a unique index as well as a constraint', () => {
    expect(messages(t({ indexes: [anIndex('t', ['a', 'b'], { name: 'k', unique: true })] }))).toHaveLength(1);
  });

  it('suggests NULLS NOT DISTINCT on PostgreSQL only', () => {
    const table = t({ uniques: [{ name: 'k', nameExplicit: true, columns: ['a', 'b'] }] });
    expect(only(irOf([table]), 'nullable-unique')[0]?.hint).toBe(
      'Make b NOT NULL if every row has a value, or declare the key NULLS NOT DISTINCT (PostgreSQL 15+) if NULL should count once.',
    );
    expect(only(irOf([table], 'mysql'), 'nullable-unique')[0]?.hint).toBe(
      'Make b NOT NULL if every row has a value.',
    );
  });
});

describe('emulated-foreign-key', () => {
  const child = (onDelete: 'NO ACTION' | 'CASCADE', enforcedBy: 'orm' | 'database') =>
    aTable('posts', {
      columns: [aColumn('id', 'integer'), aColumn('user_id', 'integer')],
      primaryKey: aPrimaryKey('posts', ['id']),
      foreignKeys: [aForeignKey('posts', ['user_id'], 'users', ['id'], { onDelete, enforcedBy })],
    });
  it('names the referential action only when there is one', () => {
    const msg = (onDelete: 'NO ACTION' | 'CASCADE') =>
      only(irOf([child(onDelete, 'orm')]), 'emulated-foreign-key')[0]?.message;
    const base =
      'posts.user_id references users (id) only in the ORM: the database has no FOREIGN KEY, so rows written outside the ORM may point at missing users rows';
    expect(msg('NO ACTION')).toBe(`${base}.`);
    expect(msg('CASCADE')).toBe(`${base} and ON DELETE CASCADE happens only through the ORM.`);
  });
  it('ignores a foreign key the database enforces', () => {
    expect(only(irOf([child('CASCADE', 'database')]), 'emulated-foreign-key')).toEqual([]);
  });
});

describe('cascade-chain', () => {
  /** Tables named by the keys, each cascading from the tables listed. */
  const graph = (parents: Record<string, string[]>, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') =>
    Object.entries(parents).map(([name, of]) =>
      aTable(name, {
        columns: [aColumn('id', 'integer'), ...of.map((p, i) => aColumn(`${p}_${i}_id`, 'integer'))],
        primaryKey: aPrimaryKey(name, ['id']),
        foreignKeys: of.map((p, i) => aForeignKey(name, [`${p}_${i}_id`], p, ['id'], { onDelete })),
      }),
    );
  const chains = (tables: Table[]) =>
    only(irOf(tables), 'cascade-chain').map((f) => [f.table?.name, f.message]);

  it('reports the root of a three-table chain only', () => {
    expect(chains(graph({ orgs: [], teams: ['orgs'], members: ['teams'] }))).toEqual([
      ['orgs', 'Deleting an org cascades through 2 tables (members, teams), e.g. orgs → teams → members.'],
    ]);
  });

  it.each([
    ['two tables', { a: [], b: ['a'] }],
    ['a two-table cycle', { a: ['b'], b: ['a'] }],
    ['a self-reference below a parent', { a: [], b: ['a', 'b'] }],
  ])('ignores %s', (_what, parents) => {
    expect(chains(graph(parents))).toEqual([]);
  });

  it('ignores chains of RESTRICT', () => {
    expect(chains(graph({ a: [], b: ['a'], c: ['b'] }, 'RESTRICT'))).toEqual([]);
  });

  it('counts a child reached twice once, and shows the deepest path through each child', () => {
    const found = chains(graph({ a: [], b: ['a'], c: ['a', 'b'], d: ['c'] }));
    expect(found[0]).toEqual([
      'a',
      'Deleting a row of a cascades through 3 tables (b, c, d), e.g. a → b → c → d; a → c → d.',
    ]);
  });

  it('counts a child with two cascading keys to one parent once', () => {
    const found = chains(graph({ a: [], b: ['a', 'a'], c: ['b'] }));
    expect(found[0]?.[1]).toBe('Deleting a row of a cascades through 2 tables (b, c), e.g. a → b → c.');
  });

  it('cuts a cycle where it closes', () => {
    const found = chains(graph({ a: ['c'], b: ['a'], c: ['b'] }));
    expect(found.map(([t]) => t)).toEqual(['a', 'b', 'c']);
    expect(found[0]?.[1]).toBe('Deleting a row of a cascades through 2 tables (b, c), e.g. a → b → c.');
  });

  it('shows at most three example paths', () => {
    const found = chains(graph({ r: [], a: ['r'], b: ['r'], c: ['r'], d: ['r'], x: ['a', 'b', 'c', 'd'] }));
    expect(found[0]?.[1]).toBe(
      'Deleting a row of r cascades through 5 tables (a, b, c, d, x), e.g. r → a → x; r → b → x; r → c → x.',
    );
  });

  const line = (n: number) => {
    const names = Array.from({ length: n }, (_, i) => `t${i}`);
    return graph(Object.fromEntries(names.map((name, i) => [name, i === 0 ? [] : [names[i - 1]!]])));
  };
  it.each([
    [6, 't0 → t1 → t2 → t3 → t4 → t5'],
    [7, 't0 → t1 → t2 → … 2 more → t5 → t6'],
    [9, 't0 → t1 → t2 → … 4 more → t7 → t8'],
  ])('writes a path of %i tables as %s', (n, path) => {
    expect(chains(line(n))[0]?.[1]).toContain(`e.g. ${path}.`);
  });
  it.each([
    [9, '(t1, t2, t3, t4, t5, t6, t7, t8)'],
    [10, '(t1, t2, t3, t4, t5, t6, t7, t8 and 1 more)'],
  ])('lists the tables reached from a chain of %i tables as %s', (n, list) => {
    expect(chains(line(n))[0]?.[1]).toContain(` ${list}, e.g.`);
  });

  it('gives a hint that names the table', () => {
    const [f] = only(irOf(graph({ a: [], b: ['a'], c: ['b'] })), 'cascade-chain');
    expect(f?.hint).toBe(
      'Prefer soft deletes or an explicit, batched cleanup for a, or make the deepest link ON DELETE RESTRICT so a delete cannot remove far-away rows unnoticed.',
    );
  });
});

describe('orm-only-default', () => {
  const withDefault = (generator: string, nullable = false): Table =>
    aTable('t', {
      codeName: 'T',
      columns: [
        aColumn('id', 'integer'),
        aColumn('v', 'text', {
          codeName: 'vCode',
          nullable,
          default: { kind: 'orm', generator, description: `${generator}()` },
        }) as Column,
      ],
      primaryKey: aPrimaryKey('t', ['id']),
    });
  const found = (generator: string, dialect: Dialect = 'postgresql', orm: Orm = 'prisma', nullable = false) =>
    only(irOf([withDefault(generator, nullable)], dialect, orm), 'orm-only-default')[0];

  it.each([
    ['now', 'postgresql', 'Add DEFAULT now() to the column so every writer gets a value.', 'now()'],
    ['defaultNow', 'postgresql', 'Add DEFAULT now() to the column so every writer gets a value.', 'now()'],
    ['now', 'cockroachdb', 'Add DEFAULT now() to the column so every writer gets a value.', 'now()'],
    ['now', 'mysql', 'Add DEFAULT now() to the column so every writer gets a value.', undefined],
    [
      'uuid',
      'postgresql',
      'Add DEFAULT gen_random_uuid() to the column so every writer gets a value.',
      'gen_random_uuid()',
    ],
    [
      'UUID',
      'postgresql',
      'Add DEFAULT gen_random_uuid() to the column so every writer gets a value.',
      'gen_random_uuid()',
    ],
    [
      'uuid',
      'mysql',
      'Add a database-side UUID default to the column so every writer gets a value.',
      undefined,
    ],
    [
      'uuid',
      'cockroachdb',
      'Add a database-side UUID default to the column so every writer gets a value.',
      undefined,
    ],
    [
      'cuid',
      'postgresql',
      'Document the generator for other writers, or move it into a database default.',
      undefined,
    ],
    [
      'myuuid',
      'postgresql',
      'Document the generator for other writers, or move it into a database default.',
      undefined,
    ],
  ] as const)('%s on %s: %s', (generator, dialect, hint, expression) => {
    const f = found(generator, dialect);
    expect(f?.hint).toBe(hint);
    if (expression === undefined) expect(f?.fix).toBeUndefined();
    else
      expect(f?.fix).toEqual({
        orm: `@default(dbgenerated("${expression}"))`,
        text: 'on field vCode of model T, in place of its ORM default',
        sql: `ALTER TABLE t ALTER COLUMN v SET DEFAULT ${expression};`,
      });
  });

  it('gives other ORMs the SQL only', () => {
    expect(found('now', 'postgresql', 'drizzle')?.fix).toEqual({
      sql: 'ALTER TABLE t ALTER COLUMN v SET DEFAULT now();',
    });
  });

  it('says what an insert outside the ORM does: NULL, or a NOT NULL violation', () => {
    expect(found('cuid', 'postgresql', 'prisma', true)?.message).toBe(
      't.v gets its default (cuid()) from the ORM, not the database; inserts outside the ORM leave it NULL.',
    );
    expect(found('cuid')?.message).toBe(
      't.v gets its default (cuid()) from the ORM, not the database; inserts outside the ORM fail with a NOT NULL violation.',
    );
  });

  it('ignores database defaults', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'integer', { default: { kind: 'sql', expression: 'now()' } })],
    });
    expect(only(irOf([t]), 'orm-only-default')).toEqual([]);
  });
});
