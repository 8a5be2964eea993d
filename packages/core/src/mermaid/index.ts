import { qualifiedName, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { deriveRelationships, type ForeignKeyRelationship } from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import { splitTables } from './_split.js';

export interface MermaidOptions {
  /** Largest number of tables in one detailed diagram (default 25). Above it the schema is split. */
  maxTablesPerDiagram?: number;
  /** Show column descriptions as attribute comments (default true). */
  comments?: boolean;
  /** Relationship labels: the FK columns (default) or the FK constraint name. */
  relationshipLabel?: 'columns' | 'name';
}

export interface MermaidDiagram {
  title: string;
  /** Mermaid source, starting with `erDiagram`. */
  code: string;
  /** The tables this diagram shows. */
  tables: TableRef[];
  /** `full`: the whole schema; `part`: a namespace or a cluster of it; `overview`: names and relationships only. */
  kind: 'full' | 'part' | 'overview';
}

export const DEFAULT_MAX_TABLES_PER_DIAGRAM = 25;

/**
 * Mermaid ER diagrams of an IR. Up to `maxTablesPerDiagram` tables: one diagram. Larger schemas:
 * an overview (table names and every relationship) first, then one diagram per namespace, and a
 * namespace that is still too large is cut into clusters of connected tables. Relationships come
 * from `deriveRelationships` (every foreign key, one line each; many-to-many through the junction
 * table). A detailed diagram shows the relationships among its own tables; the overview shows all.
 */
export function renderMermaid(ir: Ir, options: MermaidOptions = {}): MermaidDiagram[] {
  const max = Math.max(1, options.maxTablesPerDiagram ?? DEFAULT_MAX_TABLES_PER_DIAGRAM);
  const names = new EntityNames(ir.tables);
  const rels = deriveRelationships(ir).filter((r): r is ForeignKeyRelationship => r.kind !== 'many-to-many');
  const label = options.relationshipLabel ?? 'columns';
  const comments = options.comments ?? true;
  // Relationships by child table, as positions in `rels`, so a diagram only looks at its own tables' links.
  const byChild = new Map<string, number[]>();
  rels.forEach((r, i) => {
    const list = byChild.get(tableSortKey(r.child));
    if (list) list.push(i);
    else byChild.set(tableSortKey(r.child), [i]);
  });
  const diagram = (tables: Table[], attributes: boolean): string => {
    const lines = ['erDiagram'];
    for (const t of tables) lines.push(...entityBlock(t, names, { attributes, comments }));
    const shown = new Set(tables.map(tableSortKey));
    const inside: number[] = [];
    for (const k of shown)
      for (const i of byChild.get(k) ?? [])
        if (shown.has(tableSortKey((rels[i] as ForeignKeyRelationship).parent))) inside.push(i);
    inside.sort((a, b) => a - b);
    for (const i of inside) lines.push(relationshipLine(rels[i] as ForeignKeyRelationship, names, label));
    return `${lines.join('\n')}\n`;
  };
  if (ir.tables.length <= max)
    return [
      {
        title: 'Entity relationship diagram',
        code: diagram(ir.tables, true),
        tables: ir.tables.map(tableRef),
        kind: 'full',
      },
    ];

  const groups = splitTables(ir, max);
  const out: MermaidDiagram[] = [
    {
      title: `Overview: ${ir.tables.length} tables`,
      code: diagram(ir.tables, false),
      tables: ir.tables.map(tableRef),
      kind: 'overview',
    },
  ];
  const perNamespace = new Map<string | null, number>();
  for (const g of groups) perNamespace.set(g.namespace, (perNamespace.get(g.namespace) ?? 0) + 1);
  const seen = new Map<string | null, number>();
  for (const g of groups) {
    const n = (seen.get(g.namespace) ?? 0) + 1;
    seen.set(g.namespace, n);
    const total = perNamespace.get(g.namespace) ?? 1;
    const ns = g.namespace === null ? 'Default schema' : `Schema ${g.namespace}`;
    const first = g.tables[0] ? qualifiedName(g.tables[0]) : '';
    const title =
      total === 1 ? ns : `${ns}, part ${n} of ${total} (${first}${g.tables.length > 1 ? ', ...' : ''})`;
    out.push({ title, code: diagram(g.tables, true), tables: g.tables.map(tableRef), kind: 'part' });
  }
  return out;
}
