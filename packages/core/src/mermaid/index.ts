import { computeDomains, type Domain } from '../domains/index.js';
import { qualifiedName, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import {
  deriveRelationships,
  type ForeignKeyRelationship,
  type Relationship,
} from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import { MAX_DIAGRAM_ENTITIES, packOwners } from './_pack.js';
import { domainParts, type Part } from './_split.js';
import { mermaidText } from './_syntax.js';

export { MAX_DIAGRAM_ENTITIES } from './_pack.js';
export { renderFocusMermaid } from './focus.js';
export { NEIGHBOURHOOD_MAX_NEIGHBOURS, renderNeighbourhoodMermaid } from './neighbourhood.js';

export interface MermaidOptions {
  /** Largest number of tables in one detailed diagram (default 25). Above it the schema is split. */
  maxTablesPerDiagram?: number;
  /** Show column descriptions as attribute comments (default true). */
  comments?: boolean;
  /** Relationship labels: the FK columns (default) or the FK constraint name. */
  relationshipLabel?: 'columns' | 'name';
  /** The domains a split schema is drawn by (default: `computeDomains(ir)`, which knows no config). */
  domains?: readonly Domain[];
  /** `deriveRelationships(ir)` when the caller has it already (a render computes it once). */
  relationships?: readonly Relationship[];
}

export interface MermaidDiagram {
  title: string;
  /** Mermaid source, starting with `erDiagram`. */
  code: string;
  /** The tables this diagram shows in full (each table of the schema is in exactly one part). */
  tables: TableRef[];
  /**
   * Tables of other parts drawn by name only (labelled with their domain), so that every foreign
   * key of this part's tables has its edge; never one of `tables`.
   */
  stubs?: TableRef[];
  /** The domain a part belongs to (its `id`). */
  domain?: string;
  /**
   * `full`: the whole schema; `part`: a domain or a piece of one; `overview`: names and
   * relationships only; `neighbourhood`: one table and the tables it is linked to.
   */
  kind: 'full' | 'part' | 'overview' | 'neighbourhood';
  /** Linked tables left out to keep the diagram readable (a neighbourhood of a hub table). */
  omitted?: number;
}

export const DEFAULT_MAX_TABLES_PER_DIAGRAM = 25;

/**
 * Mermaid ER diagrams of an IR. Up to `maxTablesPerDiagram` tables: one diagram. Larger schemas:
 * an overview first, then one diagram per domain (`computeDomains`, or `options.domains`), titled
 * by its name and size, and a domain still too large is cut into clusters of connected tables.
 * Relationships come from `deriveRelationships` (every foreign key, one line each; many-to-many
 * through the junction table). A part draws each foreign key of its own tables: a referenced table
 * of another part appears as a stub (name only, labelled with its domain), so every foreign key has
 * an edge in the part of the table that holds it. The overview shows every table (names only) and
 * every relationship up to OVERVIEW_MAX_TABLES tables; above that, one box per part and the links
 * between parts (none when there are more than OVERVIEW_MAX_PARTS parts).
 */
export function renderMermaid(ir: Ir, options: MermaidOptions = {}): MermaidDiagram[] {
  // Never above MAX_DIAGRAM_ENTITIES, whatever the config says.
  const max = Math.min(
    MAX_DIAGRAM_ENTITIES,
    Math.max(1, options.maxTablesPerDiagram ?? DEFAULT_MAX_TABLES_PER_DIAGRAM),
  );
  const names = new EntityNames(ir.tables);
  const rels = (options.relationships ?? deriveRelationships(ir)).filter(
    (r): r is ForeignKeyRelationship => r.kind !== 'many-to-many',
  );
  const label = options.relationshipLabel ?? 'columns';
  const comments = options.comments ?? true;
  // Relationships by child table, as positions in `rels`, so a diagram only looks at its own tables' links.
  const byChild = new Map<string, number[]>();
  rels.forEach((r, i) => {
    const list = byChild.get(tableSortKey(r.child));
    if (list) list.push(i);
    else byChild.set(tableSortKey(r.child), [i]);
  });
  const byKey = new Map(ir.tables.map((t) => [tableSortKey(t), t]));
  const ends = (i: number) => {
    const r = rels[i] as ForeignKeyRelationship;
    return [tableSortKey(r.parent), tableSortKey(r.child)] as const;
  };
  const diagram = (tables: Table[], attributes: boolean) => {
    const lines = ['erDiagram'];
    for (const t of tables) lines.push(...entityBlock(t, names, { attributes, comments }));
    const shown = new Set(tables.map(tableSortKey));
    const drawn: number[] = [];
    for (const k of shown)
      for (const i of byChild.get(k) ?? [])
        if (shown.has(tableSortKey((rels[i] as ForeignKeyRelationship).parent))) drawn.push(i);
    drawn.sort((a, b) => a - b);
    for (const i of drawn) lines.push(relationshipLine(rels[i] as ForeignKeyRelationship, names, label));
    return `${lines.join('\n')}\n`;
  };
  if (ir.tables.length <= max)
    return [
      {
        title: 'ER diagram of the whole schema',
        code: diagram(ir.tables, true),
        tables: ir.tables.map(tableRef),
        kind: 'full',
      },
    ];

  const given = options.domains ?? computeDomains(ir);
  // Domains passed in by a caller may miss tables (an IR changed since): those are drawn too.
  const covered = new Set(given.flatMap((d) => d.tables.map(tableSortKey)));
  const missing = ir.tables.filter((t) => !covered.has(tableSortKey(t))).map(tableRef);
  const domains: readonly Domain[] = missing.length
    ? [...given, { id: 'other-tables', name: 'Other tables', source: 'cluster', tables: missing }]
    : given;
  const groups = domainParts(ir, max, domains);
  const domainOf = new Map<string, Domain>();
  for (const d of domains) for (const t of d.tables) domainOf.set(tableSortKey(t), d);
  const stubLabel = (t: TableRef) => {
    const d = domainOf.get(tableSortKey(t));
    return d ? `${qualifiedName(t)} (${d.name})` : qualifiedName(t);
  };
  const out: MermaidDiagram[] = [];
  if (ir.tables.length <= OVERVIEW_MAX_TABLES)
    out.push({
      title: `Overview: ${ir.tables.length} tables`,
      code: diagram(ir.tables, false),
      tables: ir.tables.map(tableRef),
      kind: 'overview',
    });
  else if (groups.length <= OVERVIEW_MAX_PARTS) out.push(partsOverview(ir, groups, rels));
  for (const g of groups) {
    // Stubs count toward the cap: a part whose tables reference too many others is drawn over several diagrams.
    const pieces = packOwners(
      g.tables.map(tableSortKey),
      (k) => byChild.get(k) ?? [],
      ends,
      MAX_DIAGRAM_ENTITIES,
    );
    pieces.forEach((p, n) => {
      const lines = ['erDiagram'];
      const full = p.full.map((k) => byKey.get(k) as Table);
      for (const t of full) lines.push(...entityBlock(t, names, { attributes: true, comments }));
      const own = new Set(p.full);
      const stubs = p.entities.filter((k) => !own.has(k)).map((k) => tableRef(byKey.get(k) as Table));
      for (const s of stubs) lines.push(`  ${names.stub(s, stubLabel(s))}`);
      for (const i of p.links) lines.push(relationshipLine(rels[i] as ForeignKeyRelationship, names, label));
      out.push({
        title: pieces.length > 1 ? `${g.title}, diagram ${n + 1} of ${pieces.length}` : g.title,
        code: `${lines.join('\n')}\n`,
        tables: full.map(tableRef),
        stubs,
        domain: g.domain.id,
        kind: 'part',
      });
    });
  }
  return out;
}

/** Up to this many tables, the overview shows every table (names only) and every relationship. */
export const OVERVIEW_MAX_TABLES = MAX_DIAGRAM_ENTITIES;
/** Above OVERVIEW_MAX_TABLES, the overview shows the parts instead, when there are at most this many. */
export const OVERVIEW_MAX_PARTS = MAX_DIAGRAM_ENTITIES;
/** The parts overview keeps the strongest links between parts, at most this many. */
export const OVERVIEW_MAX_LINKS = 120;

/**
 * The overview of a schema too large to draw table by table (a diagram of hundreds of entities is
 * past what Mermaid renders or anyone reads): one entity per part, labelled with its
 * title, and one line per pair of linked parts with the number of foreign keys between them.
 */
function partsOverview(ir: Ir, groups: Part[], rels: ForeignKeyRelationship[]): MermaidDiagram {
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
    lines.push(`  part_${i + 1}["${mermaidText(g.title)}"]`);
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
