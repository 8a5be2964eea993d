import type { Finding } from '../findings/index.js';
import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Table, TableRef } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';

/**
 * Per-render indexes, built once in `createContext` and kept on the render context, so per-table
 * parts do not rescan the whole schema for every table (which made documents O(n²) in the number
 * of tables). Order within each bucket is the order of the source array. Nothing is cached across
 * renders: a table replaced in place can never be answered from an earlier render's index.
 */
export type ByTable<T> = ReadonlyMap<string, readonly T[]>;

function bucket<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [item]);
  else if (list[list.length - 1] !== item) list.push(item);
}

/** The relationships each table takes part in (as parent, child, either side or junction). */
export function indexRelationships(all: readonly Relationship[]): ByTable<Relationship> {
  const index = new Map<string, Relationship[]>();
  for (const r of all) {
    const ends = r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child];
    for (const end of ends) bucket(index, tableSortKey(end), r);
  }
  return index;
}

/** The findings about each table. */
export function indexFindings(all: readonly Finding[]): ByTable<Finding> {
  const index = new Map<string, Finding[]>();
  for (const f of all) if (f.table) bucket(index, tableSortKey(f.table), f);
  return index;
}

/** Enum (by `schema.name`) → the `table.column` places that use it, in table and column order. */
export function indexEnumUsage(tables: readonly Table[]): ByTable<string> {
  const index = new Map<string, string[]>();
  for (const t of tables)
    for (const c of t.columns) {
      const ref = c.type.enum;
      if (ref) bucket(index, enumKey(ref), `${qualifiedName(t)}.${c.name}`);
    }
  return index;
}

export function enumKey(ref: { schema?: string | null; name: string }): string {
  return `${ref.schema ?? ''}\u0000${ref.name}`;
}

/** The entries of `index` for one table. */
export function ofTable<T>(index: ByTable<T>, ref: TableRef): readonly T[] {
  return index.get(tableSortKey(ref)) ?? [];
}
