import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/** A column default drizzle-kit cannot write into DDL is the user's error, said where it is. */
const users = pg.pgTable('users', { id: pg.integer().primaryKey(), name: pg.text() });

describe('an sql default with an interpolated value, name or column in it', () => {
  it.each([
    ['a parameter', sql`lower(${'X'})`],
    ['a column', sql`${users.name}`],
    ['a name', sql`${sql.identifier('x')}`],
  ])('%s: the user’s error, naming the column, its file and line', (_, value) => {
    const t = pg.pgTable('t', { id: pg.integer(), label: pg.text().default(value) });
    let error: (Error & { code?: string; file?: string; line?: number; hint?: string }) | undefined;
    try {
      fromDrizzleTables({
        dialect: 'postgresql',
        modules: [{ file: 's.ts', exports: { t } }],
        files: [
          {
            path: 's.ts',
            content: "export const t = pgTable('t', {\n  id: integer(),\n  label: text(),\n});\n",
          },
        ],
      });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error).toMatchObject({ code: 'SCHEMA_INVALID', file: 's.ts', line: 3 });
    expect(error?.message).toBe(
      'The default of column "t.label" is SQL with an interpolated value, name or column in it, which drizzle-kit cannot write into a migration.',
    );
    expect(error?.hint).toMatch(/^Write the default's SQL as text/);
  });
});
