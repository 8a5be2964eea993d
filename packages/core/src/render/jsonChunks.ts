import type { RenderedFile } from './types.js';

/**
 * `JSON.stringify(value, null, 2)` in pieces: containers down to `depth` levels are opened here and
 * their entries stringified one at a time, so no string of the whole document is ever built (the IR
 * JSON of a 10,000-table schema is ~80 MB). Joined, the pieces are exactly what `JSON.stringify`
 * returns, for any JSON value (tested against it). Values with `toJSON` are left to `JSON.stringify`.
 */
export function* jsonChunks(value: unknown, depth = 2, indent = ''): Generator<string> {
  if (depth <= 0 || !isOpenable(value)) {
    const text = leaf(value, indent);
    if (text === undefined) throw new TypeError('jsonChunks: the value has no JSON text');
    return yield text;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      yield* entry(value[i], depth - 1, inner, 'null'); // arrays write null for what has no JSON text
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    const open = depth > 1 && isOpenable(item);
    const text = open ? undefined : leaf(item, inner);
    if (!open && text === undefined) continue; // omitted from objects, as by JSON.stringify
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    if (open) yield* jsonChunks(item, depth - 1, inner);
    else yield text as string;
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* entry(value: unknown, depth: number, indent: string, otherwise: string): Generator<string> {
  if (depth > 0 && isOpenable(value)) return yield* jsonChunks(value, depth, indent);
  yield leaf(value, indent) ?? otherwise;
}

/** JSON.stringify of one value at `indent`; undefined where it has no JSON text (undefined, functions). */
function leaf(value: unknown, indent: string): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  // JSON text never holds a raw line break inside a string, so every `\n` starts a nested line.
  return json === undefined || indent === '' ? json : json.replaceAll('\n', `\n${indent}`);
}

/**
 * A rendered file whose text is produced in pieces when written. `content` joins them on demand;
 * `chunks` is not enumerable, so a copy (`{ ...file }`) or a deep comparison sees path and content,
 * like any other rendered file.
 */
export function chunkedFile(path: string, chunks: () => Iterable<string>): RenderedFile {
  const file = {
    path,
    get content() {
      let text = '';
      for (const chunk of chunks()) text += chunk;
      return text;
    },
  };
  return Object.defineProperty(file, 'chunks', { value: chunks, enumerable: false });
}

/** Plain objects and arrays: what this function can open without changing JSON.stringify's output. */
function isOpenable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}
