import { sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * What the schema does not say is absent from the IR, not present as `undefined` (consumers test
 * `'key' in value`, and the JSON written must not depend on it): one row per optional key of
 * columns, tables, views and enums, on real drizzle tables.
 */
const keysOf = (o: object) => Object.keys(o).sort();

describe('optional keys are absent when the schema says nothing', () => {
  it('a plain column: name, type, nullable, tags only; a plain type: sql, orm, category, isArray', () => {
    for (const [dialect, table] of [
      ['postgresql', pg.pgTable('t', { c: pg.text() })],
      ['mysql', my.mysqlTable('t', { c: my.text() })],
      ['sqlite', lite.sqliteTable('t', { c: lite.text() })],
    ] as const) {
      const { ir } = fromDrizzleTables({ dialect, tables: [table] });
      const c = ir.tables[0]!.columns[0]!;
      expect(keysOf(c)).toEqual(['name', 'nullable', 'tags', 'type']);
      expect(keysOf(c.type)).toEqual(['category', 'isArray', 'orm', 'sql']);
      expect(keysOf(ir.tables[0]!)).toEqual(
        ['checks', 'columns', 'foreignKeys', 'indexes', 'kind', 'name', 'schema', 'tags', 'uniques'].sort(),
      );
    }
  });

  it('a column with each of them has each key', () => {
    const t = pg.pgTable('t', {
      key: pg
        .text('c')
        .default('x')
        .$onUpdate(() => 'y'),
      g: pg.integer().generatedAlwaysAs(sql`1`),
    });
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 's.ts', exports: { t } }],
      files: [
        {
          path: 's.ts',
          content:
            "export const t = pgTable('t', {\n  /** Described. */\n  key: text('c'),\n  g: integer(),\n});\n",
        },
      ],
    });
    const [c, g] = ir.tables[0]!.columns;
    expect(keysOf(c!)).toEqual([
      'codeName',
      'default',
      'description',
      'name',
      'nullable',
      'onUpdate',
      'source',
      'tags',
      'type',
    ]);
    expect(keysOf(g!)).toEqual(['generated', 'name', 'nullable', 'source', 'tags', 'type']);
    expect(keysOf(ir.tables[0]!)).toContain('source');
    expect(keysOf(ir.tables[0]!)).not.toContain('description');
    expect(keysOf(ir.tables[0]!)).not.toContain('codeName');
    expect(keysOf(ir.tables[0]!)).not.toContain('primaryKey');
  });

  it('a view: no codeName, description, source nor definition unless there is one', () => {
    const v = pg.pgView('v', { id: pg.integer() }).existing();
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', views: [v] });
    expect(keysOf(ir.tables[0]!)).toEqual(
      ['checks', 'columns', 'foreignKeys', 'indexes', 'kind', 'name', 'schema', 'tags', 'uniques'].sort(),
    );
    expect(keysOf(ir.tables[0]!.columns[0]!)).toEqual(['name', 'nullable', 'tags', 'type']);
  });

  it('an enum: no codeName, description nor source unless there is one; inline enums: enforcedBy only for the ORM', () => {
    const e = pg.pgEnum('e', ['a']);
    const t = pg.pgTable('t', { e: e() });
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [t] });
    expect(keysOf(ir.enums[0]!)).toEqual(['name', 'native', 'schema', 'tags', 'values']);
    const m = fromDrizzleTables({
      dialect: 'mysql',
      tables: [my.mysqlTable('t', { e: my.mysqlEnum(['a']) })],
    }).ir;
    expect(keysOf(m.enums[0]!)).toEqual(['name', 'native', 'schema', 'tags', 'values']);
    const s = fromDrizzleTables({
      dialect: 'sqlite',
      tables: [lite.sqliteTable('t', { e: lite.text({ enum: ['a'] }) })],
    }).ir;
    expect(s.enums[0]!.enforcedBy).toBe('orm');
  });
});
