/**
 * A line scanner of the top-level blocks of one Prisma schema file. It exists for speed: Prisma's
 * DMMF leaves out some facts ormdoc documents (views, `@ignore`, `Unsupported(...)`,
 * `@relation(map:)`...), and reading them with a whole-file prisma-ast parse took ~50 % of the
 * extraction and 2.6 GB at 10,000 models (BENCHMARKS.md, round 11). Prisma's grammar makes both
 * braces of a block line-bound (`model Name {` ... a line that is just `}`), so blocks can be
 * found without parsing their contents. For each block the scanner decides whether it is
 * "plain": its text adds nothing to what the DMMF already has, so kind, name, place and `///` docs
 * are enough and the block need not be parsed with prisma-ast at all; the others are parsed one
 * by one (schemaText.ts).
 *
 * The scanner gives up (returns `undefined`) on anything it does not understand; the caller then
 * parses the whole file as before, so correctness never depends on it (schemaText.test.ts compares
 * both readers on every schema of the repo). Its one job is finding blocks; what is read from the
 * configuration blocks is in configBlocks.ts, the Prisma 6 datasource URLs in datasourceUrls.ts.
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

export const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

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
