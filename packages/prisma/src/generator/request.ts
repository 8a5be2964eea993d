/**
 * Reading a request Prisma sends the generator (one JSON line) without building what ormdoc never
 * reads. The `generate` request carries the whole DMMF, and 97 % of its bytes are `dmmf.schema`
 * (the query engine's input and output types: 19 MB at 100 models, 221 MB at 1,000), which
 * `JSON.parse` would turn into objects only to drop them (2.5 s of CPU at 1,000 models, and a heap
 * that every later garbage collection walks). ormdoc reads `dmmf.datamodel` only, so that member is
 * skipped over in the bytes; every other member is parsed with `JSON.parse` as before.
 *
 * The skip first tries the member that follows it in every Prisma version (`,"mappings":`, found by
 * `indexOf`); the walk over the rest must then end exactly at the end of the line, which it cannot
 * if that text was met anywhere else (inside the schema the walk would close its objects early,
 * outside it the line would end inside one). Otherwise the member is skipped by scanning its
 * brackets and strings, and a line that is not one JSON object is handed to `JSON.parse` whole,
 * which reports the error as before.
 */

/** Lines shorter than this are parsed whole: the skip is only worth it for a DMMF. */
const LEAN_FROM_BYTES = 1 << 20;
/** The member left out: `params.dmmf.schema`. */
const SKIPPED = ['params', 'dmmf', 'schema'];
const NEXT_MEMBER = Buffer.from(',"mappings":');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

class Malformed extends Error {}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The index after the string that opens at `i` (a quote). */
function stringEnd(b: Buffer, i: number): number {
  for (let q = b.indexOf(QUOTE, i + 1); q !== -1; q = b.indexOf(QUOTE, q + 1)) {
    let backslashes = 0;
    while (b[q - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
  throw new Malformed('unterminated string');
}

/** The index after the JSON value that starts at `i`. */
function valueEnd(b: Buffer, i: number): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i);
  if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
    let j = i;
    while (j < b.length && b[j] !== COMMA && b[j] !== CLOSE_OBJECT && b[j] !== CLOSE_ARRAY && !isSpace(b[j]))
      j++;
    if (j === i) throw new Malformed('value expected');
    return j;
  }
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const d = b[j];
    if (d === QUOTE) j = stringEnd(b, j) - 1;
    else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
    else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --depth === 0) return j + 1;
  }
  throw new Malformed('unbalanced brackets');
}

function leanParse(b: Buffer, shortcut: boolean): unknown {
  let pos = 0;
  const space = () => {
    while (isSpace(b[pos])) pos++;
  };
  const expect = (c: number) => {
    space();
    if (b[pos] !== c) throw new Malformed(`expected ${String.fromCharCode(c)} at byte ${pos}`);
    pos++;
  };
  const skipped = (): number => {
    if (shortcut) {
      const next = b.indexOf(NEXT_MEMBER, pos);
      if (next > pos) return next;
    }
    return valueEnd(b, pos);
  };
  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    expect(OPEN_OBJECT);
    space();
    if (b[pos] === CLOSE_OBJECT) {
      pos++;
      return out;
    }
    for (;;) {
      space();
      if (b[pos] !== QUOTE) throw new Malformed(`member name expected at byte ${pos}`);
      const keyEnd = stringEnd(b, pos);
      const key = JSON.parse(b.toString('utf8', pos, keyEnd)) as string;
      pos = keyEnd;
      expect(COLON);
      space();
      const onPath = key === SKIPPED[depth];
      if (onPath && depth === SKIPPED.length - 1) pos = skipped();
      else if (onPath && b[pos] === OPEN_OBJECT) out[key] = object(depth + 1);
      else {
        const end = valueEnd(b, pos);
        out[key] = JSON.parse(b.toString('utf8', pos, end));
        pos = end;
      }
      space();
      if (b[pos] === COMMA) {
        pos++;
        continue;
      }
      expect(CLOSE_OBJECT);
      return out;
    }
  };
  const message = object(0);
  space();
  if (pos !== b.length) throw new Malformed('text after the message');
  return message;
}

/** One line of Prisma's JSON-RPC: the message, with `params.dmmf.schema` left out of a large one. */
export function parseRequest(line: Buffer): unknown {
  if (line.length >= LEAN_FROM_BYTES) {
    for (const shortcut of [true, false]) {
      try {
        return leanParse(line, shortcut);
      } catch {
        // not the expected shape: scan without the shortcut, then parse it whole
      }
    }
  }
  return JSON.parse(line.toString('utf8'));
}
