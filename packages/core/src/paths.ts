import nodePath from 'node:path';

/** The part of `node:path` the helpers use; `path.win32` or `path.posix` in tests. */
export type PathFlavour = Pick<typeof nodePath, 'sep' | 'relative'>;

/**
 * `p` with the platform's separator written as `/`, the form paths take in the IR, in documents
 * and in messages. On POSIX a backslash is a file-name character and is kept.
 */
export function toPosixPath(p: string, flavour: Pick<PathFlavour, 'sep'> = nodePath): string {
  return flavour.sep === '/' ? p : p.split(flavour.sep).join('/');
}

/**
 * `to` relative to `from`, with forward slashes; `''` when both are the same path (as
 * `path.relative`: callers choose what to show then, `'.'` or the absolute path).
 */
export function relativePosix(from: string, to: string, flavour: PathFlavour = nodePath): string {
  return toPosixPath(flavour.relative(from, to), flavour);
}
