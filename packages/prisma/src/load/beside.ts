import path from 'node:path';

/**
 * Where a Prisma project keeps `migrations/` or `views/`: beside the schema, i.e. in the folder of
 * its first file, else one level up (a multi-file schema's folder, `prisma/schema/`, sits in
 * `prisma/`). In the order to look; the readers take the first that holds something, and the
 * unchanged run's inputs (inputs.ts) list both.
 */
export function besideSchema(schemaPaths: readonly string[], name: 'migrations' | 'views'): string[] {
  const first = schemaPaths[0];
  if (!first) return [];
  return [path.dirname(first), path.dirname(path.dirname(first))].map((dir) => path.join(dir, name));
}
