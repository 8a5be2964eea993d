/**
 * Markdown safety. Everything that comes from a schema (names, comments, defaults) goes through
 * one of these before it reaches a document, so a hostile name can neither break a table, close
 * an HTML comment (our markers) nor inject HTML.
 */

/** Escape `&`, `<`, `>` as entities (so `<script>` and `-->` stay text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline text: entities, newlines collapsed to spaces. */
export function escapeText(text: string): string {
  return escapeHtml(text.replace(/\r?\n|\r/g, ' '));
}

/** A table cell: entities, `|` and backticks as entities, newlines as `<br>`, trimmed. Never empty. */
export function escapeCell(text: string): string {
  const cell = escapeHtml(text.trim())
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\\/g, '&#92;')
    .replace(/\r?\n|\r/g, '<br>');
  return cell === '' ? ' ' : cell;
}

/**
 * An identifier shown as code. Backticks in the value lengthen the fence; `|` is written as `\|`
 * (GFM keeps that inside code spans in tables); newlines become spaces.
 */
export function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A Markdown table row of already-escaped cells. */
export function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A Markdown table: header cells are plain text, rows are escaped by the caller (use `escapeCell`/`code`). */
export function table(header: string[], rows: string[][]): string {
  const lines = [row(header), row(header.map(() => '---'))];
  for (const r of rows) {
    if (r.length !== header.length)
      throw new Error(`table row has ${r.length} cells, header ${header.length}`);
    lines.push(row(r));
  }
  return lines.join('\n');
}

/** Heading text: one line, entities, trailing `#` escaped so it is not taken as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeText(text).replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'));
}

/** GitHub-style anchor slug of a heading's text. */
export function anchor(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function fence(lang: string, body: string): string {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${body.replace(/\s+$/, '')}\n${f}`;
}

/** A bullet list; an empty list renders as the given one-line note. */
export function bullets(items: string[], empty: string): string {
  return items.length === 0 ? empty : items.map((i) => `- ${i}`).join('\n');
}

/** Link text escaped; target percent-encoded per path segment. */
export function link(text: string, target: string): string {
  const href = target
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
  return `[${escapeText(text).replace(/[[\]]/g, '\\$&')}](${href})`;
}
