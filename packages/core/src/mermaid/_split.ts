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
  const placed = new Set<string>();
  const result: Table[][] = [];
  const order = tables.map(key); // already sorted by name
  while (placed.size < tables.length) {
    let seed: string | undefined;
    for (const k of order) if (!placed.has(k) && (seed === undefined || degree(k) > degree(seed))) seed = k;
    const cluster = [seed as string];
    placed.add(seed as string);
    while (cluster.length < max) {
      const score = new Map<string, number>();
      for (const member of cluster)
        for (const [n, w] of links.get(member) ?? [])
          if (!placed.has(n)) score.set(n, (score.get(n) ?? 0) + w);
      let best: string | undefined;
      for (const k of order) {
        const s = score.get(k);
        if (s !== undefined && (best === undefined || s > (score.get(best) ?? 0))) best = k;
      }
      if (best === undefined) break;
      cluster.push(best);
      placed.add(best);
    }
    result.push(cluster.map((k) => byKey.get(k) as Table).sort(compareRefs));
  }
  return mergeSmall(result, max);
}

/** Pack clusters of unconnected leftovers (e.g. single tables) together, first fit, so few diagrams are tiny. */
function mergeSmall(clusters: Table[][], max: number): Table[][] {
  const out: Table[][] = [];
  for (const c of clusters) {
    const target =
      c.length < max / 2 ? out.find((o) => o.length + c.length <= max && o.length < max / 2) : undefined;
    if (target) target.push(...c);
    else out.push([...c]);
  }
  return out.map((c) => c.sort(compareRefs));
}
