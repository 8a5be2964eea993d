import { findTable, tableSortKey } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';
import type { RenderedFile } from '../render/types.js';
import { textOf } from './markdown.js';
import type { SiteDiagram } from './pages.js';
import { SITE_TABLES_DIR } from './paths.js';

/** The first `<title>` of an SVG (the diagram's), as text. */
export function svgTitle(svg: string): string | undefined {
  const title = /<title>([\s\S]*?)<\/title>/.exec(svg)?.[1];
  return title === undefined ? undefined : textOf(title);
}

/**
 * The diagrams a render drew (`diagrams.svg` on): the schema's diagrams (every `.svg` outside
 * `tables/`, in the render's order: overview(s) first, then the parts), and the neighbourhoods
 * it wrote beside per-table files (`tables/<name>.svg`, by the same name as the table's page).
 */
export function renderedDiagrams(files: readonly RenderedFile[]): {
  list: SiteDiagram[];
  neighbourhoods: Map<string, string>;
} {
  const list: SiteDiagram[] = [];
  const neighbourhoods = new Map<string, string>();
  for (const f of files) {
    if (!f.path.endsWith('.svg')) continue;
    if (f.path.startsWith(`${SITE_TABLES_DIR}/`))
      neighbourhoods.set(f.path.replace(/\.svg$/, '.html'), f.content);
    else list.push({ title: svgTitle(f.content) ?? f.path, svg: f.content });
  }
  return { list, neighbourhoods };
}

/**
 * A table's neighbourhood as SVG, when the render drew none (a single-file schema reference):
 * the SVG module is given only the table, its neighbours and their relationships, so each call
 * costs what the neighbourhood holds, not the schema.
 */
export async function neighbourhoodSvg(
  ir: Pick<Ir, 'tables'>,
  table: Table,
  relationships: readonly Relationship[],
): Promise<string | undefined> {
  const { renderTableNeighbourhoodSvg } = await import('../svg/index.js');
  const near = new Map<string, Table>([[tableSortKey(table), table]]);
  for (const r of relationships)
    for (const end of r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child]) {
      const other = findTable(ir, end);
      if (other && !near.has(tableSortKey(other))) near.set(tableSortKey(other), other);
    }
  const drawn = await renderTableNeighbourhoodSvg({ tables: [...near.values()] }, table, {
    relationships: [...relationships],
  });
  return drawn?.svg;
}
