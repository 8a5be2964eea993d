import { createHash } from 'node:crypto';
import { SITE_CSS } from './assets.js';
import { html, relativeUrl } from './escape.js';
import { relativeTo, SITE_DIAGRAM, SITE_INDEX } from './paths.js';

/** A link in the header of every page: its label and its target (site-relative). */
export interface NavLink {
  label: string;
  target: string;
}

export interface PageOptions {
  /** The page's own path in the site, for relative links. */
  path: string;
  /** Plain text; escaped here. */
  title: string;
  /** The site's name (the schema's), plain text. */
  siteName: string;
  /** The page's body, already HTML (every schema value in it encoded by its author). */
  body: string;
  /** Inline scripts this page runs (allowed by hash). */
  scripts?: string[];
  /** Inline `<style>` contents inside embedded SVGs (allowed by hash). */
  svgStyles?: string[];
  nav: NavLink[];
  /** `main` as wide as the window (the diagram page). */
  wide?: boolean;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const CSS_HASH = hash(SITE_CSS);

/**
 * The Content-Security-Policy of a page: nothing by default; the site's style sheet and this
 * page's scripts by hash; images from the site's own files (the documents' SVG pictures). No network, no inline handlers, no
 * plugins, no `<base>` rewriting, no form posts.
 */
export function contentSecurityPolicy(scripts: readonly string[], svgStyles: readonly string[] = []): string {
  const scriptSrc = scripts.length ? scripts.map(hash).join(' ') : "'none'";
  const styleSrc = [CSS_HASH, ...[...new Set(svgStyles)].map(hash)].join(' ');
  return [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    `style-src ${styleSrc}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A whole HTML page: head with CSP and style, the header's navigation, the body, its scripts. */
export function page(options: PageOptions): string {
  const scripts = options.scripts ?? [];
  const link = (target: string) => html(relativeUrl(relativeTo(options.path, target)));
  const nav = options.nav
    .map((l) => {
      const current = l.target === options.path ? ' aria-current="page"' : '';
      return `<a href="${link(l.target)}"${current}>${html(l.label)}</a>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${html(contentSecurityPolicy(scripts, options.svgStyles))}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="ormdoc">
<title>${html(options.title)} · ${html(options.siteName)}</title>
<style>${SITE_CSS}</style>
</head>
<body>
<header class="site"><a class="brand" href="${link(SITE_INDEX)}">${html(options.siteName)}</a><nav>${nav}</nav></header>
<main${options.wide ? ' class="wide"' : ''}>
${options.body}
</main>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

/** The header links: tables, diagram, then the documents. */
export function navigation(documents: NavLink[], hasDiagram: boolean): NavLink[] {
  return [
    { label: 'Tables', target: SITE_INDEX },
    ...(hasDiagram ? [{ label: 'Diagram', target: SITE_DIAGRAM }] : []),
    ...documents,
  ];
}
