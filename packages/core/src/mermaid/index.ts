import { qualifiedName, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { deriveRelationships, type ForeignKeyRelationship } from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import { splitTables } from './_split.js';
import { mermaidText } from './_syntax.js';

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
 * an overview first, then one diagram per namespace, and a namespace that is still too large is
 * cut into clusters of connected tables. Relationships come from `deriveRelationships` (every
 * foreign key, one line each; many-to-many through the junction table). A detailed diagram shows
 * the relationships among its own tables. The overview shows every table (names only) and every
 * relationship up to OVERVIEW_MAX_TABLES tables; above that, one box per part and the links
 * between parts (none when there are more than OVERVIEW_MAX_PARTS parts).
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
  const out: MermaidDiagram[] = [];
  if (ir.tables.length <= OVERVIEW_MAX_TABLES)
    out.push({
      title: `Overview: ${ir.tables.length} tables`,
      code: diagram(ir.tables, false),
      tables: ir.tables.map(tableRef),
      kind: 'overview',
    });
  else if (groups.length <= OVERVIEW_MAX_PARTS) out.push(partsOverview(ir, groups, rels));
  const perNamespace = new Map<string | null, number>();
  for (const g of groups) perNamespace.set(g.namespace, (perNamespace.get(g.namespace) ?? 0) + 1);
  const titles = partTitles(groups);
  groups.forEach((g, i) => {
    out.push({
      title: titles[i] as string,
      code: diagram(g.tables, true),
      tables: g.tables.map(tableRef),
      kind: 'part',
    });
  });
  return out;
}

/** Up to this many tables, the overview shows every table (names only) and every relationship. */
export const OVERVIEW_MAX_TABLES = 100;
/** Above OVERVIEW_MAX_TABLES, the overview shows the parts instead, when there are at most this many. */
export const OVERVIEW_MAX_PARTS = 60;
/** The parts overview keeps the strongest links between parts, at most this many. */
export const OVERVIEW_MAX_LINKS = 120;

type Group = { namespace: string | null; tables: Table[] };

function partTitles(groups: Group[]): string[] {
  const perNamespace = new Map<string | null, number>();
  for (const g of groups) perNamespace.set(g.namespace, (perNamespace.get(g.namespace) ?? 0) + 1);
  const seen = new Map<string | null, number>();
  return groups.map((g) => {
    const n = (seen.get(g.namespace) ?? 0) + 1;
    seen.set(g.namespace, n);
    const total = perNamespace.get(g.namespace) ?? 1;
    const ns = g.namespace === null ? 'Default schema' : `Schema ${g.namespace}`;
    const first = g.tables[0] ? qualifiedName(g.tables[0]) : '';
    return total === 1 ? ns : `${ns}, part ${n} of ${total} (${first}${g.tables.length > 1 ? ', ...' : ''})`;
  });
}

/**
 * The overview of a schema too large to draw table by table (a diagram of hundreds of entities is
 * past what Mermaid renders or anyone reads): one entity per part, labelled with its first table
 * and size, and one line per pair of linked parts with the number of foreign keys between them.
 */
function partsOverview(ir: Ir, groups: Group[], rels: ForeignKeyRelationship[]): MermaidDiagram {
  const partOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const t of g.tables) partOf.set(tableSortKey(t), i);
  });
  const counts = new Map<string, { parent: number; child: number; n: number }>();
  for (const r of rels) {
    const parent = partOf.get(tableSortKey(r.parent));
    const child = partOf.get(tableSortKey(r.child));
    if (parent === undefined || child === undefined || parent === child) continue;
    const key = `${parent}:${child}`;
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { parent, child, n: 1 });
  }
  const links = [...counts.values()].sort((a, b) => b.n - a.n || a.parent - b.parent || a.child - b.child);
  const shown = links.slice(0, OVERVIEW_MAX_LINKS).sort((a, b) => a.parent - b.parent || a.child - b.child);
  const lines = ['erDiagram'];
  groups.forEach((g, i) => {
    const first = g.tables[0] ? qualifiedName(g.tables[0]) : '';
    const label = `Part ${i + 1}: ${first}${g.tables.length > 1 ? ` and ${g.tables.length - 1} more` : ''}`;
    lines.push(`  part_${i + 1}["${mermaidText(label)}"]`);
  });
  for (const l of shown)
    lines.push(`  part_${l.parent + 1} ||--o{ part_${l.child + 1} : "${l.n} FK${l.n === 1 ? '' : 's'}"`);
  const note = links.length > shown.length ? `, the ${shown.length} strongest of ${links.length} links` : '';
  return {
    title: `Overview: ${ir.tables.length} tables in ${groups.length} parts${note}`,
    code: `${lines.join('\n')}\n`,
    tables: ir.tables.map(tableRef),
    kind: 'overview',
  };
}
