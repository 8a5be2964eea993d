import { tableSortKey } from '../ir/names.js';
import type { ManyToManyRelationship, Relationship } from '../relationships/derive.js';
import type { Box, Edge } from './_scene.js';

/**
 * Junction tables drawn as many-to-many: a junction without payload columns, drawn here with its two
 * foreign keys and nothing else linked to it, and both of whose ends are drawn, becomes one N-M
 * edge (crow's feet at both ends, the junction's name as its label) instead of a box and two edges.
 * A junction with payload columns stays a box: it holds data of its own. `keep` (a neighbourhood's
 * own table) is never folded.
 */
export function foldJunctions(
  boxes: Box[],
  edges: Edge[],
  relationships: readonly Relationship[],
  keep?: string,
): { boxes: Box[]; edges: Edge[] } {
  const drawn = new Set(boxes.map((b) => b.key));
  const touching = new Map<string, number>();
  for (const e of edges) {
    if (e.kind !== 'fk') continue;
    for (const end of new Set([tableSortKey(e.rel.parent), tableSortKey(e.rel.child)]))
      touching.set(end, (touching.get(end) ?? 0) + 1);
  }
  const folded = new Map<string, ManyToManyRelationship>();
  for (const r of relationships) {
    if (r.kind !== 'many-to-many' || r.payloadColumns.length > 0) continue;
    const j = tableSortKey(r.junction);
    if (j === keep || !drawn.has(j) || folded.has(j)) continue;
    if (!drawn.has(tableSortKey(r.left)) || !drawn.has(tableSortKey(r.right))) continue;
    // Exactly its two foreign keys touch it here, both drawn.
    const own = edges.filter(
      (e) => e.kind === 'fk' && tableSortKey(e.rel.child) === j && tableSortKey(e.rel.parent) !== j,
    );
    if (own.length !== 2 || touching.get(j) !== 2) continue;
    folded.set(j, r);
  }
  if (folded.size === 0) return { boxes, edges };
  const out: Edge[] = [];
  for (const e of edges) {
    if (e.kind === 'fk' && folded.has(tableSortKey(e.rel.child))) continue;
    out.push(e);
  }
  for (const r of folded.values()) out.push({ kind: 'n-m', rel: r });
  return { boxes: boxes.filter((b) => !folded.has(b.key)), edges: out };
}
