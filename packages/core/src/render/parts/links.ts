import { qualifiedName } from '../../ir/names.js';
import type { Table, TableRef } from '../../ir/types.js';
import type { RenderContext } from '../context.js';
import { code, escapeHeading, href, link, Slugger } from '../markdown.js';

/** The heading of a table's section in the schema reference ("### users Table"). */
export function tableHeadingText(t: Pick<Table, 'schema' | 'name' | 'kind'>): string {
  const kind = t.kind === 'view' ? 'View' : t.kind === 'materialized-view' ? 'Materialized View' : 'Table';
  return `${escapeHeading(qualifiedName(t))} ${kind}`;
}

/**
 * Anchor of each table's section inside the schema reference (single-file layout). Table headings
 * end in "Table"/"View", which no static heading of that document does, so only the table headings
 * themselves can collide; they are slugged in document (alphabetical) order like GitHub does.
 */
export function schemaTableAnchors(ctx: RenderContext): Map<string, string> {
  const slugger = new Slugger();
  const out = new Map<string, string>();
  for (const t of ctx.tables) out.set(qualifiedName(t), slugger.slug(tableHeadingText(t)));
  return out;
}

/**
 * A link from another document to a table's reference section (its own file in the per-table
 * layout), or the table name as code when the schema reference is not generated. `up` prefixes the
 * target for a document in a subfolder (`../` from `domains/`).
 */
export function tableLink(
  ctx: RenderContext,
  ref: TableRef,
  options: { text?: string; local?: boolean; up?: string } = {},
): string {
  const key = qualifiedName(ref);
  const text = options.text ?? key;
  const up = options.up ?? '';
  const file = ctx.tableFiles.get(key);
  if (file) return `[${code(text)}](${href(`${up}${file}`)})`;
  const anchor = ctx.anchors.get(key);
  if (!anchor) return code(text);
  if (options.local) return `[${code(text)}](#${anchor})`;
  const schemaDoc = ctx.documents.schema;
  return schemaDoc ? `[${code(text)}](${href(`${up}${schemaDoc}`, anchor)})` : code(text);
}

/** A link to a section of another generated document, or undefined when that document is not written. */
export function docLink(
  ctx: RenderContext,
  id: keyof RenderContext['documents'],
  text: string,
  anchor?: string,
): string | undefined {
  const file = ctx.documents[id];
  return file ? link(text, file, anchor) : undefined;
}
