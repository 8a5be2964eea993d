import type { Dialect, ExtractResult, Table } from '@ormdoc/core';
import { fromPrismaSchema } from '@ormdoc/prisma';

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
 * A value computed on first use, inside a test: a conversion that throws (a mutant) fails the
 * tests that await it, where one thrown while the file is collected would run no test at all.
 */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= compute();
    return value;
  };
}
