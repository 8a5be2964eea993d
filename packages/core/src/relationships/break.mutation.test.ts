// breakCycles stated directly on rank graphs (the tie-break rules of its documentation, and its
// facts on small random graphs with parallel edges and all three costs): cases found by mutation
// testing (pnpm mutation, see CONTRIBUTING.md). Pure and fast: run once per mutant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForeignKey } from '../ir/types.js';
import { breakCycles, type FkEdge } from './_break.js';

/** Edges from `[child, parent, cost]` triples; edge k is named `fk<k>`. */
const graph = (triples: ReadonlyArray<readonly [number, number, 0 | 1 | 2]>): FkEdge[] =>
  triples.map(([child, parent, cost], k) => ({ child, parent, cost, fk: { name: `fk${k}` } as ForeignKey }));

const run = (size: number, triples: ReadonlyArray<readonly [number, number, 0 | 1 | 2]>) => {
  const edges = graph(triples);
  const { order, postponed } = breakCycles(size, edges);
  return { order, postponed: postponed.map((e) => edges.indexOf(e)) };
};

/** Does `from` depend, through `edges` (child -> parent), on `to`? */
function dependsOn(edges: readonly FkEdge[], from: number, to: number): boolean {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    const v = todo.pop() as number;
    if (v === to) return true;
    for (const e of edges)
      if (e.child === v && !seen.has(e.parent)) {
        seen.add(e.parent);
        todo.push(e.parent);
      }
  }
  return false;
}

describe('breakCycles: the rules its documentation states, one case each', () => {
  it('among ready nodes the lowest rank goes first', () => {
    expect(run(4, []).order).toEqual([0, 1, 2, 3]);
    expect(run(4, [[0, 3, 2]]).order).toEqual([1, 2, 3, 0]);
  });

  it('in a cycle, the node whose worst pending FK is cheapest is taken: its FKs are postponed', () => {
    expect(
      run(2, [
        [0, 1, 1],
        [1, 0, 0],
      ]),
    ).toEqual({ order: [1, 0], postponed: [1] });
    expect(
      run(2, [
        [0, 1, 0],
        [1, 0, 1],
      ]),
    ).toEqual({ order: [0, 1], postponed: [0] });
    expect(
      run(2, [
        [0, 1, 2],
        [1, 0, 1],
      ]),
    ).toEqual({ order: [1, 0], postponed: [1] });
    // Two cheap FKs (nullable, DEFERRABLE) rather than one NOT NULL one.
    expect(
      run(2, [
        [1, 0, 2],
        [0, 1, 1],
        [0, 1, 0],
      ]),
    ).toEqual({ order: [0, 1], postponed: [1, 2] });
  });

  it('at the same worst cost, the node with fewer pending FKs is taken', () => {
    expect(
      run(2, [
        [0, 1, 1],
        [1, 0, 1],
        [0, 1, 0],
      ]),
    ).toEqual({ order: [1, 0], postponed: [1] });
    expect(
      run(3, [
        [1, 0, 0],
        [2, 0, 0],
        [0, 2, 0],
        [0, 1, 0],
      ]),
    ).toEqual({ order: [1, 0, 2], postponed: [2, 0] });
  });

  it('a pending FK no longer counts toward the worst cost once its parent is placed', () => {
    // 2 is taken first (its worst is DEFERRABLE); then 1's NOT NULL FK to 2 is settled and only its nullable
    // FK to 0 is pending: 1 is taken next, and 0's NOT NULL FK to 1 is never postponed.
    expect(
      run(3, [
        [1, 2, 2],
        [2, 1, 1],
        [1, 0, 0],
        [0, 1, 2],
      ]),
    ).toEqual({ order: [2, 1, 0], postponed: [2, 1] });
  });

  it('the rank and count rules hold for a node that becomes a candidate late', () => {
    // 1 waits for 0 (another component), so 2 is a candidate first: the lower rank still wins a tie...
    expect(
      run(3, [
        [1, 0, 1],
        [1, 2, 1],
        [2, 1, 1],
      ]),
    ).toEqual({ order: [0, 1, 2], postponed: [1] });
    // ...but not over fewer pending FKs.
    expect(
      run(3, [
        [1, 0, 1],
        [1, 2, 1],
        [1, 2, 1],
        [2, 1, 1],
      ]),
    ).toEqual({ order: [0, 2, 1], postponed: [3] });
  });

  it('at the same cost and count, the lowest rank is taken', () => {
    expect(
      run(2, [
        [1, 0, 1],
        [0, 1, 1],
      ]),
    ).toEqual({ order: [0, 1], postponed: [1] });
    expect(
      run(2, [
        [0, 1, 1],
        [1, 0, 1],
      ]),
    ).toEqual({ order: [0, 1], postponed: [0] });
  });

  it('only the pending FKs of the node taken are postponed, not those to parents already placed', () => {
    expect(
      run(3, [
        [1, 0, 0],
        [2, 1, 2],
        [1, 2, 1],
        [0, 2, 0],
      ]),
    ).toEqual({ order: [0, 1, 2], postponed: [3, 2] });
  });

  it('an FK postponed while breaking a cycle is kept when a later postponement breaks its cycle anyway', () => {
    // Taking 1 first postpones 1->2; taking 2 then postpones 2->0, which alone breaks every cycle.
    expect(
      run(3, [
        [0, 1, 2],
        [2, 0, 0],
        [0, 2, 1],
        [1, 2, 0],
      ]),
    ).toEqual({ order: [2, 1, 0], postponed: [1] });
    expect(
      run(4, [
        [2, 1, 1],
        [2, 0, 2],
        [3, 2, 1],
        [0, 2, 2],
        [1, 3, 0],
        [1, 0, 0],
      ]),
    ).toEqual({
      order: [0, 1, 2, 3],
      postponed: [3, 4],
    });
  });

  it('postponed FKs are listed by child rank, then parent rank, then edge', () => {
    expect(
      run(3, [
        [0, 1, 2],
        [1, 2, 1],
        [1, 0, 0],
        [2, 1, 2],
      ]).postponed,
    ).toEqual([2, 1]);
    expect(
      run(2, [
        [0, 1, 0],
        [1, 0, 2],
        [0, 1, 0],
      ]).postponed,
    ).toEqual([0, 2]);
  });
});

const edgeLists = fc.record({
  size: fc.integer({ min: 1, max: 6 }),
  triples: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.constantFrom<0 | 1 | 2>(0, 1, 2)), { maxLength: 11 }),
});

describe('breakCycles on small random graphs (parallel edges, three costs)', () => {
  it('orders every node once, parents first except postponed FKs, which lie on cycles, are minimal and sorted', () => {
    fc.assert(
      fc.property(edgeLists, ({ size, triples }) => {
        const edges = graph(
          triples.flatMap(([c, p, cost]) =>
            c % size === p % size ? [] : [[c % size, p % size, cost] as const],
          ),
        );
        const { order, postponed } = breakCycles(size, edges);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i));
        const at = new Map(order.map((v, i) => [v, i]));
        const kept = edges.filter((e) => !postponed.includes(e));
        for (const e of kept) expect(at.get(e.parent) as number).toBeLessThan(at.get(e.child) as number);
        for (const e of postponed) {
          expect(dependsOn(edges, e.parent, e.child)).toBe(true); // on a cycle of the graph
          expect(dependsOn(kept, e.parent, e.child)).toBe(true); // minimal: keeping it closes one
        }
        if (edges.every((e) => !dependsOn(edges, e.parent, e.child))) expect(postponed).toEqual([]);
        const key = (e: FkEdge) => [e.child, e.parent, edges.indexOf(e)];
        for (let i = 1; i < postponed.length; i++) {
          const [a, b] = [key(postponed[i - 1] as FkEdge), key(postponed[i] as FkEdge)];
          expect(
            a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!))),
          ).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
