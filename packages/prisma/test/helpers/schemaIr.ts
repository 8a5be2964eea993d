import type { Dialect, ExtractResult, Table } from '@ormdoc/core';
import { fromPrismaSchema } from '@ormdoc/prisma';
import { beforeAll } from 'vitest';

/** The `datasource` block for a provider (no url: Prisma 7 reads it from prisma.config.ts). */
export function datasource(provider: string, extra = ''): string {
  return `datasource db {\n  provider = "${provider}"\n${extra}}\n`;
}

/**
 * A schema string through the real pipeline: Prisma's own parser and validator
 * (@prisma/prisma-schema-wasm) for the DMMF, prisma-ast for the text facts, then `fromDmmf`.
 */
export function schemaIr(content: string): Promise<ExtractResult> {
  return fromPrismaSchema({
    cwd: '/nonexistent-ormdoc-project',
    files: [{ path: 'schema.prisma', content }],
  });
}

export function tableOf(result: ExtractResult, name: string): Table {
  const t = result.ir.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${result.ir.tables.map((x) => x.name).join(', ')}`);
  return t;
}

export const PROVIDERS: Record<Dialect, string> = {
  postgresql: 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
};

/**
 * A value computed once before the tests of the enclosing describe (a `beforeAll`): code run
 * there counts as run by every test of the file in a mutation run, so each mutant it reaches is
 * judged by all of them. A conversion that throws (a mutant) fails each test that reads it.
 */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: { value: T } | { error: unknown } | undefined;
  beforeAll(async () => {
    try {
      result = { value: await compute() };
    } catch (error) {
      result = { error };
    }
  });
  return async () => {
    if (!result) throw new Error('once(): read before its beforeAll ran');
    if ('error' in result) throw result.error;
    return result.value;
  };
}
