import { fileURLToPath } from 'node:url';
import { OrmdocError, relativePosix } from '@ormdoc/core';

/**
 * A schema (or config) module that failed to import -> `MODULE_LOAD_FAILED` naming the user's
 * file, the line when the stack has it, the original message, and what to do about it.
 */
export function moduleLoadError(
  error: unknown,
  file: string,
  cwd: string,
  what: 'schema' | 'config',
): OrmdocError {
  const err = error instanceof Error ? error : new Error(String(error));
  const rel = relativePosix(cwd, file);
  const where = locate(err, cwd) ?? { file: rel };
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(err.message)?.[1];
  const missing = specifier && !/^[./]/.test(specifier) ? packageName(specifier) : specifier;
  const hint =
    specifier && /^[./]/.test(specifier)
      ? `The import "${specifier}" does not resolve: fix the path in ${where.file}${where.line ? `:${where.line}` : ''} (drizzle-kit fails on it too).`
      : missing
        ? `Install "${missing}" in the project (or fix the import path in ${where.file}); ormdoc imports your ${what} files the way drizzle-kit does.`
        : `Fix the error in ${where.file}${where.line ? `:${where.line}` : ''}; ormdoc imports your ${what} files the way drizzle-kit does, so drizzle-kit fails on it too.`;
  return new OrmdocError(
    'MODULE_LOAD_FAILED',
    `Could not load the drizzle ${what} file ${rel}: ${err.message}`,
    {
      file: where.file,
      ...(where.line ? { line: where.line } : {}),
      ...(where.column ? { column: where.column } : {}),
      hint,
      cause: err,
    },
  );
}

/** `drizzle-orm/pg-core` -> `drizzle-orm`; `@scope/pkg/sub` -> `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Where the error is in the user's project: a syntax error's location, else the first stack frame outside node_modules. */
function locate(err: Error, cwd: string): { file: string; line?: number; column?: number } | undefined {
  const inProject = (file: string) => !file.includes('/node_modules/') && file.startsWith(cwd);
  // esbuild (through tsx) reports a syntax error as `<file>:<line>:<column from 0>: ERROR: ...`
  const at = /^((?:[A-Za-z]:)?[\\/][^\n]*?)(?:\?[^\n:]*)?:(\d+):(\d+): ERROR: /m.exec(err.message);
  if (err.name === 'TransformError' && at && inProject(at[1]!))
    return { file: relativePosix(cwd, at[1]!), line: Number(at[2]), column: Number(at[3]) + 1 };
  for (const m of (err.stack ?? '').matchAll(/(?:\(|at )((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?/g)) {
    // tsx names the modules of its namespace `<file>?namespace=...`.
    const url = m[1]!.replace(/[?#].*$/, '');
    const abs = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (!inProject(abs)) continue;
    return { file: relativePosix(cwd, abs), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
