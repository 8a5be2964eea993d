import { compareRefs, qualifiedName, sameTable } from '../ir/names.js';
import type { Ir, TableRef } from '../ir/types.js';

export interface DependencyOrder {
  /** Tables in an order where every table comes after the tables it references (FK-safe inserts, CREATE TABLE with inline FKs). */
  order: TableRef[];
  /** Foreign keys that close a cycle between different tables; they must be added after the tables exist (or deferred). Self-references are not listed. */
  cycleForeignKeys: Array<{ table: TableRef; foreignKey: string }>;
}

/**
 * FK-safe order of the tables of an IR: Kahn's algorithm over database- and ORM-enforced foreign
 * keys, ties broken by name so the result is deterministic. Self-references never block a table;
 * a cycle between tables is broken at the foreign key of the alphabetically first table in it,
 * which is reported in `cycleForeignKeys`.
 */
export function dependencyOrder(ir: Pick<Ir, 'tables'>): DependencyOrder {
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
  const cycleForeignKeys: DependencyOrder['cycleForeignKeys'] = [];
  while (done.size < tables.length) {
    const ready = sorted.find(
      (t) => !done.has(key(t)) && [...(deps.get(key(t)) ?? [])].every((d) => done.has(d)),
    );
    if (ready) {
      done.add(key(ready));
      order.push({ schema: ready.schema, name: ready.name });
      continue;
    }
    // A cycle: break it at the first remaining table, deferring its FKs to unfinished tables.
    const victim = sorted.find((t) => !done.has(key(t)))!;
    for (const fk of victim.foreignKeys) {
      const target = key(fk.references);
      if (!done.has(target) && target !== key(victim) && byKey.has(target))
        cycleForeignKeys.push({ table: { schema: victim.schema, name: victim.name }, foreignKey: fk.name });
    }
    deps.set(key(victim), new Set());
  }
  return { order, cycleForeignKeys };
}
