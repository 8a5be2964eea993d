import { findEnum, findTable, qualifiedName, sameTable } from '../ir/names.js';
import type { Column, Enum, ForeignKey, Ir, Table, TableRef } from '../ir/types.js';
import { dependencyOrder } from '../relationships/order.js';
import { alignWithStatus, followSelfReferences } from './_coherence.js';
import { sampleValue } from './_values.js';

export interface SampleRowsOptions {
  /** Rows per table (default 2). */
  rowsPerTable?: number;
}

export type SampleRow = Record<string, unknown>;

/** A foreign key filled in after both tables have rows (a cycle broken at a nullable FK). */
export interface DeferredLink {
  table: TableRef;
  foreignKey: string;
}

export interface Samples {
  /** Tables in the order their rows can be inserted. */
  order: TableRef[];
  rows: Map<string, SampleRow[]>;
  /** Insert these FK columns as NULL first and set them once every table has rows. */
  deferred: DeferredLink[];
}

const enumOf = (ir: Ir, column: Column): Enum | undefined => findEnum(ir, column.type.enum, { loose: true });

const isNullable = (table: Table, fk: ForeignKey) =>
  fk.columns.some((c) => table.columns.find((col) => col.name === c)?.nullable);

/** The one FK-safe order (`dependencyOrder`): only nullable FKs of real cycles wait for a later table. */
function insertOrder(ir: Ir): TableRef[] {
  return dependencyOrder(ir).order;
}

/** Composite foreign keys first, so single-column ones can follow the row they picked. */
const fkOrder = (a: ForeignKey, b: ForeignKey) => b.columns.length - a.columns.length;

function assignForeignKey(
  row: SampleRow,
  index: number,
  table: Table,
  fk: ForeignKey,
  parents: SampleRow[] | undefined,
): void {
  const nullable = isNullable(table, fk);
  const setNull = () => {
    for (const c of fk.columns) if (table.columns.find((col) => col.name === c)?.nullable) row[c] = null;
  };
  if (sameTable(fk.references, table)) {
    // A tree: the first row is a root, later rows point at it.
    if (nullable && index === 0) {
      setNull();
      return;
    }
    const target = index === 0 ? row : parents?.[0];
    if (target) copyKey(row, fk, target);
    return;
  }
  if (!parents || parents.length === 0) {
    if (nullable) setNull();
    return;
  }
  if (nullable && index === 1) {
    setNull();
    return;
  }
  const fits = parents.filter((p) =>
    fk.columns.every(
      (c, k) => !(c in row) || row[c] === null || row[c] === p[fk.references.columns[k] as string],
    ),
  );
  const parent = fits[index % Math.max(fits.length, 1)] ?? parents[index % parents.length];
  if (parent) copyKey(row, fk, parent);
}

/** Copy the referenced key of `parent` into the FK columns of `row`. */
function copyKey(row: SampleRow, fk: ForeignKey, parent: SampleRow): void {
  fk.columns.forEach((c, k) => {
    row[c] = parent[fk.references.columns[k] as string];
  });
}

/**
 * Sample rows plus the insert order and the links to set after inserting (used by the seed script).
 * Computed from the IR on every call (linear in its size; nothing is cached, so a table replaced in
 * place is always seen): a renderer computes them once per render and passes them on.
 */
export function buildSamples(ir: Ir, options: SampleRowsOptions = {}): Samples {
  return computeSamples(ir, Math.max(0, Math.floor(options.rowsPerTable ?? 2)));
}

function computeSamples(ir: Ir, count: number): Samples {
  const order = insertOrder(ir);
  const rows = new Map<string, SampleRow[]>();
  const deferred: DeferredLink[] = [];
  for (const ref of order) {
    const table = findTable(ir, ref);
    if (!table) continue;
    const tableRows: SampleRow[] = [];
    const foreignKeys = [...table.foreignKeys].sort(fkOrder);
    for (let i = 0; i < count; i++) {
      const row: SampleRow = {};
      for (const fk of foreignKeys) {
        if (sameTable(fk.references, table)) continue; // needs this row's own key: below
        const target = findTable(ir, fk.references);
        const later = target && target.kind === 'table' && !rows.has(qualifiedName(fk.references));
        if (later && isNullable(table, fk)) {
          for (const c of fk.columns) row[c] = null;
          if (i === 0) deferred.push({ table: ref, foreignKey: fk.name });
          continue;
        }
        assignForeignKey(row, i, table, fk, rows.get(qualifiedName(fk.references)));
      }
      for (const column of table.columns) {
        if (column.generated || column.name in row) continue;
        row[column.name] = sampleValue({ table, column, row: i, enumDef: enumOf(ir, column) });
      }
      alignWithStatus(ir, table, row, i);
      for (const fk of table.foreignKeys)
        if (sameTable(fk.references, table)) assignForeignKey(row, i, table, fk, tableRows);
      const ordered: SampleRow = {};
      for (const column of table.columns) if (column.name in row) ordered[column.name] = row[column.name];
      tableRows.push(ordered);
    }
    rows.set(qualifiedName(table), tableRows);
  }
  // Links that had to wait for a later table.
  for (const link of deferred) {
    const table = findTable(ir, link.table);
    const fk = table?.foreignKeys.find((f) => f.name === link.foreignKey);
    const tableRows = rows.get(qualifiedName(link.table));
    if (!table || !fk || !tableRows) continue;
    tableRows.forEach((row, i) => {
      for (const c of fk.columns) delete row[c];
      assignForeignKey(row, i, table, fk, rows.get(qualifiedName(fk.references)));
      for (const c of fk.columns) if (!(c in row)) row[c] = null;
      const ordered: SampleRow = {};
      for (const column of table.columns) if (column.name in row) ordered[column.name] = row[column.name];
      tableRows[i] = ordered;
    });
  }
  // Replies share their parent's other references (same post), once every link is in place.
  for (const ref of order) {
    const table = findTable(ir, ref);
    const tableRows = rows.get(qualifiedName(ref));
    if (table && tableRows) followSelfReferences(ir, table, tableRows);
  }
  return { order, rows, deferred };
}

/**
 * Deterministic sample rows for every base table, keyed by `qualifiedName(table)`, with database
 * column names as keys (generated columns are left out). Values follow the column's type, enum,
 * varchar length and simple CHECKs (`x >= 0`, `x > 0`, `x BETWEEN a AND b`, `x IN (...)`), and read
 * like data of their own table (an organization's slug is its name slugified, a user's bio is a
 * bio, an API key is named "CI deploy key"); unique columns get distinct values per row; foreign
 * key columns point at the parent's sample rows (tables are filled in FK-safe order), a nullable FK
 * is NULL in the second row, and a nullable self-reference is NULL in the first row (the root) and
 * points at it afterwards, sharing its other references (a reply is on its parent's post).
 * Timestamps are ordered by meaning (created < published/accepted < last used < expires), a
 * nullable one is NULL in at least one row of two, and they agree with a status column (a `draft`
 * post has no `published_at`). Map order is the FK-safe insert order.
 */
export function sampleRows(ir: Ir, options: SampleRowsOptions = {}): Map<string, SampleRow[]> {
  return buildSamples(ir, options).rows;
}

/**
 * Pretty JSON of the table's first sample row (database column names), e.g. for an "Example Row"
 * block: the first of the two rows per table the seed script and the design document show. Pass
 * `rows` (`sampleRows(ir)`, computed once) when calling it for many tables: without them every call
 * samples the whole schema.
 */
export function exampleRowJson(
  ir: Ir,
  table: Pick<Table, 'schema' | 'name'>,
  rows: ReadonlyMap<string, SampleRow[]> = sampleRows(ir, { rowsPerTable: 2 }),
): string {
  return JSON.stringify(rows.get(qualifiedName(table))?.[0] ?? {}, null, 2);
}
