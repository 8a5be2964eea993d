import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { renderDdl } from '@ormdoc/core';
import {
  compareShapes,
  type MysqlHarness,
  mysqlSkip,
  shapeOfDdl,
  shapeOfMysqlDdl,
  shapeOfSqliteDdl,
  startMysql,
} from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleKitDdl, importSchema, throwawayProjects } from './_kit.js';
import { RC_DIR, rcKitDdl } from './_rc.js';

/**
 * Every form of index part drizzle-kit accepts, `sql` fragments above all: drizzle-kit writes a
 * fragment verbatim into CREATE INDEX, so ormdoc's DDL must create the same index (not wrap
 * `"name" gin_trgm_ops` in parentheses, which PostgreSQL rejects). Both DDLs run on a real
 * database and are compared by introspection (index definitions included).
 */
const project = throwawayProjects();

const PG_SCHEMA = `
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
export const people = pgTable('people', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  a: integer('a'),
  b: integer('b'),
  x: integer('x'),
}, (t) => [
  index('people_name_trgm').using('gin', sql\`\${t.name} gin_trgm_ops\`),
  index('people_email_lower').on(sql\`lower(\${t.email})\`),
  index('people_a_desc').on(sql\`\${t.a} DESC\`),
  index('people_x_nulls').on(sql\`\${t.x} NULLS FIRST\`),
  index('people_b_desc_nulls').on(sql\`\${t.b} desc nulls last\`),
  index('people_multi').using('gin', sql\`\${t.name} gin_trgm_ops, \${t.email} gin_trgm_ops\`),
  index('people_multi_plain').on(sql\`\${t.a}, \${t.b} DESC\`),
  index('people_op').using('gin', t.name.op('gin_trgm_ops')),
  index('people_op_desc').on(t.name.op('text_pattern_ops').desc()),
  index('people_order').on(t.a.asc(), t.b.desc(), t.x.nullsFirst(), t.id.desc().nullsLast()),
  index('people_mixed').on(t.a, sql\`lower(\${t.email}) DESC\`),
  index('people_paren').on(sql\`(\${t.a} + \${t.b})\`),
  index('people_collate').on(sql\`\${t.name} COLLATE "C"\`),
  index('people_fn_opclass').using('gin', sql\`lower(\${t.name}) gin_trgm_ops\`),
  index('people_not_null').on(sql\`(\${t.x} IS NOT NULL)\`),
  uniqueIndex('people_cast').on(sql\`(\${t.name}::varchar) varchar_pattern_ops\`),
]);
`;

describe('PostgreSQL: sql index parts create the index drizzle-kit creates', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create({ extensions: { pg_trgm } });
  });
  afterAll(async () => {
    await db?.close();
  });
  // shapeOfDdl drops the public schema (and the extension with it): create it within each DDL.
  const withTrgm = (ddl: string) => `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${ddl}`;

  it('every form: column + operator class, expressions, order, nulls, several parts, .op(), .asc()/.desc()', async () => {
    const dir = project({ 'schema.ts': PG_SCHEMA });
    const file = path.join(dir, 'schema.ts');
    const kit = await drizzleKitDdl('postgresql', await importSchema([file]));
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'postgresql' });
    const kitShape = await shapeOfDdl(db, withTrgm(kit));
    const ormdocShape = await shapeOfDdl(db, withTrgm(renderDdl(ir)));
    expect(Object.keys(kitShape.tables)).toEqual(['public.people']);
    expect(compareShapes(kitShape, ormdocShape, { ignoreComments: true })).toEqual([]);
    expect(diagnostics).toEqual([]);
    const parts = Object.fromEntries(ir.tables[0]!.indexes.map((ix) => [ix.name, ix.parts]));
    expect(parts.people_name_trgm).toEqual([{ column: 'name', opclass: 'gin_trgm_ops' }]);
    expect(parts.people_multi).toEqual([
      { column: 'name', opclass: 'gin_trgm_ops' },
      { column: 'email', opclass: 'gin_trgm_ops' },
    ]);
    expect(parts.people_a_desc).toEqual([{ column: 'a', order: 'desc' }]);
    expect(parts.people_email_lower).toEqual([{ expression: 'lower("email")' }]);
    expect(parts.people_paren).toEqual([{ expression: '"a" + "b"' }]);
  });

  it('the same schema under drizzle-orm and drizzle-kit 1.0 RC (which keep .op().desc() order)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-drizzle-rc-'));
    try {
      symlinkSync(path.join(RC_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      writeFileSync(path.join(dir, 'schema.ts'), PG_SCHEMA);
      const kit = await rcKitDdl(await importSchema([path.join(dir, 'schema.ts')]));
      const { ir } = await loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'postgresql' });
      const kitShape = await shapeOfDdl(db, withTrgm(kit));
      const ormdocShape = await shapeOfDdl(db, withTrgm(renderDdl(ir)));
      expect(Object.keys(kitShape.tables)).toEqual(['public.people']);
      expect(compareShapes(kitShape, ormdocShape, { ignoreComments: true })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns where drizzle-kit writes an expression PostgreSQL rejects without parentheses, and documents it with them', async () => {
    const dir = project({
      'schema.ts': `
import { sql } from 'drizzle-orm';
import { index, integer, pgTable } from 'drizzle-orm/pg-core';
export const sums = pgTable('sums', { a: integer('a'), b: integer('b') }, (t) => [
  index('sums_total').on(sql\`\${t.a} + \${t.b}\`),
]);
`,
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'postgresql' });
    const shape = await shapeOfDdl(db, renderDdl(ir));
    expect(Object.keys(shape.tables)).toEqual(['public.sums']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'drizzle/index-expression-parentheses' }),
    ]);
    expect(diagnostics[0]?.message).toContain('"a" + "b"');
  });
});

const SQLITE_SCHEMA = `
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
export const people = sqliteTable('people', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  a: integer('a'),
  b: integer('b'),
}, (t) => [
  index('people_email_lower').on(sql\`lower(\${t.email})\`),
  index('people_a_desc').on(sql\`\${t.a} DESC\`),
  index('people_b_email').on(sql\`\${t.b} DESC\`, t.email),
  index('people_nocase').on(sql\`\${t.name} COLLATE NOCASE\`),
  index('people_plain').on(t.a, t.b),
  index('people_sum').on(sql\`\${t.a} + \${t.b}\`),
]);
`;

describe('SQLite: sql index parts create the index drizzle-kit creates', () => {
  it('expressions, order, collation (drizzle-kit mangles several parts in one SQLite fragment)', async () => {
    const dir = project({ 'schema.ts': SQLITE_SCHEMA });
    const kit = await drizzleKitDdl('sqlite', await importSchema([path.join(dir, 'schema.ts')]));
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'sqlite' });
    const expected = await shapeOfSqliteDdl(kit.replaceAll('--> statement-breakpoint', ''));
    const actual = await shapeOfSqliteDdl(renderDdl(ir));
    expect(Object.keys(expected.tables).length).toBe(1);
    expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
    expect(diagnostics).toEqual([]);
    const parts = Object.fromEntries(ir.tables[0]!.indexes.map((ix) => [ix.name, ix.parts]));
    expect(parts.people_b_email).toEqual([{ column: 'b', order: 'desc' }, { column: 'email' }]);
    expect(parts.people_nocase).toEqual([{ column: 'name', collation: 'NOCASE' }]);
  });
});

const MYSQL_SCHEMA = `
import { sql } from 'drizzle-orm';
import { index, int, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
export const people = mysqlTable('people', {
  id: int('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  a: int('a'),
  b: int('b'),
}, (t) => [
  index('people_a_desc').on(sql\`\${t.a} DESC\`),
  index('people_b_name').on(sql\`\${t.b} ASC\`, t.name),
  index('people_order').on(t.name, t.b),
]);
`;

const gate = mysqlSkip();

describe.skipIf(gate.skip)(
  `MySQL: sql index parts create the index drizzle-kit creates ${gate.title}`,
  () => {
    let h: MysqlHarness;
    beforeAll(async () => {
      h = await startMysql();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('order in a fragment, next to a column (drizzle-kit mangles several parts in one MySQL fragment)', async () => {
      const dir = project({ 'schema.ts': MYSQL_SCHEMA });
      const api = await import('drizzle-kit/api');
      const prev = await api.generateMySQLDrizzleJson({});
      const cur = await api.generateMySQLDrizzleJson(
        await importSchema([path.join(dir, 'schema.ts')]),
        prev.id,
      );
      const kit = (await api.generateMySQLMigration(prev, cur))
        .map((s) => `${s.trim().replace(/;$/, '')};`)
        .join('\n');
      const { ir, diagnostics } = await loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'mysql' });
      const expected = await shapeOfMysqlDdl(h, kit);
      const actual = await shapeOfMysqlDdl(h, renderDdl(ir));
      expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
      expect(diagnostics).toEqual([]);
    });
  },
);
