import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { throwawayProjects } from './_kit.js';

const project = throwawayProjects();

const SQLITE_SCHEMA = `
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
export const notes = sqliteTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() });
`;
const PG_SCHEMA = `
import { pgTable, serial, text } from 'drizzle-orm/pg-core';
export const notes = pgTable('notes', { id: serial('id').primaryKey(), body: text('body').notNull() });
`;

/**
 * drizzle-kit before 0.21 configs have no `dialect`: the command carried it (`generate:sqlite`),
 * and `driver` (when there is one) implies it. drizzle-kit accepts them, so ormdoc reads them.
 */
describe('drizzle.config without "dialect" (drizzle-kit before 0.21)', () => {
  it.each([
    ['turso', SQLITE_SCHEMA, 'sqlite'],
    ['better-sqlite', SQLITE_SCHEMA, 'sqlite'],
    ['libsql', SQLITE_SCHEMA, 'sqlite'],
    ['pg', PG_SCHEMA, 'postgresql'],
  ])('takes the dialect from driver: %s', async (driver, schema, dialect) => {
    const dir = project({
      'drizzle.config.ts': `export default { schema: './src/schema', out: './drizzle', driver: '${driver}', dbCredentials: { url: 'file:x' } };\n`,
      'src/schema/notes.ts': schema,
    });
    const { ir, config } = await loadDrizzle({ cwd: dir });
    expect(config?.dialect).toBe(dialect);
    expect(ir.dialect).toBe(dialect);
    expect(ir.tables.map((t) => t.name)).toEqual(['notes']);
  });

  it('tells the dialect from the tables when there is no driver either', async () => {
    const dir = project({
      'drizzle.config.ts': `export default { schema: './src/schema/notes.ts', out: './drizzle' };\n`,
      'src/schema/notes.ts': PG_SCHEMA,
    });
    const { ir, config } = await loadDrizzle({ cwd: dir });
    expect(config?.dialect).toBeUndefined();
    expect(ir.dialect).toBe('postgresql');
    expect(ir.tables.map((t) => t.name)).toEqual(['notes']);
  });
});
