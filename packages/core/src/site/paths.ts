import { posix } from 'node:path';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';

/** Where each kind of page sits in the site (posix paths relative to its root). */
export const SITE_INDEX = 'index.html';
export const SITE_DIAGRAM = 'diagram.html';
export const SITE_DOCS_DIR = 'docs';
export const SITE_TABLES_DIR = 'tables';
/** A file in every site ormdoc writes: `ormdoc site` only ever replaces a folder that holds it. */
export const SITE_MARKER = '.ormdoc-site';

/**
 * A page name per table, `tables/<name>.html`, from the database name with anything outside
 * `[A-Za-z0-9._-]` replaced; names that collide (also by case, for case-insensitive file systems)
 * get `-2`, `-3`... The map's keys are qualified table names.
 */
export function tablePages(tables: readonly Table[]): Map<string, string> {
  const pages = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of tables) {
    const raw = t.schema === null ? t.name : `${t.schema}.${t.name}`;
    const safe =
      raw
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .replace(/\.{2,}/g, '_')
        .replace(/^\./, '_')
        .slice(0, 120) || '_';
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
