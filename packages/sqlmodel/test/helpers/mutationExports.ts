import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Column, ExtractResult, Table } from '@ormdoc/core';
import { beforeAll } from 'vitest';
import { fromSqlmodelExport } from '../../src/index.js';

/**
 * SQLAlchemy's exports of test/fixtures/mutation/*.py (committed; test/mutationFixtures.test.ts
 * holds them to a fresh export), for the converter's fast tests: no Python start per mutant.
 */
export type MutationExport =
  | 'postgresql'
  | 'mysql'
  | 'sqlite'
  | 'postgresql-only'
  | 'objects.postgresql'
  | 'objects.mysql'
  | 'objects.sqlite';

export function exportDoc(name: MutationExport): Record<string, unknown> {
  const file = fileURLToPath(new URL(`../fixtures/mutation/export.${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export function exportIr(name: MutationExport): ExtractResult {
  return fromSqlmodelExport(exportDoc(name), { file: `export.${name}.json` });
}

export function tableOf(result: ExtractResult, name: string): Table {
  const t = result.ir.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

export function columnOf(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${table.name}.${name}`);
  return c;
}

/**
 * The four exports, converted in a `beforeAll` of the calling file: code run there counts as run
 * by every test of the file in a mutation run, so each mutant it reaches is judged by all of
 * them. A conversion that throws (a mutant) fails each test that reads it.
 */
export function lazyExports(): {
  pg: ExtractResult;
  my: ExtractResult;
  lite: ExtractResult;
  only: ExtractResult;
} {
  const results = new Map<MutationExport, { value: ExtractResult } | { error: unknown }>();
  beforeAll(() => {
    for (const name of ['postgresql', 'mysql', 'sqlite', 'postgresql-only'] as const) {
      try {
        results.set(name, { value: exportIr(name) });
      } catch (error) {
        results.set(name, { error });
      }
    }
  });
  const get = (name: MutationExport) => {
    const r = results.get(name);
    if (!r) throw new Error('lazyExports(): read before its beforeAll ran');
    if ('error' in r) throw r.error;
    return r.value;
  };
  return {
    get pg() {
      return get('postgresql');
    },
    get my() {
      return get('mysql');
    },
    get lite() {
      return get('sqlite');
    },
    get only() {
      return get('postgresql-only');
    },
  };
}

/**
 * One export, converted in a `beforeAll` of the calling file (as lazyExports): a conversion run
 * when the file is imported would run once, unmutated, and judge no mutant.
 */
export function lazyIr(name: MutationExport): () => ExtractResult {
  let result: { value: ExtractResult } | { error: unknown } | undefined;
  beforeAll(() => {
    try {
      result = { value: exportIr(name) };
    } catch (error) {
      result = { error };
    }
  });
  return () => {
    if (!result) throw new Error('lazyIr(): read before its beforeAll ran');
    if ('error' in result) throw result.error;
    return result.value;
  };
}
