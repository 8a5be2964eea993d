import { type Diagnostic, type Ir, OrmdocError } from '@ormdoc/core';
import type { Dialect, Orm } from '../args.js';

/**
 * The extractor packages, loaded lazily (one ORM's missing peer dependency never breaks another).
 * The shapes below are the contracts in docs/dev/contracts.md.
 */
export interface ExtractResult {
  ir: Ir;
  diagnostics: Diagnostic[];
}

export interface LoadOptionsByOrm {
  prisma: { cwd: string; schema?: string | string[] };
  drizzle: {
    cwd: string;
    drizzleConfig?: string;
    schema?: string | string[];
    dialect?: Dialect;
    tsconfig?: string;
  };
  typeorm: { cwd: string; dataSource?: string; entities?: string[]; tsconfig?: string; dialect?: Dialect };
  sqlmodel: { cwd: string; module?: string; json?: string; python?: string; dialect?: Dialect };
}

interface ExtractorModule<O extends Orm> {
  detect: (cwd: string) => Promise<string[]>;
  load: (options: LoadOptionsByOrm[O]) => Promise<ExtractResult>;
}

export const EXTRACTOR_PACKAGES: Record<Orm, string> = {
  prisma: '@ormdoc/prisma',
  drizzle: '@ormdoc/drizzle',
  typeorm: '@ormdoc/typeorm',
  sqlmodel: '@ormdoc/sqlmodel',
};

const EXPORT_NAMES: Record<Orm, { detect: string; load: string }> = {
  prisma: { detect: 'detectPrisma', load: 'loadPrisma' },
  drizzle: { detect: 'detectDrizzle', load: 'loadDrizzle' },
  typeorm: { detect: 'detectTypeorm', load: 'loadTypeorm' },
  sqlmodel: { detect: 'detectSqlmodel', load: 'loadSqlmodel' },
};

const PEERS: Record<Orm, string> = {
  prisma: 'prisma',
  drizzle: 'drizzle-orm',
  typeorm: 'typeorm',
  sqlmodel: 'sqlmodel (Python)',
};

export type ExtractorImport<O extends Orm> =
  | { ok: true; module: ExtractorModule<O> }
  | { ok: false; error: unknown };

/** Kept as a variable so bundlers and TypeScript do not resolve extractor packages eagerly. */
const importPackage = (specifier: string): Promise<Record<string, unknown>> => import(specifier);

const cache = new Map<Orm, Promise<ExtractorImport<Orm>>>();

export function importExtractor<O extends Orm>(orm: O): Promise<ExtractorImport<O>> {
  let pending = cache.get(orm);
  if (!pending) {
    pending = importPackage(EXTRACTOR_PACKAGES[orm]).then(
      (mod): ExtractorImport<Orm> => {
        const names = EXPORT_NAMES[orm];
        const detect = mod[names.detect];
        const load = mod[names.load];
        if (typeof detect !== 'function' || typeof load !== 'function') {
          return {
            ok: false,
            error: new Error(`${EXTRACTOR_PACKAGES[orm]} does not export ${names.detect} and ${names.load}`),
          };
        }
        return { ok: true, module: { detect, load } as ExtractorModule<Orm> };
      },
      (error: unknown): ExtractorImport<Orm> => ({ ok: false, error }),
    );
    cache.set(orm, pending);
  }
  return pending as Promise<ExtractorImport<O>>;
}

const MISSING_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED']);

/** A package (the extractor or its peer) is not installed, as opposed to a bug while loading it. */
function isMissingModule(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && MISSING_CODES.has(code)) return true;
  return /does not export|Cannot find (module|package)/.test(error.message);
}

/** The extractor of `orm`, or an OrmdocError that says what to install. */
export async function requireExtractor<O extends Orm>(orm: O): Promise<ExtractorModule<O>> {
  const imported = await importExtractor(orm);
  if (imported.ok) return imported.module;
  const cause = imported.error;
  if (!isMissingModule(cause)) throw cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new OrmdocError(
    'DEPENDENCY_MISSING',
    `Could not load ${EXTRACTOR_PACKAGES[orm]} to read the ${orm} schema: ${message}`,
    {
      cause,
      hint: `Install ${EXTRACTOR_PACKAGES[orm]} and ${PEERS[orm]} in this project (the ORM's own package is a peer dependency).`,
    },
  );
}
