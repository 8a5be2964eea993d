import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { OrmdocError } from '../errors.js';

/** A Markdown document: merged region by region and digested by its regions; other files are whole. */
export const isMarkdown = (path: string) => /\.(md|markdown|mdx)$/i.test(path);

/** Resolve a rendered path inside the output directory; anything that would leave it is an error. */
export function resolveInside(outputDir: string, path: string): string {
  const root = resolve(outputDir);
  const target = resolve(root, path);
  // An absolute path is refused even inside the folder; every other way out (``, `..`, another
  // drive) resolves to the folder itself or outside it.
  if (isAbsolute(path) || !target.startsWith(root + sep))
    throw new OrmdocError(
      'OUTPUT_UNWRITABLE',
      `Refusing to write "${path}": it is outside the output directory ${root}.`,
      {
        hint: 'Output paths must be relative and stay inside output.dir; rename the template output (`name`) so it does.',
      },
    );
  return target;
}

/** The file's text, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrmdocError('OUTPUT_UNWRITABLE', `Cannot read ${path}: ${(error as Error).message}`, {
      file: path,
      cause: error,
      hint: 'Check the file permissions of the output directory.',
    });
  }
}

/**
 * Write through a temporary file in the same directory and rename it over the target. `made` holds
 * the directories already created in this run (a thousand per-table files share one `tables/`).
 * Synchronous on purpose: a run writes hundreds to thousands of small files one after another, and
 * the blocking calls cost half of what the same work costs through the thread pool.
 */
export function writeAtomic(
  path: string,
  content: string | Iterable<string>,
  made = new Set<string>(),
): void {
  const dir = dirname(path);
  const temp = resolve(dir, `.${randomBytes(6).toString('hex')}.ormdoc.tmp`);
  try {
    // Stryker disable next-line ConditionalExpression: making a folder that exists (recursive) changes nothing but the time taken
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeText(temp, content);
    renameSync(temp, path);
  } catch (error) {
    removeTemp(temp);
    throw new OrmdocError('OUTPUT_UNWRITABLE', `Cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      cause: error,
      hint: 'Check that the output directory is writable (output.dir in the config).',
    });
  }
}

/** Remove a temporary file if there is one; when its folder could not be made there is nothing to remove. */
function removeTemp(temp: string): void {
  try {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a missing file makes rmSync throw without force, and the catch below ignores that as it ignores ENOTDIR
    rmSync(temp, { force: true });
  } catch {
    // ENOTDIR: a file stands where the folder should be, so no temporary file was made
  }
}

/**
 * Write a document as UTF-8. A string goes to `writeSync` in slices of `WRITE_CHUNK` characters:
 * Node encodes each into a native buffer freed as soon as the call returns (`writeFileSync` would
 * first copy the whole text into a Buffer that lives until the next garbage collection; at 10,000
 * tables the documents are ~150 MB). Pieces are encoded into one reused buffer, so writing them
 * allocates nothing on the JavaScript heap (joining them would: the IR JSON is ~80 MB there).
 */
function writeText(path: string, content: string | Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string given as pieces is its characters, written as the same bytes
    if (typeof content === 'string') writeLong(fd, content);
    else writePieces(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeLong(fd: number, text: string): void {
  for (let at = 0; at < text.length; ) {
    // Stryker disable next-line MethodExpression: the slices change how many writeSync calls there are, not the bytes
    let end = Math.min(at + WRITE_CHUNK, text.length);
    // Stryker disable next-line UpdateOperator: one past the pair keeps it whole too
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--; // never split a pair
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a slice of the whole text is the text
    writeAll(fd, end - at === text.length ? text : text.slice(at, end));
    at = end;
  }
}

let pieceBuffer: Buffer | undefined;

function writePieces(fd: number, pieces: Iterable<string>): void {
  pieceBuffer ??= Buffer.allocUnsafe(WRITE_CHUNK);
  const buffer = pieceBuffer;
  let used = 0;
  const flush = () => {
    // Stryker disable next-line ArithmeticOperator: a regular file takes the whole buffer in the first call (at is 0)
    for (let at = 0; at < used; ) at += writeSync(fd, buffer, at, used - at, null);
    used = 0;
  };
  const put = (piece: string) => {
    // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
    const bytes = Buffer.byteLength(piece, 'utf8');
    // Stryker disable next-line ConditionalExpression,EqualityOperator: flushing sooner writes the same bytes in the same order
    if (used + bytes > buffer.length) flush();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: writing a piece directly (after the flush above) gives the same bytes
    if (bytes > buffer.length) writeLong(fd, piece);
    else used += buffer.write(piece, used); // UTF-8
  };
  let carry = ''; // a high surrogate whose low half starts the next piece
  for (const next of pieces) {
    const piece = carry + next;
    carry = isHighSurrogate(piece.charCodeAt(piece.length - 1)) ? piece.slice(-1) : '';
    put(carry === '' ? piece : piece.slice(0, -1));
  }
  put(carry); // an unpaired surrogate at the very end, written as Node writes one
  flush();
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Characters per `writeSync` call, and the size of the buffer pieces are gathered in. */
const WRITE_CHUNK = 1 << 20;

/** `writeSync` may write fewer bytes than asked (rare on a regular file): the rest goes as bytes. */
function writeAll(fd: number, text: string): void {
  // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
  const written = writeSync(fd, text, null, 'utf8');
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a regular file takes the whole text at once, so the rest below is empty either way
  if (written >= Buffer.byteLength(text, 'utf8')) return;
  const rest = Buffer.from(text, 'utf8').subarray(written);
  for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at, rest.length - at, null);
}
