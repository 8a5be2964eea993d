import type { ForeignKey } from '../ir/types.js';
import { RankHeap } from './_heap.js';
import { stronglyConnected } from './_scc.js';

/** A foreign key between two different tables, as ranks (0 = preferred first): `child` references `parent`. */
export interface FkEdge {
  child: number;
  parent: number;
  fk: ForeignKey;
  /** Cost of postponing it: 0 nullable, 1 NOT NULL but DEFERRABLE, 2 NOT NULL. */
  cost: 0 | 1 | 2;
}

/**
 * Order nodes 0..size-1 so that every edge's parent comes before its child, except a set of
 * postponed edges that is (1) inside strongly connected components only, (2) minimal: putting any
 * one back would close a cycle, and (3) of the lowest cost that breaks each component's cycles
 * (no NOT NULL edge is postponed when the nullable ones can break them). Among ready nodes the
 * lowest rank goes first. `postponed` is sorted by child rank, then parent rank, then position in
 * `edges`.
 */
export function breakCycles(
  size: number,
  edges: readonly FkEdge[],
): { order: number[]; postponed: FkEdge[] } {
  const byChild: number[][] = Array.from({ length: size }, () => []);
  edges.forEach((e, id) => {
    (byChild[e.child] as number[]).push(id);
  });
  const component = stronglyConnected(size, (v) =>
    (byChild[v] as number[]).map((id) => (edges[id] as FkEdge).parent),
  );
  const postponed = new Set(kahn(size, edges, byChild, component, new Set()).broken);
  // Minimal: try to keep each postponed edge, dearest first.
  const tries = [...postponed].sort(
    (a, b) => (edges[b] as FkEdge).cost - (edges[a] as FkEdge).cost || compareEdges(edges, a, b),
  );
  for (const id of tries) {
    const e = edges[id] as FkEdge;
    postponed.delete(id);
    if (reaches(e.parent, e.child, edges, byChild, component, postponed)) postponed.add(id);
  }
  const final = kahn(size, edges, byChild, component, postponed);
  for (const id of final.broken) postponed.add(id); // never happens: the rest is acyclic
  return {
    order: final.order,
    postponed: [...postponed].sort((a, b) => compareEdges(edges, a, b)).map((id) => edges[id] as FkEdge),
  };
}

function compareEdges(edges: readonly FkEdge[], a: number, b: number): number {
  const x = edges[a] as FkEdge;
  const y = edges[b] as FkEdge;
  return x.child - y.child || x.parent - y.parent || a - b;
}

/** Does `from` depend (through kept edges inside its component) on `to`? Iterative DFS. */
function reaches(
  from: number,
  to: number,
  edges: readonly FkEdge[],
  byChild: readonly number[][],
  component: Int32Array,
  skip: ReadonlySet<number>,
): boolean {
  const c = component[to];
  // Stryker disable next-line ArrayDeclaration: without `from` in it, `from` is visited at most once more.
  const seen = new Set<number>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (v === to) return true;
    for (const id of byChild[v] as number[]) {
      if (skip.has(id)) continue;
      const p = (edges[id] as FkEdge).parent;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a pruning; a node outside the component never leads back into it.
      if (component[p] !== c || seen.has(p)) continue;
      seen.add(p);
      stack.push(p);
    }
  }
  return false;
}

/**
 * Kahn's algorithm over the edges not in `skip`, lowest rank first. When no node is ready, a node
 * whose unfinished parents are all in its own component is taken (one always exists: a component
 * with nothing unfinished upstream), the one with the cheapest worst pending edge, then fewest
 * pending edges, then lowest rank; its pending edges are returned as `broken`.
 */
function kahn(
  size: number,
  edges: readonly FkEdge[],
  byChild: readonly number[][],
  component: Int32Array,
  skip: ReadonlySet<number>,
): { order: number[]; broken: number[] } {
  const byParent: number[][] = Array.from({ length: size }, () => []);
  const inter = new Int32Array(size);
  const intra = new Int32Array(size);
  const costs = Array.from({ length: 3 }, () => new Int32Array(size));
  edges.forEach((e, id) => {
    if (skip.has(id)) return;
    (byParent[e.parent] as number[]).push(id);
    if (component[e.child] === component[e.parent]) {
      intra[e.child] = (intra[e.child] as number) + 1;
      const k = costs[e.cost] as Int32Array;
      k[e.child] = (k[e.child] as number) + 1;
    } else inter[e.child] = (inter[e.child] as number) + 1;
  });
  const done = new Uint8Array(size);
  const heap = new RankHeap();
  const candidates = new Set<number>();
  const place = (v: number) => {
    if (inter[v] !== 0) return;
    // Stryker disable next-line ConditionalExpression: a ready node as a candidate is taken the same way (worst 0, 0 pending, lowest rank), only later.
    if (intra[v] === 0) {
      candidates.delete(v);
      heap.push(v);
    } else candidates.add(v);
  };
  // Stryker disable next-line EqualityOperator: place(size) returns at once (inter[size] is undefined).
  for (let v = 0; v < size; v++) place(v);
  const order: number[] = [];
  const broken: number[] = [];
  const worst = (v: number) => ((costs[2] as Int32Array)[v] ? 2 : (costs[1] as Int32Array)[v] ? 1 : 0);
  while (order.length < size) {
    let next = heap.pop();
    // Stryker disable next-line all: a safeguard; a node enters the heap once, when its last pending FK is settled.
    while (next !== undefined && done[next] === 1) next = heap.pop();
    // Stryker disable next-line ConditionalExpression: with a ready node no candidate beats it (a candidate has pending FKs).
    if (next === undefined) {
      for (const v of candidates)
        if (
          next === undefined ||
          worst(v) - worst(next) < 0 ||
          (worst(v) === worst(next) &&
            ((intra[v] as number) - (intra[next] as number) < 0 || (intra[v] === intra[next] && v < next)))
        )
          next = v;
      // Stryker disable next-line all: unreachable (a component with nothing unfinished upstream always has a candidate).
      if (next === undefined) throw new Error('dependencyOrder: no table to take (internal error)');
      for (const id of byChild[next] as number[])
        if (!skip.has(id) && done[(edges[id] as FkEdge).parent] === 0) broken.push(id);
    }
    done[next] = 1;
    candidates.delete(next);
    order.push(next);
    for (const id of byParent[next] as number[]) {
      const e = edges[id] as FkEdge;
      if (done[e.child] === 1) continue;
      if (component[e.child] === component[e.parent]) {
        intra[e.child] = (intra[e.child] as number) - 1;
        const k = costs[e.cost] as Int32Array;
        k[e.child] = (k[e.child] as number) - 1;
      } else inter[e.child] = (inter[e.child] as number) - 1;
      place(e.child);
    }
  }
  return { order, broken };
}
