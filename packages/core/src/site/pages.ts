import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { html, relativeUrl, scriptJson } from './escape.js';
import type { NavLink } from './layout.js';
import { textOf } from './markdown.js';
import { relativeTo, SITE_INDEX } from './paths.js';

/** One diagram as inline SVG with its title (plain text). */
export interface SiteDiagram {
  title: string;
  svg: string;
}

/** The entry of one table in the search index: short keys, since the index is inlined. */
interface IndexEntry {
  /** Qualified name. */
  n: string;
  /** Code name. */
  c?: string;
  /** Description. */
  d?: string;
  /** Column names (and their code names). */
  k: string[];
}

/** The index page's body: the documents, the diagram, and every table with a search field. */
export function indexBody(
  ir: Ir,
  pages: Map<string, string>,
  documents: NavLink[],
  diagrams: NavLink[],
): string {
  const link = (target: string) => html(relativeUrl(relativeTo(SITE_INDEX, target)));
  const entries: IndexEntry[] = [];
  const rows = ir.tables.map((t) => {
    const name = qualifiedName(t);
    const entry: IndexEntry = {
      n: name,
      k: t.columns.flatMap((c) => (c.codeName ? [c.name, c.codeName] : [c.name])),
    };
    if (t.codeName) entry.c = t.codeName;
    if (t.description) entry.d = t.description;
    entries.push(entry);
    const description = t.description
      ? html(t.description.length > 160 ? `${t.description.slice(0, 157)}…` : t.description)
      : '';
    return `<tr><td><a href="${link(pages.get(name)!)}"><code>${html(name)}</code></a></td><td>${t.codeName ? `<code>${html(t.codeName)}</code>` : ''}</td><td>${html(t.kind)}</td><td>${t.columns.length}</td><td>${description}</td></tr>`;
  });
  const views = ir.tables.filter((t) => t.kind !== 'table').length;
  const summary = `${ir.tables.length - views} tables${views ? `, ${views} views` : ''}, ${ir.enums.length} enums · ${ir.dialect} · read from ${ir.source.orm}${ir.source.ormVersion ? ` ${ir.source.ormVersion}` : ''}`;
  const docs = documents.map((d) => `<li><a href="${link(d.target)}">${html(d.label)}</a></li>`).join('');
  const pictures = diagrams.map((d) => `<li><a href="${link(d.target)}">${html(d.label)}</a></li>`).join('');
  return `<h1>Database documentation</h1>
<p class="muted">${html(summary)}</p>
${docs ? `<h2 id="documents">Documents</h2><ul>${docs}</ul>` : ''}
${pictures ? `<h2 id="diagrams">Diagrams</h2><ul>${pictures}</ul>` : ''}
<h2 id="tables">Tables</h2>
<p><input id="search" type="search" placeholder="Search tables and columns" aria-label="Search tables and columns" autocomplete="off"> <span id="count" class="muted">${ir.tables.length} tables</span></p>
<table id="table-list"><thead><tr><th>Table</th><th>Code name</th><th>Kind</th><th>Columns</th><th>Description</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
<script type="application/json" id="ormdoc-index">${scriptJson(entries)}</script>`;
}

/** Above this many diagrams, a diagram page lists the others folded. */
const MAX_INLINE_LINKS = 12;

/** A diagram page's body: the SVG in a pan-and-zoom viewport, and links to the other diagrams. */
export function diagramBody(path: string, diagram: SiteDiagram, others: NavLink[]): string {
  const link = (target: string) => html(relativeUrl(relativeTo(path, target)));
  const items = others
    .map((o) =>
      o.target === path
        ? `<strong>${html(o.label)}</strong>`
        : `<a href="${link(o.target)}">${html(o.label)}</a>`,
    )
    .join(' · ');
  // Many diagrams (a large schema's parts) fold away, so the picture stays in view.
  const list =
    others.length <= 1
      ? ''
      : others.length <= MAX_INLINE_LINKS
        ? `<p>${items}</p>`
        : `<details><summary>All ${others.length} diagrams</summary><p>${items}</p></details>`;
  return `<h1>${html(diagram.title)}</h1>
${list}
<div class="toolbar"><button type="button" id="zoom-in" aria-label="Zoom in">+</button><button type="button" id="zoom-out" aria-label="Zoom out">−</button><button type="button" id="zoom-fit">Fit</button><span class="muted">Drag to pan, wheel or + − 0 to zoom.</span></div>
<div id="viewport"><div id="canvas">${diagram.svg}</div></div>`;
}

/** An SVG document made ready to inline in HTML (no XML prolog or doctype), and its `<style>` texts. */
export function inlineSvg(svg: string): { svg: string; styles: string[] } {
  const body = svg
    .replace(/^\uFEFF?\s*<\?xml[\s\S]*?\?>\s*/, '')
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*/i, '')
    .trim();
  const styles = [...body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) =>
    m[1]!.replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, ''),
  );
  return { svg: body, styles };
}

/** The titles of an SVG diagram's boxes (Graphviz `g.node`): table names, or part titles in an overview. */
export function boxTitles(svg: string): string[] {
  return [...svg.matchAll(/class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => textOf(m[1]!));
}

/**
 * The JSON block BOX_LINKS_JS reads on the page `path`: each box title the page's SVG holds that
 * `targets` knows (a table's qualified name, a part's title), to its page as a relative URL.
 */
export function boxLinks(path: string, svg: string, targets: ReadonlyMap<string, string>): string {
  const links: Record<string, string> = {};
  for (const title of boxTitles(svg)) {
    const target = targets.get(title);
    if (target !== undefined && target !== path) links[title] = relativeUrl(relativeTo(path, target));
  }
  return `<script type="application/json" id="ormdoc-links">${scriptJson(links)}</script>`;
}
