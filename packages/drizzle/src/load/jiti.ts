import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Jiti } from 'jiti';
import type * as TS from 'typescript';
import { defaultOf, resolvePackage } from './_interop.js';
import type { ProjectLoader } from './loader.js';

/** Transpiled modules, keyed by content hash (like tsx's cache): outside the user's project. */
export const JITI_CACHE_DIR = path.join(os.tmpdir(), 'ormdoc-jiti');

/**
 * The loader for projects tsx cannot `require`: a module with top-level await (drizzle-kit cannot
 * load those either; tsx's ESM hooks could, but not in a CommonJS package, where Node cannot
 * either). jiti (Babel) imports it in any package. Modules are cached within the call (a module
 * imported twice, drizzle-orm itself, is evaluated once) and forgotten afterwards, so the next
 * load reads the files again; transpiled code is cached on disk by content hash.
 */
export async function withJitiLoader<T>(
  options: { cwd: string; tsconfig: string | undefined },
  use: (loader: ProjectLoader) => Promise<T>,
): Promise<T> {
  const { createJiti } = await import('jiti');
  const alias = tsconfigAliases(options.tsconfig);
  const jiti: Jiti = createJiti(path.join(options.cwd, 'index.js'), {
    interopDefault: true,
    moduleCache: true,
    fsCache: JITI_CACHE_DIR,
    ...(alias ? { alias } : {}),
  });
  const loader: ProjectLoader = {
    importFile: async (file) => ({ ...((await jiti.import(file)) as Record<string, unknown>) }),
    importDefault: async (file) => defaultOf(await jiti.import(file)),
    importFrom: async <R>(specifier: string, from: string) =>
      (await jiti.import(specifier, { parentURL: pathToFileURL(from).href })) as R,
    resolveFrom: resolvePackage,
  };
  // jiti's module cache is the require cache: forget what this load added to it.
  const cache = createRequire(import.meta.url).cache;
  const before = new Set(Object.keys(cache));
  try {
    return await use(loader);
  } finally {
    for (const id of Object.keys(cache)) if (!before.has(id)) delete cache[id];
  }
}

/** `paths` of a tsconfig as jiti aliases: `"@/*": ["./src/*"]` -> `{ "@/": "<abs>/src/" }`. */
export function tsconfigAliases(file: string | undefined): Record<string, string> | undefined {
  if (!file || !existsSync(file)) return undefined;
  const ts = createRequire(import.meta.url)('typescript') as typeof TS;
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return undefined;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const paths = parsed.options.paths;
  if (!paths) return undefined;
  const base =
    parsed.options.baseUrl ?? (parsed.options.pathsBasePath as string | undefined) ?? path.dirname(file);
  const out: Record<string, string> = {};
  for (const [key, targets] of Object.entries(paths)) {
    const target = targets[0];
    if (!target) continue;
    if (key.endsWith('*') && target.endsWith('*'))
      out[key.slice(0, -1)] = path.resolve(base, target.slice(0, -1)) + (key.endsWith('/*') ? '/' : '');
    else if (!key.includes('*')) out[key] = path.resolve(base, target);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
