import { compareRefs, qualifiedName, sameTable, tableRef } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { rankedTopologicalOrder } from './_topo.js';

export interface DependencyOrder {
  /** Tables in an order where every table comes after the tables it references (FK-safe inserts, CREATE TABLE with inline FKs). */
  order: TableRef[];
  /** Foreign keys that close a cycle between different tables; they must be added after the tables exist (or deferred). Self-references are not listed. */
  cycleForeignKeys: Array<{ table: TableRef; foreignKey: string }>;
}

/** Results per `tables` array (the IR is not mutated after extraction; the length guards against appends). */
const cache = new WeakMap<readonly Table[], { length: number; result: DependencyOrder }>();

/**
 * FK-safe order of the tables of an IR: Kahn's algorithm over database- and ORM-enforced foreign
 * keys, ties broken by name so the result is deterministic. Self-references never block a table;
 * a cycle between tables is broken at the foreign key of the alphabetically first table in it,
 * which is reported in `cycleForeignKeys`. O((n + e) log n), memoised per IR.
 */
export function dependencyOrder(ir: Pick<Ir, 'tables'>): DependencyOrder {
  const hit = cache.get(ir.tables);
  const result = hit && hit.length === ir.tables.length ? hit.result : computeOrder(ir.tables);
  if (!hit || hit.result !== result) cache.set(ir.tables, { length: ir.tables.length, result });
  // Fresh arrays: callers may keep or reorder them without touching the cached result.
  return { order: result.order.map(tableRef), cycleForeignKeys: [...result.cycleForeignKeys] };
}

function computeOrder(all: readonly Table[]): DependencyOrder {
  const sorted = all.filter((t) => t.kind === 'table').sort(compareRefs);
  const rankOf = new Map<string, number>();
  sorted.forEach((t, rank) => {
    const k = qualifiedName(t);
    if (!rankOf.has(k)) rankOf.set(k, rank);
  });
  const dependencies = sorted.map((t) => {
    const deps = new Set<number>();
    for (const fk of t.foreignKeys) {
      if (sameTable(fk.references, t)) continue;
      const rank = rankOf.get(qualifiedName(fk.references));
      if (rank !== undefined && sameTable(sorted[rank] as Table, fk.references)) deps.add(rank);
    }
    return [...deps];
  });
  const cycleForeignKeys: DependencyOrder['cycleForeignKeys'] = [];
  const ranks = rankedTopologicalOrder({
    size: sorted.length,
    dependencies: (rank) => dependencies[rank] as number[],
    onCycle: (rank, done) => {
      // Break the cycle at this table, deferring its FKs to unfinished tables.
      const victim = sorted[rank] as Table;
      const own = qualifiedName(victim);
      for (const fk of victim.foreignKeys) {
        const target = qualifiedName(fk.references);
        const targetRank = rankOf.get(target);
        if (targetRank !== undefined && !done(targetRank) && target !== own)
          cycleForeignKeys.push({ table: tableRef(victim), foreignKey: fk.name });
      }
    },
  });
  return { order: ranks.map((r) => tableRef(sorted[r] as Table)), cycleForeignKeys };
}
