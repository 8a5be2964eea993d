import { describe, expect, it } from 'vitest';
import type { Dialect } from '../ir/types.js';
import { CHANGE_RULES, rulesFor } from './rules.js';
import type { SchemaChange } from './schema.js';
import { typeChange } from './typechange.js';

const existing = { table: 't', existingTable: true };

/** One row per rule: a change that trips it, and a near miss that must not. */
const ROWS: Array<{
  id: string;
  class: string;
  hits: SchemaChange;
  misses?: SchemaChange;
  dialect?: Dialect;
}> = [
  { id: 'DS101', class: 'destructive', hits: { kind: 'table-dropped', table: 't' } },
  { id: 'DS102', class: 'destructive', hits: { kind: 'column-dropped', table: 't', column: 'c' } },
  { id: 'DS103', class: 'destructive', hits: { kind: 'enum-value-dropped', enum: 'e', name: 'v' } },
  { id: 'DS104', class: 'destructive', hits: { kind: 'enum-dropped', enum: 'e' } },
  {
    id: 'MF101',
    class: 'data-dependent',
    hits: { kind: 'column-added', ...existing, column: 'c', nullable: false, hasDefault: false },
    misses: { kind: 'column-added', ...existing, column: 'c', nullable: false, hasDefault: true },
  },
  {
    id: 'MF102',
    class: 'data-dependent',
    hits: { kind: 'column-nullability-changed', ...existing, column: 'c', nullable: false, hasDefault: true },
    misses: { kind: 'column-nullability-changed', ...existing, column: 'c', nullable: true },
  },
  {
    id: 'MF103',
    class: 'data-dependent',
    hits: { kind: 'unique-added', ...existing, after: '(email)' },
    misses: { kind: 'index-added', ...existing, after: '(email)' },
  },
  {
    id: 'MF104',
    class: 'data-dependent',
    hits: { kind: 'check-added', ...existing, after: 'total >= 0' },
    misses: { kind: 'check-dropped', ...existing, before: 'total >= 0' },
  },
  {
    id: 'MF105',
    class: 'data-dependent',
    hits: {
      kind: 'column-type-changed',
      table: 't',
      column: 'c',
      before: 'varchar(100)',
      after: 'varchar(50)',
    },
    misses: {
      kind: 'column-type-changed',
      table: 't',
      column: 'c',
      before: 'varchar(50)',
      after: 'varchar(100)',
    },
  },
  {
    id: 'MF106',
    class: 'data-dependent',
    hits: { kind: 'primary-key-changed', ...existing, before: '(id)', after: '(id, tenant_id)' },
    misses: { kind: 'primary-key-dropped', ...existing, before: '(id)' },
  },
  {
    id: 'MF107',
    class: 'data-dependent',
    hits: {
      kind: 'foreign-key-added',
      ...existing,
      after: '(u) → users(id) ON DELETE NO ACTION ON UPDATE NO ACTION',
    },
    misses: {
      kind: 'foreign-key-added',
      ...existing,
      after: '(u) → users(id) ON DELETE NO ACTION ON UPDATE NO ACTION (ORM only)',
    },
  },
  {
    id: 'PG101',
    class: 'locking',
    hits: { kind: 'index-added', ...existing, after: '(user_id)' },
    misses: { kind: 'index-added', ...existing, after: '(user_id)' },
    dialect: 'postgresql',
  },
  {
    id: 'PG102',
    class: 'locking',
    hits: { kind: 'column-type-changed', table: 't', column: 'c', before: 'integer', after: 'bigint' },
    misses: { kind: 'column-type-changed', table: 't', column: 'c', before: 'varchar(20)', after: 'text' },
    dialect: 'postgresql',
  },
  {
    id: 'BC101',
    class: 'breaking',
    hits: { kind: 'column-renamed', table: 't', column: 'b', before: 'a', after: 'b', guess: true },
  },
  {
    id: 'BC102',
    class: 'breaking',
    hits: {
      kind: 'foreign-key-action-changed',
      ...existing,
      before: 'ON DELETE CASCADE',
      after: 'ON DELETE RESTRICT',
    },
  },
  { id: 'BC103', class: 'breaking', hits: { kind: 'view-dropped', table: 'v' } },
];

describe('change rules', () => {
  it('has one row here per rule, and unique ids', () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(CHANGE_RULES.map((r) => r.id).sort());
    expect(new Set(CHANGE_RULES.map((r) => r.id)).size).toBe(CHANGE_RULES.length);
  });

  it.each(ROWS)('$id ($class) trips on its change and not on the near miss', (row) => {
    const rule = CHANGE_RULES.find((r) => r.id === row.id)!;
    expect(rule.class).toBe(row.class);
    expect(rule.reason.length).toBeGreaterThan(20);
    expect(rule.safer.length).toBeGreaterThan(20);
    expect(rulesFor(row.hits, row.dialect ?? 'postgresql').map((r) => r.id)).toContain(row.id);
    if (row.misses) {
      // PG101's near miss is the same index on MySQL: the locking rules are PostgreSQL's.
      const dialect = row.id === 'PG101' ? 'mysql' : (row.dialect ?? 'postgresql');
      expect(rulesFor(row.misses, dialect).map((r) => r.id)).not.toContain(row.id);
    }
  });

  it('leaves safe changes unflagged', () => {
    const safe: SchemaChange[] = [
      { kind: 'table-added', table: 't' },
      { kind: 'column-added', ...existing, column: 'c', nullable: true },
      { kind: 'enum-value-added', enum: 'e', name: 'v' },
      { kind: 'description-changed', table: 't', before: 'a', after: 'b' },
      { kind: 'index-dropped', ...existing, before: '(a)' },
    ];
    for (const c of safe) expect(rulesFor(c, 'postgresql')).toEqual([]);
  });

  it('MF103 and MF107 leave rules on new, empty (nullable, no default) columns alone; PG101 still applies', () => {
    const empty = { ...existing, newEmptyColumns: true };
    expect(rulesFor({ kind: 'foreign-key-added', ...empty, after: '(u) → users(id)' }, 'postgresql')).toEqual(
      [],
    );
    expect(rulesFor({ kind: 'unique-added', ...empty, after: '(code)' }, 'postgresql')).toEqual([]);
    expect(
      rulesFor({ kind: 'index-added', ...empty, after: 'UNIQUE (code)' }, 'postgresql').map((r) => r.id),
    ).toEqual(['PG101']);
  });

  it('MF107 also covers an ORM-only relation that becomes a database FOREIGN KEY, not the reverse', () => {
    const moved = (before: string, after: string): SchemaChange => ({
      kind: 'enforcement-changed',
      ...existing,
      name: 'fk',
      before,
      after,
    });
    expect(rulesFor(moved('orm', 'database'), 'postgresql').map((r) => r.id)).toEqual(['MF107']);
    expect(rulesFor(moved('database', 'orm'), 'postgresql')).toEqual([]);
    expect(
      rulesFor({ kind: 'enforcement-changed', enum: 'e', before: 'orm', after: 'database' }, 'postgresql'),
    ).toEqual([]);
  });
});

describe('typeChange', () => {
  it.each([
    ['varchar(50)', 'varchar(100)', 'widen'],
    ['varchar(100)', 'varchar(50)', 'narrow'],
    ['character varying(20)', 'text', 'widen'],
    ['text', 'varchar(20)', 'narrow'],
    ['text', 'integer', 'narrow'],
    ['integer', 'bigint', 'rewrite'],
    ['bigint', 'integer', 'narrow'],
    ['int4', 'int8', 'rewrite'],
    ['numeric(10,2)', 'numeric(12,2)', 'widen'],
    ['numeric(10,2)', 'numeric(8,2)', 'narrow'],
    ['numeric(10,2)', 'numeric(10,1)', 'narrow'],
    ['timestamp(3)', 'timestamp(6)', 'widen'],
    ['timestamp(6)', 'timestamp(3)', 'narrow'],
    ['integer', 'text', 'rewrite'],
    ['text', 'text[]', 'rewrite'],
    ['double precision', 'real', 'narrow'],
  ] as const)('%s → %s is %s', (before, after, expected) => {
    expect(typeChange(before, after)).toBe(expected);
  });
});
