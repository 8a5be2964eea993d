import { relative, resolve } from 'node:path';
import type { OrmdocConfig, TemplateId } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Finding } from '../findings/index.js';
import { qualifiedName } from '../ir/names.js';
import type { ForeignKey, Ir, Table } from '../ir/types.js';
import { toPosixPath } from '../paths.js';
import { deriveRelationships, type Relationship } from '../relationships/derive.js';
import { DOCUMENT_TITLES } from '../render/context.js';
import { renderDocuments } from '../render/index.js';
import { applyOverlay } from '../render/overlay.js';
import { DEFAULT_FILE_NAMES } from '../templates/index.js';
import { BOX_LINKS_JS, PANZOOM_JS, SEARCH_JS } from './assets.js';
import { neighbourhoodSvg, renderedDiagrams } from './diagrams.js';
import { type NavLink, navigation, page } from './layout.js';
import { createMarkdownRenderer, textOf } from './markdown.js';
import { boxLinks, diagramBody, indexBody, inlineSvg, type SiteDiagram } from './pages.js';
import {
  docPage,
  SITE_DIAGRAM,
  SITE_DIAGRAMS_DIR,
  SITE_DOCS_DIR,
  SITE_INDEX,
  SITE_MARKER,
  SITE_TABLES_DIR,
  tablePages,
} from './paths.js';
import { tablePageBody } from './tablePage.js';

export { contentSecurityPolicy } from './layout.js';
export type { SiteDiagram } from './pages.js';
export { SITE_DIAGRAM, SITE_INDEX, SITE_MARKER, tablePages } from './paths.js';
export { writeSite } from './write.js';

/** Diagrams the site embeds, as SVG text (the site works without them: no diagram page then). */
export interface SiteDiagrams {
  /** The schema's diagrams, overview(s) first, then the parts: one page each, with pan and zoom. */
  list: SiteDiagram[];
  /** A table's neighbourhood (the table and the tables one foreign key away). */
  neighbourhood?: (table: Table) => string | undefined;
}

export interface SiteOptions {
  ir: Ir;
  config: OrmdocConfig;
  /** Project directory: custom templates and `config.output.dir` resolve against it. */
  cwd: string;
  /** Absolute folder the site is meant for: links to files the site does not hold point from there. */
  siteDir: string;
  /**
   * The diagrams to embed; default: the SVG ER diagrams (`svg/`) the render draws (as with
   * `diagrams.svg`), each table's neighbourhood drawn here when the render has none. `false`: none
   * (no diagram page, no neighbourhood pictures, no pictures in the documents).
   */
  diagrams?: SiteDiagrams | false;
}

/** One file of the site: a path relative to its root, and its text (or its text in pieces). */
export interface SiteFile {
  path: string;
  content: string | (() => Iterable<string>);
}

export interface SiteResult {
  files: SiteFile[];
  findings: Finding[];
  diagnostics: Diagnostic[];
}

function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item))) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  return map;
}

const relationshipTables = (r: Relationship): string[] =>
  r.kind === 'many-to-many'
    ? [qualifiedName(r.left), qualifiedName(r.right), qualifiedName(r.junction)]
    : [qualifiedName(r.parent), qualifiedName(r.child)];

/**
 * The static HTML site of a schema: an index of every table with search, a page per table, the
 * diagrams with pan and zoom, and the rendered documents. Every file is self-contained (inline
 * style, scripts and data; no network), so the site works opened from `file://`.
 */
export async function renderSite(options: SiteOptions): Promise<SiteResult> {
  const { config } = options;
  // Default: the render draws the SVG diagrams (the documents then show them too) and the site
  // embeds those; `false`: none drawn at all; given diagrams: the render's setting is kept.
  const own = options.diagrams === undefined;
  const renderConfig: OrmdocConfig =
    options.diagrams === false || own ? { ...config, diagrams: { ...config.diagrams, svg: own } } : config;
  const rendered = await renderDocuments({ ir: options.ir, config: renderConfig, cwd: options.cwd });
  const ir = applyOverlay(options.ir, config.overlay).ir;
  const derived = deriveRelationships(ir);
  const pages = tablePages(ir.tables);
  const drawn = own ? renderedDiagrams(rendered.files) : undefined;
  const diagrams: SiteDiagrams | undefined =
    options.diagrams === false
      ? undefined
      : (options.diagrams ?? {
          list: drawn!.list,
          neighbourhood: (table) => drawn!.neighbourhoods.get(pages.get(qualifiedName(table))!),
        });
  const outputDir = resolve(options.cwd, config.output.dir);
  const siteName = config.project.name ?? config.title ?? 'Database';
  const files: SiteFile[] = [];

  // The documents: Markdown to pages, every other rendered file copied beside them. A per-table
  // Markdown file (layout per-table) is not rendered again: its links go to the table's own page.
  const tablePaths = new Set(pages.values());
  const ownPage = (path: string) => {
    const html = path.replace(/\.md$/, '.html');
    return path.startsWith(`${SITE_TABLES_DIR}/`) && tablePaths.has(html) ? html : undefined;
  };
  const markdown = rendered.files.filter((f) => f.path.endsWith('.md') && ownPage(f.path) === undefined);
  // Neighbourhood SVGs are on the tables' pages already; only per-table Markdown files link them.
  const isNeighbourhood = (path: string) =>
    drawn?.neighbourhoods.has(path.replace(/\.svg$/, '.html')) === true;
  const copied = new Map(
    rendered.files
      .filter((f) => !f.path.endsWith('.md') && !(f.path.endsWith('.svg') && isNeighbourhood(f.path)))
      .map((f) => [f.path, `${SITE_DOCS_DIR}/${f.path}`]),
  );
  const docPages = new Map(markdown.map((f) => [f.path, docPage(f.path)]));
  const documents = documentLinks(config, docPages);
  const diagramLinks = diagramPages(diagrams);
  const nav = navigation(documents, diagramLinks.length > 0);
  const toMarkdown = await createMarkdownRenderer({
    sitePath: (p) => docPages.get(p) ?? copied.get(p) ?? ownPage(p),
    outside: (p) => toPosixPath(relative(options.siteDir, resolve(outputDir, p))),
  });
  for (const f of markdown) {
    const path = docPages.get(f.path)!;
    const body = toMarkdown.render(f.content, f.path, path);
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1];
    const title = heading === undefined ? f.path : textOf(heading);
    files.push({ path, content: page({ path, title, siteName, body, nav }) });
  }
  for (const f of rendered.files) {
    const path = copied.get(f.path);
    if (path) files.push({ path, content: f.chunks ?? f.content });
  }

  // What a click on a diagram's box opens: a table's page, or a part's diagram (box titles are names).
  const targets = new Map<string, string>(diagramLinks.map((l) => [l.label, l.target]));
  for (const [name, target] of pages) targets.set(name, target);

  // A page per table.
  const relationships = groupBy(derived, relationshipTables);
  const findings = groupBy(rendered.findings, (f) => (f.table ? [qualifiedName(f.table)] : []));
  const incoming = groupBy(
    ir.tables.flatMap((table) =>
      table.foreignKeys.map((fk): { table: Table; fk: ForeignKey } => ({ table, fk })),
    ),
    ({ fk }) => [qualifiedName(fk.references)],
  );
  for (const table of ir.tables) {
    const name = qualifiedName(table);
    const path = pages.get(name)!;
    const svg =
      diagrams?.neighbourhood?.(table) ??
      (own ? await neighbourhoodSvg(ir, table, relationships.get(name) ?? []) : undefined);
    const inline = svg === undefined ? undefined : inlineSvg(svg);
    const body = tablePageBody({
      table,
      path,
      pages,
      relationships: relationships.get(name) ?? [],
      incoming: incoming.get(name) ?? [],
      findings: findings.get(name) ?? [],
      ...(inline ? { diagram: inline.svg } : {}),
    });
    files.push({
      path,
      content: page({
        path,
        title: name,
        siteName,
        body: inline ? `${body}\n${boxLinks(path, inline.svg, targets)}` : body,
        nav,
        ...(inline ? { svgStyles: inline.styles, scripts: [BOX_LINKS_JS] } : {}),
      }),
    });
  }

  // The diagrams, each on a page with pan and zoom.
  (diagrams?.list ?? []).forEach((diagram, i) => {
    const path = diagramLinks[i]!.target;
    const inline = inlineSvg(diagram.svg);
    const body = `${diagramBody(path, { title: diagram.title, svg: inline.svg }, diagramLinks)}\n${boxLinks(path, inline.svg, targets)}`;
    files.push({
      path,
      content: page({
        path,
        title: diagram.title,
        siteName,
        body,
        nav,
        scripts: [PANZOOM_JS, BOX_LINKS_JS],
        svgStyles: inline.styles,
        wide: true,
      }),
    });
  });

  files.push({
    path: SITE_INDEX,
    content: page({
      path: SITE_INDEX,
      title: 'Tables',
      siteName,
      body: indexBody(ir, pages, documents, diagramLinks),
      nav,
      scripts: [SEARCH_JS],
    }),
  });
  files.push({
    path: SITE_MARKER,
    content: 'Written by `ormdoc site`; the whole folder is replaced on each run.\n',
  });
  return { files, findings: rendered.findings, diagnostics: rendered.diagnostics };
}

/** The header's document links: the built-in documents in config order, then findings and the ER diagram. */
function documentLinks(config: OrmdocConfig, docPages: Map<string, string>): NavLink[] {
  const links: NavLink[] = [];
  for (const t of config.output.templates) {
    if (typeof t !== 'string') continue;
    const path = docPages.get(DEFAULT_FILE_NAMES[t as TemplateId]);
    if (path) links.push({ label: DOCUMENT_TITLES[t as TemplateId].replace(/^Database /, ''), target: path });
  }
  for (const [file, label] of [
    ['findings.md', 'Findings'],
    ['er-diagram.md', 'ER diagram (Mermaid)'],
  ] as const) {
    const path = docPages.get(file);
    if (path) links.push({ label, target: path });
  }
  return links;
}

/** The diagram pages: the first at `diagram.html`, the others at `diagrams/N.html`. */
function diagramPages(diagrams: SiteDiagrams | undefined): NavLink[] {
  return (diagrams?.list ?? []).map((d, i) => ({
    label: d.title,
    target: i === 0 ? SITE_DIAGRAM : `${SITE_DIAGRAMS_DIR}/${i + 1}.html`,
  }));
}
