import { balancedEnd, directiveEnd } from './directives.js';
import type { Tag } from './types.js';

/** One tag token: `@name` or `@name(value)`, followed by whitespace or the end. */
const TAG = /@([a-zA-Z][\w-]*)(?:\(([^)]*)\))?/y;

/**
 * `@words` that are prose wherever they stand: JSDoc block tags that introduce text
 * (`@property id - Unique identifier`, `@see`, `@example`) and Prisma's own attributes quoted in a
 * comment ("enforced by @unique", "set by @updatedAt").
 */
const NEVER_TAGS = new Set([
  'property',
  'prop',
  'param',
  'arg',
  'argument',
  'returns',
  'return',
  'see',
  'example',
  'remarks',
  'link',
  'throws',
  'type',
  'typedef',
  'id',
  'unique',
  'default',
  'relation',
  'map',
  'updatedat',
  'ignore',
  'db',
  'index',
  'fulltext',
]);

export interface ParseDescriptionOptions {
  /**
   * The comment is on a field prisma-json-types-generator may type (a Prisma `Json` or `String`
   * field): a leading `[TypeName]` or `![literal type]` is its annotation, kept as the
   * `json-type` tag. Elsewhere a leading `[...]` is prose.
   */
  jsonType?: boolean;
}

/**
 * Split a description into prose and tags: `"Login email @pii @owner(identity)"` gives
 * `{ text: "Login email", tags: [{name:"pii"}, {name:"owner", value:"identity"}] }`.
 *
 * Tags are taken only where they cannot be prose: a run of tags at the start or at the end of a
 * line (so "the `recipientId @unique` constraint" keeps its `@unique`); inside backticks nothing
 * is a tag, and neither are JSDoc's text-introducing tags (`@property x - ...`, `@see`) nor Prisma's
 * attributes quoted in prose (`@unique`, `@default`). Directives of other generators (`@zod.*`, `@TypeGraphQL.*`, `@DtoReadOnly`,
 * `@HideField()`... see directives.ts) are removed, and a prisma-json-types-generator annotation
 * becomes the `json-type` tag (with `options.jsonType`). Tags are lower-cased and deduplicated;
 * lines left empty by the removal are dropped, the rest trimmed (inner newlines kept).
 */
export function parseDescription(
  raw: string | undefined | null,
  options: ParseDescriptionOptions = {},
): { text?: string; tags: Tag[] } {
  if (raw === undefined || raw === null) return { tags: [] };
  const tags: Tag[] = [];
  const seen = new Set<string>();
  const add = (tag: Tag) => {
    const key = `${tag.name}\u0000${tag.value ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  };
  let source = raw;
  if (options.jsonType) {
    const annotation = jsonTypeAnnotation(source);
    if (annotation) {
      add({ name: 'json-type', value: annotation.type });
      source = source.trimStart().slice(annotation.length);
    }
  }
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (line.trim() === '') {
      lines.push('');
      continue;
    }
    // A line that is only an annotation, once other generators' directives are taken out (the
    // trailing `/// [Type] @zod...` of a field, which Prisma appends after the leading `///`
    // lines), names the JSON shape too; it is no prose.
    const stripped = withoutDirectives(line);
    const alone = options.jsonType ? jsonTypeAnnotation(stripped) : undefined;
    if (alone && stripped.trim().length === alone.length) {
      add({ name: 'json-type', value: alone.type });
      continue;
    }
    const kept = takeTags(stripped, add)
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (kept) lines.push(kept);
  }
  const cleaned = lines.join('\n').trim();
  return cleaned ? { text: cleaned, tags } : { tags };
}

/**
 * prisma-json-types-generator's annotation: the comment starts with `[Type]` or `![literal]`
 * (balanced brackets, not empty), as that generator reads it.
 */
function jsonTypeAnnotation(text: string): { type: string; length: number } | undefined {
  const trimmed = text.trimStart();
  const literal = trimmed.startsWith('!');
  const open = literal ? 1 : 0;
  if (trimmed[open] !== '[') return undefined;
  const end = balancedEnd(trimmed, open);
  const type = end === -1 ? '' : trimmed.slice(open + 1, end - 1).trim();
  if (!type || trimmed[end] === '(') return undefined; // `![alt](url)` is a markdown image
  return { type, length: end };
}

/** The line without generator directives; text inside backticks is left as it is. */
function withoutDirectives(line: string): string {
  let out = '';
  let code = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '`') code = !code;
    if (!code && ch === '@' && (i === 0 || /\s/.test(line[i - 1] as string))) {
      const end = directiveEnd(line, i);
      if (end !== -1) {
        i = end - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Tags of the leading and the trailing run of a line (`add`), and the prose between them. */
function takeTags(line: string, add: (tag: Tag) => void): string {
  const tokens = tokenize(line);
  let first = 0;
  while (first < tokens.length && tokens[first]?.tag) first++;
  let last = tokens.length;
  while (last > first && tokens[last - 1]?.tag) last--;
  for (const t of [...tokens.slice(0, first), ...tokens.slice(last)]) if (t.tag) add(t.tag);
  return tokens
    .slice(first, last)
    .map((t) => t.text)
    .join(' ');
}

interface Token {
  text: string;
  tag?: Tag;
}

/** Whitespace-separated words, a `@name(value with spaces)` kept whole; words in backticks are never tags. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let code = false;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] as string)) i++;
    if (i >= line.length) break;
    TAG.lastIndex = i;
    const m = code ? null : TAG.exec(line);
    const name = m?.[1]?.toLowerCase() ?? '';
    if (
      m &&
      !NEVER_TAGS.has(name) &&
      (m.index + m[0].length === line.length || /\s/.test(line[m.index + m[0].length] as string))
    ) {
      tokens.push({ text: m[0], tag: m[2] === undefined ? { name } : { name, value: m[2].trim() } });
      i += m[0].length;
      continue;
    }
    let j = i;
    while (j < line.length && !/\s/.test(line[j] as string)) {
      if (line[j] === '`') code = !code;
      j++;
    }
    tokens.push({ text: line.slice(i, j) });
    i = j;
  }
  return tokens;
}

/** Merge tag lists keeping the first occurrence of each name/value pair. */
export function mergeTags(...lists: Tag[][]): Tag[] {
  const out: Tag[] = [];
  const seen = new Set<string>();
  for (const list of lists)
    for (const t of list) {
      const key = `${t.name}\u0000${t.value ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(t);
      }
    }
  return out;
}
