import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@ormdoc/core';
import { withJitiLoader } from './jiti.js';
import { withTsxLoader } from './tsx.js';

/**
 * The user's modules as drizzle-kit sees them: `require`d through tsx (esbuild), the loader
 * drizzle-kit itself uses, in a namespace of its own (nothing leaks into the rest of the process:
 * only what is loaded through it is transformed, and its hooks are removed afterwards). TypeScript,
 * ESM and CommonJS (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`) and the tsconfig's `paths`.
 */
export interface ProjectLoader {
  /** The exports of a module file (absolute path), as drizzle-kit lists them. */
  importFile(file: string): Promise<Record<string, unknown>>;
  /** The default export of a module file (a config), as drizzle-kit reads it. */
  importDefault(file: string): Promise<unknown>;
  /** A package (`drizzle-orm/pg-core`) as the module `from` (absolute path) imports it: the same instance. */
  importFrom<T>(specifier: string, from: string): Promise<T>;
  /** The file a package resolves to from `from` (CommonJS resolution). */
  resolveFrom(specifier: string, from: string): string;
}

export interface ProjectLoaderOptions {
  /** Project root: its `tsconfig.json` is used unless `tsconfig` names another one. */
  cwd: string;
  tsconfig?: string | undefined;
  /** Where warnings about the tsconfig go (an `extends` that cannot be resolved). */
  diagnostics?: Diagnostic[] | undefined;
  /** Receives what the load evaluated, for the unchanged run (see `LoadedFiles`). */
  loaded?: LoadedFiles | undefined;
}

/**
 * Every file a load evaluated (absolute paths), or `complete: false` when the loader cannot say
 * (jiti's native imports bypass the require cache): then the extraction's inputs are unknown.
 */
export interface LoadedFiles {
  files: Set<string>;
  complete: boolean;
}

/**
 * Run `use` with a loader: every module it loads (the schema files, the files they import,
 * drizzle-orm itself) is evaluated once within the call and again in the next call, so edited
 * files are read again (watch mode, tests rewriting a schema).
 *
 * A tsconfig tsx cannot read (an `extends` that cannot be resolved) never stops the load: see
 * `readableTsconfig`; what was left out is reported in `options.diagnostics`.
 *
 * A module with top-level await cannot be required (drizzle-kit fails on it too); then the whole
 * load runs again with jiti, which can import it. Turn errors into messages inside `use`.
 */
export async function withProjectLoader<T>(
  options: ProjectLoaderOptions,
  use: (loader: ProjectLoader) => Promise<T>,
): Promise<T> {
  const tsconfig = projectTsconfig(options.cwd, options.tsconfig);
  try {
    return await withTsxLoader(
      { cwd: options.cwd, tsconfig, diagnostics: options.diagnostics ?? [], loaded: options.loaded?.files },
      use,
    );
  } catch (e) {
    if (!needsImport(e)) throw e;
    if (options.loaded) options.loaded.complete = false;
    return withJitiLoader({ cwd: options.cwd, tsconfig }, use);
  }
}

/**
 * A module with top-level await, required: tsx (as Node) says it must be imported instead
 * (`ERR_REQUIRE_ESM` where Node cannot require ES modules at all).
 */
function needsImport(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE' || code === 'ERR_REQUIRE_ESM') return true;
  }
  return false;
}

/** The tsconfig given (relative to cwd), else `<cwd>/tsconfig.json` when there is one. */
function projectTsconfig(cwd: string, tsconfig: string | undefined): string | undefined {
  if (tsconfig) return path.resolve(cwd, tsconfig);
  const file = path.join(cwd, 'tsconfig.json');
  return existsSync(file) ? file : undefined;
}
