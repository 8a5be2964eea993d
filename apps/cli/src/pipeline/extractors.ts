import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ExtractResult,
  isOrmdocError,
  type OrmdocConfigInput,
  OrmdocError,
  relativePosix,
} from '@ormdoc/core';
import type { LoadDrizzleOptions } from '@ormdoc/drizzle';
import type { LoadSqlmodelOptions } from '@ormdoc/sqlmodel';
import type { LoadTypeormOptions } from '@ormdoc/typeorm';
import type { Orm } from '../args.js';
import { addDevCommand, locatePackage, packageManagerOf } from './locate.js';

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

const NAMES: Record<Orm, string> = {
  prisma: 'Prisma',
  drizzle: 'Drizzle',
  typeorm: 'TypeORM',
  sqlmodel: 'SQLModel',
};

interface Modules {
  prisma: typeof import('@ormdoc/prisma');
  drizzle: typeof import('@ormdoc/drizzle');
  typeorm: typeof import('@ormdoc/typeorm');
  sqlmodel: typeof import('@ormdoc/sqlmodel');
}

/**
 * Each extractor package as installed beside ormdoc, imported lazily with a literal specifier (typed,
 * and a project without one ORM's packages can still use the others).
 */
const OWN: { [O in Orm]: () => Promise<Modules[O]> } = {
  prisma: () => import('@ormdoc/prisma'),
  drizzle: () => import('@ormdoc/drizzle'),
  typeorm: () => import('@ormdoc/typeorm'),
  sqlmodel: () => import('@ormdoc/sqlmodel'),
};

/** The CLI's view of each extractor module. */
const ADAPT: { [O in Orm]: (module: Modules[O]) => Extractor<O> } = {
  prisma: ({ detectPrisma, loadPrisma }) => ({ detect: detectPrisma, load: loadPrisma }),
  drizzle: ({ detectDrizzle, loadDrizzle, toOrmdocConfig }) => ({
    detect: detectDrizzle,
    load: async (options) => {
      const { ir, diagnostics, config, ormdoc, inputs } = await loadDrizzle(options);
      const named = inputs ? { inputs } : {};
      if (!config || !ormdoc) return { ir, diagnostics, ...named };
      const file = relativePosix(options.cwd, config.path);
      return { ir, diagnostics, ...named, config: { input: toOrmdocConfig(ormdoc, file), file } };
    },
  }),
  typeorm: ({ detectTypeorm, loadTypeorm }) => ({ detect: detectTypeorm, load: loadTypeorm }),
  sqlmodel: ({ detectSqlmodel, loadSqlmodel }) => ({ detect: detectSqlmodel, load: loadSqlmodel }),
};

/** The extractor package of `orm`: the project's copy first, then ormdoc's own (see `locatePackage`). */
async function importModule<O extends Orm>(orm: O, cwd: string): Promise<Extractor<O>> {
  const located = locatePackage(EXTRACTOR_PACKAGES[orm], cwd, import.meta.url);
  switch (located.where) {
    case 'project':
      return ADAPT[orm]((await import(located.entry)) as Modules[O]);
    case 'self':
      return ADAPT[orm](await OWN[orm]());
    case 'nowhere':
      throw notInstalled(orm, cwd);
    default: {
      const never: never = located;
      return never;
    }
  }
}

/** The error for an extractor package that is installed neither in the project nor beside ormdoc. */
export function notInstalled(orm: Orm, cwd: string): OrmdocError {
  const pkg = EXTRACTOR_PACKAGES[orm];
  const npx = `npx -p ormdoc -p ${pkg} ormdoc generate`;
  const add = addDevCommand(packageManagerOf(cwd), pkg);
  const pythonOnly = orm === 'sqlmodel' && !existsSync(join(cwd, 'package.json'));
  return new OrmdocError(
    'DEPENDENCY_MISSING',
    `This is a ${NAMES[orm]} project: install the ${NAMES[orm]} extractor, ${pkg} (found neither in this project nor beside ormdoc).`,
    {
      hint: pythonOnly
        ? `Run once with ${npx}, or install it beside ormdoc: npm i -g ormdoc ${pkg}.`
        : `${add} (or run once with ${npx}).`,
    },
  );
}

export type ExtractorImport<O extends Orm> =
  | { ok: true; module: Extractor<O> }
  | { ok: false; error: unknown };

const cache = new Map<string, Promise<ExtractorImport<Orm>>>();

/**
 * The extractor of `orm` for the project in `cwd`, imported once; a failed import is returned, not
 * thrown (detection goes on).
 */
export function importExtractor<O extends Orm>(orm: O, cwd: string): Promise<ExtractorImport<O>> {
  const key = `${orm}\0${cwd}`;
  let pending = cache.get(key) as Promise<ExtractorImport<O>> | undefined;
  if (!pending) {
    pending = importModule(orm, cwd).then(
      (module): ExtractorImport<O> => ({ ok: true, module }),
      (error: unknown): ExtractorImport<O> => ({ ok: false, error }),
    );
    cache.set(key, pending as Promise<ExtractorImport<Orm>>);
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
  if (isOrmdocError(cause) || !isMissingModule(cause)) return cause;
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
export async function requireExtractor<O extends Orm>(orm: O, cwd: string): Promise<Extractor<O>> {
  const imported = await importExtractor(orm, cwd);
  if (imported.ok) return imported.module;
  throw extractorImportError(orm, imported.error);
}
