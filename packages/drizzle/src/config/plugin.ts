import type { OrmdocConfigInput } from '@ormdoc/core';

/** Where `withOrmdoc` keeps its options on the drizzle-kit config (a symbol: drizzle-kit never sees it). */
export const ORMDOC_OPTIONS: unique symbol = Symbol.for('ormdoc.drizzle.options') as never;

/**
 * ormdoc options carried by a drizzle.config. Everything of an ormdoc config except `source`
 * (which the drizzle config itself is), with `output` also accepted as a directory string.
 */
export type OrmdocDrizzleOptions = Omit<OrmdocConfigInput, 'source' | 'output'> & {
  output?: string | OrmdocConfigInput['output'];
  /** tsconfig used to resolve `paths` aliases in the schema files (default: ./tsconfig.json). */
  tsconfig?: string;
};

/**
 * Wrap a drizzle-kit config so ormdoc can document the same schema:
 *
 * ```ts
 * export default withOrmdoc(defineConfig({ dialect: 'postgresql', schema: './src/db/schema' }), { output: 'docs/database' });
 * ```
 *
 * The returned object is the config drizzle-kit expects (same type, same keys); the ormdoc options
 * ride on it under a symbol, invisible to drizzle-kit's validation and to `JSON.stringify`.
 */
export function withOrmdoc<T extends object>(config: T, options: OrmdocDrizzleOptions = {}): T {
  const copy = { ...config };
  Object.defineProperty(copy, ORMDOC_OPTIONS, {
    value: options,
    enumerable: false,
    configurable: true,
    writable: false,
  });
  return copy;
}

/** The ormdoc options of a config wrapped by `withOrmdoc` (or given under a plain `ormdoc` key). */
export function ormdocOptionsOf(config: unknown): OrmdocDrizzleOptions | undefined {
  if (!config || typeof config !== 'object') return undefined;
  const bySymbol = (config as Record<symbol, unknown>)[ORMDOC_OPTIONS];
  if (bySymbol && typeof bySymbol === 'object') return bySymbol as OrmdocDrizzleOptions;
  const byKey = (config as Record<string, unknown>).ormdoc;
  return byKey && typeof byKey === 'object' ? (byKey as OrmdocDrizzleOptions) : undefined;
}

/** The options as an ormdoc config input (the CLI merges it with its own config and flags). */
export function toOrmdocConfig(options: OrmdocDrizzleOptions, drizzleConfig: string): OrmdocConfigInput {
  const { output, tsconfig, ...rest } = options;
  return {
    ...rest,
    source: { orm: 'drizzle', drizzleConfig, ...(tsconfig ? { tsconfig } : {}) },
    ...(output === undefined ? {} : { output: typeof output === 'string' ? { dir: output } : output }),
  };
}
