import { posix } from 'node:path';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { tableFileName } from '../render/index.js';

/** Where each kind of page sits in the site (posix paths relative to its root). */
export const SITE_INDEX = 'index.html';
export const SITE_DIAGRAM = 'diagram.html';
export const SITE_DIAGRAMS_DIR = 'diagrams';
export const SITE_DOCS_DIR = 'docs';
export const SITE_TABLES_DIR = 'tables';
/** A file in every site ormdoc writes: `ormdoc site` only ever replaces a folder that holds it. */
export const SITE_MARKER = '.ormdoc-site';

/**
 * A page name per table, `tables/<name>.html`: the name of its per-table Markdown file
 * (`tableFileName`: anything outside `[A-Za-z0-9._-]` replaced), names that collide (also by case,
 * for case-insensitive file systems) with `-2`, `-3`..., as the renderer numbers them, so
 * `tables/<name>.md` and `tables/<name>.html` are the same table. Keys are qualified table names.
 */
export function tablePages(tables: readonly Table[]): Map<string, string> {
  const pages = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of tables) {
    const safe = tableFileName(t).replace(/\.md$/, '');
    let name = safe;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${safe}-${n}`;
    taken.add(name.toLowerCase());
    pages.set(qualifiedName(t), `${SITE_TABLES_DIR}/${name}.html`);
  }
  return pages;
}

/** The site page of a rendered Markdown document: `docs/<path>.html`. */
export function docPage(markdownPath: string): string {
  return `${SITE_DOCS_DIR}/${markdownPath.replace(/\.md$/i, '')}.html`;
}

/** The path of `target` as seen from the page `from` (both relative to the site root). */
export function relativeTo(from: string, target: string): string {
  const rel = posix.relative(posix.dirname(from), target);
  return rel === '' ? posix.basename(target) : rel;
}
