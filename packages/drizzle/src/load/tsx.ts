import { createRequire } from 'node:module';
import path from 'node:path';
import { type Diagnostic, relativePosix } from '@ormdoc/core';
import { defaultOf, resolvePackage } from './_interop.js';
import type { ProjectLoader } from './loader.js';
import { emptyTsconfig, readableTsconfig } from './tsconfig.js';

type CjsApi = typeof import('tsx/cjs/api');

const requireHere = createRequire(import.meta.url);
let tsx: CjsApi | undefined;
const busySlots = new Set<number>();

/**
 * Modules `require`d through tsx in a namespace of their own, as drizzle-kit loads them (tsx turns
 * ESM syntax into CommonJS). In-thread, and cached on disk by tsx (in `<tmpdir>/tsx-<uid>`).
 */
export async function withTsxLoader<T>(
  options: {
    cwd: string;
    tsconfig: string | undefined;
    diagnostics: Diagnostic[];
    /** Receives the absolute path of every file the load evaluated (the unchanged run's inputs). */
    loaded?: Set<string> | undefined;
  },
  use: (loader: ProjectLoader) => Promise<T>,
): Promise<T> {
  // The CommonJS build of the API: the ESM build of its `resolve` needs `module`.
  tsx ??= requireHere('tsx/cjs/api') as CjsApi;
  const api = tsx;
  // The namespace is part of tsx's transform cache key: one per concurrent load, reused, so the
  // next run finds its transforms cached (the namespace's modules are forgotten after each load).
  let slot = 0;
  while (busySlots.has(slot)) slot++;
  busySlots.add(slot);
  const namespace = `ormdoc-${slot}`;
  const scope = register(api, namespace, options);
  const before = new Set(Object.keys(requireHere.cache));
  const parent = import.meta.url;
  const load = (file: string): unknown => {
    try {
      return scope.require(file, parent);
    } catch (e) {
      mapStack(e);
      throw e;
    }
  };
  const loader: ProjectLoader = {
    importFile: async (file) => ({ ...(load(file) as Record<string, unknown>) }),
    importDefault: async (file) => defaultOf(load(file)),
    // the path first: tsx would resolve a package name from its own location, not from `from`
    importFrom: async <R>(specifier: string, from: string) => load(resolvePackage(specifier, from)) as R,
    resolveFrom: resolvePackage,
  };
  try {
    return await use(loader);
  } finally {
    forgetModules(`?namespace=${namespace}`, before, options.loaded);
    scope.unregister();
    busySlots.delete(slot);
  }
}

/**
 * Forget the modules of a namespace, cached as `<file>?namespace=<namespace>`: out of the require
 * cache, and out of the `children` list of every module that loaded one. tsx loads them from its
 * own module, which lives as long as the process, so that list alone kept the whole schema's module
 * graph (every table object: 23 MB of live heap at 1,000 tables) alive through rendering.
 * Files the load added without the namespace (JSON) are forgotten too when they are the project's
 * (outside node_modules), so the next load reads them again. Every file added since `before` goes
 * to `loaded`.
 */
function forgetModules(suffix: string, before: ReadonlySet<string>, loaded?: Set<string>): void {
  const cache = requireHere.cache;
  const gone = new Set<unknown>();
  for (const [id, module] of Object.entries(cache)) {
    if (before.has(id)) continue;
    const own = id.endsWith(suffix);
    const file = own ? id.slice(0, -suffix.length) : id;
    loaded?.add(file);
    if (!own && file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    gone.add(module);
    delete cache[id];
  }
  for (const module of Object.values(cache))
    if (module?.children.some((child) => gone.has(child)))
      module.children = module.children.filter((child) => !gone.has(child));
}

/**
 * Format an error's stack now, with Node's own formatter, while tsx's source maps are on: its
 * positions are then those of the TypeScript source. (A test runner's formatter, vitest's, would
 * print the positions in esbuild's output, whose lines differ.)
 */
function mapStack(error: unknown): void {
  if (!(error instanceof Error)) return;
  const errors = Error as { prepareStackTrace?: unknown };
  const formatter = errors.prepareStackTrace;
  errors.prepareStackTrace = undefined;
  try {
    void error.stack;
  } finally {
    errors.prepareStackTrace = formatter;
  }
}

/**
 * tsx's `register` with the project's tsconfig. tsx throws on a tsconfig whose `extends` it cannot
 * resolve (drizzle-kit, which lets tsx find the tsconfig itself, then loads without one): register
 * with a readable copy instead, else with none, and say so.
 */
function register(
  api: CjsApi,
  namespace: string,
  options: { cwd: string; tsconfig: string | undefined; diagnostics: Diagnostic[] },
) {
  // tsx reads the tsconfig from this variable (else from process.cwd()) when it registers.
  const attempt = (file: string | undefined) =>
    withEnv('TSX_TSCONFIG_PATH', file, () => api.register({ namespace }));
  const { tsconfig } = options;
  if (!tsconfig) return attempt(undefined);
  try {
    return attempt(tsconfig);
  } catch {}
  let readable: ReturnType<typeof readableTsconfig> | undefined;
  try {
    readable = readableTsconfig(tsconfig, options.cwd);
    const scope = attempt(readable.file);
    options.diagnostics.push(...readable.diagnostics);
    return scope;
  } catch (e) {
    const rel = relativePosix(options.cwd, tsconfig) || path.basename(tsconfig);
    options.diagnostics.push(...(readable?.diagnostics ?? []), {
      severity: 'warning',
      code: 'drizzle/tsconfig-unreadable',
      message: `${rel} could not be read (${e instanceof Error ? e.message : String(e)}): the schema was loaded without it, as drizzle-kit does.`,
      file: rel,
      hint: 'Fix the tsconfig, or give ormdoc another one (tsconfig in withOrmdoc, or --tsconfig).',
    });
    return attempt(emptyTsconfig());
  }
}

function withEnv<T>(name: string, value: string | undefined, fn: () => T): T {
  if (value === undefined) return fn();
  const before = process.env[name];
  process.env[name] = value;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}
