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
    expect(t.uniques).toEqual([{ name: 'users_handle_unique', nameExplicit: false, columns: ['handle'] }]);
    expect(ir.enums).toEqual([
      { schema: null, name: 'role', values: [{ name: 'a' }, { name: 'b' }], native: false, tags: [] },
    ]);
    expect(ir.source.files).toEqual([]);
  });
});
