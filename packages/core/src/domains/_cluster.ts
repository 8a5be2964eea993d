/**
 * Community detection on a small undirected weighted graph: Louvain (greedy modularity, then
 * aggregation), deterministic — nodes are visited in index order and ties go to the lowest
 * community. Used to group tables by their foreign keys when a schema says nothing about domains.
 */

/** Node `i`'s neighbours and edge weights (no self-edges; symmetric). */
export type WeightedGraph = ReadonlyArray<ReadonlyMap<number, number>>;

/** Communities of `graph` as lists of node indexes (ascending), ordered by their first node. */
export function louvain(graph: WeightedGraph): number[][] {
  const n = graph.length;
  // `member[i]`: the level-0 nodes that aggregated node i stands for.
  let members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  let adj: Array<Map<number, number>> = graph.map((m) => new Map(m));
  let self: number[] = new Array(n).fill(0);
  for (;;) {
    const community = oneLevel(adj, self);
    const count = Math.max(-1, ...community) + 1;
    if (count === adj.length) break;
    const nextMembers: number[][] = Array.from({ length: count }, () => []);
    const nextAdj: Array<Map<number, number>> = Array.from({ length: count }, () => new Map());
    const nextSelf: number[] = new Array(count).fill(0);
    adj.forEach((edges, i) => {
      const ci = community[i] as number;
      (nextMembers[ci] as number[]).push(...(members[i] as number[]));
      nextSelf[ci] = (nextSelf[ci] as number) + (self[i] as number);
      for (const [j, w] of edges) {
        const cj = community[j] as number;
        if (ci === cj) {
          if (i < j) nextSelf[ci] = (nextSelf[ci] as number) + w;
        } else {
          const m = nextAdj[ci] as Map<number, number>;
          m.set(cj, (m.get(cj) ?? 0) + w);
        }
      }
    });
    members = nextMembers;
    adj = nextAdj;
    self = nextSelf;
  }
  return members.map((m) => m.sort((a, b) => a - b)).sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** One Louvain pass: local moves until none improves modularity. Returns community ids 0..k-1. */
function oneLevel(adj: ReadonlyArray<ReadonlyMap<number, number>>, self: readonly number[]): number[] {
  const n = adj.length;
  const degree = adj.map((edges, i) => {
    let d = 2 * (self[i] as number);
    for (const w of edges.values()) d += w;
    return d;
  });
  const m2 = degree.reduce((a, b) => a + b, 0);
  const community = Array.from({ length: n }, (_, i) => i);
  if (m2 === 0) return community;
  const total = [...degree];
  // Edge weight from the node being moved to each neighbouring community (reset after each node).
  const weightTo = new Float64Array(n);
  const touched: number[] = [];
  let moved = true;
  for (let pass = 0; moved && pass < 100; pass++) {
    moved = false;
    for (let i = 0; i < n; i++) {
      const own = community[i] as number;
      const ki = degree[i] as number;
      for (const [j, w] of adj[i] as ReadonlyMap<number, number>) {
        const c = community[j] as number;
        if (weightTo[c] === 0) touched.push(c);
        weightTo[c] = (weightTo[c] as number) + w;
      }
      total[own] = (total[own] as number) - ki;
      const gain = (c: number) => (weightTo[c] as number) - ((total[c] as number) * ki) / m2;
      let best = own;
      let bestGain = gain(own);
      // Neighbouring communities in a fixed order (adjacency order), so ties resolve the same way every run.
      for (const c of touched) {
        const g = gain(c);
        if (g > bestGain + 1e-12) {
          best = c;
          bestGain = g;
        }
      }
      for (const c of touched) weightTo[c] = 0;
      touched.length = 0;
      total[best] = (total[best] as number) + ki;
      if (best !== own) {
        community[i] = best;
        moved = true;
      }
    }
  }
  // Renumber 0..k-1 in order of first appearance.
  const renumber = new Map<number, number>();
  return community.map((c) => {
    let r = renumber.get(c);
    if (r === undefined) {
      r = renumber.size;
      renumber.set(c, r);
    }
    return r;
  });
}

/** The subgraph induced by `nodes` (renumbered 0..k-1 in the given order). */
export function subgraph(graph: WeightedGraph, nodes: readonly number[]): WeightedGraph {
  const local = new Map(nodes.map((node, i) => [node, i]));
  return nodes.map((node) => {
    const m = new Map<number, number>();
    for (const [j, w] of graph[node] as ReadonlyMap<number, number>) {
      const lj = local.get(j);
      if (lj !== undefined) m.set(lj, w);
    }
    return m;
  });
}
