import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { OrmdocError } from '../errors.js';

/** Resolve a rendered path inside the output directory; anything that would leave it is an error. */
export function resolveInside(outputDir: string, path: string): string {
  const root = resolve(outputDir);
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (
    path === '' ||
    isAbsolute(path) ||
    rel === '' ||
    rel.startsWith('..') ||
    isAbsolute(rel) ||
    !target.startsWith(root + sep)
  )
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
export function writeAtomic(path: string, content: string, made = new Set<string>()): void {
  const dir = dirname(path);
  const temp = resolve(dir, `.${randomBytes(6).toString('hex')}.ormdoc.tmp`);
  try {
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeString(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OrmdocError('OUTPUT_UNWRITABLE', `Cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      cause: error,
      hint: 'Check that the output directory is writable (output.dir in the config).',
    });
  }
}

/**
 * Write a string as UTF-8. `writeSync` encodes into a native buffer freed as soon as the call returns;
 * `writeFileSync` would first copy the text into a Buffer that lives until the next garbage collection
 * (at 10,000 tables the documents are ~150 MB, so those copies raised the peak memory of the run).
 */
function writeString(path: string, content: string): void {
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    while (offset < content.length) {
      // Chunks keep the native buffer small; a chunk never ends inside a surrogate pair.
      let end = Math.min(offset + WRITE_CHUNK, content.length);
      const last = content.charCodeAt(end - 1);
      if (end < content.length && last >= 0xd800 && last <= 0xdbff) end--;
      writeAll(fd, content.slice(offset, end));
      offset = end;
    }
  } finally {
    closeSync(fd);
  }
}

const WRITE_CHUNK = 1 << 20;

/** `writeSync` may write fewer bytes than asked (rare on a regular file): the rest goes as bytes. */
function writeAll(fd: number, text: string): void {
  const written = writeSync(fd, text, null, 'utf8');
  if (written >= Buffer.byteLength(text, 'utf8')) return;
  const rest = Buffer.from(text, 'utf8').subarray(written);
  for (let at = 0; at < rest.length; ) at += writeSync(fd, rest, at, rest.length - at, null);
}
