import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Transpiled entity files, keyed by a hash of the TypeScript version, the compiler options, the
 * file path and its source: a file whose source or options change gets a new key, so the cache is
 * never stale. Outside the user's project (like tsx's cache). Failures to read or write it are
 * ignored: the cache only saves time.
 */
export const TRANSPILE_CACHE_DIR = path.join(os.tmpdir(), 'ormdoc-typeorm-transpile');

/** Bumped when what a cache entry holds changes (2: the type references after the output). */
const CACHE_FORMAT = '2';

export function transpileCacheKey(parts: {
  tsVersion: string;
  options: string;
  filename: string;
  source: string;
}): string {
  return createHash('sha256')
    .update(CACHE_FORMAT)
    .update('\0')
    .update(parts.tsVersion)
    .update('\0')
    .update(parts.options)
    .update('\0')
    .update(parts.filename)
    .update('\0')
    .update(parts.source)
    .digest('hex');
}

export function readCachedTranspile(key: string): string | undefined {
  try {
    return readFileSync(path.join(TRANSPILE_CACHE_DIR, `${key}.js`), 'utf8');
  } catch {
    return undefined;
  }
}

export function writeCachedTranspile(key: string, output: string): void {
  try {
    mkdirSync(TRANSPILE_CACHE_DIR, { recursive: true });
    const file = path.join(TRANSPILE_CACHE_DIR, `${key}.js`);
    // Write then rename, so a concurrent run never reads a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, output);
    renameSync(tmp, file);
  } catch {
    // A read-only or full temp folder only costs the cache.
  }
}
