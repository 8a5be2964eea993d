import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTable, qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { readingOrder } from '../render/parts/order.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { dependencyOrder } from './order.js';

const idColumn = aColumn('id', 'integer');

/**
 * Random schemas: up to 14 tables in two namespaces, a view, random FKs (cycles, self-references,
 * parallel FKs, FKs to missing tables and to the view), each FK column nullable or not, some
 * DEFERRABLE.
 */
const schemas = fc
  .record({
    count: fc.integer({ min: 1, max: 14 }),
    edges: fc.array(fc.tuple(fc.nat(15), fc.nat(15), fc.nat(9)), { maxLength: 40 }),
    schemaOf: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    viewAt: fc.nat(20),
  })
  .map(({ count, edges, schemaOf, viewAt }) => {
    const names = Array.from({ length: count }, (_, i) => `t${(i * 7) % 16}`);
    const tables = names.map((name, i) =>
      aTable(name, {
        schema: schemaOf[i] ? 'app' : null,
        kind: i === viewAt ? 'view' : 'table',
        columns: [aColumn('id', 'integer')],
      }),
    );
    edges.forEach(([from, to, kind], k) => {
      const child = tables[from % count] as Table;
      const targetIndex = to % 16;
      const target = tables[targetIndex]; // undefined past `count`: an FK to a table outside the schema
      const fk = aForeignKey(child.name, [`c${k}`], target?.name ?? `missing${targetIndex}`);
      fk.name = `fk${k}`;
      fk.references.schema = target?.schema ?? null;
      if (kind === 9) fk.deferrable = 'initially-deferred';
      child.columns.push({ ...idColumn, name: `c${k}`, nullable: kind < 4 });
      child.foreignKeys.push(fk);
    });
    return anIr({ tables });
  });

interface Edge {
  child: string;
  parent: string;
  fk: string;
  nullable: boolean;
  deferrable: boolean;
}

/** Every FK between two different base tables of the IR, by qualified name (written out plainly, independent of order.ts). */
function fkEdges(ir: Ir): Edge[] {
  const base = new Set(ir.tables.filter((t) => t.kind === 'table').map(qualifiedName));
  return ir.tables
    .filter((t) => t.kind === 'table')
    .flatMap((t) =>
      t.foreignKeys
        .filter(
          (fk) => base.has(qualifiedName(fk.references)) && qualifiedName(fk.references) !== qualifiedName(t),
        )
        .map((fk) => ({
          child: qualifiedName(t),
          parent: qualifiedName(fk.references),
          fk: fk.name,
          nullable: fk.columns.some((c) => t.columns.find((col) => col.name === c)?.nullable),
          deferrable: fk.deferrable !== undefined,
        })),
    );
}

/** Can `from` reach `to` following child → parent edges? (Breadth-first, quadratic is fine here.) */
function reaches(edges: Edge[], from: string, to: string): boolean {
  return reachable(edges, from).has(to);
}

/** Every node `from` reaches (itself included). */
function reachable(edges: Edge[], from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as string;
    for (const e of edges)
      if (e.child === v && !seen.has(e.parent)) {
        seen.add(e.parent);
        queue.push(e.parent);
      }
  }
  return seen;
}

/** A cheap assertion for hot loops (expect() costs more than the property itself). */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const hasCycle = (edges: Edge[]) => edges.some((e) => reaches(edges, e.parent, e.child));

/** `same(a, b)`: a and b are in one strongly connected component of `edges`. */
function components(edges: Edge[]): (a: string, b: string) => boolean {
  const nodes = [...new Set(edges.flatMap((e) => [e.child, e.parent]))];
  const reach = new Map(nodes.map((n) => [n, reachable(edges, n)]));
  return (a, b) => a === b || (!!reach.get(a)?.has(b) && !!reach.get(b)?.has(a));
}

/** Every property the order must have, for one schema (random or fixture). */
function checkOrder(ir: Ir): void {
  const result = dependencyOrder(ir);
  const edges = fkEdges(ir);
  const same = components(edges);
  const position = new Map(result.order.map((r, i) => [qualifiedName(r), i]));
  // Every base table exactly once.
  expect(result.order.map(qualifiedName).sort()).toEqual(
    ir.tables
      .filter((t) => t.kind === 'table')
      .map(qualifiedName)
      .sort(),
  );
  const postponed = new Set(
    result.cycleForeignKeys.map((c) => `${qualifiedName(c.table)}\u0000${c.foreignKey}`),
  );
  const isPostponed = (e: Edge) => postponed.has(`${e.child}\u0000${e.fk}`);
  const kept = edges.filter((e) => !isPostponed(e));
  // Topologically valid for every FK that is not postponed.
  for (const e of kept)
    check(
      (position.get(e.parent) as number) < (position.get(e.child) as number),
      `${e.fk} not after its parent`,
    );
  // Every postponed FK lies inside one strongly connected component; putting it back closes a cycle.
  for (const e of edges.filter(isPostponed)) {
    check(same(e.child, e.parent), `${e.fk} postponed outside a cycle`);
    check(reaches(kept, e.parent, e.child), `${e.fk} postponed needlessly`);
  }
  // Nothing is postponed when the schema is acyclic.
  if (!hasCycle(edges)) expect(result.cycleForeignKeys).toEqual([]);
  // Per component: no NOT NULL FK is postponed when the others alone leave no cycle there.
  for (const e of edges.filter(isPostponed)) {
    const inComponent = edges.filter((x) => same(x.child, e.child) && same(x.parent, e.child));
    if (!hasCycle(inComponent.filter((x) => !x.nullable))) check(e.nullable, `${e.fk}: NOT NULL postponed`);
    if (!hasCycle(inComponent.filter((x) => !x.nullable && !x.deferrable)))
      check(e.nullable || e.deferrable, `${e.fk}: NOT NULL, not deferrable, postponed`);
  }
  // The postponed entries describe the FK truly.
  for (const c of result.cycleForeignKeys) {
    const e = edges.find((x) => x.child === qualifiedName(c.table) && x.fk === c.foreignKey) as Edge;
    expect([c.nullable, c.deferrable, qualifiedName(c.references)]).toEqual([
      e.nullable,
      e.deferrable,
      e.parent,
    ]);
  }
  // Unbreakable cycles: reported exactly when the NOT NULL, non-deferrable FKs have a cycle, and each is one.
  const hard = edges.filter((e) => !e.nullable && !e.deferrable);
  const sameHard = components(hard);
  const multi = result.unbreakable.filter((u) => !u.selfReference);
  expect(multi.length > 0).toBe(hasCycle(hard));
  for (const u of multi) {
    const [first, ...others] = u.tables.map(qualifiedName);
    for (const o of others) expect(sameHard(first as string, o)).toBe(true);
  }
  // Self-references: listed apart; a NOT NULL, non-deferrable one is reported.
  for (const s of result.selfReferences) {
    expect(qualifiedName(s.table)).toBe(qualifiedName(s.references));
    const reported = result.unbreakable.some(
      (u) => u.selfReference && u.foreignKeys[0]?.foreignKey === s.foreignKey,
    );
    expect(reported).toBe(!s.nullable && !s.deferrable);
  }
}

describe('dependencyOrder properties (10,000 random schemas)', () => {
  it('holds: complete, topologically valid except postponed FKs, postponed FKs inside one SCC and minimal, nullable first, nothing postponed when acyclic, unbreakable cycles real', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        checkOrder(ir);
      }),
      { numRuns: 10_000 },
    );
  });

  it('holds on the fixtures with cycles and self-references (kitchen sink, example)', () => {
    const sink = kitchenSinkIr();
    expect(dependencyOrder(sink).cycleForeignKeys.length).toBeGreaterThan(0); // the fixture has a cycle
    for (const ir of [sink, exampleIr()]) checkOrder(ir);
  });

  it('is deterministic: the same schema in any table order gives the same result', () => {
    fc.assert(
      fc.property(schemas, fc.nat(), (ir, seed) => {
        const rank = (t: Table) => (qualifiedName(t).length * 7919 + seed * (t.name.charCodeAt(1) ?? 1)) % 97;
        const shuffled = { ...ir, tables: [...ir.tables].sort((a, b) => rank(a) - rank(b)) };
        expect(dependencyOrder(shuffled)).toEqual(dependencyOrder(ir));
      }),
      { numRuns: 1000 },
    );
  });

  it('readingOrder is the same order, then views by name', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        const reading = readingOrder({ tables: ir.tables }).map(qualifiedName);
        const tables = dependencyOrder(ir).order.map(qualifiedName);
        expect(reading.slice(0, tables.length)).toEqual(tables);
        expect(reading.slice(tables.length)).toEqual(
          ir.tables
            .filter((t) => t.kind !== 'table')
            .map(qualifiedName)
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('sees a table replaced in place (no stale cache)', () => {
    const ir = anIr({ tables: [aTable('b'), aTable('a')] });
    expect(dependencyOrder(ir).order.map((r) => r.name)).toEqual(['a', 'b']);
    ir.tables[0] = aTable('b', {
      columns: [aColumn('id'), aColumn('c_id')],
      foreignKeys: [aForeignKey('b', ['c_id'], 'c')],
    });
    ir.tables[1] = aTable('c');
    expect(dependencyOrder(ir).order.map((r) => r.name)).toEqual(['c', 'b']);
  });

  it('orders 20,000 chained tables (no recursion depth limit) and a 1,000-table tangle of cycles', () => {
    const pad = (i: number) => `t${String(i).padStart(5, '0')}`;
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      aTable(pad(i), {
        columns: [aColumn('id'), aColumn('prev_id')],
        foreignKeys: i > 0 ? [aForeignKey(pad(i), ['prev_id'], pad(i - 1))] : [],
      }),
    );
    expect(dependencyOrder(anIr({ tables: [...chain].reverse() })).order.map((r) => r.name)).toEqual(
      chain.map((t) => t.name),
    );
    // Each table references the next (a ring of 1,000) and two pseudo-random others, nullable or not.
    const tangle = Array.from({ length: 1000 }, (_, i) =>
      aTable(pad(i), {
        columns: [
          aColumn('id'),
          aColumn('a', 'integer'),
          aColumn('b', 'integer', { nullable: true }),
          aColumn('c', 'integer', { nullable: true }),
        ],
        foreignKeys: [
          aForeignKey(pad(i), ['a'], pad((i + 1) % 1000)),
          aForeignKey(pad(i), ['b'], pad((i * 7 + 3) % 1000)),
          aForeignKey(pad(i), ['c'], pad((i * 13 + 5) % 1000)),
        ],
      }),
    );
    const result = dependencyOrder(anIr({ tables: tangle }));
    expect(result.order).toHaveLength(1000);
  });
});

describe('findTable (indexed)', () => {
  it('finds the first table with that schema and name, and follows changes to the array', () => {
    const a = aTable('a');
    const appA = aTable('a', { schema: 'app' });
    const dup = aTable('a', { description: 'second' });
    const ir = anIr({ tables: [appA, a, dup] });
    expect(findTable(ir, { schema: null, name: 'a' })).toBe(a);
    expect(findTable(ir, { schema: 'app', name: 'a' })).toBe(appA);
    expect(findTable(ir, { schema: 'other', name: 'a' })).toBeUndefined();
    // `schema.name` and a dotted name in the default schema are different tables.
    expect(findTable(ir, { schema: null, name: 'app.a' })).toBeUndefined();
    const late = aTable('late');
    ir.tables.push(late);
    expect(findTable(ir, { schema: null, name: 'late' })).toBe(late);
    ir.tables[1] = aTable('z');
    expect(findTable(ir, { schema: null, name: 'a' })).toBe(dup);
  });
});
