import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * Enums on real drizzle objects: PostgreSQL `pgEnum`s (native types, one per schema and name,
 * with their export name, JSDoc and line) and MySQL inline enums (named after the column, or
 * `{table}_{column}` when two columns of that name carry different values).
 */
describe('pgEnum', () => {
  it('exported: code name when it differs, description and source from the file; used twice: one enum', () => {
    const moodEnum = pg.pgEnum('mood', ['sad', 'happy']);
    const same = pg.pgEnum('same', ['x']);
    const t = pg.pgTable('t', { a: moodEnum(), b: moodEnum() });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'db/s.ts', exports: { moodEnum, same, t } }],
      files: [
        {
          path: 'db/s.ts',
          content:
            "/** How one feels. @deprecated */\nexport const moodEnum = pgEnum('mood', ['sad', 'happy']);\nexport const same = pgEnum('same', ['x']);\n",
        },
      ],
    });
    expect(ir.enums).toEqual([
      {
        schema: null,
        name: 'mood',
        codeName: 'moodEnum',
        values: [{ name: 'sad' }, { name: 'happy' }],
        native: true,
        description: 'How one feels.',
        tags: [expect.objectContaining({ name: 'deprecated' })],
        source: { file: 'db/s.ts', line: 2 },
      },
      {
        schema: null,
        name: 'same',
        values: [{ name: 'x' }],
        native: true,
        tags: [],
        source: { file: 'db/s.ts', line: 3 },
      },
    ]);
  });

  it('not exported, only used by a column: registered without code name or source', () => {
    const hidden = pg.pgEnum('hidden', ['a']);
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [pg.pgTable('t', { h: hidden() })] });
    expect(ir.enums).toEqual([
      { schema: null, name: 'hidden', values: [{ name: 'a' }], native: true, tags: [] },
    ]);
  });

  it('an enum given in a list and exported under a name: the code name is kept', () => {
    const status = pg.pgEnum('status', ['on']);
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [pg.pgTable('t', { s: status() })],
      modules: [{ exports: { statusEnum: status } }],
    });
    expect(ir.enums).toMatchObject([{ name: 'status', codeName: 'statusEnum' }]);
  });

  it('the same name in two schemas: two enums', () => {
    const a = pg.pgSchema('a').enum('kind', ['x']);
    const b = pg.pgSchema('b').enum('kind', ['y']);
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', enums: [a, b] });
    expect(ir.enums.map((e) => [e.schema, e.name, e.values.map((v) => v.name)])).toEqual([
      ['a', 'kind', ['x']],
      ['b', 'kind', ['y']],
    ]);
  });
});

describe('MySQL inline enums', () => {
  it('the same values under one column name: one enum named after the column', () => {
    const a = my.mysqlTable('a', { status: my.mysqlEnum(['on', 'off']) });
    const b = my.mysqlTable('b', { status: my.mysqlEnum(['on', 'off']) });
    const { ir } = fromDrizzleTables({ dialect: 'mysql', tables: [a, b] });
    expect(ir.enums.map((e) => e.name)).toEqual(['status']);
    for (const t of ir.tables) expect(t.columns[0]!.type.enum).toEqual({ schema: null, name: 'status' });
  });

  it('different values under one column name: the second is {table}_{column}; a third like it reuses it', () => {
    const a = my.mysqlTable('a', { status: my.mysqlEnum(['on', 'off']) });
    const b = my.mysqlTable('b', { status: my.mysqlEnum(['open', 'closed']) });
    const { ir } = fromDrizzleTables({ dialect: 'mysql', tables: [a, b] });
    expect(ir.enums).toEqual([
      {
        schema: null,
        name: 'b_status',
        values: [{ name: 'open' }, { name: 'closed' }],
        native: false,
        tags: [],
      },
      { schema: null, name: 'status', values: [{ name: 'on' }, { name: 'off' }], native: false, tags: [] },
    ]);
    expect(ir.tables.find((t) => t.name === 'b')!.columns[0]!.type.enum).toEqual({
      schema: null,
      name: 'b_status',
    });
  });

  it('values that differ only by where they split are different enums', () => {
    const a = my.mysqlTable('a', { k: my.mysqlEnum(['ab', 'c']) });
    const b = my.mysqlTable('b', { k: my.mysqlEnum(['a', 'bc']) });
    const { ir } = fromDrizzleTables({ dialect: 'mysql', tables: [a, b] });
    expect(ir.enums.map((e) => e.name).sort()).toEqual(['b_k', 'k']);
  });
});

describe('two pgEnum values of one name', () => {
  it('one enum; the first export name that differs from the database name is its code name', () => {
    const first = pg.pgEnum('mood', ['a']);
    const second = pg.pgEnum('mood', ['a']);
    const third = pg.pgEnum('mood', ['a']);
    const codeNames = (exports: Array<Record<string, unknown>>) =>
      fromDrizzleTables({
        dialect: 'postgresql',
        modules: exports.map((e) => ({ exports: e })),
      }).ir.enums.map((e) => e.codeName);
    expect(codeNames([{ default: first }, { moodEnum: second }])).toEqual(['moodEnum']);
    expect(codeNames([{ default: first }, { mood: second }])).toEqual([undefined]);
    expect(codeNames([{ firstName: first }, { secondName: second }])).toEqual(['firstName']);
    expect(codeNames([{ default: first }, { default: second }, { third }])).toEqual(['third']);
  });
});
