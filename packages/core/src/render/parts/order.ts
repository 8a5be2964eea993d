import { compareRefs, qualifiedName, sameTable } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { rankedTopologicalOrder } from '../../relationships/_topo.js';
import type { RenderContext } from '../context.js';

/** How many other tables reference each table (self-references not counted). */
export function referenceCounts(tables: Table[]): Map<string, number> {
  const counts = new Map<string, Set<string>>();
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      if (sameTable(fk.references, t)) continue;
      const k = qualifiedName(fk.references);
      const set = counts.get(k) ?? new Set<string>();
      set.add(qualifiedName(t));
      counts.set(k, set);
    }
  return new Map([...counts].map(([k, v]) => [k, v.size]));
}

/**
 * The order in which a reader meets the tables in overview-style documents: core tables first.
 * FK-safe like `dependencyOrder` (every table after the tables it references; a cycle is broken at
 * its alphabetically first table), but among the tables ready at each step the most referenced
 * one comes first, then the one with more foreign keys, then by name. Views follow the tables.
 */
export function readingOrder(ctx: Pick<RenderContext, 'tables'>): readonly Table[] {
  const known = readingOrders.get(ctx.tables);
  if (known && known.length === ctx.tables.length) return known.order;
  const order = computeReadingOrder(ctx.tables);
  readingOrders.set(ctx.tables, { length: ctx.tables.length, order });
  return order;
}

/** Per `tables` array: several documents ask for the reading order of the same tables. Read-only. */
const readingOrders = new WeakMap<readonly Table[], { length: number; order: readonly Table[] }>();

function computeReadingOrder(all: readonly Table[]): Table[] {
  const tables = all.filter((t) => t.kind === 'table');
  const refs = referenceCounts(tables);
  const key = (t: Table) => qualifiedName(t);
  const rank = (a: Table, b: Table) =>
    (refs.get(key(b)) ?? 0) - (refs.get(key(a)) ?? 0) ||
    b.foreignKeys.length - a.foreignKeys.length ||
    compareRefs(a, b);
  // Ready tables are taken by `rank` (stable: IR order on ties); a cycle is broken alphabetically.
  const ranked = [...tables].sort(rank);
  const position = new Map<string, number>();
  ranked.forEach((t, i) => {
    if (!position.has(key(t))) position.set(key(t), i);
  });
  const alphabetical = [...tables].sort(compareRefs);
  const dependencies = ranked.map((t) => {
    const deps = new Set<number>();
    for (const fk of t.foreignKeys) {
      const p = position.get(qualifiedName(fk.references));
      if (p !== undefined && !sameTable(fk.references, t)) deps.add(p);
    }
    return [...deps];
  });
  const out = rankedTopologicalOrder({
    size: ranked.length,
    dependencies: (r) => dependencies[r] as number[],
    cycleOrder: alphabetical.map((t) => position.get(key(t)) as number),
  }).map((r) => ranked[r] as Table);
  const views = all.filter((t) => t.kind !== 'table').sort(compareRefs);
  return [...out, ...views];
}
