import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { OrmdocError } from '../errors.js';
import { toPosixPath } from '../paths.js';

/** A path as the user sees it: relative to the project when inside it. */
export function displayPath(path: string, cwd: string | undefined): string {
  if (!cwd) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? toPosixPath(rel) : path;
}

/**
 * The output directory must be a directory or not exist yet (it is then created); a file there,
 * or a file on the way to it, is a user error that says which path is the file and what to do.
 */
export async function assertOutputDir(outputDir: string, cwd?: string): Promise<void> {
  let current = resolve(outputDir);
  for (;;) {
    const info = await stat(current).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw new OrmdocError(
        'OUTPUT_UNWRITABLE',
        `Cannot use the output directory ${displayPath(outputDir, cwd)}: ${e.message}`,
        {
          cause: e,
          hint: 'Choose another output directory with --out or output.dir in the config.',
        },
      );
    });
    if (info?.isDirectory()) return;
    if (info) {
      const shown = displayPath(outputDir, cwd);
      const file = displayPath(current, cwd);
      throw new OrmdocError(
        'OUTPUT_UNWRITABLE',
        current === resolve(outputDir)
          ? `The output directory ${shown} is a file, not a directory.`
          : `The output directory ${shown} cannot be created: ${file} is a file, not a directory.`,
        {
          file,
          hint: 'Choose another output directory with --out or output.dir in the config, or move that file away.',
        },
      );
    }
    const parent = dirname(current);
    // Stryker disable next-line ConditionalExpression: `/` always exists and is a folder, so the loop returns above before reaching it
    if (parent === current) return;
    current = parent;
  }
}

/** Remove temporary files an interrupted run left behind (`.<hex>.ormdoc.tmp`). */
export async function removeStaleTempFiles(outputDir: string): Promise<void> {
  const entries = await readdir(outputDir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => /(^|[\\/])\.[0-9a-f]+\.ormdoc\.tmp$/.test(e))
      .map((e) => rm(join(outputDir, e), { force: true })),
  );
}
