/**
 * A line scanner of the top-level blocks of one Prisma schema file. Prisma's grammar makes both
 * braces of a block line-bound (`model Name {` ... a line that is just `}`), so blocks can be found
 * without parsing their contents. For each block the scanner decides whether it is "plain": its
 * text adds nothing to what the DMMF already has, so kind, name, place and `///` docs are enough and
 * the block need not be parsed with prisma-ast at all.
 *
 * The scanner gives up (returns `undefined`) on anything it does not understand; the caller then
 * parses the whole file as before, so correctness never depends on it.
 */

export type BlockKind = 'model' | 'view' | 'enum' | 'type' | 'datasource' | 'generator';

export interface ScannedBlock {
  kind: BlockKind;
  name: string;
  /** 0-based line of the first line after the previous block: where this block's leading comments start. */
  lead: number;
  /** Character offset of `lead` in the file. */
  leadOffset: number;
  /** 0-based line of the header (`model Name {`). */
  start: number;
  /** 0-based line of the closing `}`. */
  end: number;
  /**
   * Nothing to parse: a model without `@ignore`/`@@ignore`, `Unsupported(`, `@relation(..., map:)`,
   * a fractional `@default(2.50)`
   * or a `///` that is not right above a field; an enum without `@@schema` and `///` inside (the
   * DMMF has everything else); a generator or composite type (ormdoc reads nothing of them).
   * Views and datasources are never plain.
   */
  plain: boolean;
  /** The `///` lines before the header, as prisma-ast attaches them to the block. */
  docs: string[];
}

export interface ScannedSchema {
  /** The file split on `\n` (a `\r` of CRLF files stays at the end of its line). */
  lines: string[];
  blocks: ScannedBlock[];
}

const HEADER = /^\s*(model|view|enum|type|datasource|generator)\s+([A-Za-z]\w*)\s*\{$/;
const CLOSE = /^\s*\}\s*$/;
const BLANK = /^\s*$/;
const RELATION_MAP = /\bmap\s*:/;
/** A fractional default (`@default(2.50)`, `@default("2.00")`): the DMMF keeps only the number. */
const FRACTION_DEFAULT = /@default\(\s*"?-?\d*\.\d/;

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Scan one file; `undefined` when it holds something the scanner does not understand. */
export function scanSchema(content: string): ScannedSchema | undefined {
  // prisma-ast's lexer treats these as whitespace that ends a comment: leave such files to it.
  if (content.includes('\u2028') || content.includes('\u2029')) return undefined;
  const lines = content.split('\n');
  const blocks: ScannedBlock[] = [];
  let offset = 0;
  let lead = 0;
  let leadOffset = 0;
  // Between blocks: the `///` docs prisma-ast would attach to the next block. A run of blank lines
  // right after a comment resets them only if its first line is empty: a whitespace-only line is
  // one whitespace token with every line break after it, so no two line breaks meet.
  let docs: string[] = [];
  let swallowing = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = stripCr(raw);
    const header = HEADER.exec(line);
    if (header) {
      const end = closingLine(lines, i + 1);
      if (end === undefined) return undefined;
      const kind = header[1] as BlockKind;
      blocks.push({
        kind,
        name: header[2]!,
        lead,
        leadOffset,
        start: i,
        end,
        plain: isPlain(kind, lines, i + 1, end),
        docs,
      });
      for (let j = i; j <= end; j++) offset += lines[j]!.length + 1;
      i = end;
      lead = end + 1;
      leadOffset = offset;
      docs = [];
      // (Trailing whitespace after `}` would take the next line breaks with it, but blank lines
      // before the next comment can only drop docs that are still empty.)
      swallowing = false;
      continue;
    }
    offset += raw.length + 1;
    if (line === '') {
      if (!swallowing) docs = [];
    } else if (BLANK.test(line)) {
      swallowing = true;
    } else {
      const text = line.trimStart();
      if (!text.startsWith('//')) return undefined;
      swallowing = false;
      if (text.startsWith('///')) docs.push(text.slice(3).trim());
    }
  }
  return { lines, blocks };
}

/** The line of the `}` closing a block whose body starts at `from`; `undefined` when a header comes first. */
function closingLine(lines: readonly string[], from: number): number | undefined {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (CLOSE.test(line)) return j;
    if (HEADER.test(stripCr(line))) return undefined;
  }
  return undefined;
}

function isPlain(kind: BlockKind, lines: readonly string[], from: number, end: number): boolean {
  switch (kind) {
    case 'model':
      return plainModel(lines, from, end);
    case 'enum':
      for (let j = from; j < end; j++) {
        const line = lines[j]!;
        if (line.includes('///') || line.includes('@@schema')) return false;
      }
      return true;
    case 'view':
    case 'datasource':
      return false; // always read from the text
    case 'type':
    case 'generator':
      return true; // nothing ormdoc reads
  }
}

function plainModel(lines: readonly string[], from: number, end: number): boolean {
  let docPending = false;
  for (let j = from; j < end; j++) {
    const line = lines[j]!;
    if (line.includes('@ignore') || line.includes('Unsupported')) return false;
    if (FRACTION_DEFAULT.test(line)) return false;
    if (line.includes('@relation') && RELATION_MAP.test(line)) return false;
    const text = line.trim();
    const isDoc = text.startsWith('///');
    // A `///` must sit right above a field (or another `///`): the DMMF then has the same docs.
    if (docPending && !isDoc && (text === '' || text.startsWith('//') || text.startsWith('@@'))) return false;
    docPending = isDoc;
  }
  return !docPending;
}

/**
 * The file with every line outside `datasource` and `generator` blocks blanked: what get_config
 * reads, at the same line numbers.
 */
export function configOnly(content: string, scan: ScannedSchema): string {
  const lines = content.split('\n');
  const out = new Array<string>(lines.length).fill('');
  for (const b of scan.blocks) {
    if (b.kind !== 'datasource' && b.kind !== 'generator') continue;
    for (let j = b.start; j <= b.end; j++) out[j] = lines[j] ?? '';
  }
  return out.join('\n');
}

/** A datasource assignment's value in prisma-ast's shape: string literals keep their quotes. */
export type AssignmentValue =
  | string
  | { type: 'array'; args: string[] }
  | { type: 'function'; name: 'env'; params: string[] };

const ASSIGNMENT = /^\s*([A-Za-z]\w*)\s*=\s*(.*?)\s*$/;
const STRING = /^"[^"\\]*"$/;
const STRING_ARRAY = /^\[\s*(?:"[^"\\]*"(?:\s*,\s*"[^"\\]*")*)?\s*\]$/;
const STRINGS = /"[^"\\]*"/g;
const ENV = /^env\(\s*("[^"\\]*")\s*\)$/;

/**
 * The assignments of a datasource block whose lines are all `key = "string"`, `key = ["a", "b"]`,
 * `key = env("X")`, comments or blank: `undefined` for anything else (prisma-ast reads those).
 */
export function datasourceAssignments(
  scan: ScannedSchema,
  block: ScannedBlock,
): Array<{ key: string; value: AssignmentValue }> | undefined {
  const out: Array<{ key: string; value: AssignmentValue }> = [];
  for (let j = block.start + 1; j < block.end; j++) {
    const line = stripCr(scan.lines[j]!);
    const text = line.trim();
    if (text === '' || text.startsWith('//')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) return undefined;
    const raw = m[2]!;
    const env = ENV.exec(raw);
    if (STRING.test(raw)) out.push({ key: m[1]!, value: raw });
    else if (STRING_ARRAY.test(raw))
      out.push({ key: m[1]!, value: { type: 'array', args: raw.match(STRINGS) ?? [] } });
    else if (env) out.push({ key: m[1]!, value: { type: 'function', name: 'env', params: [env[1]!] } });
    else return undefined;
  }
  return out;
}

const DATASOURCE_LINE = /^[^\S\n]*datasource[^\S\n]+\w+[^\S\n]*\{/gm;
const DATASOURCE_HEADER = /^\s*datasource\s+\w+\s*\{/;
const URL_ASSIGNMENT = /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/;
const CLOSING = /^\s*}/;

/**
 * Prisma 7 rejects `url`/`directUrl`/`shadowDatabaseUrl` in schema files; Prisma 6 schemas have
 * them. Blank those lines out of datasource blocks (keeping line numbers) before validation.
 * Only the lines from a `datasource` header to its `}` are looked at.
 */
export function stripDatasourceUrls(content: string): string {
  let out = '';
  let copied = 0;
  DATASOURCE_LINE.lastIndex = 0;
  for (let m = DATASOURCE_LINE.exec(content); m; m = DATASOURCE_LINE.exec(content)) {
    if (m.index > 0 && content[m.index - 1] !== '\n') continue; // `^` also matches after a lone `\r`
    let eol = content.indexOf('\n', m.index);
    while (eol !== -1) {
      const start = eol + 1;
      const next = content.indexOf('\n', start);
      const line = content.slice(start, next === -1 ? content.length : next);
      if (!DATASOURCE_HEADER.test(line)) {
        if (CLOSING.test(line)) break;
        if (URL_ASSIGNMENT.test(line)) {
          out += content.slice(copied, start);
          copied = next === -1 ? content.length : next;
        }
      }
      eol = next;
    }
    DATASOURCE_LINE.lastIndex = eol === -1 ? content.length : eol + 1;
  }
  return copied === 0 ? content : out + content.slice(copied);
}
