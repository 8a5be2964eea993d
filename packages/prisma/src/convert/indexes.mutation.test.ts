import type { ExtractResult } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';
import { operatorClassSql, referentialAction } from './names.js';

/**
 * Keys and indexes through Prisma's own parser, with Prisma's default names (psl
 * `ConstraintNames`): `{table}_pkey`, `{table}_{cols}_key`, `{table}_{cols}_idx`, unless `map:`.
 */
const pgIr = once(() =>
  schemaIr(`${datasource('postgresql')}
model Item {
  id    Int    @id
  code  String @unique @map("item_code")
  a     Int
  b     Int
  data  Json
  name  String
  @@unique([a, b])
  @@unique([b, a], map: "ba_unique")
  @@index([a])
  @@index([b(sort: Desc), a], map: "b_desc")
  @@index([data(ops: JsonbPathOps)], type: Gin)
  @@index([name], type: Hash)
  @@map("items")
}

model Pair {
  x Int
  y Int
  @@id([x, y], map: "pair_pk")
}

model Plain {
  x Int
  y Int
  @@id([y, x])
}
`),
);

const myIr = once(() =>
  schemaIr(`${datasource('mysql')}
model Doc {
  id    Int    @id
  title String @db.VarChar(200)
  body  String @db.Text
  @@index([title(length: 10)])
  @@fulltext([title, body])
}
`),
);

const ix = (r: ExtractResult, table: string, name: string) => {
  const found = tableOf(r, table).indexes.find((i) => i.name === name);
  if (!found)
    throw new Error(
      `no index ${name} in ${tableOf(r, table)
        .indexes.map((i) => i.name)
        .join(', ')}`,
    );
  return found;
};

describe('primary keys', () => {
  it.each([
    ['items', { name: 'items_pkey', nameExplicit: false, columns: ['id'] }],
    ['Pair', { name: 'pair_pk', nameExplicit: true, columns: ['x', 'y'] }],
    ['Plain', { name: 'Plain_pkey', nameExplicit: false, columns: ['y', 'x'] }], // named after the table only
  ])('%s', async (table, pk) => {
    expect(tableOf(await pgIr(), table).primaryKey).toEqual(pk);
  });
});

describe('unique and plain indexes', () => {
  it.each([
    ['items_item_code_key', { nameExplicit: false, unique: true, parts: [{ column: 'item_code' }] }],
    ['items_a_b_key', { nameExplicit: false, unique: true, parts: [{ column: 'a' }, { column: 'b' }] }],
    ['ba_unique', { nameExplicit: true, unique: true, parts: [{ column: 'b' }, { column: 'a' }] }],
    ['items_a_idx', { nameExplicit: false, unique: false, parts: [{ column: 'a' }] }],
    [
      'b_desc',
      { nameExplicit: true, unique: false, parts: [{ column: 'b', order: 'desc' }, { column: 'a' }] },
    ],
    [
      'items_data_idx',
      {
        nameExplicit: false,
        unique: false,
        method: 'gin',
        parts: [{ column: 'data', opclass: 'jsonb_path_ops' }],
      },
    ],
    ['items_name_idx', { nameExplicit: false, unique: false, method: 'hash', parts: [{ column: 'name' }] }],
  ] as const)('%s', async (name, expected) => {
    expect(ix(await pgIr(), 'items', name)).toEqual({ name, ...expected });
  });

  it('no other index, and the primary key is not one', async () => {
    expect(tableOf(await pgIr(), 'items').indexes).toHaveLength(7);
    expect(tableOf(await pgIr(), 'Pair').indexes).toEqual([]);
  });

  it('MySQL: a prefix length, and @@fulltext as a fulltext index', async () => {
    const r = await myIr();
    expect(ix(r, 'Doc', 'Doc_title_idx')).toEqual({
      name: 'Doc_title_idx',
      nameExplicit: false,
      unique: false,
      parts: [{ column: 'title', length: 10 }],
    });
    expect(ix(r, 'Doc', 'Doc_title_body_idx')).toEqual({
      name: 'Doc_title_body_idx',
      nameExplicit: false,
      unique: false,
      method: 'fulltext',
      parts: [{ column: 'title' }, { column: 'body' }],
    });
  });

  it('views get no keys nor indexes (not even from @unique)', async () => {
    const r = await schemaIr(
      `${datasource('postgresql')}\ngenerator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\nview V {\n  id Int @unique\n  n Int\n}\n`,
    );
    expect(tableOf(r, 'V')).toMatchObject({ kind: 'view', indexes: [] });
    expect(tableOf(r, 'V').primaryKey).toBeUndefined();
  });
});

describe('operatorClassSql: Prisma operator class -> SQL', () => {
  it.each([
    ['JsonbPathOps', 'jsonb_path_ops'],
    ['JsonbOps', 'jsonb_ops'],
    ['ArrayOps', 'array_ops'],
    ['Int4MinMaxOps', 'int4_minmax_ops'],
    ['Int4MinMaxMultiOps', 'int4_minmax_multi_ops'],
    ['Int4BloomOps', 'int4_bloom_ops'],
    ['TextOps', 'text_ops'],
    ['InetInclusionOps', 'inet_inclusion_ops'],
    ['raw("gin_trgm_ops")', 'gin_trgm_ops'],
    ['raw(gist_trgm_ops)', 'gist_trgm_ops'],
    ['Raw("My_Ops")', 'My_Ops'],
  ])('%s -> %s', (prisma, sql) => {
    expect(operatorClassSql(prisma)).toBe(sql);
  });
});

describe('referentialAction: Prisma action -> SQL', () => {
  it.each([
    ['Cascade', 'CASCADE'],
    ['Restrict', 'RESTRICT'],
    ['NoAction', 'NO ACTION'],
    ['SetNull', 'SET NULL'],
    ['SetDefault', 'SET DEFAULT'],
  ])('%s -> %s', (prisma, sql) => {
    expect(referentialAction(prisma)).toBe(sql);
  });
  it('none or an unknown one: undefined (the caller applies the default)', () => {
    expect(referentialAction(undefined)).toBeUndefined();
    expect(referentialAction('cascade')).toBeUndefined();
  });
});
