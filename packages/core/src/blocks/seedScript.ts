import { qualifiedIdent, quoteIdent, sqlString } from '../ddl/identifiers.js';
import { findTable, qualifiedName } from '../ir/names.js';
import type { Column, Ir, Table } from '../ir/types.js';
import { dependencyOrder } from '../relationships/order.js';
import { buildSamples, type SampleRow, type Samples } from './sampleRows.js';

export type SeedDialect = 'postgresql' | 'mysql' | 'sqlite';

export interface SeedScriptOptions {
  /** Target dialect; defaults to the IR's own (PostgreSQL for others). */
  dialect?: SeedDialect;
  rowsPerTable?: number;
  /** The samples already built for this IR (`buildSamples`), so a render that also shows them builds them once; `rowsPerTable` is then theirs. */
  samples?: Samples;
}

/** A PostgreSQL array literal: `{"a","b"}`. */
function pgArray(values: unknown[]): string {
  const items = values.map((v) =>
    v === null
      ? 'NULL'
      : `"${String(typeof v === 'object' ? JSON.stringify(v) : v)
          .replace(/\\/g, '\\\\')
          .replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}

/** A value as a SQL literal for an INSERT ... VALUES list (the target column type coerces it). */
export function sqlLiteral(dialect: SeedDialect, column: Column, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value))
    return sqlString(dialect, dialect === 'postgresql' ? pgArray(value) : JSON.stringify(value));
  switch (typeof value) {
    case 'boolean':
      return dialect === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
    case 'number':
    case 'bigint':
      return String(value);
    case 'object':
      return sqlString(dialect, JSON.stringify(value));
    default: {
      const s = String(value);
      if (column.type.category === 'binary' && s.startsWith('\\x')) {
        if (dialect === 'mysql') return `X'${s.slice(2)}'`;
        if (dialect === 'sqlite') return `X'${s.slice(2)}'`;
      }
      if (dialect !== 'postgresql' && column.type.category === 'datetime')
        return sqlString(dialect, s.replace('T', ' ').replace('Z', ''));
      return sqlString(dialect, s);
    }
  }
}

function targetOf(ir: Ir, options: SeedScriptOptions): SeedDialect {
  if (options.dialect) return options.dialect;
  return ir.dialect === 'mysql' || ir.dialect === 'sqlite' ? ir.dialect : 'postgresql';
}

/** Columns whose values come from a sequence/identity (PostgreSQL needs them re-synced after explicit ids). */
function sequenceColumns(table: Table): Column[] {
  return table.columns.filter(
    (c) => c.default?.kind === 'sequence' || /^(small|big)?serial$/.test(c.type.sql),
  );
}

function insertFor(dialect: SeedDialect, table: Table, rows: SampleRow[]): string {
  const columns = table.columns.filter((c) => rows.some((r) => c.name in r));
  const overriding =
    dialect === 'postgresql' &&
    columns.some((c) => c.default?.kind === 'sequence' && c.default.style === 'identity-always');
  const lines = rows.map((r) => `  (${columns.map((c) => sqlLiteral(dialect, c, r[c.name])).join(', ')})`);
  const target = `${qualifiedIdent(dialect, table)} (${columns.map((c) => quoteIdent(dialect, c.name)).join(', ')})`;
  return `INSERT INTO ${target}${overriding ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES\n${lines.join(',\n')};`;
}

/** `UPDATE ... SET fk = value WHERE pk = ...` for links inserted as NULL first. */
function linkUpdates(dialect: SeedDialect, table: Table, rows: SampleRow[], columns: string[]): string[] {
  const key =
    table.primaryKey?.columns ?? table.columns.filter((c) => !columns.includes(c.name)).map((c) => c.name);
  const col = (name: string) => table.columns.find((c) => c.name === name) as Column;
  return rows
    .filter((r) => columns.some((c) => r[c] !== null && r[c] !== undefined))
    .map((r) => {
      const set = columns
        .map((c) => `${quoteIdent(dialect, c)} = ${sqlLiteral(dialect, col(c), r[c])}`)
        .join(', ');
      const where = key
        .map((c) => `${quoteIdent(dialect, c)} = ${sqlLiteral(dialect, col(c), r[c])}`)
        .join(' AND ');
      return `UPDATE ${qualifiedIdent(dialect, table)} SET ${set} WHERE ${where};`;
    });
}

function resyncSequences(dialect: SeedDialect, table: Table): string[] {
  if (dialect !== 'postgresql') return [];
  return sequenceColumns(table).map((c) => {
    const tableLit = sqlString(dialect, qualifiedIdent(dialect, table));
    const col = quoteIdent(dialect, c.name);
    return `SELECT setval(pg_get_serial_sequence(${tableLit}, ${sqlString(dialect, c.name)}), (SELECT max(${col}) FROM ${qualifiedIdent(dialect, table)}));`;
  });
}

/** A warning per cycle of NOT NULL, non-deferrable foreign keys between tables: no insert order works there. */
function unbreakableNotes(ir: Ir): string[] {
  return dependencyOrder(ir)
    .unbreakable.filter((u) => !u.selfReference)
    .map(
      (u) =>
        `-- These inserts fail as written: ${u.foreignKeys.map((f) => `${qualifiedName(f.table)}.${f.foreignKey}`).join(', ')} form a cycle of NOT NULL foreign keys.\n-- Make one of them DEFERRABLE INITIALLY DEFERRED (and run this script in one transaction) or its column nullable.`,
    );
}

/**
 * A development seed script: one INSERT per table in FK-safe order, with explicit keys taken from
 * `sampleRows`, so foreign keys line up. On PostgreSQL, identity/serial sequences are moved past the
 * inserted ids with `setval`, and `GENERATED ALWAYS` identities are inserted with
 * `OVERRIDING SYSTEM VALUE`. Generated columns and views are left out. Meant to run right after
 * the schema's DDL on an empty database.
 */
export function seedScriptSql(ir: Ir, options: SeedScriptOptions = {}): string {
  const dialect = targetOf(ir, options);
  const { order, rows, deferred } =
    options.samples ?? buildSamples(ir, { rowsPerTable: options.rowsPerTable ?? 2 });
  const later = new Map<string, string[]>();
  for (const link of deferred) {
    const t = findTable(ir, link.table);
    const fk = t?.foreignKeys.find((f) => f.name === link.foreignKey);
    if (t && fk) later.set(qualifiedName(t), [...(later.get(qualifiedName(t)) ?? []), ...fk.columns]);
  }
  const blocks: string[] = [];
  const updates: string[] = [];
  for (const ref of order) {
    const table = findTable(ir, ref);
    const key = qualifiedName(ref);
    const tableRows = rows.get(key);
    if (!table || !tableRows || tableRows.length === 0) continue;
    const postponed = later.get(key) ?? [];
    const first =
      postponed.length === 0
        ? tableRows
        : tableRows.map((r) =>
            Object.fromEntries(Object.entries(r).map(([k, v]) => [k, postponed.includes(k) ? null : v])),
          );
    blocks.push(
      [`-- Seed ${key}`, insertFor(dialect, table, first), ...resyncSequences(dialect, table)].join('\n'),
    );
    if (postponed.length > 0) updates.push(...linkUpdates(dialect, table, tableRows, postponed));
  }
  if (updates.length > 0) blocks.push(['-- Links that close a foreign key cycle', ...updates].join('\n'));
  if (blocks.length === 0) return '';
  return `${[...unbreakableNotes(ir), ...blocks].join('\n\n')}\n`;
}
