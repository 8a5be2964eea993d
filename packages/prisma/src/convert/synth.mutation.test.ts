import type { Column, Table } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';

/**
 * Prisma's DMMF leaves out `@@ignore`d models and `@ignore`d fields, but Prisma Migrate creates
 * them: ormdoc rebuilds them from the schema text (synth.ts). The DMMF is the reference: the same
 * model read without `@@ignore` (or the field without `@ignore`) gives the same table (column),
 * apart from the `ignoredByOrm` mark.
 */

/** A model with one of each thing synth.ts reads: types, @db args, defaults, keys, indexes. */
function pgModel(ignore: string): string {
  return `
enum Role {
  ADMIN @map("admin")
  USER
}

/// Old rows
/// @deprecated
model Legacy {
  id     Int       @id @default(autoincrement()) @map("legacy_id")
  code   String    @unique(map: "legacy_code") @db.VarChar(40)
  tag    String    @unique
  a      Int       @default(-3)
  b      Int
  price  Decimal   @default(2.5) @db.Decimal(10, 2)
  ratio  Float     @default(-0.25)
  big    BigInt    @default(9007199254740993)
  bigs   BigInt[]  @default([9007199254740993, 2])
  ok     Boolean   @default(true)
  off    Boolean   @default(false)
  label  String    @default("say \\"hi\\"")
  role   Role      @default(ADMIN)
  roles  Role[]    @default([ADMIN, USER])
  words  String[]  @default(["a", "b"])
  nums   Int[]
  note   String?
  at     DateTime  @default(now()) @db.Timestamptz(6)
  upd    DateTime  @updatedAt
  u      String    @default(uuid(7)) @db.Uuid
  c2     String    @default(cuid(2))
  gen    String    @default(dbgenerated("md5(random()::text)"))
  data   Json
  @@unique([a, b])
  @@unique(fields: [b, a], map: "b_a_unique")
  @@index([b(sort: Desc), a], map: "b_desc")
  @@index([a(sort: Asc)])
  @@index([data(ops: JsonbPathOps)], type: Gin)
  @@index(fields: [note], type: Hash)
  @@map("legacy")
${ignore}}

model Pair {
  x Int
  y Int
  @@id([x, y], map: "pair_pk")
${ignore}}

model Plain {
  x Int
  y Int
  @@id([y, x])
${ignore}}
`;
}

const myModel = (ignore: string) => `
model Doc {
  id    Int    @id
  title String @db.VarChar(200)
  body  String @db.Text
  kind  Kind   @default(B)
  @@index([title(length: 10)])
  @@fulltext([title, body], map: "doc_ft")
  @@fulltext([body])
${ignore}}

enum Kind {
  A
  B @map("bee")
}
`;

const sqliteModel = (ignore: string) => `
model Row {
  id Int @id
${ignore}}

model Big {
  id BigInt @id
${ignore}}
`;

const text = (provider: string, body: string) =>
  `${datasource(provider)}\ngenerator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["fullTextIndex"]\n}\n${body}`;
const ir = (provider: string, body: string) => schemaIr(text(provider, body));
/** Both versions have the same lines: a comment where the other has `@@ignore`. */
const PLAIN = '  // kept\n';
const IGNORED = '  @@ignore\n';

const pg = once(async () => ({
  plain: await ir('postgresql', pgModel(PLAIN)),
  ignored: await ir('postgresql', pgModel(IGNORED)),
}));
const my = once(async () => ({
  plain: await ir('mysql', myModel(PLAIN)),
  ignored: await ir('mysql', myModel(IGNORED)),
}));
const lite = once(async () => ({
  plain: await ir('sqlite', sqliteModel(PLAIN)),
  ignored: await ir('sqlite', sqliteModel(IGNORED)),
}));

/** The table without what only the text path adds: the ignore mark, nothing else. */
function asPlain(t: Table): Table {
  const { ignoredByOrm: _ignored, ...rest } = t;
  return rest as Table;
}

describe('@@ignore: a model rebuilt from the text is the table the DMMF gives without @@ignore', () => {
  it.each([
    ['postgresql', pg, 'legacy'],
    ['postgresql', pg, 'Pair'],
    ['postgresql', pg, 'Plain'],
    ['mysql', my, 'Doc'],
    ['sqlite', lite, 'Row'],
    ['sqlite', lite, 'Big'],
  ] as const)('%s: %s', async (_p, read, name) => {
    const { plain, ignored } = await read();
    const t = tableOf(ignored, name);
    expect(t.ignoredByOrm).toBe(true);
    expect(tableOf(plain, name).ignoredByOrm).toBeUndefined();
    expect(asPlain(t)).toEqual(tableOf(plain, name));
  });

  it('the reference is not trivial: keys, indexes and defaults are there', async () => {
    const t = tableOf((await pg()).plain, 'legacy');
    expect(t.primaryKey).toEqual({ name: 'legacy_pkey', nameExplicit: false, columns: ['legacy_id'] });
    expect(t.indexes.map((i) => i.name)).toEqual([
      'b_a_unique',
      'b_desc',
      'legacy_a_b_key',
      'legacy_a_idx',
      'legacy_code',
      'legacy_data_idx',
      'legacy_note_idx',
      'legacy_tag_key',
    ]);
    const col = (n: string) => t.columns.find((c) => c.name === n);
    // beyond 2^53: text, as the DMMF gives it (a number would round it to ...992)
    expect(col('big')?.default).toEqual({
      kind: 'literal',
      value: '9007199254740993',
      sql: '9007199254740993',
    });
    expect(col('label')?.default).toEqual({ kind: 'literal', value: 'say "hi"', sql: `'say "hi"'` });
    expect(tableOf((await lite()).plain, 'Row').columns[0]?.default).toEqual({
      kind: 'sequence',
      style: 'auto-increment',
    });
    const doc = tableOf((await my()).plain, 'Doc');
    expect(doc.indexes.map((i) => [i.name, i.method])).toEqual([
      ['Doc_body_idx', 'fulltext'],
      ['Doc_title_idx', undefined],
      ['doc_ft', 'fulltext'],
    ]);
  });

  it('an @@ignore model keeps its source line, description and tags', async () => {
    const t = tableOf((await pg()).ignored, 'legacy');
    expect(t.codeName).toBe('Legacy');
    expect(t.description).toBe('Old rows');
    expect(t.tags.length).toBeGreaterThan(0);
    const line = text('postgresql', pgModel(IGNORED)).split('\n').indexOf('model Legacy {') + 1;
    expect(t.source).toEqual({ file: 'schema.prisma', line });
  });
});

/** The same fields once as they are and once each with `@ignore` (the DMMF then omits them). */
const FIELDS = [
  'a      Int       @default(-3)',
  'price  Decimal   @default(2.5) @db.Decimal(10, 2)',
  'big    BigInt    @default(9007199254740993)',
  'bigs   BigInt[]  @default([9007199254740993, 2])',
  'ok     Boolean   @default(true)',
  'label  String    @default("say \\"hi\\"") @map("the_label")',
  'role   Role      @default(ADMIN)',
  'roles  Role[]    @default([ADMIN, USER])',
  'note   String?   @db.VarChar(30)',
  'at     DateTime  @default(now()) @db.Timestamptz(6)',
  'upd    DateTime  @updatedAt',
  'u      String    @default(uuid(7))',
  'gen    String    @default(dbgenerated("md5(random()::text)"))',
];

const fields = once(async () => {
  const body = (ignore: string) =>
    `enum Role {\n  ADMIN @map("admin")\n  USER\n}\nmodel F {\n  id Int @id\n${FIELDS.map((f) => `  ${f}${ignore}`).join('\n')}\n}\n`;
  return {
    plain: tableOf(await ir('postgresql', body('')), 'F').columns,
    ignored: tableOf(await ir('postgresql', body(' @ignore')), 'F').columns,
  };
});

describe('@ignore: a field rebuilt from the text is the column the DMMF gives without @ignore', () => {
  it.each(FIELDS.map((f) => f.split(' ')[0]!))('%s', async (name) => {
    const { plain, ignored } = await fields();
    const dbName = name === 'label' ? 'the_label' : name;
    const find = (cols: Column[]) => cols.find((c) => c.name === dbName);
    const { ignoredByOrm, ...rest } = find(ignored) ?? ({} as Column);
    expect(ignoredByOrm).toBe(true);
    expect(rest).toEqual(find(plain));
  });

  it('columns keep their declaration order', async () => {
    const { plain, ignored } = await fields();
    expect(ignored.map((c) => c.name)).toEqual(plain.map((c) => c.name));
  });
});
