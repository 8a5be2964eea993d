import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OrmdocError('OUTPUT_UNWRITABLE', `Cannot read ${path}: ${(error as Error).message}`, {
      file: path,
      cause: error,
      hint: 'Check the file permissions of the output directory.',
    });
  }
}

/** Creates each directory once per run (a thousand per-table files share one `tables/`). */
export class DirectoryMaker {
  private readonly made = new Map<string, Promise<unknown>>();

  ensure(dir: string): Promise<unknown> {
    let pending = this.made.get(dir);
    if (!pending) {
      pending = mkdir(dir, { recursive: true });
      // A failure is not remembered: the next file in that directory tries again (and reports it).
      pending.catch(() => this.made.delete(dir));
      this.made.set(dir, pending);
    }
    return pending;
  }
}

/** Write through a temporary file in the same directory and rename it over the target. */
export async function writeAtomic(path: string, content: string, dirs?: DirectoryMaker): Promise<void> {
  const dir = dirname(path);
  const temp = resolve(dir, `.${randomBytes(6).toString('hex')}.ormdoc.tmp`);
  try {
    await (dirs ? dirs.ensure(dir) : mkdir(dir, { recursive: true }));
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new OrmdocError('OUTPUT_UNWRITABLE', `Cannot write ${path}: ${(error as Error).message}`, {
      file: path,
      cause: error,
      hint: 'Check that the output directory is writable (output.dir in the config).',
    });
  }
}
