import { compareRefs, qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';

/**
 * Split tables into groups of at most `max`: one group per namespace, and a namespace larger than
 * `max` into clusters of connected tables. Greedy and deterministic: the seed of each cluster is the
 * unplaced table with the most foreign-key neighbours (ties by name); the cluster grows breadth-first
 * by the candidate with the most links into it (ties by name) until it is full or has no neighbours left.
 */
export function splitTables(ir: Ir, max: number): Array<{ namespace: string | null; tables: Table[] }> {
  const byNamespace = new Map<string | null, Table[]>();
  for (const t of [...ir.tables].sort(compareRefs)) {
    const list = byNamespace.get(t.schema) ?? [];
    list.push(t);
    byNamespace.set(t.schema, list);
  }
  const out: Array<{ namespace: string | null; tables: Table[] }> = [];
  for (const [namespace, tables] of byNamespace) {
    if (tables.length <= max) out.push({ namespace, tables });
    else for (const cluster of clusters(tables, max)) out.push({ namespace, tables: cluster });
  }
  return out;
}

function clusters(tables: Table[], max: number): Table[][] {
  const key = (t: Pick<Table, 'schema' | 'name'>) => qualifiedName(t);
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const links = new Map<string, Map<string, number>>();
  const link = (a: string, b: string) => {
    if (a === b || !byKey.has(a) || !byKey.has(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = links.get(x) ?? new Map<string, number>();
      m.set(y, (m.get(y) ?? 0) + 1);
      links.set(x, m);
    }
  };
  for (const t of tables) for (const fk of t.foreignKeys) link(key(t), key(fk.references));
  const degree = (k: string) => links.get(k)?.size ?? 0;
  const order = tables.map(key); // already sorted by name
  const position = new Map(order.map((k, i) => [k, i]));
  // Seeds: most neighbours first, then by name (degrees do not change while placing).
  const seeds = order
    .map((k, i) => ({ k, i, d: degree(k) }))
    .sort((a, b) => b.d - a.d || a.i - b.i)
    .map((s) => s.k);
  let nextSeed = 0;
  const placed = new Set<string>();
  const result: Table[][] = [];
  while (placed.size < tables.length) {
    while (placed.has(seeds[nextSeed] as string)) nextSeed++;
    const seed = seeds[nextSeed] as string;
    const cluster = [seed];
    placed.add(seed);
    // Links of each unplaced candidate into the cluster, kept up to date as members join.
    const score = new Map<string, number>();
    const join = (member: string) => {
      score.delete(member);
      for (const [n, w] of links.get(member) ?? []) if (!placed.has(n)) score.set(n, (score.get(n) ?? 0) + w);
    };
    join(seed);
    while (cluster.length < max) {
      // Highest score, ties by name.
      let best: string | undefined;
      let bestScore = 0;
      for (const [k, s] of score) {
        if (
          best === undefined ||
          s > bestScore ||
          (s === bestScore && (position.get(k) as number) < (position.get(best) as number))
        ) {
          best = k;
          bestScore = s;
        }
      }
      if (best === undefined) break;
      cluster.push(best);
      placed.add(best);
      join(best);
    }
    result.push(cluster.map((k) => byKey.get(k) as Table).sort(compareRefs));
  }
  return mergeSmall(result, max);
}

/** Pack clusters of unconnected leftovers (e.g. single tables) together, first fit, so few diagrams are tiny. */
function mergeSmall(clusters: Table[][], max: number): Table[][] {
  const out: Table[][] = [];
  // Groups still under half full, in `out` order: any two of them fit together, so the first fit
  // is the first of these (a group leaves this list for good once it reaches half).
  const open: Table[][] = [];
  let first = 0;
  for (const c of clusters) {
    while (first < open.length && (open[first] as Table[]).length >= max / 2) first++;
    const target = c.length < max / 2 ? open[first] : undefined;
    if (target) target.push(...c);
    else {
      const group = [...c];
      out.push(group);
      if (group.length < max / 2) open.push(group);
    }
  }
  return out.map((c) => c.sort(compareRefs));
}
