import { aColumn, anIr, aTable } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import type { DriftChange, DriftItem } from './report.js';

/**
 * One row per kind of difference: which side has it and its class. `database` is the IR the
 * change was computed from (read as "the database, before a migration to the ORM's schema").
 */
const db = anIr({
  tables: [
    aTable('users', {
      columns: [aColumn('id', 'integer'), aColumn('legacy', 'text', { nullable: true }), aColumn('required')],
    }),
  ],
});

const rows: Array<[DriftChange, Pick<DriftItem, 'side' | 'class'>]> = [
  [
    { kind: 'table-added', table: 'orders' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'table-dropped', table: 'old' },
    { side: 'database-only', class: 'harmless' },
  ],
  [
    { kind: 'view-added', table: 'v' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'view-dropped', table: 'v' },
    { side: 'database-only', class: 'harmless' },
  ],
  [
    { kind: 'column-added', table: 'users', column: 'bio' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'column-dropped', table: 'users', column: 'legacy' },
    { side: 'database-only', class: 'harmless' },
  ],
  [
    { kind: 'column-dropped', table: 'users', column: 'required' },
    { side: 'database-only', class: 'dangerous' },
  ],
  [
    { kind: 'column-type-changed', table: 'users', before: 'varchar(50)', after: 'varchar(100)' },
    { side: 'differs', class: 'dangerous' },
  ],
  [
    { kind: 'column-type-changed', table: 'users', before: 'text', after: 'varchar(100)' },
    { side: 'differs', class: 'needs-migration' },
  ],
  [
    { kind: 'column-nullability-changed', table: 'users', before: 'NULL', after: 'NOT NULL' },
    { side: 'differs', class: 'dangerous' },
  ],
  [
    { kind: 'column-default-changed', table: 'users', before: 'false', after: 'true' },
    { side: 'differs', class: 'needs-migration' },
  ],
  [
    { kind: 'column-default-changed', table: 'users', before: 'now()', after: '(none)' },
    { side: 'differs', class: 'harmless' },
  ],
  [
    { kind: 'primary-key-added', table: 'users' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'unique-added', table: 'users' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'unique-dropped', table: 'users' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    { kind: 'index-added', table: 'users' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'index-dropped', table: 'users' },
    { side: 'database-only', class: 'harmless' },
  ],
  [
    { kind: 'index-changed', table: 'users' },
    { side: 'differs', class: 'needs-migration' },
  ],
  [
    { kind: 'foreign-key-added', table: 'users' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'foreign-key-dropped', table: 'users' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    {
      kind: 'foreign-key-action-changed',
      table: 'users',
      before: 'ON DELETE CASCADE ON UPDATE NO ACTION',
      after: 'ON DELETE RESTRICT ON UPDATE NO ACTION',
    },
    { side: 'differs', class: 'dangerous' },
  ],
  [
    {
      kind: 'foreign-key-action-changed',
      table: 'users',
      before: 'ON DELETE RESTRICT ON UPDATE NO ACTION',
      after: 'ON DELETE CASCADE ON UPDATE NO ACTION',
    },
    { side: 'differs', class: 'needs-migration' },
  ],
  [
    { kind: 'check-added', table: 'users' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'check-dropped', table: 'users' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    { kind: 'constraint-renamed', table: 'users' },
    { side: 'differs', class: 'harmless' },
  ],
  [
    { kind: 'enum-added', enum: 'role' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'enum-value-added', enum: 'role', name: 'x' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'enum-value-dropped', enum: 'role', name: 'x' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    { kind: 'policy-added', table: 'users', name: 'p' },
    { side: 'orm-only', class: 'dangerous' },
  ],
  [
    { kind: 'policy-dropped', table: 'users', name: 'p' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    { kind: 'rls-changed', table: 'users', before: 'disabled', after: 'enabled' },
    { side: 'differs', class: 'dangerous' },
  ],
  [
    { kind: 'rls-changed', table: 'users', before: 'enabled', after: 'disabled' },
    { side: 'differs', class: 'needs-migration' },
  ],
  [
    { kind: 'trigger-added', table: 'users', name: 't' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'trigger-dropped', table: 'users', name: 't' },
    { side: 'database-only', class: 'needs-migration' },
  ],
  [
    { kind: 'routine-added', name: 'f' },
    { side: 'orm-only', class: 'needs-migration' },
  ],
  [
    { kind: 'routine-dropped', name: 'f' },
    { side: 'database-only', class: 'harmless' },
  ],
];

describe('classify', () => {
  it.each(rows)('%o', (change, expected) => {
    const item = classify(change, db);
    expect({ side: item.side, class: item.class }).toEqual(expected);
    expect(item.reason).toMatch(/^[A-Z].{20,}\.$/);
  });
});
