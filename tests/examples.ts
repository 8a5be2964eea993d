import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractResult } from '@ormdoc/core';

export type ExampleOrm = 'prisma' | 'drizzle' | 'typeorm' | 'sqlmodel';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

export function exampleDir(orm: ExampleOrm): string {
  return join(examples, orm);
}

/** Load a bundled example through its real extractor, the way the CLI does. */
export async function loadExample(orm: ExampleOrm): Promise<ExtractResult> {
  const cwd = exampleDir(orm);
  switch (orm) {
    case 'prisma':
      return (await import('@ormdoc/prisma')).loadPrisma({ cwd });
    case 'drizzle':
      return (await import('@ormdoc/drizzle')).loadDrizzle({ cwd });
    case 'typeorm':
      return (await import('@ormdoc/typeorm')).loadTypeorm({ cwd });
    case 'sqlmodel':
      return (await import('@ormdoc/sqlmodel')).loadSqlmodel({ cwd, json: 'schema.json' });
  }
}
