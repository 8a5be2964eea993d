// Cases found by mutation testing (pnpm mutation, see CONTRIBUTING.md): the facts of
// dependencyOrder on small random schemas (300 runs: fast enough to run once per mutant; the
// 10,000-run property test is order.property.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { dependencyOrder } from './order.js';

const schemas = fc
  .record({
    count: fc.integer({ min: 1, max: 7 }),
    edges: fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.nat(5)), { maxLength: 12 }),
  })
  .map(({ count, edges }) => {
    const tables = Array.from({ length: count }, (_, i) => aTable(`t${i}`, { columns: [aColumn('id')] }));
    edges.forEach(([from, to, kind], k) => {
      const child = tables[from % count] as Table;
      const fk = aForeignKey(child.name, [`c${k}`], `t${to % count}`);
      fk.name = `fk${k}`;
      if (kind === 5) fk.deferrable = 'initially-deferred';
      child.columns.push(aColumn(`c${k}`, 'integer', { nullable: kind < 2 }));
      child.foreignKeys.push(fk);
    });
    return anIr({ tables });
  });

type Adj = Map<string, Set<string>>;
const reaches = (adj: Adj, from: string, to: string): boolean => {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    const v = todo.pop() as string;
    if (v === to) return true;
    for (const w of adj.get(v) ?? [])
      if (!seen.has(w)) {
        seen.add(w);
        todo.push(w);
      }
  }
  return false;
};

describe('dependencyOrder on small random schemas', () => {
  it('is complete and topological except postponed FKs, which lie on real cycles, are minimal, and are nullable when a nullable FK breaks the cycle', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        const { order, cycleForeignKeys } = dependencyOrder(ir);
        const at = new Map(order.map((t, i) => [qualifiedName(t), i]));
        expect(order.map(qualifiedName).sort()).toEqual(ir.tables.map(qualifiedName).sort());
        const postponed = new Set(cycleForeignKeys.map((p) => `${qualifiedName(p.table)}.${p.foreignKey}`));
        const all: Adj = new Map();
        const kept: Adj = new Map();
        const fks = ir.tables.flatMap((t) =>
          t.foreignKeys
            .filter((fk) => fk.references.name !== t.name)
            .map((fk) => ({
              child: qualifiedName(t),
              parent: qualifiedName(fk.references),
              id: `${qualifiedName(t)}.${fk.name}`,
              fk,
              t,
            })),
        );
        for (const e of fks) {
          all.set(e.child, (all.get(e.child) ?? new Set()).add(e.parent));
          if (!postponed.has(e.id)) kept.set(e.child, (kept.get(e.child) ?? new Set()).add(e.parent));
        }
        for (const e of fks) {
          if (!postponed.has(e.id)) {
            expect(at.get(e.parent) as number).toBeLessThan(at.get(e.child) as number);
            continue;
          }
          expect(reaches(all, e.parent, e.child)).toBe(true); // on a real cycle
          expect(reaches(kept, e.parent, e.child)).toBe(true); // minimal: keeping it closes a cycle
        }
        const acyclic = fks.every((e) => !reaches(all, e.parent, e.child));
        if (acyclic) expect(cycleForeignKeys).toEqual([]);
        for (const p of cycleForeignKeys) {
          const t = ir.tables.find((x) => x.name === p.table.name) as Table;
          const fk = t.foreignKeys.find((f) => f.name === p.foreignKey);
          const nullable =
            fk?.columns.some((c) => t.columns.find((col) => col.name === c)?.nullable) ?? false;
          expect(p.nullable).toBe(nullable);
          expect(p.deferrable).toBe(fk?.deferrable !== undefined);
        }
        // Sorted: postponed FKs by the table's position in the order, then FK name; unbreakable
        // cycles list their tables and foreign keys by name.
        const key = (p: (typeof cycleForeignKeys)[number]) =>
          [at.get(qualifiedName(p.table)) as number, p.foreignKey] as const;
        for (let i = 1; i < cycleForeignKeys.length; i++) {
          const [pa, na] = key(cycleForeignKeys[i - 1] as (typeof cycleForeignKeys)[number]);
          const [pb, nb] = key(cycleForeignKeys[i] as (typeof cycleForeignKeys)[number]);
          expect(pa < pb || (pa === pb && na < nb)).toBe(true);
        }
        for (const u of dependencyOrder(ir).unbreakable) {
          const names = u.tables.map(qualifiedName);
          expect(names).toEqual([...names].sort());
          const fkKeys = u.foreignKeys.map((f) => `${qualifiedName(f.table)} ${f.foreignKey}`);
          expect(fkKeys).toEqual([...fkKeys].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a composite FK with one nullable column is nullable: it is the one postponed', () => {
    const a = aTable('a', {
      columns: [aColumn('id'), aColumn('x', 'integer', { nullable: true }), aColumn('y', 'integer')],
      foreignKeys: [aForeignKey('a', ['x', 'y'], 'b', ['id', 'k'])],
    });
    const b = aTable('b', {
      columns: [aColumn('id'), aColumn('a_id', 'integer')],
      foreignKeys: [aForeignKey('b', ['a_id'], 'a')],
    });
    const { cycleForeignKeys, unbreakable } = dependencyOrder(anIr({ tables: [a, b] }));
    expect(cycleForeignKeys).toEqual([expect.objectContaining({ foreignKey: 'a_x_y_fkey', nullable: true })]);
    expect(unbreakable).toEqual([]);
  });
});

/** `name` with one FK per [column, target, nullable], FK k named `<name>_<column>_fkey`. */
function t(name: string, fks: Array<[string, string, boolean?]> = []): Table {
  return aTable(name, {
    columns: [
      aColumn('id', 'integer'),
      ...fks.map(([c, , nullable]) => aColumn(c, 'integer', { nullable: !!nullable })),
    ],
    foreignKeys: fks.map(([c, target]) => aForeignKey(name, [c], target)),
  });
}
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name);

describe('dependencyOrder: the priority among ready tables', () => {
  it('a self-reference does not make a table more referenced', () => {
    // b is referenced by c; a only by itself: b first.
    const ir = anIr({ tables: [t('a', [['parent_id', 'a', true]]), t('b'), t('c', [['b_id', 'b']])] });
    expect(names(dependencyOrder(ir).order)).toEqual(['b', 'a', 'c']);
  });

  it('at the same reference count, more foreign keys first (FKs to tables outside the IR count), then name', () => {
    const ir = anIr({
      tables: [
        t('a'),
        t('b', [['x_id', 'outside']]),
        t('c', [
          ['x_id', 'outside'],
          ['y_id', 'outside'],
        ]),
        t('d', [['x_id', 'outside']]),
      ],
    });
    expect(names(dependencyOrder(ir).order)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('dependencyOrder: how postponed FKs and unbreakable cycles are listed', () => {
  it("a table's postponed FKs are listed by name", () => {
    const ir = anIr({
      tables: [
        t('a', [
          ['z_id', 'b', true],
          ['y_id', 'b', true],
        ]),
        t('b', [['a_id', 'a']]),
      ],
    });
    expect(dependencyOrder(ir).cycleForeignKeys.map((p) => p.foreignKey)).toEqual([
      'a_y_id_fkey',
      'a_z_id_fkey',
    ]);
  });

  it('an unbreakable cycle lists its own NOT NULL FKs only, by table then name', () => {
    const ir = anIr({
      tables: [
        t('b', [
          ['z_id', 'a'],
          ['y_id', 'a'],
          ['c_id', 'c'], // NOT NULL, out of the cycle
        ]),
        t('a', [['b_id', 'b']]),
        t('c'),
        t('e', [['f_id', 'f']]), // a second, separate NOT NULL cycle
        t('f', [['e_id', 'e']]),
      ],
    });
    const { unbreakable } = dependencyOrder(ir);
    expect(
      unbreakable.map((u) => ({ tables: names(u.tables), fks: u.foreignKeys.map((f) => f.foreignKey) })),
    ).toEqual([
      { tables: ['a', 'b'], fks: ['a_b_id_fkey', 'b_y_id_fkey', 'b_z_id_fkey'] },
      { tables: ['e', 'f'], fks: ['e_f_id_fkey', 'f_e_id_fkey'] },
    ]);
  });
});
