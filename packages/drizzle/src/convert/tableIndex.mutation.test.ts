import type { Table } from '@ormdoc/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableIndex } from './tableIndex.js';

/** tableIndex answers what `tables.find` by schema and name would: the first such table, or none. */
const table = (schema: string | null, name: string, codeName: string): Table => ({
  kind: 'table',
  schema,
  name,
  codeName,
  tags: [],
  columns: [],
  uniques: [],
  indexes: [],
  foreignKeys: [],
  checks: [],
});

describe('tableIndex', () => {
  const tables = [
    table(null, 'users', 'first'),
    table('auth', 'users', 'authUsers'),
    table(null, 'users', 'second'),
    table(null, 'posts', 'posts'),
  ];
  // built in beforeAll: a throw while vitest collects the file would run no test
  let index: ReturnType<typeof tableIndex>;
  beforeAll(() => {
    index = tableIndex(tables);
  });

  it.each([
    [null, 'users'],
    ['auth', 'users'],
    [null, 'posts'],
    ['auth', 'posts'],
    ['other', 'users'],
    [null, 'nothing'],
  ] as const)('%s.%s is what tables.find gives', (schema, name) => {
    expect(index.get(schema, name)).toBe(tables.find((t) => t.schema === schema && t.name === name));
  });

  it('the first of two tables of one name wins', () => {
    expect(index.get(null, 'users')?.codeName).toBe('first');
  });
});
