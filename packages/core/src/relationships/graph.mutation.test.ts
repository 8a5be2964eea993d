// Cases found by mutation testing (pnpm mutation, see CONTRIBUTING.md): the heap and Tarjan's
// components stated directly, on small graphs fast enough to run once per mutant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankHeap } from './_heap.js';
import { stronglyConnected } from './_scc.js';

describe('RankHeap', () => {
  it('pops every pushed rank, smallest first, and then undefined', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 40 }), (ranks) => {
        const heap = new RankHeap();
        for (const r of ranks) heap.push(r);
        expect(heap.size).toBe(ranks.length);
        const out: number[] = [];
        for (let r = heap.pop(); r !== undefined; r = heap.pop()) out.push(r);
        expect(out).toEqual([...ranks].sort((a, b) => a - b));
        expect(heap.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('interleaves pushes and pops', () => {
    const heap = new RankHeap();
    for (const r of [5, 3, 8, 1]) heap.push(r);
    expect(heap.pop()).toBe(1);
    heap.push(0);
    heap.push(4);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([
      0,
      3,
      4,
      5,
      8,
      undefined,
    ]);
  });
});

/** Can `to` be reached from `from` (zero or more steps)? Written plainly, independent of _scc.ts. */
function reaches(adj: number[][], from: number, to: number): boolean {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    const v = todo.pop() as number;
    if (v === to) return true;
    for (const w of adj[v] ?? [])
      if (!seen.has(w)) {
        seen.add(w);
        todo.push(w);
      }
  }
  return false;
}

describe('stronglyConnected', () => {
  const graphs = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }).map((edges) => {
      const adj: number[][] = Array.from({ length: n }, () => []);
      for (const [a, b] of edges) (adj[a] as number[]).push(b);
      return adj;
    }),
  );

  it('two nodes share a component exactly when each reaches the other; edges go to lower or equal ids', () => {
    fc.assert(
      fc.property(graphs, (adj) => {
        const c = stronglyConnected(adj.length, (v) => adj[v] as number[]);
        const ids = new Set(c);
        expect([...ids].sort((a, b) => a - b)).toEqual([...Array(ids.size).keys()]); // 0..k-1
        for (let a = 0; a < adj.length; a++) {
          for (let b = 0; b < adj.length; b++)
            expect(c[a] === c[b]).toBe(reaches(adj, a, b) && reaches(adj, b, a));
          for (const b of adj[a] as number[]) expect(c[b] as number).toBeLessThanOrEqual(c[a] as number);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a 3-cycle with a tail: the cycle is one component, the tail its own, referenced first', () => {
    // 0 -> 1 -> 2 -> 0, 3 -> 0
    const adj = [[1], [2], [0], [0]];
    const c = stronglyConnected(4, (v) => adj[v] as number[]);
    expect(c[0]).toBe(c[1]);
    expect(c[1]).toBe(c[2]);
    expect(c[3]).not.toBe(c[0]);
    expect(c[0]).toBe(0);
    expect(c[3]).toBe(1);
  });
});
