import type { Finding } from '../findings/index.js';
import { tableSortKey } from '../ir/names.js';
import type { TableRef } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';

/**
 * Per-render indexes, so per-table parts do not rescan the whole schema for every table (which
 * made documents O(n²) or worse in the number of tables). Each is keyed by the array it
 * indexes and built on first use; order within each bucket is the order of the source array.
 */
const relationshipIndexes = new WeakMap<readonly Relationship[], Map<string, Relationship[]>>();
const findingIndexes = new WeakMap<readonly Finding[], Map<string, Finding[]>>();

function bucket<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [item]);
  else if (list[list.length - 1] !== item) list.push(item);
}

/** The relationships a table takes part in (as parent, child, either side or junction), in `all`'s order. */
export function relationshipsTouching(all: readonly Relationship[], ref: TableRef): Relationship[] {
  let index = relationshipIndexes.get(all);
  if (!index) {
    index = new Map();
    for (const r of all) {
      const ends = r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child];
      for (const end of ends) bucket(index, tableSortKey(end), r);
    }
    relationshipIndexes.set(all, index);
  }
  return index.get(tableSortKey(ref)) ?? [];
}

/** The findings about one table, in `all`'s order. */
export function findingsAbout(all: readonly Finding[], ref: TableRef): Finding[] {
  let index = findingIndexes.get(all);
  if (!index) {
    index = new Map();
    for (const f of all) if (f.table) bucket(index, tableSortKey(f.table), f);
    findingIndexes.set(all, index);
  }
  return index.get(tableSortKey(ref)) ?? [];
}
