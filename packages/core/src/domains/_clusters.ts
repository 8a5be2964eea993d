import { louvain, subgraph, type WeightedGraph } from './_cluster.js';
import type { Draft } from './_sources.js';

/** Clusters aim at this many tables: larger ones are split again, smaller ones join a neighbour. */
export const CLUSTER_MIN = 3;
export const CLUSTER_MAX = 12;

/**
 * Group `rest` (indexes into `tables`) by the foreign-key graph: Louvain communities, a community
 * above CLUSTER_MAX split again by Louvain on its own subgraph (kept whole when it cannot be split),
 * a community under CLUSTER_MIN (a junction table, a pair) merged into the neighbouring community
 * it shares most foreign keys with. Tables with no foreign key to or from another table of `rest`
 * form one "Standalone tables" draft. Each cluster is named after its hub later (see `hubOf`).
 */
export function byClusters(rest: readonly number[], graph: WeightedGraph): Draft[] {
  const local = subgraph(graph, rest);
  const isolated: number[] = [];
  const connected: number[] = [];
  local.forEach((edges, i) => {
    (edges.size === 0 ? isolated : connected).push(i);
  });
  const found: number[][] = [];
  const split = (nodes: number[]) => {
    const parts = louvain(subgraph(local, nodes)).map((p) => p.map((i) => nodes[i] as number));
    if (parts.length === 1) found.push(nodes);
    else for (const p of parts) p.length > CLUSTER_MAX ? split(p) : found.push(p);
  };
  if (connected.length > 0) split(connected);
  const merged = mergeSmall(found, local);
  const drafts: Draft[] = merged.map((c) => ({
    name: '',
    source: 'cluster',
    members: c.map((i) => rest[i] as number),
  }));
  if (isolated.length > 0)
    drafts.push({
      name: 'Standalone tables',
      description: 'Tables with no foreign key to or from another table.',
      source: 'cluster',
      members: isolated.map((i) => rest[i] as number),
    });
  return drafts;
}

/** Merge communities under CLUSTER_MIN into their strongest neighbour, smallest first (ties: lowest first node). */
function mergeSmall(communities: number[][], graph: WeightedGraph): number[][] {
  const groups = communities.map((c) => [...c]);
  const owner = new Map<number, number>();
  groups.forEach((g, gi) => {
    for (const i of g) owner.set(i, gi);
  });
  const alive = new Set(groups.map((_, gi) => gi));
  for (;;) {
    let pick: number | undefined;
    let target: number | undefined;
    const candidates = [...alive]
      .filter((gi) => (groups[gi] as number[]).length < CLUSTER_MIN)
      .sort((a, b) => (groups[a] as number[]).length - (groups[b] as number[]).length || a - b);
    for (const gi of candidates) {
      const weight = new Map<number, number>();
      for (const i of groups[gi] as number[])
        for (const [j, w] of graph[i] ?? []) {
          const o = owner.get(j) as number;
          if (o !== gi) weight.set(o, (weight.get(o) ?? 0) + w);
        }
      let best: number | undefined;
      for (const [o, w] of weight)
        if (best === undefined || w > (weight.get(best) as number) || (w === weight.get(best) && o < best))
          best = o;
      if (best !== undefined) {
        pick = gi;
        target = best;
        break;
      }
    }
    if (pick === undefined || target === undefined) break;
    for (const i of groups[pick] as number[]) owner.set(i, target);
    (groups[target] as number[]).push(...(groups[pick] as number[]));
    groups[pick] = [];
    alive.delete(pick);
  }
  return [...alive].map((gi) => (groups[gi] as number[]).sort((a, b) => a - b));
}
