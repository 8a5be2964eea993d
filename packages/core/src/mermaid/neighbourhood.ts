import { findTable, qualifiedName, sameTable, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import {
  deriveRelationships,
  type ForeignKeyRelationship,
  type Relationship,
} from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import type { MermaidDiagram, MermaidOptions } from './index.js';

/** A neighbourhood diagram draws at most this many tables besides its own (the most linked first). */
export const NEIGHBOURHOOD_MAX_NEIGHBOURS = 30;

/** A table's links and the neighbours a neighbourhood picture keeps: `neighboursOf`. */
export interface Neighbours {
  /** The foreign-key relationships with the table at either end (self-references included). */
  rels: ForeignKeyRelationship[];
  /** The kept neighbours, [sort key, table and its number of direct links], by sort key. */
  kept: Array<[string, { table: Table; links: number }]>;
  /** The kept neighbours' sort keys. */
  keys: Set<string>;
  /** How many neighbours there are in all (kept and left out). */
  total: number;
}

/**
 * The tables linked to `focus` by a foreign key either way, and the NEIGHBOURHOOD_MAX_NEIGHBOURS a
 * hub keeps: the most direct links first, ties by name; kept in name order. One choice for the
 * Mermaid and the SVG neighbourhoods, so both pictures show the same tables.
 */
export function neighboursOf(
  ir: Pick<Ir, 'tables'>,
  focus: Table,
  relationships: readonly Relationship[],
): Neighbours {
  const rels = relationships.filter(
    (r): r is ForeignKeyRelationship =>
      r.kind !== 'many-to-many' && (sameTable(r.child, focus) || sameTable(r.parent, focus)),
  );
  const neighbours = new Map<string, { table: Table; links: number }>();
  for (const r of rels) {
    const ends = new Set<Table>();
    for (const end of [r.child, r.parent]) {
      const t = sameTable(end, focus) ? undefined : findTable(ir, end);
      if (t) ends.add(t);
    }
    for (const t of ends) {
      const k = tableSortKey(t);
      const n = neighbours.get(k);
      if (n) n.links++;
      else neighbours.set(k, { table: t, links: 1 });
    }
  }
  const ranked = [...neighbours.entries()].sort(
    ([a, x], [b, y]) => y.links - x.links || (a < b ? -1 : a > b ? 1 : 0),
  );
  const kept = ranked.slice(0, NEIGHBOURHOOD_MAX_NEIGHBOURS).sort(([a], [b]) => (a < b ? -1 : 1));
  return { rels, kept, keys: new Set(kept.map(([k]) => k)), total: ranked.length };
}

/**
 * A table's one-hop neighbourhood, for its own page: the table with its columns, every table it
 * references and every table that references it by name only, and every foreign key between the
 * table and them (its self-references included). A hub keeps its NEIGHBOURHOOD_MAX_NEIGHBOURS
 * neighbours with the most direct links (ties by name); `omitted` counts the others. Undefined when the table is not in the IR.
 * `EntityNames` over all tables keeps each entity's id the same as in the schema diagrams.
 */
export function renderNeighbourhoodMermaid(
  ir: Ir,
  table: TableRef,
  options: Pick<MermaidOptions, 'comments' | 'relationshipLabel'> & {
    /** `deriveRelationships(ir)`, when the caller has it already (one page per table: derive once). */
    relationships?: readonly Relationship[];
  } = {},
): MermaidDiagram | undefined {
  const focus = findTable(ir, table);
  if (!focus) return undefined;
  const names = new EntityNames(ir.tables);
  const { rels, kept, keys, total } = neighboursOf(
    ir,
    focus,
    options.relationships ?? deriveRelationships(ir),
  );
  const others = kept.map(([, n]) => n.table);
  const drawn = rels.filter((r) =>
    [r.child, r.parent].every((end) => sameTable(end, focus) || keys.has(tableSortKey(end))),
  );
  const lines = [
    'erDiagram',
    ...entityBlock(focus, names, { attributes: true, comments: options.comments ?? true }),
  ];
  for (const t of others) lines.push(`  ${names.declaration(t)}`);
  for (const r of drawn) lines.push(relationshipLine(r, names, options.relationshipLabel ?? 'columns'));
  return {
    title: `${qualifiedName(focus)} and the tables it is linked to`,
    code: `${lines.join('\n')}\n`,
    tables: [tableRef(focus)],
    stubs: others.map(tableRef),
    kind: 'neighbourhood',
    ...(total > kept.length ? { omitted: total - kept.length } : {}),
  };
}
