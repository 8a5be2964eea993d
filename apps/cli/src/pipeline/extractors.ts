import { relative } from 'node:path';
import { type ExtractResult, type OrmdocConfigInput, OrmdocError } from '@ormdoc/core';
import type { LoadDrizzleOptions } from '@ormdoc/drizzle';
import type { LoadSqlmodelOptions } from '@ormdoc/sqlmodel';
import type { LoadTypeormOptions } from '@ormdoc/typeorm';
import type { Orm } from '../args.js';

/** What each extractor's `load*` takes (docs/dev/contracts.md), by ORM. */
export interface LoadOptionsByOrm {
  prisma: { cwd: string; schema?: string | string[] };
  drizzle: LoadDrizzleOptions;
  typeorm: LoadTypeormOptions;
  sqlmodel: LoadSqlmodelOptions;
}

/**
 * An extractor's result as the CLI uses it. `config` is ormdoc configuration found in the ORM's own
 * files (the `withOrmdoc(...)` options of drizzle.config.ts), to merge below the ormdoc config.
 */
export interface ExtractorResult extends ExtractResult {
  config?: { input: OrmdocConfigInput; file: string };
}

export interface Extractor<O extends Orm> {
  detect: (cwd: string) => Promise<string[]>;
  load: (options: LoadOptionsByOrm[O]) => Promise<ExtractorResult>;
}

export const EXTRACTOR_PACKAGES: Record<Orm, string> = {
  prisma: '@ormdoc/prisma',
  drizzle: '@ormdoc/drizzle',
  typeorm: '@ormdoc/typeorm',
  sqlmodel: '@ormdoc/sqlmodel',
};

const PEERS: Record<Orm, string> = {
  prisma: 'prisma',
  drizzle: 'drizzle-orm',
  typeorm: 'typeorm',
  sqlmodel: 'sqlmodel (Python)',
};

const posix = (path: string) => path.split('\\').join('/');

/**
 * Each extractor package, imported lazily with a literal specifier (typed, and a project without
 * one ORM's packages can still use the others).
 */
const IMPORTERS: { [O in Orm]: () => Promise<Extractor<O>> } = {
  prisma: async () => {
    const { detectPrisma, loadPrisma } = await import('@ormdoc/prisma');
    return { detect: detectPrisma, load: loadPrisma };
  },
  drizzle: async () => {
    const { detectDrizzle, loadDrizzle, toOrmdocConfig } = await import('@ormdoc/drizzle');
    return {
      detect: detectDrizzle,
      load: async (options) => {
        const { ir, diagnostics, config, ormdoc } = await loadDrizzle(options);
        if (!config || !ormdoc) return { ir, diagnostics };
        const file = posix(relative(options.cwd, config.path));
        return { ir, diagnostics, config: { input: toOrmdocConfig(ormdoc, file), file } };
      },
    };
  },
  typeorm: async () => {
    const { detectTypeorm, loadTypeorm } = await import('@ormdoc/typeorm');
    return { detect: detectTypeorm, load: loadTypeorm };
  },
  sqlmodel: async () => {
    const { detectSqlmodel, loadSqlmodel } = await import('@ormdoc/sqlmodel');
    return { detect: detectSqlmodel, load: loadSqlmodel };
  },
};

export type ExtractorImport<O extends Orm> =
  | { ok: true; module: Extractor<O> }
  | { ok: false; error: unknown };

const cache = new Map<Orm, Promise<ExtractorImport<Orm>>>();

/** The extractor of `orm`, imported once; a failed import is returned, not thrown (detection goes on). */
export function importExtractor<O extends Orm>(orm: O): Promise<ExtractorImport<O>> {
  let pending = cache.get(orm) as Promise<ExtractorImport<O>> | undefined;
  if (!pending) {
    pending = IMPORTERS[orm]().then(
      (module): ExtractorImport<O> => ({ ok: true, module }),
      (error: unknown): ExtractorImport<O> => ({ ok: false, error }),
    );
    cache.set(orm, pending as Promise<ExtractorImport<Orm>>);
  }
  return pending;
}

const MISSING_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);

/** A package (the extractor or its peer) is not installed, as opposed to a bug while loading it. */
export function isMissingModule(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && MISSING_CODES.has(code)) return true;
  return /Cannot find (module|package)/.test(error.message);
}

/** The error for an extractor package that could not be imported: DEPENDENCY_MISSING when it is not installed. */
export function extractorImportError(orm: Orm, cause: unknown): unknown {
  if (!isMissingModule(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new OrmdocError(
    'DEPENDENCY_MISSING',
    `Could not load ${EXTRACTOR_PACKAGES[orm]} to read the ${orm} schema: ${message}`,
    {
      cause,
      hint: `Install ${EXTRACTOR_PACKAGES[orm]} and ${PEERS[orm]} in this project (the ORM's own package is a peer dependency).`,
    },
  );
}

/** The extractor of `orm`, or an OrmdocError that says what to install. */
export async function requireExtractor<O extends Orm>(orm: O): Promise<Extractor<O>> {
  const imported = await importExtractor(orm);
  if (imported.ok) return imported.module;
  throw extractorImportError(orm, imported.error);
}
