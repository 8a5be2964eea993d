import { existsSync } from 'node:fs';
import path from 'node:path';
import { OrmdocError, relativePosix } from '@ormdoc/core';
import { type LoadedFiles, withProjectLoader } from '../load/loader.js';
import { moduleLoadError } from '../load/moduleError.js';
import type { DrizzleCasing, DrizzleConfigDialect, DrizzleDialect } from '../types.js';
import { type OrmdocDrizzleOptions, ormdocOptionsOf } from './plugin.js';

export const DRIZZLE_CONFIG_NAMES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.cts',
];

export interface DrizzleConfigInfo {
  /** Absolute path of the config file. */
  path: string;
  /**
   * The config's own dialect (`turso`, `singlestore` ... as written). Configs of drizzle-kit before
   * 0.21 have none (the command said it: `generate:pg`): then it comes from their `driver`, else
   * it is undefined and the dialect is told from the tables.
   */
  configDialect?: DrizzleConfigDialect;
  /** The IR dialect: turso -> sqlite, singlestore -> mysql. */
  dialect?: DrizzleDialect;
  /** Schema files, folders or globs as written (drizzle-kit resolves them against the working directory). */
  schema: string[];
  casing?: DrizzleCasing;
  schemaFilter?: string[];
  tablesFilter?: string[];
  out?: string;
  ormdoc?: OrmdocDrizzleOptions;
}

const DIALECTS: Record<string, DrizzleDialect | undefined> = {
  postgresql: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  turso: 'sqlite',
  singlestore: 'mysql',
};

/** drizzle-kit before 0.21: no `dialect`, a `driver` that implies it. */
const LEGACY_DRIVERS: Record<string, DrizzleConfigDialect | undefined> = {
  pg: 'postgresql',
  'aws-data-api': 'postgresql',
  pglite: 'postgresql',
  mysql2: 'mysql',
  'better-sqlite': 'sqlite',
  libsql: 'sqlite',
  turso: 'turso',
  d1: 'sqlite',
  'd1-http': 'sqlite',
  expo: 'sqlite',
};

const list = (v: unknown): string[] | undefined =>
  v === undefined || v === null
    ? undefined
    : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** Find drizzle.config.* in a directory. */
export function findDrizzleConfig(cwd: string): string | undefined {
  for (const name of DRIZZLE_CONFIG_NAMES) {
    const p = path.join(cwd, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Read a drizzle.config.{ts,js,mjs,cjs,mts} the way drizzle-kit does (it may import dotenv or read
 * process.env), returning what ormdoc needs and the options of `withOrmdoc`, if any.
 */
export async function readDrizzleConfig(
  file: string,
  options: { cwd?: string; tsconfig?: string; loaded?: LoadedFiles } = {},
): Promise<DrizzleConfigInfo> {
  const abs = path.resolve(options.cwd ?? process.cwd(), file);
  const cwd = options.cwd ?? path.dirname(abs);
  if (!existsSync(abs))
    throw new OrmdocError('INPUT_NOT_FOUND', `drizzle config not found: ${relativePosix(cwd, abs) || abs}`, {
      file: relativePosix(cwd, abs),
      hint: `Create ${DRIZZLE_CONFIG_NAMES[0]} (export default defineConfig({ dialect, schema })) or pass its path with --drizzle-config.`,
    });
  // drizzle-kit evaluates the config in the directory it runs from (dotenv reads ./.env from there).
  let loaded = await withProjectLoader(
    { cwd: path.dirname(abs), tsconfig: options.tsconfig, loaded: options.loaded },
    async (loader) => {
      try {
        return await inDirectory(cwd, () => loader.importDefault(abs));
      } catch (e) {
        throw moduleLoadError(e, abs, cwd, 'config');
      }
    },
  );
  if (typeof loaded === 'function') loaded = await (loaded as () => unknown)();
  const rel = relativePosix(cwd, abs);
  if (!loaded || typeof loaded !== 'object')
    throw new OrmdocError('CONFIG_INVALID', `${rel} has no default export with the drizzle-kit config.`, {
      file: rel,
      hint: 'End the file with `export default defineConfig({ dialect: ..., schema: ... })`.',
    });
  const cfg = loaded as Record<string, unknown>;
  const configDialect =
    (cfg.dialect as DrizzleConfigDialect | undefined) ??
    (typeof cfg.driver === 'string' ? LEGACY_DRIVERS[cfg.driver] : undefined);
  const dialect = configDialect ? DIALECTS[configDialect] : undefined;
  if (configDialect && !dialect)
    throw new OrmdocError('UNSUPPORTED', `Dialect "${configDialect}" of ${rel} is not supported by ormdoc.`, {
      file: rel,
      hint: 'Set dialect to "postgresql", "mysql", "sqlite", "turso" or "singlestore".',
    });
  const schema = list(cfg.schema) ?? [];
  if (schema.length === 0)
    throw new OrmdocError('INPUT_NOT_FOUND', `${rel} has no "schema" (the files that declare your tables).`, {
      file: rel,
      hint: 'Add schema: "./src/db/schema.ts" (a file, folder, glob or an array of them) to the config.',
    });
  const casing = cfg.casing === 'snake_case' || cfg.casing === 'camelCase' ? cfg.casing : undefined;
  const schemaFilter = list(cfg.schemaFilter);
  const tablesFilter = list(cfg.tablesFilter);
  const ormdoc = ormdocOptionsOf(cfg);
  return {
    path: abs,
    ...(configDialect ? { configDialect } : {}),
    ...(dialect ? { dialect } : {}),
    schema,
    ...(casing ? { casing } : {}),
    ...(schemaFilter ? { schemaFilter } : {}),
    ...(tablesFilter ? { tablesFilter } : {}),
    ...(typeof cfg.out === 'string' ? { out: cfg.out } : {}),
    ...(ormdoc ? { ormdoc } : {}),
  };
}

/** Run `fn` with the process in `dir` (restored afterwards); where chdir is unavailable (workers), as is. */
async function inDirectory<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  if (path.resolve(before) === path.resolve(dir)) return fn();
  try {
    process.chdir(dir);
  } catch {
    return fn();
  }
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}
