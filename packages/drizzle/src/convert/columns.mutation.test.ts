import type { Column } from '@ormdoc/core';
import { sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * Column conversion on real drizzle tables built here (no drizzle-kit, no loader): one row per
 * column builder -> the SQL type the database gets, the ORM type name, the category; then
 * nullability, generated columns, enums and the code name.
 */
type Dialect = 'postgresql' | 'mysql' | 'sqlite';

function columnOf(dialect: Dialect, table: object, name: string): Column {
  const { ir } = fromDrizzleTables({ dialect, tables: [table] });
  const column = ir.tables[0]!.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name}`);
  return column;
}

// The ORM type is drizzle's own column class name (`columnType`) without the dialect prefix, the
// `Column`/`Builder` suffix and the 53/64 mode digits, first word lower-cased (PgSmallInt ->
// smallInt, PgDateString -> dateString); the serials are spelled like their builders.
describe('PostgreSQL column builders: SQL type, ORM type, category', () => {
  it.each([
    ['integer', pg.integer(), 'integer', 'integer', 'integer'],
    ['smallint', pg.smallint(), 'smallint', 'smallInt', 'integer'],
    ['bigint (number)', pg.bigint({ mode: 'number' }), 'bigint', 'bigInt', 'bigint'],
    ['bigint (bigint)', pg.bigint({ mode: 'bigint' }), 'bigint', 'bigInt', 'bigint'],
    ['serial', pg.serial(), 'integer', 'serial', 'integer'],
    ['smallserial', pg.smallserial(), 'smallint', 'smallserial', 'integer'],
    ['bigserial (number)', pg.bigserial({ mode: 'number' }), 'bigint', 'bigserial', 'bigint'],
    ['bigserial (bigint)', pg.bigserial({ mode: 'bigint' }), 'bigint', 'bigserial', 'bigint'],
    ['text', pg.text(), 'text', 'text', 'string'],
    ['varchar(20)', pg.varchar({ length: 20 }), 'varchar(20)', 'varchar', 'string'],
    ['uuid', pg.uuid(), 'uuid', 'uuid', 'uuid'],
    ['jsonb', pg.jsonb(), 'jsonb', 'jsonb', 'json'],
    ['json', pg.json(), 'json', 'json', 'json'],
    ['boolean', pg.boolean(), 'boolean', 'boolean', 'boolean'],
    ['timestamptz', pg.timestamp({ withTimezone: true }), 'timestamptz', 'timestamp', 'datetime'],
    ['date', pg.date(), 'date', 'dateString', 'date'],
    ['date (date mode)', pg.date({ mode: 'date' }), 'date', 'date', 'date'],
    ['numeric(10,2)', pg.numeric({ precision: 10, scale: 2 }), 'numeric(10,2)', 'numeric', 'decimal'],
    ['text[]', pg.text().array(), 'text[]', 'text[]', 'string'],
    ['integer[][]', pg.integer().array().array(), 'integer[][]', 'integer[][]', 'integer'],
  ])('%s', (_, builder, sqlType, orm, category) => {
    const column = columnOf('postgresql', pg.pgTable('t', { c: builder }), 'c');
    expect(column.type).toMatchObject({ sql: sqlType, orm, category, isArray: sqlType.endsWith('[]') });
    expect(column.type.enum).toBeUndefined();
  });
});

describe('MySQL and SQLite column builders', () => {
  it.each([
    ['int', my.int(), 'int', 'int'],
    ['serial', my.serial(), 'bigint unsigned', 'serial'],
    ['varchar(30)', my.varchar({ length: 30 }), 'varchar(30)', 'varChar'],
    ['datetime', my.datetime(), 'datetime', 'dateTime'],
    ['json', my.json(), 'json', 'json'],
  ])('mysql %s', (_, builder, sqlType, orm) => {
    const column = columnOf('mysql', my.mysqlTable('t', { c: builder }), 'c');
    expect(column.type).toMatchObject({ sql: sqlType, orm, isArray: false });
  });

  it.each([
    ['integer', lite.integer(), 'integer', 'integer'],
    ['text', lite.text(), 'text', 'text'],
    ['real', lite.real(), 'real', 'real'],
    ['blob', lite.blob(), 'blob', 'blobBuffer'],
    ['blob (json)', lite.blob({ mode: 'json' }), 'blob', 'blobJson'],
  ])('sqlite %s', (_, builder, sqlType, orm) => {
    const column = columnOf('sqlite', lite.sqliteTable('t', { c: builder }), 'c');
    expect(column.type).toMatchObject({ sql: sqlType, orm, isArray: false });
  });
});

describe('nullability: NOT NULL, and the primary key implies it except on SQLite', () => {
  it.each([
    [
      'postgresql',
      pg.pgTable('t', { id: pg.integer().primaryKey(), n: pg.integer(), m: pg.integer().notNull() }),
    ],
    ['mysql', my.mysqlTable('t', { id: my.int().primaryKey(), n: my.int(), m: my.int().notNull() })],
  ] as const)('%s', (dialect, table) => {
    expect(columnOf(dialect, table, 'id').nullable).toBe(false);
    expect(columnOf(dialect, table, 'n').nullable).toBe(true);
    expect(columnOf(dialect, table, 'm').nullable).toBe(false);
  });

  it('postgresql: a composite primary key makes its columns NOT NULL', () => {
    const t = pg.pgTable('t', { a: pg.integer(), b: pg.integer(), c: pg.integer() }, (t) => [
      pg.primaryKey({ columns: [t.a, t.b] }),
    ]);
    expect(['a', 'b', 'c'].map((n) => columnOf('postgresql', t, n).nullable)).toEqual([false, false, true]);
  });

  it('sqlite: a composite primary key leaves its columns nullable (SQLite allows NULL in them)', () => {
    const t = lite.sqliteTable('t', { a: lite.integer(), b: lite.integer() }, (t) => [
      lite.primaryKey({ columns: [t.a, t.b] }),
    ]);
    expect(columnOf('sqlite', t, 'a').nullable).toBe(true);
  });
});

describe('enums', () => {
  it('a pgEnum column has the enum type (schema-qualified), the enum category, arrays keep []', () => {
    const mood = pg.pgEnum('mood', ['sad', 'happy']);
    const s = pg.pgSchema('app');
    const color = s.enum('color', ['red']);
    const t = pg.pgTable('t', { m: mood(), ms: mood().array(), c: color(), cs: color().array(3) });
    expect(columnOf('postgresql', t, 'm').type).toMatchObject({
      sql: 'mood',
      category: 'enum',
      isArray: false,
      enum: { schema: null, name: 'mood' },
    });
    expect(columnOf('postgresql', t, 'ms').type).toMatchObject({
      sql: 'mood[]',
      isArray: true,
      category: 'enum',
    });
    expect(columnOf('postgresql', t, 'c').type).toMatchObject({
      sql: 'app.color',
      enum: { schema: 'app', name: 'color' },
    });
    expect(columnOf('postgresql', t, 'cs').type).toMatchObject({ sql: 'app.color[]', isArray: true });
  });

  it('mysqlEnum is an inline enum enforced by the database', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'mysql',
      tables: [my.mysqlTable('t', { role: my.mysqlEnum(['a', 'b']) })],
    });
    expect(ir.tables[0]!.columns[0]!.type).toMatchObject({
      category: 'enum',
      enum: { schema: null, name: 'role' },
    });
    expect(ir.enums).toEqual([
      { schema: null, name: 'role', values: [{ name: 'a' }, { name: 'b' }], native: false, tags: [] },
    ]);
  });

  it('sqlite text({ enum }) is an inline enum only the ORM enforces; plain text is no enum', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'sqlite',
      tables: [lite.sqliteTable('t', { role: lite.text({ enum: ['x', 'y'] }), plain: lite.text() })],
    });
    const [role, plain] = ir.tables[0]!.columns;
    expect(role!.type).toMatchObject({ category: 'enum', enum: { schema: null, name: 'role' } });
    expect(plain!.type.category).toBe('string');
    expect(plain!.type.enum).toBeUndefined();
    expect(ir.enums).toEqual([
      {
        schema: null,
        name: 'role',
        values: [{ name: 'x' }, { name: 'y' }],
        native: false,
        enforcedBy: 'orm',
        tags: [],
      },
    ]);
  });

  it('a mysql varchar with enum values is no enum (only mysqlEnum and sqlite text are)', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'mysql',
      tables: [my.mysqlTable('t', { v: my.varchar({ length: 5, enum: ['a'] }) })],
    });
    expect(ir.enums).toEqual([]);
    expect(ir.tables[0]!.columns[0]!.type.category).toBe('string');
  });

  it('a postgresql text({ enum }) makes no inline enum (no pgEnum, no CHECK)', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [pg.pgTable('t', { v: pg.text({ enum: ['a'] }) })],
    });
    expect(ir.enums).toEqual([]);
  });
});

describe('generated columns', () => {
  it('postgresql: always STORED, expression rendered by drizzle', () => {
    const t = pg.pgTable('t', {
      a: pg.integer(),
      b: pg.integer().generatedAlwaysAs(sql`a * 2`),
      c: pg.text().generatedAlwaysAs('upper(x)'),
    });
    const b = columnOf('postgresql', t, 'b');
    expect(b.generated).toEqual({ expression: 'a * 2', stored: true });
    expect(b.default).toBeUndefined();
    expect(columnOf('postgresql', t, 'c').generated).toEqual({ expression: 'upper(x)', stored: true });
  });

  it('a function returning SQL is called; the expression is its SQL', () => {
    const t = pg.pgTable('t', { a: pg.integer(), b: pg.integer().generatedAlwaysAs(() => sql`1 + 1`) });
    expect(columnOf('postgresql', t, 'b').generated).toEqual({ expression: '1 + 1', stored: true });
  });

  it('mysql: virtual (the default of drizzle-orm) unless stored is asked for', () => {
    const t = my.mysqlTable('t', {
      s: my.int().generatedAlwaysAs(sql`1`, { mode: 'stored' }),
      v: my.int().generatedAlwaysAs(sql`2`),
    });
    expect(columnOf('mysql', t, 's').generated).toEqual({ expression: '1', stored: true });
    expect(columnOf('mysql', t, 'v').generated).toEqual({ expression: '2', stored: false });
  });

  it('sqlite: virtual unless stored is asked for; column references unqualified', () => {
    const t = lite.sqliteTable('t', {
      a: lite.integer(),
      v: lite.integer().generatedAlwaysAs(sql`1`),
      s: lite.integer().generatedAlwaysAs(sql`2`, { mode: 'stored' }),
    });
    const ref = lite.sqliteTable('r', {
      a: lite.integer(),
      b: lite.integer().generatedAlwaysAs((): ReturnType<typeof sql> => sql`${ref.a} + 1`),
    });
    expect(columnOf('sqlite', t, 'v').generated).toEqual({ expression: '1', stored: false });
    expect(columnOf('sqlite', t, 's').generated).toEqual({ expression: '2', stored: true });
    expect(columnOf('sqlite', ref, 'b').generated?.expression).toBe('"a" + 1');
  });

  it('an identity column is no generated column: it has a sequence default', () => {
    const t = pg.pgTable('t', { id: pg.integer().generatedAlwaysAsIdentity() });
    const id = columnOf('postgresql', t, 'id');
    expect(id.generated).toBeUndefined();
    expect(id.default).toEqual({ kind: 'sequence', style: 'identity-always' });
  });
});

describe('code name', () => {
  it('is the property key when it differs from the database name, absent otherwise', () => {
    const t = pg.pgTable('t', {
      createdAt: pg.integer('created_at'),
      same: pg.integer('same'),
      keyed: pg.integer(),
    });
    expect(columnOf('postgresql', t, 'created_at').codeName).toBe('createdAt');
    expect(columnOf('postgresql', t, 'same').codeName).toBeUndefined();
    expect(columnOf('postgresql', t, 'keyed').codeName).toBeUndefined();
  });

  it('casing applies to key-named columns only', () => {
    const t = pg.pgTable('t', { createdAt: pg.integer(), updatedAt: pg.integer('UpdatedAt') });
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [t], casing: 'snake_case' });
    expect(ir.tables[0]!.columns.map((c) => [c.name, c.codeName])).toEqual([
      ['created_at', 'createdAt'],
      ['UpdatedAt', 'updatedAt'],
    ]);
  });
});

describe('description and source from the schema file', () => {
  it('a JSDoc comment on a column is its description; the column has the file and line', () => {
    const t = pg.pgTable('t', { id: pg.integer() });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'db/s.ts', exports: { t } }],
      files: [
        {
          path: 'db/s.ts',
          content: "export const t = pgTable('t', {\n  /** The key. */\n  id: integer(),\n});\n",
        },
      ],
    });
    expect(ir.tables[0]!.columns[0]).toMatchObject({
      description: 'The key.',
      source: { file: 'db/s.ts', line: 3 },
    });
  });
});
