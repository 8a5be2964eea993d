import { readFileSync } from 'node:fs';
import path from 'node:path';
import { relativePosix, toPosixPath } from '@ormdoc/core';

/** `path` relative to cwd with forward slashes. */
export function relativePath(cwd: string, file: string): string {
  return path.isAbsolute(file) ? relativePosix(cwd, file) : toPosixPath(file);
}

/** 1-based line of `class Name` in a file, when it can be found. */
export function classLine(
  file: string,
  className: string,
  cache: Map<string, string | undefined>,
): number | undefined {
  if (!cache.has(file)) {
    try {
      cache.set(file, readFileSync(file, 'utf8'));
    } catch {
      cache.set(file, undefined);
    }
  }
  const text = cache.get(file);
  // Stryker disable next-line ConditionalExpression: without it, exec searches '' or the string 'undefined', where no `class` is
  if (!text) return undefined;
  // (no `\b` after the name: a name may end in `$`, which no word boundary follows)
  const match = new RegExp(`\\bclass\\s+${className.replace(/[$]/g, '\\$')}(?![\\w$])`).exec(text);
  if (!match) return undefined;
  return text.slice(0, match.index).split('\n').length;
}
