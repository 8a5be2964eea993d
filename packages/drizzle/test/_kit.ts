import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import type { DrizzleCasing } from '@ormdoc/drizzle';
import { createJiti } from 'jiti';
import { afterAll } from 'vitest';

/** Test helpers: drizzle-kit's own DDL for a set of schema files (its programmatic API, offline). */

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(PACKAGE_DIR, 'test/fixtures');

type KitApi = typeof import('drizzle-kit/api');
let kit: Promise<KitApi> | undefined;
function drizzleKit(): Promise<KitApi> {
  kit ??= import('drizzle-kit/api');
  return kit;
}

/**
 * Throwaway projects built in a test file, with this package's node_modules (drizzle-orm, dotenv)
 * linked in, removed after the file: `const project = throwawayProjects(); project({ 'a.ts': '...' })`.
 */
export function throwawayProjects(): (files: Record<string, string>) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return (files) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-drizzle-'));
    dirs.push(dir);
    symlinkSync(path.join(PACKAGE_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFiles(dir, files);
    return dir;
  };
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** The OrmdocError a promise rejects with (any other outcome fails the test). */
export async function failure(p: Promise<unknown>): Promise<OrmdocError> {
  try {
    await p;
  } catch (e) {
    if (isOrmdocError(e)) return e;
    throw e;
  }
  throw new Error('expected an OrmdocError');
}

/** Import schema files the same way for drizzle-kit (its own loader would print, not return, the SQL). */
export async function importSchema(files: string[]): Promise<Record<string, unknown>> {
  const jiti = createJiti(path.join(PACKAGE_DIR, 'index.js'), { moduleCache: false, fsCache: false });
  const merged: Record<string, unknown> = {};
  for (const f of files) Object.assign(merged, await jiti.import(f));
  return merged;
}

/** The SQL drizzle-kit generates for these exports, from an empty database. */
export async function drizzleKitDdl(
  dialect: 'postgresql' | 'sqlite',
  exports: Record<string, unknown>,
  options: { casing?: DrizzleCasing; schemaFilter?: string[] } = {},
): Promise<string> {
  const api = await drizzleKit();
  if (dialect === 'postgresql') {
    const prev = api.generateDrizzleJson({});
    const cur = api.generateDrizzleJson(exports, prev.id, options.schemaFilter, options.casing);
    return (await api.generateMigration(prev, cur)).join('\n');
  }
  const prev = await api.generateSQLiteDrizzleJson({});
  const cur = await api.generateSQLiteDrizzleJson(exports, prev.id, options.casing);
  return (await api.generateSQLiteMigration(prev, cur)).join('\n');
}

export const EXAMPLE_DIR = path.resolve(PACKAGE_DIR, '../../examples/drizzle');

/**
 * drizzle-kit loads drizzle.config.ts with its own CommonJS loader, so `@ormdoc/drizzle/config`
 * must exist as built JavaScript (CI runs `pnpm build` first; a bare `vitest run` builds it here).
 */
export async function ensurePluginBuilt(): Promise<void> {
  const { existsSync } = await import('node:fs');
  if (existsSync(path.join(PACKAGE_DIR, 'dist/plugin.js'))) return;
  const { execFileSync } = await import('node:child_process');
  const require = (await import('node:module')).createRequire(import.meta.url);
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: PACKAGE_DIR,
  });
}

/** Run the real drizzle-kit CLI (`drizzle-kit export`) against a config; its stdout is the SQL. */
export async function drizzleKitExport(
  cwd: string,
  config = 'drizzle.config.ts',
  bin = path.join(cwd, 'node_modules/drizzle-kit/bin.cjs'),
): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, 'export', '--config', config],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`drizzle-kit export failed: ${err.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
