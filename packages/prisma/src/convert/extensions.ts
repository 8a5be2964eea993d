import type { Extension } from '@ormdoc/core';

/** A value of prisma-ast's datasource `extensions = [...]` array: a name or a call with arguments. */
type ExtensionArg =
  | string
  | { type: 'function'; name: string; params?: Array<{ type: string; key?: string; value?: unknown }> };

/**
 * The datasource's `extensions = [pg_trgm, vector(schema: "extensions", version: "0.5.0"),
 * uuidOssp(map: "uuid-ossp")]` (the postgresqlExtensions preview feature) as IR extensions: the
 * database name is `map` when given, else the Prisma name; sorted by name.
 */
export function datasourceExtensions(value: unknown, source: { file: string; line: number }): Extension[] {
  // Stryker disable next-line all: Prisma accepts only an array here (`extensions = [...]`); a guard for prisma-ast's shape
  const args = (value as { type?: string; args?: ExtensionArg[] } | undefined)?.args;
  // Stryker disable next-line all: same guard
  if (!Array.isArray(args)) return [];
  const out: Extension[] = [];
  for (const arg of args) {
    if (typeof arg === 'string') {
      out.push({ name: arg, origin: 'declared', source });
      continue;
    }
    // Stryker disable next-line all: Prisma accepts only names and calls in the list
    if (arg?.type !== 'function') continue;
    const named = (key: string) => {
      // Stryker disable next-line all: Prisma accepts only named arguments (schema:, version:, map:) in the call
      const p = arg.params?.find((x) => x.type === 'keyValue' && x.key === key);
      return typeof p?.value === 'string' ? p.value.replace(/^"(.*)"$/, '$1') : undefined;
    };
    const schema = named('schema');
    const version = named('version');
    out.push({
      name: named('map') ?? arg.name,
      ...(schema ? { schema } : {}),
      ...(version ? { version } : {}),
      origin: 'declared',
      source,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
