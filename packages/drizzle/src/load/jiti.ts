import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createJiti, type Jiti } from 'jiti';
import type * as TS from 'typescript';

/** Transpiled modules, keyed by content hash (like tsx's cache, which drizzle-kit uses): outside the user's project. */
export const JITI_CACHE_DIR = path.join(os.tmpdir(), 'ormdoc-jiti');

/**
 * A jiti instance rooted at the user's project: it imports TypeScript, ESM and CJS schema modules
 * (top-level await included) and resolves `compilerOptions.paths` of the project's tsconfig.
 * Transpiled code is cached on disk (by content hash, in `JITI_CACHE_DIR`). With `moduleCache`,
 * a module imported twice (a schema file imported by another, drizzle-orm itself) is evaluated
 * once: run the imports inside `withFreshModules` so the next load reads the files again.
 */
export function createProjectJiti(options: {
  cwd: string;
  tsconfig?: string | undefined;
  base?: string;
  moduleCache?: boolean;
}): Jiti {
  const alias = tsconfigAliases(options.cwd, options.tsconfig);
  return createJiti(options.base ?? path.join(options.cwd, 'index.js'), {
    interopDefault: true,
    moduleCache: options.moduleCache ?? false,
    fsCache: JITI_CACHE_DIR,
    ...(alias ? { alias } : {}),
  });
}

/**
 * Run `load` and then forget every CommonJS module it added to the require cache (jiti's module
 * cache is the require cache), so modules are shared within one load but a later load (watch
 * mode, a test rewriting the schema) evaluates the current files again.
 */
export async function withFreshModules<T>(load: () => Promise<T>): Promise<T> {
  const cache = createRequire(import.meta.url).cache;
  const before = new Set(Object.keys(cache));
  try {
    return await load();
  } finally {
    for (const id of Object.keys(cache)) if (!before.has(id)) delete cache[id];
  }
}

/** `paths` of a tsconfig as jiti aliases: `"@/*": ["./src/*"]` -> `{ "@/": "<abs>/src/" }`. */
export function tsconfigAliases(cwd: string, tsconfig?: string): Record<string, string> | undefined {
  const file = tsconfig ? path.resolve(cwd, tsconfig) : path.join(cwd, 'tsconfig.json');
  if (!existsSync(file)) return undefined;
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
