import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle, readDrizzleConfig } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { drizzleKitDdl, failure, importSchema, throwawayProjects } from './_kit.js';

const project = throwawayProjects();

const CASED_SCHEMA = `
import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
export const shop = pgSchema('shop');
export const customers = pgTable('customers', {
  id: serial().primaryKey(),
  fullName: text().notNull().unique(),
  createdAt: timestamp().defaultNow(),
}, (t) => [index().on(t.createdAt.desc()), unique().on(t.fullName, t.createdAt)]);
export const customerTags = pgTable('customer_tags', {
  customerId: integer().notNull().references(() => customers.id),
  tagName: text().notNull(),
}, (t) => [primaryKey({ columns: [t.customerId, t.tagName] })]);
export const orders = shop.table('orders', { id: serial().primaryKey(), customerId: integer().references(() => customers.id) });
export const tmpImport = pgTable('tmp_import', { rawLine: text() });
`;

describe('loadDrizzle: drizzle.config features', () => {
  it('applies casing to key-named columns exactly as drizzle-kit does (names included)', async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './db/schema.ts', casing: 'snake_case' });\n`,
      'db/schema.ts': CASED_SCHEMA,
    });
    const { ir, config } = await loadDrizzle({ cwd: dir });
    expect(config?.casing).toBe('snake_case');
    const customers = ir.tables.find((t) => t.name === 'customers')!;
    expect(customers.columns.map((c) => [c.name, c.codeName])).toEqual([
      ['id', undefined],
      ['full_name', 'fullName'],
      ['created_at', 'createdAt'],
    ]);
    const kit = await drizzleKitDdl('postgresql', await importSchema([path.join(dir, 'db/schema.ts')]), {
      casing: 'snake_case',
    });
    const db = await startPglite();
    expect(
      compareShapes(await shapeOfDdl(db, kit), await shapeOfDdl(db, renderDdl(ir)), { ignoreComments: true }),
    ).toEqual([]);
  });

  it('keeps only what schemaFilter and tablesFilter let drizzle-kit manage', async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './db', schemaFilter: ['public'], tablesFilter: ['*', '!tmp_*'] });\n`,
      'db/schema.ts': CASED_SCHEMA,
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(ir.tables.map((t) => t.name)).toEqual(['customer_tags', 'customers']);
    expect(ir.namespaces).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('loads a config that reads .env through dotenv, a withOrmdoc-style ormdoc key, tsconfig paths, top-level await and CJS', async () => {
    const dir = project({
      '.env': 'SCHEMA_GLOB=./src/db/*.{ts,cjs}\n',
      'drizzle.config.mts': `import 'dotenv/config';\nexport default { dialect: 'turso', schema: process.env.SCHEMA_GLOB, ormdoc: { output: 'docs/db' } };\n`,
      'tsconfig.json': `{ // comments are fine\n "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["./src/lib/*"] } } }\n`,
      'src/lib/cols.ts': `import { integer } from 'drizzle-orm/sqlite-core';\nexport const id = () => integer().primaryKey();\n`,
      'src/db/a.ts': `import { sqliteTable, text } from 'drizzle-orm/sqlite-core';\nimport { id } from '@lib/cols';\nconst label = await Promise.resolve('notes');\n/** Notes. */\nexport const notes = sqliteTable(label, { id: id(), body: text() });\n`,
      'src/db/b.cjs': `const { sqliteTable, integer } = require('drizzle-orm/sqlite-core');\nexports.pins = sqliteTable('pins', { id: integer().primaryKey() });\n`,
    });
    const result = await loadDrizzle({ cwd: dir });
    expect(result.ir.dialect).toBe('sqlite');
    expect(result.config).toMatchObject({
      configDialect: 'turso',
      dialect: 'sqlite',
      schema: ['./src/db/*.{ts,cjs}'],
    });
    expect(result.ormdoc).toEqual({ output: 'docs/db' });
    expect(result.ir.tables.map((t) => [t.name, t.description, t.source?.file])).toEqual([
      ['notes', 'Notes.', 'src/db/a.ts'],
      ['pins', undefined, 'src/db/b.cjs'],
    ]);
    expect(result.ir.tables[0]?.columns[0]?.default).toEqual({ kind: 'sequence', style: 'rowid' });
  });

  it('reads the config alone with readDrizzleConfig', async () => {
    const dir = project({
      'drizzle.config.js': `export default { dialect: 'singlestore', schema: ['a.ts', 'b.ts'], casing: 'camelCase', tablesFilter: 'x_*', out: 'mig' };\n`,
    });
    expect(await readDrizzleConfig(path.join(dir, 'drizzle.config.js'))).toEqual({
      path: path.join(dir, 'drizzle.config.js'),
      configDialect: 'singlestore',
      dialect: 'mysql',
      schema: ['a.ts', 'b.ts'],
      casing: 'camelCase',
      tablesFilter: ['x_*'],
      out: 'mig',
    });
  });
});

describe('loadDrizzle: errors name the file, the line and the fix', () => {
  it('a schema module that throws -> MODULE_LOAD_FAILED at the throwing line', async () => {
    const dir = project({
      'schema.ts': `import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const a = pgTable('a', { id: serial() });\nthrow new Error('boom in schema');\n`,
    });
    const e = await failure(loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'postgresql' }));
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect(e.message).toContain('schema.ts');
    expect(e.message).toContain('boom in schema');
    expect(e.file).toBe('schema.ts');
    expect(e.line).toBe(3);
    expect(e.hint).toMatch(/Fix the error in schema\.ts:3/);
  });

  it('a schema importing a package that is not installed -> MODULE_LOAD_FAILED with an install hint', async () => {
    const dir = project({
      'schema.ts': `import { nothing } from 'not-installed-pkg';\nexport const x = nothing;\n`,
    });
    const e = await failure(loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'postgresql' }));
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect(e.message).toContain('not-installed-pkg');
    expect(e.hint).toContain('Install "not-installed-pkg"');
  });

  it('no config / no schema files -> INPUT_NOT_FOUND', async () => {
    const dir = project({ 'README.md': 'empty' });
    expect((await failure(loadDrizzle({ cwd: dir }))).code).toBe('INPUT_NOT_FOUND');
    const e = await failure(loadDrizzle({ cwd: dir, schema: './src/schema/*.ts', dialect: 'postgresql' }));
    expect(e.code).toBe('INPUT_NOT_FOUND');
    expect(e.message).toContain('./src/schema/*.ts');
    expect((await failure(loadDrizzle({ cwd: dir, drizzleConfig: 'drizzle.config.ts' }))).code).toBe(
      'INPUT_NOT_FOUND',
    );
  });

  it('a config that throws -> MODULE_LOAD_FAILED naming the config', async () => {
    const dir = project({ 'drizzle.config.ts': `throw new Error('no DATABASE_URL');\nexport default {};\n` });
    const e = await failure(loadDrizzle({ cwd: dir }));
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect(e.message).toMatch(/drizzle config file drizzle\.config\.ts: no DATABASE_URL/);
  });
});
