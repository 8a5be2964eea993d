import { createHash } from 'node:crypto';
import { findTable, qualifiedName, sameTable, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, TableRef } from '../ir/types.js';
import { neighboursOf } from '../mermaid/neighbourhood.js';
import {
  deriveRelationships,
  type ManyToManyRelationship,
  type Relationship,
} from '../relationships/derive.js';
import type { Box, Edge, Scene } from './_scene.js';
import { idText } from './_text.js';

export interface NeighbourhoodScene {
  scene: Scene;
  /** Tables linked to the table that were left out (a hub keeps NEIGHBOURHOOD_MAX_NEIGHBOURS). */
  omitted: number;
  neighbours: TableRef[];
}

/**
 * A table's one-hop neighbourhood, as `renderNeighbourhoodMermaid` picks it: the table with its
 * columns, the tables linked to it by a foreign key either way (the NEIGHBOURHOOD_MAX_NEIGHBOURS
 * most linked, ties by name) with the columns of those links, every such foreign key (self-references
 * as loops). A kept neighbour that is a junction without payload between this table and another is
 * drawn as a many-to-many edge to that other table instead (its name on the edge).
 */
export function neighbourhoodScene(
  ir: Pick<Ir, 'tables'>,
  table: TableRef,
  relationships?: readonly Relationship[],
): NeighbourhoodScene | undefined {
  const focus = findTable(ir, table);
  if (!focus) return undefined;
  const all = relationships ?? deriveRelationships(ir);
  const { rels, kept, keys, total } = neighboursOf(ir, focus, all);
  const focusKey = tableSortKey(focus);
  const edges: Edge[] = rels
    .filter((r) => [r.child, r.parent].every((end) => sameTable(end, focus) || keys.has(tableSortKey(end))))
    .map((rel) => ({ kind: 'fk', rel }));
  const boxes: Box[] = [
    { kind: 'table', key: focusKey, table: focus, detail: 'columns' },
    ...kept.map(([key, n]): Box => ({ kind: 'table', key, table: n.table, detail: 'keys' })),
  ];
  const folded = foldAround(ir, focusKey, boxes, edges, all);
  return {
    scene: {
      id: `table-${fileStem(qualifiedName(focus))}`,
      title: `${qualifiedName(focus)} and the tables it is linked to`,
      ...folded,
    },
    omitted: total - kept.length,
    neighbours: kept.map(([, n]) => tableRef(n.table)),
  };
}

/**
 * A name as a file stem: the name itself when it is made of `[A-Za-z0-9_.-]`, else its safe form and
 * a hash of the real name, so that two names with the same safe form (`a b`, `a_b`) never share a file.
 */
function fileStem(name: string): string {
  const safe = idText(name);
  if (safe === name && !safe.startsWith('.')) return safe;
  return `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** Replace each payload-free junction between the focus and another table by an N-M edge to that table. */
function foldAround(
  ir: Pick<Ir, 'tables'>,
  focus: string,
  boxes: Box[],
  edges: Edge[],
  all: readonly Relationship[],
): { boxes: Box[]; edges: Edge[] } {
  const drawn = new Set(boxes.map((b) => b.key));
  const folded = new Set<string>();
  const added: Box[] = [];
  const nm: Edge[] = [];
  for (const r of all) {
    if (r.kind !== 'many-to-many' || r.payloadColumns.length > 0) continue;
    const j = tableSortKey(r.junction);
    if (j === focus || !drawn.has(j) || folded.has(j)) continue;
    const l = tableSortKey(r.left);
    const rk = tableSortKey(r.right);
    if (l !== focus && rk !== focus) continue;
    // The junction must be linked to the focus by its two foreign keys only (nothing references it here).
    const touching = edges.filter(
      (e) => e.kind === 'fk' && (tableSortKey(e.rel.child) === j || tableSortKey(e.rel.parent) === j),
    );
    if (touching.some((e) => e.kind === 'fk' && tableSortKey(e.rel.child) !== j)) continue;
    const other = l === focus ? rk : l;
    folded.add(j);
    if (!drawn.has(other)) {
      const t = findTable(ir, other === l ? r.left : r.right);
      if (!t) continue;
      drawn.add(other);
      added.push({ kind: 'table', key: other, table: t, detail: 'keys' });
    }
    nm.push({ kind: 'n-m', rel: r as ManyToManyRelationship });
  }
  if (folded.size === 0) return { boxes, edges };
  return {
    boxes: [...boxes.filter((b) => !folded.has(b.key)), ...added],
    edges: [...edges.filter((e) => !(e.kind === 'fk' && folded.has(tableSortKey(e.rel.child)))), ...nm],
  };
}
