import { nameTokens } from '../findings/_util.js';
import { findEnum, findTable, sameTable } from '../ir/names.js';
import type { Column, Enum, Ir, Table } from '../ir/types.js';
import { uniqueKeys } from '../relationships/derive.js';
import { allowedValues } from './_checks.js';
import { tableKind } from './_text.js';
import { momentKind, timestampValue } from './_values.js';

/**
 * Row-level consistency of sample data, beyond what each value's type allows: timestamps agree
 * with a status column, and a row pointing at another row of its own table (a reply) shares that
 * row's other references (the same post).
 */

type Row = Record<string, unknown>;

/** First values that mean "nothing has happened yet". */
const INITIAL =
  /^(draft|pending|new|created|open|unpublished|unverified|unconfirmed|invited|requested|queued|scheduled|inactive|initial|todo|proposed|unpaid)$/i;
const STATUS_WORDS = ['status', 'state', 'stage', 'phase', 'lifecycle'];
const TIME_WORDS = ['at', 'on', 'date', 'time', 'timestamp'];

function enumOf(ir: Ir, column: Column): Enum | undefined {
  const ref = column.type.enum;
  if (!ref) return undefined;
  return findEnum(ir, ref, { loose: true });
}

/** `published_at` is named like the value `published` (or `publish`, `archive` -> `archived`). */
function namedLike(column: Column, value: string): boolean {
  const stem = nameTokens(column.name)
    .filter((w) => !TIME_WORDS.includes(w))
    .join('_');
  const v = value.toLowerCase();
  return stem === v || stem === `${v}ed` || stem === `${v}d` || stem === `${v.replace(/e$/, '')}ed`;
}

/** Status-like columns (status, state, stage...) with their values in order, when the first one is an initial state. */
function lifecycleColumns(ir: Ir, table: Table): Array<{ column: Column; values: string[] }> {
  // Recomputed per call (a scan of one table's columns): no cache that a table replaced in place could outlive.
  const out: Array<{ column: Column; values: string[] }> = [];
  for (const column of table.columns) {
    if (!nameTokens(column.name).some((w) => STATUS_WORDS.includes(w))) continue;
    const values = enumOf(ir, column)?.values.map((v) => v.name) ?? allowedValues(table, column.name);
    if (values && values.length > 1 && INITIAL.test(values[0] ?? '')) out.push({ column, values });
  }
  return out;
}

/**
 * Make nullable timestamps agree with the row's status: a row still in the initial state (`draft`,
 * `pending`) has no `published_at`/`accepted_at`/`deleted_at`; a timestamp named like a later
 * status (`published_at` for `published`) is set exactly in the rows that reached that status.
 */
export function alignWithStatus(ir: Ir, table: Table, row: Row, index: number): void {
  for (const { column: status, values } of lifecycleColumns(ir, table)) {
    const current = values.indexOf(String(row[status.name]));
    if (current < 0) continue;
    for (const column of table.columns) {
      if (column.type.category !== 'datetime' || !column.nullable || column.generated) continue;
      const reachedAt = values.findIndex((v) => namedLike(column, v));
      if (reachedAt > 0) {
        row[column.name] = current >= reachedAt ? (row[column.name] ?? timestampValue(column, index)) : null;
        continue;
      }
      const kind = momentKind(column);
      if (current === 0 && (kind === 'milestone' || kind === 'soft-delete')) row[column.name] = null;
    }
  }
}

const keyOf = (row: Row, columns: string[]) => JSON.stringify(columns.map((c) => row[c] ?? null));

function breaksUniqueKey(table: Table, rows: Row[], candidate: Row, self: Row): boolean {
  return uniqueKeys(table).some((key) => {
    if (key.some((c) => candidate[c] === null || candidate[c] === undefined)) return false;
    const k = keyOf(candidate, key);
    return rows.some((r) => r !== self && keyOf(r, key) === k);
  });
}

/**
 * When a row's self-reference points at another row (a reply and its parent comment), copy that
 * row's values for the table's other foreign keys (the reply is on the same post), unless the key
 * references a person-like table (a reply is usually written by someone else), overlaps the
 * self-reference, or the copy would break a unique key.
 */
export function followSelfReferences(ir: Ir, table: Table, rows: Row[]): void {
  for (const self of table.foreignKeys) {
    if (!sameTable(self.references, table)) continue;
    for (const row of rows) {
      if (self.columns.some((c) => row[c] === null || row[c] === undefined)) continue;
      const target = rows.find(
        (r) => r !== row && self.references.columns.every((c, k) => r[c] === row[self.columns[k] as string]),
      );
      if (!target) continue;
      for (const other of table.foreignKeys) {
        if (other === self || sameTable(other.references, table)) continue;
        if (other.columns.some((c) => self.columns.includes(c))) continue;
        const parent = findTable(ir, other.references);
        if (parent && tableKind(parent) === 'person') continue;
        if (other.columns.some((c) => target[c] === null || target[c] === undefined)) continue;
        const candidate = { ...row };
        for (const c of other.columns) candidate[c] = target[c];
        if (breaksUniqueKey(table, rows, candidate, row)) continue;
        for (const c of other.columns) row[c] = target[c];
      }
    }
  }
}
