import { int, mysqlEnum, mysqlTable, serial, timestamp, varchar } from 'drizzle-orm/mysql-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

describe('fromDrizzleTables (pure, explicit lists)', () => {
  it('converts MySQL tables: inline enums, auto-increment, ON UPDATE CURRENT_TIMESTAMP, PRIMARY', () => {
    const users = mysqlTable('users', {
      id: serial().primaryKey(),
      role: mysqlEnum(['a', 'b']).notNull().default('a'),
      updatedAt: timestamp('updated_at').defaultNow().onUpdateNow(),
      handle: varchar({ length: 30 }).unique(),
      n: int().autoincrement(),
    });
    const { ir, diagnostics } = fromDrizzleTables({ dialect: 'mysql', tables: [users] });
    expect(diagnostics).toEqual([]);
    const t = ir.tables[0]!;
    expect(t.primaryKey).toEqual({ name: 'PRIMARY', nameExplicit: false, columns: ['id'] });
    expect(t.columns.find((c) => c.name === 'id')).toMatchObject({
      type: { sql: 'bigint unsigned', orm: 'serial' },
      default: { kind: 'sequence', style: 'auto-increment' },
    });
    expect(t.columns.find((c) => c.name === 'role')).toMatchObject({
      type: { category: 'enum', enum: { schema: null, name: 'role' } },
      default: { kind: 'literal', value: 'a', sql: "'a'" },
    });
    expect(t.columns.find((c) => c.name === 'updated_at')?.onUpdate).toEqual({
      kind: 'sql',
      expression: 'CURRENT_TIMESTAMP',
    });
    expect(t.uniques).toEqual([
      { name: 'id', nameExplicit: false, columns: ['id'] }, // SERIAL implies a unique key named after the column
      { name: 'users_handle_unique', nameExplicit: false, columns: ['handle'] },
    ]);
    expect(ir.enums).toEqual([
      { schema: null, name: 'role', values: [{ name: 'a' }, { name: 'b' }], native: false, tags: [] },
    ]);
    expect(ir.source.files).toEqual([]);
  });
});

describe('duplicate table names', () => {
  it('is a user error naming both declarations', async () => {
    const { pgTable, integer, text } = await import('drizzle-orm/pg-core');
    const a = pgTable('users', { id: integer('id').primaryKey() });
    const b = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });
    const error = await Promise.resolve()
      .then(() =>
        fromDrizzleTables({
          dialect: 'postgresql',
          modules: [
            { file: 'src/a.ts', exports: { users: a } },
            { file: 'src/b.ts', exports: { people: b } },
          ],
          files: [
            { path: 'src/a.ts', content: "export const users = pgTable('users', {});\n" },
            { path: 'src/b.ts', content: "\nexport const people = pgTable('users', {});\n" },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SCHEMA_INVALID', file: 'src/b.ts', line: 2 });
    expect((error as Error).message).toBe(
      'The table "users" is declared twice: by users (src/a.ts:1) and by people (src/b.ts:2).',
    );
  });
});
