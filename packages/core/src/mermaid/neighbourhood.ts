import { findTable, qualifiedName, sameTable, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import {
  deriveRelationships,
  type ForeignKeyRelationship,
  type Relationship,
} from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import type { MermaidDiagram, MermaidOptions } from './index.js';

/**
 * A table's one-hop neighbourhood, for its own page: the table with its columns, every table it
 * references and every table that references it by name only, and every foreign key between the
 * table and them (its self-references included). Undefined when the table is not in the IR.
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
  const rels = (options.relationships ?? deriveRelationships(ir)).filter(
    (r): r is ForeignKeyRelationship =>
      r.kind !== 'many-to-many' && (sameTable(r.child, focus) || sameTable(r.parent, focus)),
  );
  const neighbours = new Map<string, Table>();
  for (const r of rels)
    for (const end of [r.child, r.parent]) {
      const t = sameTable(end, focus) ? undefined : findTable(ir, end);
      if (t) neighbours.set(tableSortKey(t), t);
    }
  const others = [...neighbours.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
  const lines = [
    'erDiagram',
    ...entityBlock(focus, names, { attributes: true, comments: options.comments ?? true }),
  ];
  for (const t of others) lines.push(`  ${names.declaration(t)}`);
  for (const r of rels) lines.push(relationshipLine(r, names, options.relationshipLabel ?? 'columns'));
  return {
    title: `${qualifiedName(focus)} and the tables it is linked to`,
    code: `${lines.join('\n')}\n`,
    tables: [tableRef(focus)],
    stubs: others.map(tableRef),
    kind: 'neighbourhood',
  };
}
