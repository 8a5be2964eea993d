// Where the bench finds the ORM packages: the same copies the ormdoc extractors use (pnpm keeps them
// in each package's node_modules; the repo root has none of them).
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = path.dirname(BENCH_DIR);
export const OUT_DIR = path.join(BENCH_DIR, '.out');
/** The interpreter for SQLModel (Debian's, with python3-sqlalchemy + python3-sqlmodel; `python3` on
 * PATH may be another one without them). `pnpm bench -- --python PATH` chooses another. */
export const DEFAULT_PYTHON = '/usr/bin/python3';

const FROM = {
  prisma: 'packages/prisma/package.json',
  '@prisma/prisma-schema-wasm': 'packages/prisma/package.json',
  'drizzle-orm': 'packages/drizzle/package.json',
  'drizzle-kit': 'packages/drizzle/package.json',
  jiti: 'packages/drizzle/package.json',
  typeorm: 'packages/typeorm/package.json',
  'reflect-metadata': 'packages/typeorm/package.json',
  typescript: 'packages/typeorm/package.json',
};

/** Absolute directory of an installed package, resolved from the ormdoc package that depends on it. */
export function packageDir(name) {
  const from = FROM[name];
  if (!from) throw new Error(`bench: no known location for ${name}`);
  const req = createRequire(path.join(REPO_DIR, from));
  const base = path.join(path.dirname(path.join(REPO_DIR, from)), 'node_modules', name);
  if (existsSync(base)) return realpathSync(base);
  return path.dirname(req.resolve(`${name}/package.json`));
}

/**
 * The generated projects live in bench/.out/<orm>-<n>/ and import drizzle-orm, typeorm, ... like a
 * user's project does: bench/.out/node_modules links to the copies the extractors use.
 */
export function linkNodeModules() {
  const nm = path.join(OUT_DIR, 'node_modules');
  mkdirSync(nm, { recursive: true });
  for (const name of ['drizzle-orm', 'drizzle-kit', 'typeorm', 'reflect-metadata', 'prisma']) {
    const link = path.join(nm, name);
    rmSync(link, { force: true, recursive: true });
    symlinkSync(packageDir(name), link, 'dir');
  }
  return nm;
}
