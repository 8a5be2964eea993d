import { computeDomains, type Domain } from '../domains/index.js';
import { tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { MAX_DIAGRAM_ENTITIES, packOwners } from '../mermaid/_pack.js';
import { domainParts, type Part } from '../mermaid/_split.js';
import {
  DEFAULT_MAX_TABLES_PER_DIAGRAM,
  OVERVIEW_MAX_LINKS,
  OVERVIEW_MAX_PARTS,
  OVERVIEW_MAX_TABLES,
} from '../mermaid/index.js';
import {
  deriveRelationships,
  type ForeignKeyRelationship,
  type Relationship,
} from '../relationships/derive.js';
import { foldJunctions } from './_junctions.js';
import { overviewRegions } from './_overview.js';
import { partLinks } from './_partLinks.js';
import type { Box, Edge, Scene } from './_scene.js';

/** A planned diagram: what it draws, and what it documents (as the Mermaid diagram of the same file stem). */
export interface PlannedDiagram {
  scene: Scene;
  kind: 'full' | 'part' | 'overview';
  /** The tables drawn in full here (each table of the schema is in exactly one part). */
  tables: TableRef[];
  /** Tables of other parts drawn by name only. */
  stubs: TableRef[];
  domain?: string;
}

export interface PlanOptions {
  maxTablesPerDiagram?: number;
  domains?: readonly Domain[];
  relationships?: readonly Relationship[];
}

/**
 * The diagrams of a schema, split exactly as `renderMermaid` splits it (same caps, domains, parts,
 * packing, titles and order), so that `er-diagram-N.svg` draws what `er-diagram-N.mmd` holds.
 * One addition: above OVERVIEW_MAX_PARTS parts, where Mermaid has no overview, the overview is
 * drawn by regions of parts (`overviewRegions`: `er-diagram-overview` and `er-diagram-overview-N`,
 * listed first), never as one giant picture.
 */
export function planDiagrams(ir: Ir, options: PlanOptions = {}): PlannedDiagram[] {
  const max = Math.min(
    MAX_DIAGRAM_ENTITIES,
    Math.max(1, options.maxTablesPerDiagram ?? DEFAULT_MAX_TABLES_PER_DIAGRAM),
  );
  const all = options.relationships ?? deriveRelationships(ir);
  const rels = all.filter((r): r is ForeignKeyRelationship => r.kind !== 'many-to-many');
  const byChild = new Map<string, number[]>();
  rels.forEach((r, i) => {
    const k = tableSortKey(r.child);
    const list = byChild.get(k);
    if (list) list.push(i);
    else byChild.set(k, [i]);
  });
  const byKey = new Map(ir.tables.map((t) => [tableSortKey(t), t]));
  const ends = (i: number) => {
    const r = rels[i] as ForeignKeyRelationship;
    return [tableSortKey(r.parent), tableSortKey(r.child)] as const;
  };
  const scene = (id: string, title: string, boxes: Box[], edges: Edge[]): Scene => ({
    id,
    title,
    ...foldJunctions(boxes, edges, all),
  });
  const whole = (id: string, title: string, tables: Table[], detail: 'columns' | 'name') => {
    const shown = new Set(tables.map(tableSortKey));
    const drawn: number[] = [];
    for (const k of shown)
      for (const i of byChild.get(k) ?? [])
        if (shown.has(tableSortKey((rels[i] as ForeignKeyRelationship).parent))) drawn.push(i);
    drawn.sort((a, b) => a - b);
    return scene(
      id,
      title,
      tables.map((t) => ({ kind: 'table', key: tableSortKey(t), table: t, detail })),
      drawn.map((i) => ({ kind: 'fk', rel: rels[i] as ForeignKeyRelationship })),
    );
  };
  if (ir.tables.length <= max)
    return [
      {
        scene: whole('er-diagram', 'ER diagram of the whole schema', ir.tables, 'columns'),
        kind: 'full',
        tables: ir.tables.map(tableRef),
        stubs: [],
      },
    ];

  const given = options.domains ?? computeDomains(ir);
  const covered = new Set(given.flatMap((d) => d.tables.map(tableSortKey)));
  const missing = ir.tables.filter((t) => !covered.has(tableSortKey(t))).map(tableRef);
  const domains: readonly Domain[] = missing.length
    ? [...given, { id: 'other-tables', name: 'Other tables', source: 'cluster', tables: missing }]
    : given;
  const groups = domainParts(ir, max, domains);
  const domainOf = new Map<string, Domain>();
  for (const d of domains) for (const t of d.tables) domainOf.set(tableSortKey(t), d);

  const out: PlannedDiagram[] = [];
  const fileId = () => `er-diagram-${out.length + 1}`;
  const overviewTitle = `Overview: ${ir.tables.length} tables`;
  if (ir.tables.length <= OVERVIEW_MAX_TABLES)
    out.push({
      scene: whole(fileId(), overviewTitle, ir.tables, 'name'),
      kind: 'overview',
      tables: ir.tables.map(tableRef),
      stubs: [],
    });
  else if (groups.length <= OVERVIEW_MAX_PARTS) out.push(partsOverview(fileId(), ir, groups, rels));
  const pages = ir.tables.length > OVERVIEW_MAX_TABLES && groups.length > OVERVIEW_MAX_PARTS;
  // The diagram that draws each part (its first, when it takes several): where an overview box leads.
  const targets: string[] = [];
  for (const g of groups) {
    targets.push(fileId());
    const pieces = packOwners(
      g.tables.map(tableSortKey),
      (k) => byChild.get(k) ?? [],
      ends,
      MAX_DIAGRAM_ENTITIES,
    );
    pieces.forEach((p, n) => {
      const own = new Set(p.full);
      const full = p.full.map((k) => byKey.get(k) as Table);
      const stubs = p.entities.filter((k) => !own.has(k)).map((k) => byKey.get(k) as Table);
      const boxes: Box[] = [
        ...full.map((t): Box => ({ kind: 'table', key: tableSortKey(t), table: t, detail: 'columns' })),
        ...stubs.map((t): Box => {
          const d = domainOf.get(tableSortKey(t));
          return {
            kind: 'table',
            key: tableSortKey(t),
            table: t,
            detail: 'name',
            stub: true,
            ...(d ? { note: d.name } : {}),
          };
        }),
      ];
      const title = pieces.length > 1 ? `${g.title}, diagram ${n + 1} of ${pieces.length}` : g.title;
      out.push({
        scene: scene(
          fileId(),
          title,
          boxes,
          p.links.map((i) => ({ kind: 'fk', rel: rels[i] as ForeignKeyRelationship })),
        ),
        kind: 'part',
        tables: full.map(tableRef),
        stubs: stubs.map(tableRef),
        domain: g.domain.id,
      });
    });
  }
  for (const p of out)
    if (p.kind === 'overview')
      for (const b of p.scene.boxes)
        if (b.kind === 'part') {
          const target = targets[Number(b.key.slice('part:'.length))];
          if (target) b.target = target;
        }
  if (pages)
    out.unshift(
      ...overviewRegions(ir, groups, partLinks(groups, rels), targets).map(
        (p): PlannedDiagram => ({
          scene: { id: p.id, title: p.title, boxes: p.boxes, edges: p.edges },
          kind: 'overview',
          tables: p.tables,
          stubs: [],
        }),
      ),
    );
  return out;
}

const partBox = (g: Part, i: number, stub = false): Box => ({
  kind: 'part',
  key: `part:${i}`,
  title: g.title,
  tables: g.tables.length,
  ...(stub ? { stub } : {}),
});

/** Mermaid's parts overview: one box per part, the OVERVIEW_MAX_LINKS strongest links between parts. */
function partsOverview(id: string, ir: Ir, groups: Part[], rels: ForeignKeyRelationship[]): PlannedDiagram {
  const links = partLinks(groups, rels).sort((a, b) => b.n - a.n || a.parent - b.parent || a.child - b.child);
  const shown = links.slice(0, OVERVIEW_MAX_LINKS).sort((a, b) => a.parent - b.parent || a.child - b.child);
  const note = links.length > shown.length ? `, the ${shown.length} strongest of ${links.length} links` : '';
  return {
    scene: {
      id,
      title: `Overview: ${ir.tables.length} tables in ${groups.length} parts${note}`,
      boxes: groups.map((g, i) => partBox(g, i)),
      edges: shown.map((l) => ({
        kind: 'parts',
        parent: `part:${l.parent}`,
        child: `part:${l.child}`,
        count: l.n,
      })),
    },
    kind: 'overview',
    tables: ir.tables.map(tableRef),
    stubs: [],
  };
}
