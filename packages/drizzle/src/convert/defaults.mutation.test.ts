import type { Column } from '@ormdoc/core';
import { sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * Column defaults on real drizzle tables: one row per kind of default, quoted the way drizzle-kit
 * writes it into a migration (strings '...', numbers and booleans bare, dates as ISO text, JSON
 * '...'::jsonb on PostgreSQL, arrays '{...}'), and the sequences behind serial/identity columns.
 */
type Dialect = 'postgresql' | 'mysql' | 'sqlite';

function columns(dialect: Dialect, table: object): Map<string, Column> {
  const { ir } = fromDrizzleTables({ dialect, tables: [table] });
  return new Map(ir.tables[0]!.columns.map((c) => [c.name, c]));
}
const defaultOf = (dialect: Dialect, builder: object) => {
  const table =
    dialect === 'postgresql'
      ? pg.pgTable('t', { c: builder as never })
      : dialect === 'mysql'
        ? my.mysqlTable('t', { c: builder as never })
        : lite.sqliteTable('t', { c: builder as never });
  return columns(dialect, table).get('c')!.default;
};

const DAY = new Date('2024-03-05T06:07:08.009Z');

describe('literal defaults, one row per value kind (PostgreSQL)', () => {
  it.each([
    ['string', pg.text().default('x'), { kind: 'literal', value: 'x', sql: "'x'" }],
    ["string with '", pg.text().default("it's"), { kind: 'literal', value: "it's", sql: "'it''s'" }],
    ['empty string', pg.text().default(''), { kind: 'literal', value: '', sql: "''" }],
    ['number', pg.integer().default(42), { kind: 'literal', value: 42, sql: '42' }],
    ['zero', pg.integer().default(0), { kind: 'literal', value: 0, sql: '0' }],
    ['true', pg.boolean().default(true), { kind: 'literal', value: true, sql: 'true' }],
    ['false', pg.boolean().default(false), { kind: 'literal', value: false, sql: 'false' }],
    [
      'bigint',
      pg.bigint({ mode: 'bigint' }).default(9007199254740993n),
      { kind: 'literal', value: '9007199254740993', sql: '9007199254740993' },
    ],
    ['null', pg.text().default(null as never), { kind: 'literal', value: null, sql: 'NULL' }],
    [
      'date column',
      pg.date({ mode: 'date' }).default(DAY),
      { kind: 'literal', value: '2024-03-05', sql: "'2024-03-05'" },
    ],
    [
      'timestamp',
      pg.timestamp().default(DAY),
      { kind: 'literal', value: '2024-03-05 06:07:08.009', sql: "'2024-03-05 06:07:08.009'" },
    ],
    [
      'timestamptz',
      pg.timestamp({ withTimezone: true }).default(DAY),
      { kind: 'literal', value: '2024-03-05T06:07:08.009Z', sql: "'2024-03-05T06:07:08.009Z'" },
    ],
    [
      'jsonb',
      pg.jsonb().default({ a: "b'c" }),
      { kind: 'literal', value: { a: "b'c" }, sql: `'{"a":"b''c"}'::jsonb` },
    ],
    ['json', pg.json().default([1]), { kind: 'literal', value: [1], sql: "'[1]'::json" }],
    [
      'text[]',
      pg.text().array().default(['a', "b'c"]),
      { kind: 'literal', value: ['a', "b'c"], sql: `'{"a","b''c"}'` },
    ],
    ['integer[]', pg.integer().array().default([1, 2]), { kind: 'literal', value: [1, 2], sql: "'{1,2}'" }],
    [
      'boolean[]',
      pg.boolean().array().default([true, false]),
      { kind: 'literal', value: [true, false], sql: "'{true,false}'" },
    ],
    [
      'integer[][]',
      pg
        .integer()
        .array()
        .array()
        .default([[1], [2]]),
      { kind: 'literal', value: [[1], [2]], sql: "'{{1},{2}}'" },
    ],
    [
      'date[]',
      pg.date({ mode: 'date' }).array().default([DAY]),
      { kind: 'literal', value: [DAY], sql: `'{"2024-03-05"}'` },
    ],
    [
      'timestamp[]',
      pg.timestamp().array().default([DAY]),
      { kind: 'literal', value: [DAY], sql: `'{"2024-03-05 06:07:08.009"}'` },
    ],
    [
      'timestamptz[]',
      pg.timestamp({ withTimezone: true }).array().default([DAY]),
      { kind: 'literal', value: [DAY], sql: `'{"2024-03-05T06:07:08.009Z"}'` },
    ],
    [
      'timestamp(3)[]',
      pg.timestamp({ precision: 3 }).array().default([DAY]),
      { kind: 'literal', value: [DAY], sql: `'{"2024-03-05T06:07:08.009Z"}'` },
    ],
    [
      'jsonb[]',
      pg
        .jsonb()
        .array()
        .default([{ a: 1 }]),
      { kind: 'literal', value: [{ a: 1 }], sql: `'{"{\\"a\\":1}"}'` },
    ],
    ['uuid', pg.uuid().default('0000'), { kind: 'literal', value: '0000', sql: "'0000'" }],
  ])('%s', (_, builder, expected) => {
    expect(defaultOf('postgresql', builder)).toEqual(expected);
  });
});

describe('literal defaults on MySQL and SQLite', () => {
  it.each([
    [
      'mysql json',
      'mysql',
      my.json().default({ a: 1 }),
      { kind: 'literal', value: { a: 1 }, sql: `('{"a":1}')` },
    ],
    [
      'mysql datetime',
      'mysql',
      my.datetime().default(DAY),
      { kind: 'literal', value: '2024-03-05 06:07:08.009', sql: "'2024-03-05 06:07:08.009'" },
    ],
    [
      'mysql string',
      'mysql',
      my.varchar({ length: 5 }).default('a'),
      { kind: 'literal', value: 'a', sql: "'a'" },
    ],
    [
      'sqlite json text',
      'sqlite',
      lite.text({ mode: 'json' }).default({ a: 1 }),
      { kind: 'literal', value: { a: 1 }, sql: `'{"a":1}'` },
    ],
    ['sqlite integer', 'sqlite', lite.integer().default(3), { kind: 'literal', value: 3, sql: '3' }],
    [
      'mysql json array (no PostgreSQL array literal)',
      'mysql',
      my.json().default([1, 2]),
      { kind: 'literal', value: [1, 2], sql: `('[1,2]')` },
    ],
    [
      'sqlite json array',
      'sqlite',
      lite.text({ mode: 'json' }).default(['a']),
      { kind: 'literal', value: ['a'], sql: `'["a"]'` },
    ],
    [
      'postgresql text[]: each item quoted',
      'postgresql',
      pg.text().array().default(['a', 'b']),
      { kind: 'literal', value: ['a', 'b'], sql: `'{"a","b"}'` },
    ],
    [
      'postgresql bigint[]: items bare',
      'postgresql',
      pg.bigint({ mode: 'bigint' }).array().default([1n, 2n]),
      { kind: 'literal', value: [1n, 2n], sql: `'{1,2}'` },
    ],
  ] as const)('%s', (_, dialect, builder, expected) => {
    expect(defaultOf(dialect, builder)).toEqual(expected);
  });
});

describe('SQL defaults are rendered without parameters', () => {
  it.each([
    ['now()', pg.timestamp().defaultNow(), 'now()'],
    ['sql`gen_random_uuid()`', pg.uuid().default(sql`gen_random_uuid()`), 'gen_random_uuid()'],
    ['sql`uuid_generate_v4()`', pg.uuid().default(sql`uuid_generate_v4()`), 'uuid_generate_v4()'],
    ['defaultRandom()', pg.uuid().defaultRandom(), 'gen_random_uuid()'],
  ])('%s', (_, builder, expression) => {
    expect(defaultOf('postgresql', builder)).toEqual({ kind: 'sql', expression });
  });

  it('mysql defaultNow() and onUpdateNow()', () => {
    const c = columns('mysql', my.mysqlTable('t', { at: my.timestamp().defaultNow().onUpdateNow() })).get(
      'at',
    )!;
    expect(c.default).toEqual({ kind: 'sql', expression: '(now())' });
    expect(c.onUpdate).toEqual({ kind: 'sql', expression: 'CURRENT_TIMESTAMP' });
  });
});

describe('sequence defaults', () => {
  it.each([
    ['postgresql serial', 'postgresql', pg.serial(), { kind: 'sequence', style: 'serial' }],
    ['postgresql smallserial', 'postgresql', pg.smallserial(), { kind: 'sequence', style: 'serial' }],
    [
      'postgresql bigserial',
      'postgresql',
      pg.bigserial({ mode: 'number' }),
      { kind: 'sequence', style: 'serial' },
    ],
    ['mysql serial', 'mysql', my.serial(), { kind: 'sequence', style: 'auto-increment' }],
    ['mysql autoincrement', 'mysql', my.int().autoincrement(), { kind: 'sequence', style: 'auto-increment' }],
    [
      'identity always',
      'postgresql',
      pg.integer().generatedAlwaysAsIdentity(),
      { kind: 'sequence', style: 'identity-always' },
    ],
    [
      'identity by default',
      'postgresql',
      pg.integer().generatedByDefaultAsIdentity(),
      { kind: 'sequence', style: 'identity-by-default' },
    ],
    [
      'identity with a name',
      'postgresql',
      pg.integer().generatedByDefaultAsIdentity({ name: 's1' }),
      { kind: 'sequence', style: 'identity-by-default', sequenceName: 's1' },
    ],
  ] as const)('%s', (_, dialect, builder, expected) => {
    expect(defaultOf(dialect, builder)).toEqual(expected);
  });

  it('sqlite: an INTEGER PRIMARY KEY is the rowid; not with a default, a $defaultFn, nor a text key', () => {
    const t = lite.sqliteTable('t', { id: lite.integer().primaryKey() });
    expect(columns('sqlite', t).get('id')!.default).toEqual({ kind: 'sequence', style: 'rowid' });
    const auto = lite.sqliteTable('t', { id: lite.integer().primaryKey({ autoIncrement: true }) });
    expect(columns('sqlite', auto).get('id')!.default).toEqual({ kind: 'sequence', style: 'auto-increment' });
    const given = lite.sqliteTable('t', { id: lite.integer().primaryKey().default(7) });
    expect(columns('sqlite', given).get('id')!.default).toEqual({ kind: 'literal', value: 7, sql: '7' });
    const fn = lite.sqliteTable('t', {
      id: lite
        .integer()
        .primaryKey()
        .$defaultFn(() => 1),
    });
    expect(columns('sqlite', fn).get('id')!.default).toMatchObject({ kind: 'orm' });
    const text = lite.sqliteTable('t', { id: lite.text().primaryKey() });
    expect(columns('sqlite', text).get('id')!.default).toBeUndefined();
    const plain = lite.sqliteTable('t', { n: lite.integer() });
    expect(columns('sqlite', plain).get('n')!.default).toBeUndefined();
  });

  it('postgresql: an integer primary key has no default', () => {
    expect(
      columns('postgresql', pg.pgTable('t', { id: pg.integer().primaryKey() })).get('id')!.default,
    ).toBeUndefined();
  });
});

describe('$defaultFn and $onUpdate: ORM-side, with what they generate', () => {
  it.each([
    ['createId()', 'cuid2'],
    ['cuid2.createId()', 'cuid2'],
    ['cuid()', 'cuid'],
    ['nanoid(10)', 'nanoid'],
    ['ulid()', 'ulid'],
    ['crypto.randomUUID()', 'uuid'],
    ['new Date()', 'now'],
    ['Date.now()', 'now'],
    ['now()', 'now'],
    ['Math.random()', 'function'],
    ['snowflake()', 'function'],
  ])('() => %s generates %s', (body, generator) => {
    const c = pg.text().$defaultFn(() => 'x');
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 's.ts', exports: { t: pg.pgTable('t', { c }) } }],
      files: [
        {
          path: 's.ts',
          content: `export const t = pgTable('t', {\n  c: text().$defaultFn(() =>\n    ${body}),\n});\n`,
        },
      ],
    });
    expect(ir.tables[0]!.columns[0]!.default).toEqual({
      kind: 'orm',
      generator,
      description: `$defaultFn(() => ${body})`,
    });
  });

  it("without the source, the function's own text (whitespace collapsed), cut at 120 characters", () => {
    const long = pg.pgTable('t', {
      c: pg
        .text()
        .$defaultFn(
          () =>
            'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        ),
      d: pg.text().$defaultFn(() => 'b'),
    });
    const [c, d] = columns('postgresql', long).values();
    const description = (c!.default as { description: string }).description;
    expect(description.startsWith('$defaultFn(() => ')).toBe(true);
    expect(description.endsWith('...)')).toBe(true);
    expect(description.length).toBe('$defaultFn()'.length + 120);
    expect(d!.default).toMatchObject({ kind: 'orm', generator: 'function' });
    expect((d!.default as { description: string }).description).toMatch(
      /^\$defaultFn\(\(\) => "b"\)$|^\$defaultFn\(\(\) => 'b'\)$/,
    );
  });

  it('$onUpdate is an ORM-side update with its description; no default', () => {
    const t = pg.pgTable('t', { at: pg.timestamp().$onUpdate(() => new Date()) });
    const at = columns('postgresql', t).get('at')!;
    expect(at.onUpdate).toMatchObject({ kind: 'orm' });
    expect((at.onUpdate as { description: string }).description).toMatch(
      /^\$onUpdate\(\(\) => new Date\(\)\)$/,
    );
    expect(at.default).toBeUndefined();
  });

  it('a column without any default has neither default nor onUpdate', () => {
    const c = columns('postgresql', pg.pgTable('t', { n: pg.integer() })).get('n')!;
    expect(c.default).toBeUndefined();
    expect(c.onUpdate).toBeUndefined();
  });
});
