import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDrizzleApi } from '../api.js';
import type { DrizzleApi, DzColumn } from '../types.js';
import { createAdapter } from './adapter.js';

/**
 * The dialect adapter on the user's own drizzle-orm (here: the bundled 0.45, and the 1.0 RC of
 * test/fixtures/rc1): which values are which kind of object in each dialect, column names with
 * the config's casing, SQL types of arrays, and the SQL text of fragments.
 */
const api = bundledDrizzleApi();
const columnsOf = (table: unknown) =>
  (pg.getTableConfig(table as pg.PgTable).columns as unknown as DzColumn[]).concat();

describe('classification, one row per kind of value and dialect', () => {
  type Adapter = ReturnType<typeof createAdapter>;
  let p: Adapter;
  let m: Adapter;
  let s: Adapter;
  beforeAll(() => {
    p = createAdapter(api, 'postgresql', undefined);
    m = createAdapter(api, 'mysql', undefined);
    s = createAdapter(api, 'sqlite', undefined);
  });
  const pt = pg.pgTable('t', { id: pg.integer() });
  const mt = my.mysqlTable('t', { id: my.int() });
  const st = lite.sqliteTable('t', { id: lite.integer() });
  const values = {
    pgTable: pt,
    pgView: pg.pgView('v').as((qb) => qb.select().from(pt)),
    pgMatView: pg.pgMaterializedView('mv').as((qb) => qb.select().from(pt)),
    pgEnum: pg.pgEnum('e', ['a']),
    pgSchema: pg.pgSchema('s'),
    pgColumn: pt.id,
    pgPolicy: pg.pgPolicy('p'),
    pgRole: pg.pgRole('r'),
    pgSequence: pg.pgSequence('q'),
    sql: sql`1`,
    mysqlTable: mt,
    mysqlView: my.mysqlView('v').as((qb) => qb.select().from(mt)),
    mysqlSchema: my.mysqlSchema('s'),
    mysqlColumn: mt.id,
    sqliteTable: st,
    sqliteView: lite.sqliteView('v').as((qb) => qb.select().from(st)),
    sqliteColumn: st.id,
    plain: { a: 1 },
  };
  const kinds = (a: ReturnType<typeof createAdapter>) => (v: unknown) =>
    (
      [
        'isTable',
        'isView',
        'isEnum',
        'isSchema',
        'isSql',
        'isColumn',
        'isPolicy',
        'isRole',
        'isSequence',
      ] as const
    ).filter((k) => a[k](v));
  it.each([
    ['pgTable', ['isTable'], [], []],
    ['pgView', ['isView'], [], []],
    ['pgMatView', ['isView'], [], []],
    ['pgEnum', ['isEnum'], [], []],
    ['pgSchema', ['isSchema'], [], []],
    ['pgColumn', ['isColumn'], [], []],
    ['pgPolicy', ['isPolicy'], [], []],
    ['pgRole', ['isRole'], [], []],
    ['pgSequence', ['isSequence'], [], []],
    ['sql', ['isSql'], ['isSql'], ['isSql']],
    ['mysqlTable', [], ['isTable'], []],
    ['mysqlView', [], ['isView'], []],
    ['mysqlSchema', [], ['isSchema'], []],
    ['mysqlColumn', [], ['isColumn'], []],
    ['sqliteTable', [], [], ['isTable']],
    ['sqliteView', [], [], ['isView']],
    ['sqliteColumn', [], [], ['isColumn']],
    ['plain', [], [], []],
  ] as const)('%s: postgresql %j, mysql %j, sqlite %j', (name, inPg, inMy, inLite) => {
    const v = values[name];
    expect(kinds(p)(v)).toEqual(inPg);
    expect(kinds(m)(v)).toEqual(inMy);
    expect(kinds(s)(v)).toEqual(inLite);
  });

  it('views: materialized only for pgMaterializedView; names and schemas', () => {
    expect(p.viewConfig(values.pgView)).toMatchObject({ name: 'v', materialized: false });
    expect(p.viewConfig(values.pgMatView)).toMatchObject({ name: 'mv', materialized: true });
    expect(m.viewConfig(values.mysqlView)).toMatchObject({ name: 'v', materialized: false });
    expect(s.viewConfig(values.sqliteView)).toMatchObject({ name: 'v', materialized: false });
    expect(p.tableSchema(pg.pgSchema('app').table('x', {}))).toBe('app');
    expect(p.tableSchema(pt)).toBeUndefined();
    expect(m.tableSchema(my.mysqlSchema('db').table('x', {}))).toBe('db');
    expect(s.tableSchema(st)).toBeUndefined();
    expect([p.tableName(pt), m.tableName(mt), s.tableName(st)]).toEqual(['t', 't', 't']);
  });

  it('a table config is built once per table', () => {
    for (const [a, t] of [
      [p, pt],
      [m, mt],
      [s, st],
    ] as const) {
      expect(a.tableConfig(t)).toBe(a.tableConfig(t));
      expect(a.tableConfig(t).name).toBe('t');
    }
  });

  it('only PostgreSQL has enums, arrays, and kit naming is kit-0 with drizzle-orm 0.45', () => {
    const e = pg.pgEnum('e', ['a']);
    const t = pg.pgTable('t', { e: e(), es: e().array(), ess: e().array().array(), n: pg.integer().array() });
    const [c, cs, css, n] = columnsOf(t);
    expect(p.columnEnum(c!)?.enumName).toBe('e');
    expect(p.columnEnum(cs!)?.enumName).toBe('e');
    expect(p.columnEnum(css!)?.enumName).toBe('e');
    expect(p.columnEnum(n!)).toBeUndefined();
    expect([c, cs, css, n].map((x) => p.isArray(x!))).toEqual([false, true, true, true]);
    expect(p.sqlType(css!)).toBe('e[][]');
    const mc = my.getTableConfig(my.mysqlTable('t', { e: my.mysqlEnum(['a']) }))
      .columns[0] as unknown as DzColumn;
    expect([m.columnEnum(mc), m.isArray(mc), m.sqlType(mc)]).toEqual([undefined, false, "enum('a')"]);
    const sc = lite.getTableConfig(lite.sqliteTable('t', { j: lite.text({ mode: 'json' }) }))
      .columns[0] as unknown as DzColumn;
    expect([s.columnEnum(sc), s.isArray(sc), s.sqlType(sc)]).toEqual([undefined, false, 'text']);
    expect([p.naming, m.naming, s.naming]).toEqual(['kit-0', 'kit-0', 'kit-0']);
    expect([p.dialect, m.dialect, s.dialect]).toEqual(['postgresql', 'mysql', 'sqlite']);
  });
});

describe('column names and the config casing', () => {
  const t = pg.pgTable('t', { firstName: pg.text(), last_name: pg.text(), Named: pg.text('As_Written') });
  const cols = columnsOf(t);
  it.each([
    [undefined, ['firstName', 'last_name', 'As_Written']],
    ['snake_case', ['first_name', 'last_name', 'As_Written']],
    ['camelCase', ['firstName', 'lastName', 'As_Written']],
  ] as const)('%s', (casing, names) => {
    const a = createAdapter(api, 'postgresql', casing);
    expect(cols.map(a.columnName)).toEqual(names);
  });

  it('without drizzle-orm/casing, names stay as the keys', () => {
    const { casing: _, ...noCasing } = api;
    expect(cols.map(createAdapter(noCasing, 'postgresql', 'snake_case').columnName)).toEqual([
      'firstName',
      'last_name',
      'As_Written',
    ]);
  });

  it('a nameless column has the empty name', () => {
    expect(createAdapter(api, 'postgresql', 'snake_case').columnName({ name: '' } as DzColumn)).toBe('');
  });
});

describe('SQL text of fragments', () => {
  const t = pg.pgTable('t', { userName: pg.text(), n: pg.integer() });
  it('the casing applies inside fragments, in each dialect', () => {
    for (const [dialect, table, quote] of [
      ['postgresql', t, '"'],
      ['mysql', my.mysqlTable('t', { userName: my.text() }), '`'],
      ['sqlite', lite.sqliteTable('t', { userName: lite.text() }), '"'],
    ] as const) {
      const a = createAdapter(api, dialect, 'snake_case');
      const fragment = sql`lower(${(table as typeof t).userName})`;
      expect(a.sql(fragment)).toBe(`lower(${quote}t${quote}.${quote}user_name${quote})`);
      expect(a.sql(fragment, 'indexes')).toBe(`lower(${quote}user_name${quote})`);
      expect(a.defaultSql(sql`now()`)).toBe('now()');
      const inline = a.inlineSql(sql`${(table as typeof t).userName} = ${'x'}`);
      expect(inline).toEqual({ sql: `${quote}t${quote}.${quote}user_name${quote} = 'x'`, hadParams: true });
      expect(a.inlineSql(sql`true`)).toEqual({ sql: 'true', hadParams: false });
    }
  });

  it('defaults: no parameters, names nor column references (drizzle-kit writes none either)', () => {
    for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
      const a = createAdapter(api, dialect, 'snake_case');
      expect(() => a.defaultSql(sql`${1}`)).toThrow('parameters are not supported in SQL defaults');
      expect(() => a.defaultSql(sql`${sql.identifier('x')}`)).toThrow(
        'parameters are not supported in SQL defaults',
      );
      expect(() => a.defaultSql(sql`${'x'}`)).toThrow('parameters are not supported in SQL defaults');
      expect(() => a.defaultSql(eq(t.n, 1))).toThrow();
      expect(a.defaultSql(sql`gen_random_uuid()`)).toBe('gen_random_uuid()');
    }
  });
});

describe('a dialect core missing from the project', () => {
  it.each([
    ['postgresql', 'pg', 'pg-core'],
    ['mysql', 'mysql', 'mysql-core'],
    ['sqlite', 'sqlite', 'sqlite-core'],
  ] as const)('%s without drizzle-orm/%s', (dialect, key, core) => {
    const { [key]: _, ...without } = api;
    let error: unknown;
    try {
      createAdapter(without, dialect, undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'DEPENDENCY_MISSING',
      message: `drizzle-orm/${core} could not be loaded from your project.`,
      hint: 'Install drizzle-orm (0.32 or later) in the project whose schema is documented.',
    });
  });
});

describe('drizzle-orm 1.0 RC (test/fixtures/rc1)', () => {
  let rc: DrizzleApi;
  let rcPg: typeof pg;
  let rcLite: typeof lite;
  let rcSql: typeof sql;
  beforeAll(async () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const rcRequire = createRequire(path.join(here, '../../test/fixtures/rc1/package.json'));
    const load = async <T>(id: string) => (await import(pathToFileURL(rcRequire.resolve(id)).href)) as T;
    rcPg = await load<typeof pg>('drizzle-orm/pg-core');
    rcLite = await load<typeof lite>('drizzle-orm/sqlite-core');
    rcSql = (await load<{ sql: typeof sql }>('drizzle-orm')).sql;
    rc = {
      orm: await load<DrizzleApi['orm']>('drizzle-orm'),
      casing: await load<DrizzleApi['casing']>('drizzle-orm/casing'),
      pg: rcPg,
      sqlite: rcLite,
    };
  });

  it('PostgreSQL keys are named the kit-1 way; arrays are dimensions of the element column', () => {
    const a = createAdapter(rc, 'postgresql', undefined);
    expect(a.naming).toBe('kit-1');
    const e = rcPg.pgEnum('e', ['a']);
    const t = rcPg.pgTable('t', { n: rcPg.integer(), ns: rcPg.integer().array(), es: e().array() });
    const [n, ns, es] = rcPg.getTableConfig(t).columns as unknown as DzColumn[];
    expect([a.isArray(n!), a.isArray(ns!), a.isArray(es!)]).toEqual([false, true, true]);
    expect([a.sqlType(n!), a.sqlType(ns!), a.sqlType(es!)]).toEqual(['integer', 'integer[]', 'e[]']);
    expect(a.columnEnum(es!)?.enumName).toBe('e');
    expect(a.columnEnum(n!)).toBeUndefined();
  });

  it('SQLite: its one dialect class renders fragments', () => {
    const a = createAdapter(rc, 'sqlite', undefined);
    const t = rcLite.sqliteTable('t', { x: rcLite.integer() });
    expect(a.isTable(t)).toBe(true);
    expect(a.sql(rcSql`${t.x} + 1`, 'indexes')).toBe('"x" + 1');
    expect(a.sql(rcSql`${t.x} + 1`)).toBe('"t"."x" + 1');
  });
});
