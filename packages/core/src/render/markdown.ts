/**
 * Markdown safety. Everything that comes from a schema (names, comments, defaults) goes through
 * one of these before it reaches a document, so a hostile name can neither break a table, close
 * an HTML comment (our markers) nor inject HTML.
 */

/** Escape `&`, `<`, `>` as entities (so `<script>` and `-->` stay text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Inline text: entities, newlines collapsed to spaces; backticks as entities (schema text cannot open
 * a code span that swallows later Markdown) and a `]` before `(`, `[` or `:` as an entity (it cannot
 * form a link). Other brackets stay readable, e.g. `@@index([userId])`.
 */
export function escapeText(text: string): string {
  return escapeHtml(text.replace(/\r?\n|\r/g, ' '))
    .replace(/`/g, '&#96;')
    .replace(/\](?=[([:])/g, '&#93;');
}

/** A table cell: entities, `|` and backticks as entities, newlines as `<br>`, trimmed. Never empty. */
export function escapeCell(text: string): string {
  const cell = escapeHtml(text.trim())
    .replace(/\|/g, '&#124;')
    .replace(/`/g, '&#96;')
    .replace(/\\/g, '&#92;')
    .replace(/\](?=[([:])/g, '&#93;')
    .replace(/\r?\n|\r/g, '<br>');
  return cell === '' ? ' ' : cell;
}

/**
 * An identifier shown as code. Backticks in the value lengthen the fence; `|` is written as `\|`
 * (GFM keeps that inside code spans in tables); newlines become spaces.
 */
export function code(text: string): string {
  // Most identifiers hold none of the characters handled below: the same text, without three scans.
  if (text !== '' && !/[\r\n|`]/.test(text)) return `\`${text}\``;
  const raw = text.replace(/\r?\n|\r/g, ' ');
  // GFM splits table rows at `|` even inside code spans, and `\\|` still splits; a value with a pipe
  // is written as a <code> element whose content is all entities (Markdown stays inert inside).
  if (raw.includes('|'))
    return `<code>${[...raw].map((ch) => (/[A-Za-z0-9 ]/.test(ch) ? ch : `&#${ch.codePointAt(0)};`)).join('')}</code>`;
  const flat = raw;
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
  // A heading is a one-line block: a backtick in it cannot pair with anything after it, so it stays
  // a backtick (GitHub then drops it from the anchor, as `headingText` does).
  return escapeText(text)
    .replace(/&#96;/g, '`')
    .replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'));
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
  const longest = body.includes('```')
    ? Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length))
    : 2;
  const f = '`'.repeat(longest + 1);
  // trimEnd strips exactly what `\s+$` matches (WhiteSpace and LineTerminator), without a regex pass over the body.
  return `${f}${lang}\n${body.trimEnd()}\n${f}`;
}

/** A bullet list; an empty list renders as the given one-line note. */
export function bullets(items: string[], empty: string): string {
  return items.length === 0 ? empty : items.map((i) => `- ${i}`).join('\n');
}

/** A relative link target: percent-encoded per path segment, an optional `#anchor` kept as is. */
export function href(target: string, fragment?: string): string {
  const path = target
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
  return fragment ? `${path}#${fragment}` : path;
}

/** Link text escaped; target percent-encoded per path segment. */
export function link(text: string, target: string, fragment?: string): string {
  return `[${linkText(text)}](${href(target, fragment)})`;
}

/** A link to a heading of the same document. */
export function localLink(text: string, anchorId: string): string {
  return `[${linkText(text)}](#${anchorId})`;
}

/** A link's text: inline text with brackets escaped, and `|` as an entity (links sit in table cells too). */
function linkText(text: string): string {
  return escapeText(text).replace(/[[\]]/g, '\\$&').replace(/\|/g, '&#124;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * The text GitHub derives a heading's anchor from: code-span backticks, emphasis markers, escapes
 * and link syntax removed, entities decoded.
 */
export function headingText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/<\/?code>/g, '')
    .replace(/&(amp|lt|gt|quot|#\d+);/g, (_m, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? ''),
    )
    .replace(/(^|\s)[*_]+|[*_]+(?=\s|$)/g, '$1')
    .trim();
}

/**
 * GitHub-style anchors for the headings of one document, in order: the same text a second time
 * gets `-1`, then `-2`, as GitHub does.
 */
export class Slugger {
  private readonly occurrences = new Map<string, number>();

  slug(markdownHeading: string): string {
    const base = anchor(headingText(markdownHeading));
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}

/** The ATX headings of a Markdown document outside fenced code, with their level, text and anchor. */
export function documentHeadings(markdown: string): Array<{ level: number; text: string; anchor: string }> {
  const out: Array<{ level: number; text: string; anchor: string }> = [];
  const slugger = new Slugger();
  let fenceMark: string | undefined;
  for (const line of markdown.split('\n')) {
    const first = line.charCodeAt(0);
    // Only lines starting with '#', '`' or '~' can open a heading or a fence.
    if (first !== 35 && first !== 96 && first !== 126) continue;
    const f = /^(`{3,}|~{3,})/.exec(line);
    if (f) {
      const mark = f[1] as string;
      if (fenceMark === undefined) fenceMark = mark;
      else if (mark[0] === fenceMark[0] && mark.length >= fenceMark.length && line.trim() === mark)
        fenceMark = undefined;
      continue;
    }
    if (fenceMark !== undefined) continue;
    const h = /^(#{1,6}) (.*?)\s*$/.exec(line);
    if (h)
      out.push({
        level: (h[1] as string).length,
        text: h[2] as string,
        anchor: slugger.slug(h[2] as string),
      });
  }
  return out;
}
