import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Table } from '@ormdoc/core';
import { sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrizzleApi } from '../types.js';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * Keys, uniques, foreign keys, checks and indexes on real drizzle tables, named as drizzle-kit
 * names them: 0.31 (`{table}_{cols}_pk`, `_unique`, `_fk`, `_index`) with drizzle-orm 0.45, and
 * 1.0 (`{table}_pkey`, `{table}_{col}_key`, `_fkey`) with drizzle-orm 1.0 RC (test/fixtures/rc1).
 */
type Dialect = 'postgresql' | 'mysql' | 'sqlite';

function tablesOf(
  dialect: Dialect,
  tables: object[],
  extra: { casing?: 'snake_case'; api?: DrizzleApi } = {},
) {
  const { ir, diagnostics } = fromDrizzleTables({ dialect, tables, ...extra });
  const byName = (name: string): Table => ir.tables.find((t) => t.name === name)!;
  return { byName, diagnostics };
}
const one = (dialect: Dialect, table: object, extra?: { casing?: 'snake_case'; api?: DrizzleApi }) =>
  tablesOf(dialect, [table], extra).byName(
    (table as Record<symbol, string>)[Symbol.for('drizzle:Name')] as string,
  );

describe('primary keys', () => {
  it.each([
    [
      'postgresql',
      pg.pgTable('t', { id: pg.integer().primaryKey() }),
      { name: 't_pkey', nameExplicit: false, columns: ['id'] },
    ],
    [
      'mysql',
      my.mysqlTable('t', { id: my.int().primaryKey() }),
      { name: 'PRIMARY', nameExplicit: false, columns: ['id'] },
    ],
    [
      'sqlite',
      lite.sqliteTable('t', { id: lite.integer().primaryKey() }),
      { name: 't_pkey', nameExplicit: false, columns: ['id'] },
    ],
  ] as const)('a column primary key: %s', (dialect, table, pk) => {
    expect(one(dialect, table).primaryKey).toEqual(pk);
  });

  it.each([
    [
      'postgresql',
      pg.pgTable('t', { a: pg.integer(), b: pg.integer() }, (t) => [pg.primaryKey({ columns: [t.a, t.b] })]),
      't_a_b_pk',
    ],
    [
      'sqlite',
      lite.sqliteTable('t', { a: lite.integer(), b: lite.integer() }, (t) => [
        lite.primaryKey({ columns: [t.a, t.b] }),
      ]),
      't_a_b_pk',
    ],
    [
      'mysql',
      my.mysqlTable('t', { a: my.int(), b: my.int() }, (t) => [my.primaryKey({ columns: [t.a, t.b] })]),
      'PRIMARY',
    ],
  ] as const)('a composite primary key, unnamed: %s', (dialect, table, name) => {
    expect(one(dialect, table).primaryKey).toEqual({ name, nameExplicit: false, columns: ['a', 'b'] });
  });

  it('a named composite primary key keeps its name; mysql calls every primary key PRIMARY', () => {
    const t = pg.pgTable('t', { a: pg.integer(), b: pg.integer() }, (t) => [
      pg.primaryKey({ name: 'pk_ab', columns: [t.a, t.b] }),
    ]);
    expect(one('postgresql', t).primaryKey).toEqual({
      name: 'pk_ab',
      nameExplicit: true,
      columns: ['a', 'b'],
    });
    const m = my.mysqlTable('t', { a: my.int(), b: my.int() }, (t) => [
      my.primaryKey({ name: 'pk_ab', columns: [t.a, t.b] }),
    ]);
    expect(one('mysql', m).primaryKey).toEqual({ name: 'PRIMARY', nameExplicit: false, columns: ['a', 'b'] });
  });

  it('casing: the default name has the database column names (drizzle-kit replaces the code names)', () => {
    const t = pg.pgTable('t', { userId: pg.integer(), roleId: pg.integer() }, (t) => [
      pg.primaryKey({ columns: [t.userId, t.roleId] }),
    ]);
    expect(one('postgresql', t, { casing: 'snake_case' }).primaryKey).toEqual({
      name: 't_user_id_role_id_pk',
      nameExplicit: false,
      columns: ['user_id', 'role_id'],
    });
  });

  it('no primary key: none', () => {
    expect(one('postgresql', pg.pgTable('t', { a: pg.integer() })).primaryKey).toBeUndefined();
  });
});

describe('unique constraints', () => {
  it('column .unique(): {table}_{column}_unique, or its own name; NULLS NOT DISTINCT kept', () => {
    const t = pg.pgTable('t', {
      a: pg.integer().unique(),
      b: pg.integer().unique('b_key'),
      c: pg.integer().unique('c_key', { nulls: 'not distinct' }),
      d: pg.integer().unique('t_d_unique'),
      e: pg.integer(),
    });
    // (the IR lists them by name)
    expect(one('postgresql', t).uniques).toEqual([
      { name: 'b_key', nameExplicit: true, columns: ['b'] },
      { name: 'c_key', nameExplicit: true, columns: ['c'], nullsNotDistinct: true },
      { name: 't_a_unique', nameExplicit: false, columns: ['a'] },
      { name: 't_d_unique', nameExplicit: false, columns: ['d'] },
    ]);
  });

  it('table unique(): default name from the columns, explicit names kept, NULLS NOT DISTINCT', () => {
    const t = pg.pgTable('t', { a: pg.integer(), b: pg.integer() }, (t) => [
      pg.unique().on(t.a, t.b),
      pg.unique('ab_key').on(t.b, t.a).nullsNotDistinct(),
      pg.unique('t_a_unique').on(t.a),
    ]);
    expect(one('postgresql', t).uniques).toEqual([
      { name: 'ab_key', nameExplicit: true, columns: ['b', 'a'], nullsNotDistinct: true },
      { name: 't_a_b_unique', nameExplicit: false, columns: ['a', 'b'] },
      { name: 't_a_unique', nameExplicit: false, columns: ['a'] },
    ]);
  });

  it('table unique() with casing: drizzle-orm 0.45 names it after the code names, and drizzle-kit 0.31 keeps that', () => {
    const t = pg.pgTable('t', { userId: pg.integer() }, (t) => [pg.unique().on(t.userId)]);
    expect(one('postgresql', t, { casing: 'snake_case' }).uniques).toEqual([
      { name: 't_userId_unique', nameExplicit: false, columns: ['user_id'] },
    ]);
  });

  it('sqlite: uniques are unique indexes (drizzle-kit creates no unique constraint)', () => {
    const t = lite.sqliteTable('t', { a: lite.integer().unique(), b: lite.integer() }, (t) => [
      lite.unique('ub').on(t.b),
    ]);
    const table = one('sqlite', t);
    expect(table.uniques).toEqual([]);
    expect(table.indexes).toEqual([
      { name: 't_a_unique', nameExplicit: false, unique: true, parts: [{ column: 'a' }] },
      { name: 'ub', nameExplicit: true, unique: true, parts: [{ column: 'b' }] },
    ]);
  });

  it('mysql serial: a unique key named after the column (SERIAL implies UNIQUE); other dialects none', () => {
    expect(one('mysql', my.mysqlTable('t', { id: my.serial() })).uniques).toEqual([
      { name: 'id', nameExplicit: false, columns: ['id'] },
    ]);
    expect(one('postgresql', pg.pgTable('t', { id: pg.serial() })).uniques).toEqual([]);
  });
});

describe('foreign keys', () => {
  const parent = pg.pgTable('parent', { id: pg.integer().primaryKey() });
  const app = pg.pgSchema('app');
  const remote = app.table('remote', { id: pg.integer().primaryKey() });

  it('unnamed: {table}_{cols}_{target}_{cols}_fk; explicit names kept; the target with its schema', () => {
    const child = pg.pgTable(
      'child',
      {
        id: pg.integer(),
        parentId: pg.integer('parent_id').references(() => parent.id),
        remoteId: pg.integer('remote_id'),
      },
      (t) => [pg.foreignKey({ name: 'to_remote', columns: [t.remoteId], foreignColumns: [remote.id] })],
    );
    expect(tablesOf('postgresql', [parent, remote, child]).byName('child').foreignKeys).toEqual([
      {
        name: 'child_parent_id_parent_id_fk',
        nameExplicit: false,
        columns: ['parent_id'],
        references: { schema: null, name: 'parent', columns: ['id'] },
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        enforcedBy: 'database',
      },
      {
        name: 'to_remote',
        nameExplicit: true,
        columns: ['remote_id'],
        references: { schema: 'app', name: 'remote', columns: ['id'] },
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        enforcedBy: 'database',
      },
    ]);
  });

  it('casing: the default name has the database names of both sides', () => {
    const owner = pg.pgTable('owner', { ownerKey: pg.integer().primaryKey() });
    const pet = pg.pgTable('pet', {
      ownerKey: pg.integer().references(() => owner.ownerKey, { onDelete: 'cascade' }),
    });
    const fk = tablesOf('postgresql', [owner, pet], { casing: 'snake_case' }).byName('pet').foreignKeys[0]!;
    expect(fk).toMatchObject({
      name: 'pet_owner_key_owner_owner_key_fk',
      columns: ['owner_key'],
      references: { columns: ['owner_key'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    });
  });
});

describe('checks', () => {
  it('are named as written, with their SQL', () => {
    const t = pg.pgTable('t', { n: pg.integer() }, (t) => [pg.check('n_positive', sql`${t.n} > 0`)]);
    expect(one('postgresql', t).checks).toEqual([
      { name: 'n_positive', nameExplicit: true, expression: '"t"."n" > 0' },
    ]);
  });
});

describe('indexes', () => {
  it('unnamed: {table}_{columns}_index; unique; named', () => {
    const t = pg.pgTable('t', { a: pg.integer(), b: pg.integer() }, (t) => [
      pg.index().on(t.a, t.b),
      pg.uniqueIndex('b_idx').on(t.b),
    ]);
    expect(one('postgresql', t).indexes).toEqual([
      { name: 'b_idx', nameExplicit: true, unique: true, parts: [{ column: 'b' }] },
      { name: 't_a_b_index', nameExplicit: false, unique: false, parts: [{ column: 'a' }, { column: 'b' }] },
    ]);
  });

  // drizzle-orm 0.45 fills in NULLS LAST when the schema says nothing, and drizzle-kit writes it:
  // `.desc()` is DESC NULLS LAST in its DDL.
  it('postgresql order and nulls: only departures from ASC NULLS LAST / DESC NULLS FIRST are recorded', () => {
    const t = pg.pgTable('t', { a: pg.integer() }, (t) => [
      pg.index('i1').on(t.a.asc()),
      pg.index('i2').on(t.a.desc()),
      pg.index('i3').on(t.a.asc().nullsFirst()),
      pg.index('i4').on(t.a.asc().nullsLast()),
      pg.index('i5').on(t.a.desc().nullsFirst()),
      pg.index('i6').on(t.a.desc().nullsLast()),
      pg.index('i7').on(t.a.nullsFirst()),
    ]);
    expect(one('postgresql', t).indexes.map((i) => [i.name, i.parts[0]])).toEqual([
      ['i1', { column: 'a' }],
      ['i2', { column: 'a', order: 'desc', nulls: 'last' }],
      ['i3', { column: 'a', nulls: 'first' }],
      ['i4', { column: 'a' }],
      ['i5', { column: 'a', order: 'desc' }],
      ['i6', { column: 'a', order: 'desc', nulls: 'last' }],
      ['i7', { column: 'a', nulls: 'first' }],
    ]);
  });

  it('drizzle-kit 0.x writes an operator class instead of order and nulls', () => {
    const t = pg.pgTable('t', { a: pg.text() }, (t) => [
      pg.index('i').on(t.a.op('text_pattern_ops').desc().nullsLast()),
    ]);
    expect(one('postgresql', t).indexes[0]!.parts).toEqual([{ column: 'a', opclass: 'text_pattern_ops' }]);
  });

  it("method: btree is PostgreSQL's default and not recorded; others are; where is kept", () => {
    const t = pg.pgTable('t', { a: pg.integer() }, (t) => [
      pg.index('b').using('btree', t.a),
      pg.index('h').using('hash', t.a),
      pg.index('w').on(t.a).where(sql`${t.a} > 0`),
    ]);
    const [b, h, w] = one('postgresql', t).indexes;
    expect(b!.method).toBeUndefined();
    expect(h!.method).toBe('hash');
    expect(w!.where).toBe('"t"."a" > 0');
    expect(b!.where).toBeUndefined();
  });

  it('mysql: order kept, nulls never (MySQL has no NULLS FIRST/LAST), method kept even btree', () => {
    const t = my.mysqlTable('t', { a: my.int() }, (t) => [my.index('i').on(t.a).using('btree')]);
    expect(one('mysql', t).indexes).toEqual([
      { name: 'i', nameExplicit: true, unique: false, parts: [{ column: 'a' }], method: 'btree' },
    ]);
  });

  it('an SQL expression part; unnamed, a warning (drizzle-kit refuses it)', () => {
    const t = pg.pgTable('t', { a: pg.text() }, (t) => [pg.index('lower_a').on(sql`lower(${t.a})`)]);
    const { byName, diagnostics } = tablesOf('postgresql', [t]);
    expect(byName('t').indexes[0]!.parts).toEqual([{ expression: 'lower("a")' }]);
    expect(diagnostics).toEqual([]);
    const u = pg.pgTable('u', { a: pg.text() }, (t) => [pg.index().on(sql`lower(${t.a})`)]);
    const unnamed = tablesOf('postgresql', [u]);
    expect(unnamed.byName('u').indexes[0]!.name).toBe('u_lower("a")_index');
    expect(unnamed.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'drizzle/unnamed-expression-index' }),
    ]);
    expect(unnamed.diagnostics[0]!.message).toContain(' on u ');
  });

  it('an expression drizzle-kit writes without parentheses: a warning naming the index and the database', () => {
    for (const [dialect, table, db] of [
      [
        'postgresql',
        pg.pgTable('t', { a: pg.integer(), b: pg.integer() }, (t) => [
          pg.index('sum_ab').on(sql`${t.a} + ${t.b}`),
        ]),
        'PostgreSQL',
      ],
      [
        'mysql',
        my.mysqlTable('t', { a: my.int(), b: my.int() }, (t) => [
          my.index('sum_ab').on(sql`${t.a} + ${t.b}`),
        ]),
        'MySQL',
      ],
    ] as const) {
      const { diagnostics } = tablesOf(dialect, [table]);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        severity: 'warning',
        code: 'drizzle/index-expression-parentheses',
      });
      expect(diagnostics[0]!.message).toContain('Index sum_ab ');
      expect(diagnostics[0]!.message).toContain(`${db} rejects`);
    }
  });
});

describe('drizzle-orm 1.0 RC: drizzle-kit 1.0 names (kit-1)', () => {
  let api: DrizzleApi;
  let rcPg: typeof pg;
  beforeAll(async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const rcRequire = createRequire(path.join(here, '../../test/fixtures/rc1/package.json'));
    const load = async <T>(id: string) => (await import(pathToFileURL(rcRequire.resolve(id)).href)) as T;
    rcPg = await load<typeof pg>('drizzle-orm/pg-core');
    api = {
      orm: await load<DrizzleApi['orm']>('drizzle-orm'),
      casing: await load<DrizzleApi['casing']>('drizzle-orm/casing'),
      pg: rcPg,
    };
  });

  it('primary keys: {table}_pkey unless named', () => {
    const a = rcPg.pgTable('a', { x: rcPg.integer(), y: rcPg.integer() }, (t) => [
      rcPg.primaryKey({ columns: [t.x, t.y] }),
    ]);
    const b = rcPg.pgTable('b', { x: rcPg.integer(), y: rcPg.integer() }, (t) => [
      rcPg.primaryKey({ name: 'b_key', columns: [t.x, t.y] }),
    ]);
    const { byName } = tablesOf('postgresql', [a, b], { api });
    expect(byName('a').primaryKey).toEqual({ name: 'a_pkey', nameExplicit: false, columns: ['x', 'y'] });
    expect(byName('b').primaryKey).toEqual({ name: 'b_key', nameExplicit: true, columns: ['x', 'y'] });
  });

  it('uniques: column {table}_{col}_key, table unique() {table}_{cols}_unique, names kept', () => {
    const t = rcPg.pgTable('t', { a: rcPg.integer().unique(), b: rcPg.integer(), c: rcPg.integer() }, (t) => [
      rcPg.unique().on(t.b, t.c),
      rcPg.unique('named').on(t.c).nullsNotDistinct(),
    ]);
    expect(tablesOf('postgresql', [t], { api }).byName('t').uniques).toEqual([
      { name: 'named', nameExplicit: true, columns: ['c'], nullsNotDistinct: true },
      { name: 't_a_key', nameExplicit: false, columns: ['a'] },
      { name: 't_b_c_unique', nameExplicit: false, columns: ['b', 'c'] },
    ]);
  });

  it('foreign keys: {table}_{cols}_{target}_{cols}_fkey unless named', () => {
    const p = rcPg.pgTable('p', { id: rcPg.integer().primaryKey() });
    const c = rcPg.pgTable(
      'c',
      { pId: rcPg.integer('p_id').references(() => p.id), q: rcPg.integer() },
      (t) => [rcPg.foreignKey({ name: 'c_q', columns: [t.q], foreignColumns: [p.id] })],
    );
    const fks = tablesOf('postgresql', [p, c], { api }).byName('c').foreignKeys;
    expect(fks.map((f) => [f.name, f.nameExplicit])).toEqual([
      ['c_p_id_p_id_fkey', false],
      ['c_q', true],
    ]);
  });

  it('an operator class with order and nulls: 1.0 writes all three', () => {
    const t = rcPg.pgTable('t', { a: rcPg.text() }, (t) => [
      rcPg.index('i').on(t.a.op('text_pattern_ops').desc().nullsLast()),
    ]);
    expect(tablesOf('postgresql', [t], { api }).byName('t').indexes[0]!.parts).toEqual([
      { column: 'a', opclass: 'text_pattern_ops', order: 'desc', nulls: 'last' },
    ]);
  });
});
