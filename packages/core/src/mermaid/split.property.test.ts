import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRefs, qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { splitTables } from './_split.js';

/** The original clustering (linear scans for each seed, each member and each merge), kept as the specification. */
function referenceSplit(ir: Ir, max: number) {
  const byNamespace = new Map<string | null, Table[]>();
  for (const t of [...ir.tables].sort(compareRefs)) {
    const list = byNamespace.get(t.schema) ?? [];
    list.push(t);
    byNamespace.set(t.schema, list);
  }
  const out: Array<{ namespace: string | null; tables: Table[] }> = [];
  for (const [namespace, tables] of byNamespace) {
    if (tables.length <= max) out.push({ namespace, tables });
    else for (const cluster of referenceClusters(tables, max)) out.push({ namespace, tables: cluster });
  }
  return out;
}

function referenceClusters(tables: Table[], max: number): Table[][] {
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
  const order = tables.map(key);
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
  const merged: Table[][] = [];
  for (const c of result) {
    const target =
      c.length < max / 2 ? merged.find((o) => o.length + c.length <= max && o.length < max / 2) : undefined;
    if (target) target.push(...c);
    else merged.push([...c]);
  }
  return merged.map((c) => c.sort(compareRefs));
}

const schemas = fc
  .record({
    count: fc.integer({ min: 1, max: 40 }),
    edges: fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 60 }),
    max: fc.integer({ min: 1, max: 9 }),
    inApp: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  })
  .map(({ count, edges, max, inApp }) => {
    const tables = Array.from({ length: count }, (_, i) =>
      aTable(`t${(i * 13) % 40}`, {
        schema: inApp[i] ? 'app' : null,
        columns: [aColumn('id'), aColumn('ref_id')],
      }),
    );
    for (const [from, to] of edges) {
      const child = tables[from % count] as Table;
      const parent = tables[to % count] as Table;
      const fk = aForeignKey(child.name, ['ref_id'], parent.name);
      fk.references.schema = parent.schema;
      child.foreignKeys.push(fk);
    }
    return { ir: anIr({ tables }), max };
  });

describe('splitTables', () => {
  it('gives exactly the clusters of the original greedy algorithm (indexed seeds, scores and merges)', () => {
    fc.assert(
      fc.property(schemas, ({ ir, max }) => {
        const names = (groups: Array<{ namespace: string | null; tables: Table[] }>) =>
          groups.map((g) => [g.namespace, g.tables.map(qualifiedName)]);
        expect(names(splitTables(ir, max))).toEqual(names(referenceSplit(ir, max)));
      }),
      { numRuns: 300 },
    );
  });
});
