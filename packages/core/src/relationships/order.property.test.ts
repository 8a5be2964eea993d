import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRefs, findTable, qualifiedName, sameTable } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { readingOrder } from '../render/parts/order.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { dependencyOrder } from './order.js';

/** The original O(n²) dependencyOrder (linear scans per step), kept as the specification. */
function referenceDependencyOrder(ir: Pick<Ir, 'tables'>) {
  const tables = ir.tables.filter((t) => t.kind === 'table');
  const key = (r: TableRef) => qualifiedName(r);
  const deps = new Map<string, Set<string>>();
  for (const t of tables) {
    const set = new Set<string>();
    for (const fk of t.foreignKeys)
      if (!sameTable(fk.references, t) && tables.some((x) => sameTable(x, fk.references)))
        set.add(key(fk.references));
    deps.set(key(t), set);
  }
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const sorted = [...tables].sort(compareRefs);
  const done = new Set<string>();
  const order: TableRef[] = [];
  const cycleForeignKeys: Array<{ table: TableRef; foreignKey: string }> = [];
  while (done.size < tables.length) {
    const ready = sorted.find(
      (t) => !done.has(key(t)) && [...(deps.get(key(t)) ?? [])].every((d) => done.has(d)),
    );
    if (ready) {
      done.add(key(ready));
      order.push({ schema: ready.schema, name: ready.name });
      continue;
    }
    const victim = sorted.find((t) => !done.has(key(t))) as Table;
    for (const fk of victim.foreignKeys) {
      const target = key(fk.references);
      if (!done.has(target) && target !== key(victim) && byKey.has(target))
        cycleForeignKeys.push({ table: { schema: victim.schema, name: victim.name }, foreignKey: fk.name });
    }
    deps.set(key(victim), new Set());
  }
  return { order, cycleForeignKeys };
}

/** The original readingOrder (filter + sort of the ready tables at every step). */
function referenceReadingOrder(all: Table[]): Table[] {
  const tables = all.filter((t) => t.kind === 'table');
  const refs = new Map<string, Set<string>>();
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      if (sameTable(fk.references, t)) continue;
      const set = refs.get(qualifiedName(fk.references)) ?? new Set<string>();
      set.add(qualifiedName(t));
      refs.set(qualifiedName(fk.references), set);
    }
  const key = (t: Table) => qualifiedName(t);
  const known = new Set(tables.map(key));
  const deps = new Map(
    tables.map((t) => [
      key(t),
      new Set(
        t.foreignKeys
          .filter((fk) => !sameTable(fk.references, t) && known.has(qualifiedName(fk.references)))
          .map((fk) => qualifiedName(fk.references)),
      ),
    ]),
  );
  const rank = (a: Table, b: Table) =>
    (refs.get(key(b))?.size ?? 0) - (refs.get(key(a))?.size ?? 0) ||
    b.foreignKeys.length - a.foreignKeys.length ||
    compareRefs(a, b);
  const done = new Set<string>();
  const out: Table[] = [];
  const alphabetical = [...tables].sort(compareRefs);
  while (out.length < tables.length) {
    const ready = tables
      .filter((t) => !done.has(key(t)) && [...(deps.get(key(t)) ?? [])].every((d) => done.has(d)))
      .sort(rank)[0];
    const next = ready ?? alphabetical.find((t) => !done.has(key(t)));
    if (!next) break;
    done.add(key(next));
    out.push(next);
  }
  return [...out, ...all.filter((t) => t.kind !== 'table').sort(compareRefs)];
}

/** Random schemas: up to 14 tables in two namespaces, a view, random FKs (cycles, self-references, FKs to missing tables). */
const schemas = fc
  .record({
    count: fc.integer({ min: 1, max: 14 }),
    edges: fc.array(fc.tuple(fc.nat(15), fc.nat(15)), { maxLength: 40 }),
    schemaOf: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    viewAt: fc.nat(15),
  })
  .map(({ count, edges, schemaOf, viewAt }) => {
    const names = Array.from({ length: count }, (_, i) => `t${(i * 7) % 16}`);
    const tables = names.map((name, i) =>
      aTable(name, {
        schema: schemaOf[i] ? 'app' : null,
        kind: i === viewAt ? 'view' : 'table',
        columns: [aColumn('id'), ...edges.map((_, k) => aColumn(`c${k}`))],
      }),
    );
    edges.forEach(([from, to], k) => {
      const child = tables[from % count] as Table;
      const targetIndex = to % 16;
      const target = tables[targetIndex]; // undefined past `count`: an FK to a table outside the schema
      const fk = aForeignKey(child.name, [`c${k}`], target?.name ?? `missing${targetIndex}`);
      fk.references.schema = target?.schema ?? null;
      child.foreignKeys.push(fk);
    });
    return anIr({ tables });
  });

describe('dependencyOrder and readingOrder (Kahn with a priority queue)', () => {
  it('give exactly the order and cycle breaks of the original quadratic algorithms', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        expect(dependencyOrder(ir)).toEqual(referenceDependencyOrder(ir));
        expect(readingOrder({ tables: ir.tables }).map(qualifiedName)).toEqual(
          referenceReadingOrder(ir.tables).map(qualifiedName),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('memoises per IR without sharing mutable results, and sees tables added later', () => {
    const ir = anIr({ tables: [aTable('b'), aTable('a')] });
    const first = dependencyOrder(ir);
    first.order.reverse();
    expect(dependencyOrder(ir).order.map((r) => r.name)).toEqual(['a', 'b']);
    ir.tables.push(
      aTable('c', { columns: [aColumn('a_id')], foreignKeys: [aForeignKey('c', ['a_id'], 'a')] }),
    );
    expect(dependencyOrder(ir).order.map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('orders 20,000 chained tables quickly (no quadratic scan)', () => {
    const tables = Array.from({ length: 20_000 }, (_, i) =>
      aTable(`t${String(i).padStart(5, '0')}`, {
        columns: [aColumn('id'), aColumn('prev_id')],
        foreignKeys: i > 0 ? [aForeignKey(`t${i}`, ['prev_id'], `t${String(i - 1).padStart(5, '0')}`)] : [],
      }),
    );
    const ir = anIr({ tables: [...tables].reverse() });
    const started = performance.now();
    const { order } = dependencyOrder(ir);
    expect(order.map((r) => r.name)).toEqual(tables.map((t) => t.name));
    expect(readingOrder({ tables: ir.tables })).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(2000);
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
