import { tableSortKey } from '../ir/names.js';
import type { Part } from '../mermaid/_split.js';
import type { ForeignKeyRelationship } from '../relationships/derive.js';

/** Foreign keys from the tables of part `child` to the tables of part `parent`, counted (`n`). */
export interface PartLink {
  parent: number;
  child: number;
  n: number;
}

/** The foreign keys between parts (by position in `groups`), counted per (parent, child) pair, in that order. */
export function partLinks(groups: Part[], rels: ForeignKeyRelationship[]): PartLink[] {
  const partOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const t of g.tables) partOf.set(tableSortKey(t), i);
  });
  const links: PartLink[] = [];
  for (const r of rels) {
    const parent = partOf.get(tableSortKey(r.parent));
    const child = partOf.get(tableSortKey(r.child));
    if (parent !== undefined && child !== undefined) links.push({ parent, child, n: 1 });
  }
  return aggregateLinks(links);
}

/** Links summed per (parent, child) pair, a pair within one item dropped; sorted by parent, then child. */
export function aggregateLinks(links: PartLink[]): PartLink[] {
  const counts = new Map<string, PartLink>();
  for (const l of links) {
    if (l.parent === l.child) continue;
    const key = `${l.parent}:${l.child}`;
    const entry = counts.get(key);
    if (entry) entry.n += l.n;
    else counts.set(key, { ...l });
  }
  return [...counts.values()].sort((a, b) => a.parent - b.parent || a.child - b.child);
}
