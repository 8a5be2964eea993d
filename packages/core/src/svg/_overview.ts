import { tableRef } from '../ir/names.js';
import type { Ir, TableRef } from '../ir/types.js';
import { MAX_DIAGRAM_ENTITIES } from '../mermaid/_pack.js';
import { clusterTables, type Part } from '../mermaid/_split.js';
import { OVERVIEW_MAX_LINKS } from '../mermaid/index.js';
import { aggregateLinks, type PartLink } from './_partLinks.js';
import type { Box, Edge } from './_scene.js';

/** An overview page: boxes (parts or regions) and the strongest links between them. */
export interface OverviewPage {
  id: string;
  title: string;
  boxes: Box[];
  edges: Edge[];
  tables: TableRef[];
}

/** A box of some level: a part (level 0) or a region of boxes of the level below. */
interface Item {
  title: string;
  /** What a region it leads is named after: a part's title, or the name of the region's hub. */
  name: string;
  parts: number;
  tables: TableRef[];
  /** The diagram that draws it in detail: a part's diagram, a region's page. */
  target: string;
}

/**
 * The overview of a schema with more parts than one picture holds (OVERVIEW_MAX_PARTS): regions.
 * The parts are grouped into regions of at most MAX_DIAGRAM_ENTITIES connected parts (the same
 * clustering as tables into parts, on the graph of foreign keys between parts); each region gets
 * a page drawing its parts and the links between them, and the regions are drawn the same way on
 * the level above, until one page holds them all: the top overview (`er-diagram-overview`),
 * listed first. At 10,000 tables (some 2,000 parts): one top page of ~40 regions and their pages.
 */
export function overviewRegions(
  ir: Ir,
  groups: Part[],
  partLinks: PartLink[],
  targets: readonly string[],
): OverviewPage[] {
  let items: Item[] = groups.map((g, i) => ({
    title: g.title,
    name: g.title,
    parts: 1,
    tables: g.tables.map(tableRef),
    target: targets[i] ?? '',
  }));
  let links = partLinks;
  const levels: OverviewPage[][] = [];
  for (let level = 1; items.length > MAX_DIAGRAM_ENTITIES; level++) {
    const regions = regionsOf(items.length, links);
    const pages: OverviewPage[] = [];
    const next: Item[] = [];
    regions.forEach((members, r) => {
      const inside = new Set(members);
      const own = links.filter((l) => inside.has(l.parent) && inside.has(l.child));
      const hub = members[0] as number;
      const parts = members.reduce((n, m) => n + (items[m] as Item).parts, 0);
      const tables = members.flatMap((m) => (items[m] as Item).tables);
      const what = level === 1 ? 'Region' : `Level-${level} region`;
      const name = (items[hub] as Item).name;
      const more = members.length - 1;
      const title = `${what} ${r + 1} of ${regions.length}: ${name}${more > 0 ? ` and ${more} more ${level === 1 ? 'parts' : 'regions'}` : ''}`;
      const id = level === 1 ? `er-diagram-overview-${r + 1}` : `er-diagram-overview-l${level}-${r + 1}`;
      pages.push({
        id,
        title: `${title} (${parts} parts, ${tables.length} tables)`,
        boxes: members.map((m) => box(items[m] as Item, m)),
        edges: strongest(own).map((l) => ({
          kind: 'parts',
          parent: `item:${l.parent}`,
          child: `item:${l.child}`,
          count: l.n,
        })),
        tables,
      });
      next.push({ title, name, parts, tables, target: id });
    });
    const regionOf = new Map<number, number>();
    regions.forEach((members, r) => {
      for (const m of members) regionOf.set(m, r);
    });
    links = aggregateLinks(
      links.map((l) => ({
        parent: regionOf.get(l.parent) as number,
        child: regionOf.get(l.child) as number,
        n: l.n,
      })),
    );
    items = next;
    levels.push(pages);
  }
  const top: OverviewPage = {
    id: 'er-diagram-overview',
    title: `Overview: ${ir.tables.length} tables in ${groups.length} parts, ${items.length} regions`,
    boxes: items.map((it, i) => box(it, i)),
    edges: strongest(links).map((l) => ({
      kind: 'parts',
      parent: `item:${l.parent}`,
      child: `item:${l.child}`,
      count: l.n,
    })),
    tables: ir.tables.map(tableRef),
  };
  // The top first, then each level's pages from the highest down.
  return [top, ...levels.reverse().flat()];
}

const box = (item: Item, i: number): Box => ({
  kind: 'part',
  key: `item:${i}`,
  title: item.title,
  tables: item.tables.length,
  ...(item.parts > 1 ? { parts: item.parts } : {}),
  ...(item.target ? { target: item.target } : {}),
});

/** At most OVERVIEW_MAX_LINKS links, the strongest (ties by position), in position order. */
function strongest(links: PartLink[]): PartLink[] {
  return [...links]
    .sort((a, b) => b.n - a.n || a.parent - b.parent || a.child - b.child)
    .slice(0, OVERVIEW_MAX_LINKS)
    .sort((a, b) => a.parent - b.parent || a.child - b.child);
}

/**
 * Clusters packed first fit (in order) into groups of at most MAX_DIAGRAM_ENTITIES: clustering
 * leaves many clusters well under the cap, and 1,971 parts would otherwise make 51 regions, one
 * more than a page holds (and a needless level above them).
 */
function packGroups<T>(clusters: T[][]): T[][] {
  const bins: T[][] = [];
  for (const c of clusters) {
    const bin = bins.find((b) => b.length + c.length <= MAX_DIAGRAM_ENTITIES);
    if (bin) bin.push(...c);
    else bins.push([...c]);
  }
  return bins;
}

/**
 * Groups of at most MAX_DIAGRAM_ENTITIES items, connected where links allow: `clusterTables` run on
 * one stand-in table per item (named by its zero-padded position, one foreign key per linked pair).
 * Each group lists its hub first (the item clusterTables seeded it with: the most linked).
 */
function regionsOf(count: number, links: PartLink[]): number[][] {
  const width = String(count).length;
  const name = (i: number) => `i${String(i).padStart(width, '0')}`;
  const tables = Array.from({ length: count }, (_, i) => ({
    kind: 'table' as const,
    schema: null,
    name: name(i),
    tags: [],
    columns: [],
    uniques: [],
    indexes: [],
    checks: [],
    foreignKeys: links
      .filter((l) => l.child === i && l.parent !== i)
      .map((l) => ({
        name: `${name(i)}_${name(l.parent)}`,
        nameExplicit: false,
        columns: [],
        references: { schema: null, name: name(l.parent), columns: [] },
        onDelete: 'NO ACTION' as const,
        onUpdate: 'NO ACTION' as const,
        enforcedBy: 'database' as const,
      })),
  }));
  const degree = new Map<number, number>();
  for (const l of links) {
    degree.set(l.parent, (degree.get(l.parent) ?? 0) + l.n);
    degree.set(l.child, (degree.get(l.child) ?? 0) + l.n);
  }
  return packGroups(clusterTables(tables, MAX_DIAGRAM_ENTITIES)).map((group) => {
    const members = group.map((t) => Number(t.name.slice(1)));
    // The most linked member first (ties by position): it names the region.
    const hub = members.reduce((best, m) => ((degree.get(m) ?? 0) > (degree.get(best) ?? 0) ? m : best));
    return [hub, ...members.filter((m) => m !== hub)];
  });
}
