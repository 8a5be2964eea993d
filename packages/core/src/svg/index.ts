import type { Domain } from '../domains/index.js';
import type { Ir, TableRef } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';
import { cleanSvg } from './_clean.js';
import { type BoxLinks, sceneDot } from './_dot.js';
import { layoutSvg } from './_graphviz.js';
import { planDiagrams } from './_plan.js';
import type { Scene } from './_scene.js';
import { neighbourhoodScene } from './neighbourhood.js';

export { type BoxLinks, MAX_BOX_COLUMNS } from './_dot.js';

/** One SVG ER diagram: a plain static picture (no script, no external font or link), deterministic bytes. */
export interface SvgDiagram {
  /**
   * Stable id: the file's stem (`er-diagram`, `er-diagram-3`, `er-diagram-overview-2`,
   * `table-public.users`), also the prefix of every id inside the SVG, so that several SVGs can
   * be inlined in one HTML page without clashing ids.
   */
  id: string;
  title: string;
  /** File name the diagram is written to, relative to the output folder (`<id>.svg`; a table's beside its page). */
  file: string;
  /** The SVG document (UTF-8 text, with its XML declaration; ends with a newline). */
  svg: string;
  /** The tables this diagram documents: a part's own tables, every table for an overview, the table of a neighbourhood. */
  tables: TableRef[];
  /** Tables of other parts drawn by name only (dashed), or a neighbourhood's neighbours. */
  stubs: TableRef[];
  kind: 'full' | 'part' | 'overview' | 'neighbourhood';
  /** A part's domain id. */
  domain?: string;
  /** Neighbourhood only: linked tables left out to keep it readable (a hub). */
  omitted?: number;
}

export interface SvgOptions {
  /** Largest number of tables in one detailed diagram (as `mermaid.maxTablesPerDiagram`; default 25). */
  maxTablesPerDiagram?: number;
  /** The domains the parts follow (default: `computeDomains(ir)`); pass the render's to match its Mermaid parts. */
  domains?: readonly Domain[];
  /** `deriveRelationships(ir)`, when the caller has it already. */
  relationships?: readonly Relationship[];
  /**
   * Links for an SVG inlined in a page (the static site): each table box to `table(ref)`, each part or
   * region box of an overview to `diagram(id)` (the id of the diagram that draws it). The value is the
   * caller's, written as given (XML-escaped). Off by default: a Markdown image shows no links.
   */
  href?: BoxLinks;
}

async function draw(scene: Scene, links?: BoxLinks): Promise<string> {
  const { dot, nodes } = sceneDot(scene, links);
  // The fallback attaches edges to boxes, not rows (`n1:r3 -> n2:l1` becomes `n1 -> n2`).
  const fallback = () => dot.replace(/(n\d+):[lrh]\d*(?= ->| \[)/g, '$1');
  return cleanSvg(await layoutSvg(dot, scene.title, fallback), scene.title, nodes);
}

/**
 * The ER diagrams of a schema as SVG, laid out by Graphviz (WebAssembly, loaded on the first call):
 * the same split as `renderMermaid` with the same options (a small schema is one diagram
 * `er-diagram.svg`; a larger one an overview and one diagram per part, `er-diagram-N.svg` drawing
 * what `er-diagram-N.mmd` holds), plus, above OVERVIEW_MAX_PARTS parts, overview pages of the
 * parts (`er-diagram-overview-N.svg`, listed first). Tables are boxes (name, code name, columns
 * with type and PK/FK/UK marks), foreign keys edges with crow's-foot ends, junction tables without
 * payload N-M edges, self-references loops.
 */
export async function renderSvgDiagrams(ir: Ir, options: SvgOptions = {}): Promise<SvgDiagram[]> {
  const plan = planDiagrams(ir, options);
  const out: SvgDiagram[] = [];
  for (const p of plan)
    out.push({
      id: p.scene.id,
      title: p.scene.title,
      file: `${p.scene.id}.svg`,
      svg: await draw(p.scene, options.href),
      tables: p.tables,
      stubs: p.stubs,
      kind: p.kind,
      ...(p.domain ? { domain: p.domain } : {}),
    });
  return out;
}

/**
 * A table's one-hop neighbourhood as SVG (for its own page): the table with all its columns, its
 * linked tables with the columns of the links. `file` is `table-<name>.svg`; the document writer
 * may put it elsewhere (beside the table's page). Undefined when the table is not in the IR.
 */
export async function renderTableNeighbourhoodSvg(
  ir: Pick<Ir, 'tables'>,
  table: TableRef,
  options: Pick<SvgOptions, 'relationships' | 'href'> = {},
): Promise<SvgDiagram | undefined> {
  const n = neighbourhoodScene(ir, table, options.relationships);
  if (!n) return undefined;
  return {
    id: n.scene.id,
    title: n.scene.title,
    file: `${n.scene.id}.svg`,
    svg: await draw(n.scene, options.href),
    tables: [{ schema: table.schema, name: table.name }],
    stubs: n.neighbours,
    kind: 'neighbourhood',
    ...(n.omitted > 0 ? { omitted: n.omitted } : {}),
  };
}
