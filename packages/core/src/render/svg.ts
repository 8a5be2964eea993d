import { findTable, qualifiedName, tableSortKey } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { renderSvgDiagrams, renderTableNeighbourhoodSvg, type SvgDiagram } from '../svg/index.js';
import type { RenderContext } from './context.js';
import { link, table } from './markdown.js';
import { ofTable } from './memo.js';
import type { RenderedFile } from './types.js';

/**
 * The SVG diagrams of a render (`diagrams.svg`), drawn before the documents since Graphviz is
 * asynchronous to load: the schema's diagrams (the Mermaid parts) and, for a split schema
 * reference, each table's neighbourhood beside its file (`tables/<table>.svg`).
 */
interface SvgSet {
  diagrams: SvgDiagram[];
  /** Qualified name → the neighbourhood's path in the output folder and the diagram. */
  tables: Map<string, { path: string; diagram: SvgDiagram }>;
}

const KEY = 'svg';

export function svgEnabled(ctx: RenderContext): boolean {
  return ctx.config.diagrams?.svg === true;
}

/** Draw every SVG of this render into `ctx.shared` (nothing when `diagrams.svg` is off). */
export async function prepareSvg(ctx: RenderContext): Promise<void> {
  if (!svgEnabled(ctx)) return;
  const diagrams = await renderSvgDiagrams(ctx.ir, {
    maxTablesPerDiagram: ctx.config.mermaid.maxTablesPerDiagram,
    domains: ctx.domains,
    relationships: ctx.relationships,
  });
  const tables = new Map<string, { path: string; diagram: SvgDiagram }>();
  for (const t of ctx.tables) {
    const page = ctx.tableFiles.get(qualifiedName(t));
    if (!page) continue;
    // Only the table, its neighbours and its many-to-many partners are handed over: O(neighbours) per table.
    const relationships = ofTable(ctx.index.relationships, t);
    const near = new Map<string, Table>([[tableSortKey(t), t]]);
    for (const r of relationships)
      for (const end of r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child]) {
        const other = findTable(ctx.ir, end);
        if (other && !near.has(tableSortKey(other))) near.set(tableSortKey(other), other);
      }
    const diagram = await renderTableNeighbourhoodSvg({ tables: [...near.values()] }, t, { relationships });
    if (diagram) tables.set(qualifiedName(t), { path: page.replace(/\.md$/, '.svg'), diagram });
  }
  ctx.shared.set(KEY, { diagrams, tables } satisfies SvgSet);
}

function svgSet(ctx: RenderContext): SvgSet | undefined {
  return ctx.shared.get(KEY) as SvgSet | undefined;
}

/** The SVG files of this render, beside the Mermaid files and the per-table files. */
export function svgFiles(ctx: RenderContext): RenderedFile[] {
  const set = svgSet(ctx);
  if (!set) return [];
  return [
    ...set.diagrams.map((d) => ({ path: d.file, content: d.svg })),
    ...[...set.tables.values()].map((t) => ({ path: t.path, content: t.diagram.svg })),
  ];
}

const image = (alt: string, file: string) => `!${link(alt, file)}`;

/**
 * The design document's pictures: the one diagram or the overview inline, then a table of the
 * other pictures (the overview's regions, every part). Undefined when `diagrams.svg` is off.
 */
export function svgPictures(ctx: RenderContext): string | undefined {
  const set = svgSet(ctx);
  const [first, ...rest] = set?.diagrams ?? [];
  if (!first) return undefined;
  const out = [image(first.title, first.file)];
  const regions = rest.filter((d) => d.kind === 'overview');
  const parts = rest.filter((d) => d.kind === 'part');
  const list = (d: SvgDiagram) => [link(d.title, d.file), String(d.tables.length)];
  if (regions.length > 0)
    out.push(
      `The overview's ${regions.length} regions, one picture each:\n\n${table(['Region', 'Tables'], regions.map(list))}`,
    );
  if (parts.length > 0)
    out.push(
      `The schema is drawn in ${parts.length} diagrams of connected tables (SVG, one file each):\n\n${table(['Diagram', 'Tables'], parts.map(list))}`,
    );
  return out.join('\n\n');
}

/** A per-table file's neighbourhood picture (its SVG sits beside it), or undefined. */
export function tableSvgPicture(
  ctx: RenderContext,
  t: Table,
): { markdown: string; omitted?: number } | undefined {
  const entry = svgSet(ctx)?.tables.get(qualifiedName(t));
  if (!entry) return undefined;
  const file = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  return {
    markdown: image(entry.diagram.title, file),
    ...(entry.diagram.omitted ? { omitted: entry.diagram.omitted } : {}),
  };
}
