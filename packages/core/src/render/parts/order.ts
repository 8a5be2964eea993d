import { compareRefs, qualifiedName, sameTable } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import type { RenderContext } from '../context.js';

/** How many other tables reference each table (self-references not counted). */
export function referenceCounts(tables: Table[]): Map<string, number> {
  const counts = new Map<string, Set<string>>();
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      if (sameTable(fk.references, t)) continue;
      const k = qualifiedName(fk.references);
      const set = counts.get(k) ?? new Set<string>();
      set.add(qualifiedName(t));
      counts.set(k, set);
    }
  return new Map([...counts].map(([k, v]) => [k, v.size]));
}

/**
 * The order in which a reader meets the tables in overview-style documents: core tables first.
 * FK-safe like `dependencyOrder` (every table after the tables it references; a cycle is broken at
 * its alphabetically first table), but among the tables ready at each step the most referenced
 * one comes first, then the one with more foreign keys, then by name. Views follow the tables.
 */
export function readingOrder(ctx: Pick<RenderContext, 'tables'>): Table[] {
  const tables = ctx.tables.filter((t) => t.kind === 'table');
  const refs = referenceCounts(tables);
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
    (refs.get(key(b)) ?? 0) - (refs.get(key(a)) ?? 0) ||
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
  const views = ctx.tables.filter((t) => t.kind !== 'table').sort(compareRefs);
  return [...out, ...views];
}
