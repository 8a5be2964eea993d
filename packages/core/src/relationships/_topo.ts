import { RankHeap } from './_heap.js';

/** A graph to sort: nodes by rank (0 = preferred first), each with the ranks it depends on. */
export interface RankedGraph {
  /** Number of nodes; node `r` is the node of rank `r`. */
  size: number;
  /** Distinct ranks node `r` must come after (no self-edges). */
  dependencies: (rank: number) => readonly number[];
  /** The order in which nodes are considered to break a cycle (default: by rank). */
  cycleOrder?: readonly number[];
  /**
   * No node is ready (a cycle): the first unfinished node of `cycleOrder` is taken next. Called with it
   * before it is emitted (e.g. to record the edges that had to be broken).
   */
  onCycle?: (rank: number, done: (rank: number) => boolean) => void;
}

/**
 * Kahn's algorithm with a priority queue: at each step the ready node (all its dependencies
 * emitted) of lowest rank is emitted; when none is ready the first unfinished node of `cycleOrder`
 * (default: lowest rank) is.
 * O((n + e) log n). Returns ranks in emission order.
 */
export function rankedTopologicalOrder(graph: RankedGraph): number[] {
  const { size } = graph;
  const pending = new Int32Array(size);
  const dependents: number[][] = Array.from({ length: size }, () => []);
  for (let r = 0; r < size; r++) {
    const deps = graph.dependencies(r);
    pending[r] = deps.length;
    for (const d of deps) (dependents[d] as number[]).push(r);
  }
  const done = new Uint8Array(size);
  const isDone = (r: number) => done[r] === 1;
  const heap = new RankHeap();
  for (let r = 0; r < size; r++) if (pending[r] === 0) heap.push(r);
  const out: number[] = [];
  let cursor = 0;
  while (out.length < size) {
    let next = heap.pop();
    while (next !== undefined && done[next] === 1) next = heap.pop();
    if (next === undefined) {
      const breakOrder = graph.cycleOrder;
      const at = (i: number) => (breakOrder ? (breakOrder[i] as number) : i);
      while (done[at(cursor)] === 1) cursor++;
      next = at(cursor);
      graph.onCycle?.(next, isDone);
    }
    done[next] = 1;
    out.push(next);
    for (const dependent of dependents[next] as number[]) {
      if (done[dependent] === 1) continue;
      pending[dependent] = (pending[dependent] as number) - 1;
      if (pending[dependent] === 0) heap.push(dependent);
    }
  }
  return out;
}
