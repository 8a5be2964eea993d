import { createRequire } from 'node:module';

/** `export default x` (or `module.exports = x`): what drizzle-kit takes as the config. */
export function defaultOf(mod: unknown): unknown {
  return (mod as { default?: unknown } | null | undefined)?.default ?? mod;
}

/** Where a package (`drizzle-orm/pg-core`) resolves for a module at `from`, as its `require` finds it. */
export function resolvePackage(specifier: string, from: string): string {
  return createRequire(from).resolve(specifier);
}
