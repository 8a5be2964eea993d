import { posix } from 'node:path';
import type { Marked, Tokens } from 'marked';
import { anchor } from '../render/markdown.js';
import { html, relativeUrl, safeLinkTarget } from './escape.js';
import { relativeTo } from './paths.js';

/**
 * Where a document's relative link goes in the site: the page of a rendered document, a copied
 * artefact, or (for anything else) the same file the link meant beside the Markdown documents.
 */
export interface LinkMap {
  /** Site path for an output-relative path (a `.md` document or a copied artefact), if any. */
  sitePath(outputPath: string): string | undefined;
  /** The site-relative path of the documents folder's `path` when the site does not hold it. */
  outside(outputPath: string): string;
}

/** Raw HTML the renderer itself writes into Markdown: line breaks and entity-only code spans. */
const ALLOWED_TAG = /^<\/?(?:br|code)\s*\/?>$/i;
const RAW_PARTS = /<!--[\s\S]*?(?:-->|$)|<[^>]*>?/g;

/**
 * Raw HTML inside a document, made inert: comments (ormdoc's markers) dropped, `<br>` and
 * `<code>` kept bare, every other tag shown as text. Entities stay entities.
 */
export function inertHtml(raw: string): string {
  return raw.replace(RAW_PARTS, (part) => {
    if (part.startsWith('<!--')) return '';
    if (ALLOWED_TAG.test(part)) return part.replace(/\s*\/?>$/, '>').toLowerCase();
    return html(part);
  });
}

/** Plain text of inline HTML (heading slugs, page titles): tags removed, the entities ormdoc writes decoded. */
export function textOf(inline: string): string {
  return inline
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface MarkdownRenderer {
  /** `markdown` (the document at output path `source`) as HTML for the site page `page`. */
  render(markdown: string, source: string, page: string): string;
}

/**
 * A Markdown-to-HTML renderer for ormdoc's documents (marked, GitHub-flavoured, loaded on first
 * use): headings get GitHub's anchors so the documents' `#fragment` links still land; relative
 * links are rewritten to the site's pages; unsafe URLs lose their link; raw HTML is made inert;
 * Mermaid blocks are folded away (the site shows the SVG diagrams instead).
 */
export async function createMarkdownRenderer(links: LinkMap): Promise<MarkdownRenderer> {
  const { Marked: MarkedClass } = await import('marked');
  let source = '';
  let page = '';
  let slugs = new Map<string, number>();

  const rewrite = (href: string): string | undefined => {
    const safe = safeLinkTarget(href);
    if (safe === undefined) return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(safe) || safe.startsWith('#')) return safe;
    const hashAt = safe.indexOf('#');
    const pathPart = hashAt < 0 ? safe : safe.slice(0, hashAt);
    const fragment = hashAt < 0 ? '' : safe.slice(hashAt);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart.split('?')[0]!);
    } catch {
      return undefined;
    }
    const outputPath = posix.normalize(posix.join(posix.dirname(source), decoded));
    const target = links.sitePath(outputPath) ?? links.outside(outputPath);
    return `${relativeUrl(relativeTo(page, target))}${fragment}`;
  };

  const marked: Marked = new MarkedClass({
    gfm: true,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return inertHtml(text);
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const base = anchor(textOf(inner));
        const seen = slugs.get(base) ?? 0;
        slugs.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        return `<h${depth} id="${html(id)}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const target = rewrite(href);
        if (target === undefined) return inner;
        return `<a href="${html(target)}"${title ? ` title="${html(title)}"` : ''}>${inner}</a>`;
      },
      image({ href, text }: Tokens.Image) {
        const target = rewrite(href);
        if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) return html(text);
        return `<img src="${html(target)}" alt="${html(text)}">`;
      },
      code({ text, lang }: Tokens.Code) {
        const block = `<pre><code>${html(text)}</code></pre>`;
        if (lang === 'mermaid')
          return `<details class="mermaid-source"><summary>Mermaid source</summary>${block}</details>\n`;
        const cls = lang && /^[\w-]+$/.test(lang) ? ` class="language-${lang}"` : '';
        return `<pre><code${cls}>${html(text)}</code></pre>\n`;
      },
    },
  });

  return {
    render(markdown, from, to) {
      source = from;
      page = to;
      slugs = new Map();
      return marked.parse(markdown, { async: false }) as string;
    },
  };
}
