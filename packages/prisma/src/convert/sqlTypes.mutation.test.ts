import { type Dialect, normalizeSqlType } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';
import { scalarSqlType } from './sqlTypes.js';
import { getDatamodel } from './wasm.js';

/**
 * The column type Prisma Migrate creates for each Prisma scalar type (no `@db.*`) and for each
 * native type, one row each, read through Prisma's own parser (prisma-schema-wasm): the IR's
 * `type.sql` is the type of the column in Prisma's DDL, in ormdoc's spelling (lower case,
 * PostgreSQL aliases folded: `int4` -> `integer`, `decimal` -> `numeric`).
 */
type Row = readonly [field: string, sql: string];

const modelOf = (provider: string, rows: readonly Row[]) =>
  `${datasource(provider)}\nmodel T {\n  id Int @id\n${rows.map(([f], i) => `  c${i} ${f}`).join('\n')}\n}\n`;

/** One model per dialect with one column per row; the IR type of column `c{i}` is row i's. */
async function columnTypes(provider: string, rows: readonly Row[]): Promise<string[]> {
  const result = await schemaIr(modelOf(provider, rows));
  const t = tableOf(result, 'T');
  return rows.map((_, i) => t.columns.find((c) => c.name === `c${i}`)!.type.sql);
}

const SCALARS: Record<string, Row[]> = {
  postgresql: [
    ['String', 'text'],
    ['Int', 'integer'],
    ['BigInt', 'bigint'],
    ['Float', 'double precision'],
    ['Decimal', 'numeric(65,30)'],
    ['Boolean', 'boolean'],
    ['DateTime', 'timestamp(3)'],
    ['Json', 'jsonb'],
    ['Bytes', 'bytea'],
  ],
  cockroachdb: [
    ['String', 'string'], // STRING
    ['Int', 'integer'], // INT4
    ['BigInt', 'bigint'], // INT8
    ['Float', 'double precision'], // FLOAT8
    ['Decimal', 'numeric(65,30)'], // DECIMAL(65,30)
    ['Boolean', 'boolean'], // BOOL
    ['DateTime', 'timestamp(3)'],
    ['Json', 'jsonb'],
    ['Bytes', 'bytes'],
  ],
  mysql: [
    ['String', 'varchar(191)'],
    ['Int', 'int'],
    ['BigInt', 'bigint'],
    ['Float', 'double'],
    ['Decimal', 'decimal(65,30)'],
    ['Boolean', 'boolean'],
    ['DateTime', 'datetime(3)'],
    ['Json', 'json'],
    ['Bytes', 'longblob'],
  ],
  sqlite: [
    ['String', 'text'],
    ['Int', 'integer'],
    ['BigInt', 'bigint'],
    ['Float', 'real'],
    ['Decimal', 'decimal'],
    ['Boolean', 'boolean'],
    ['DateTime', 'datetime'],
    ['Json', 'jsonb'],
    ['Bytes', 'blob'],
  ],
  sqlserver: [
    ['String', 'nvarchar(1000)'],
    ['Int', 'int'],
    ['BigInt', 'bigint'],
    ['Float', 'float'],
    ['Decimal', 'decimal(32,16)'],
    ['Boolean', 'bit'],
    ['DateTime', 'datetime2'],
    // Prisma rejects Json on SQL Server ("The current connector does not support the Json type").
    ['Bytes', 'varbinary(max)'],
  ],
};

const NATIVE: Record<string, Row[]> = {
  postgresql: [
    ['String @db.Text', 'text'],
    ['String @db.Char(3)', 'char(3)'],
    ['String @db.VarChar(40)', 'varchar(40)'],
    ['String @db.VarChar', 'varchar'],
    ['String @db.Bit(2)', 'bit(2)'],
    ['String @db.VarBit', 'varbit'],
    ['String @db.VarBit(4)', 'varbit(4)'],
    ['String @db.Uuid', 'uuid'],
    ['String @db.Xml', 'xml'],
    ['String @db.Inet', 'inet'],
    ['String @db.Citext', 'citext'],
    ['Boolean @db.Boolean', 'boolean'],
    ['Int @db.Integer', 'integer'],
    ['Int @db.SmallInt', 'smallint'],
    ['Int @db.Oid', 'oid'],
    ['BigInt @db.BigInt', 'bigint'],
    ['Float @db.DoublePrecision', 'double precision'],
    ['Float @db.Real', 'real'],
    ['Decimal @db.Decimal(10, 2)', 'numeric(10,2)'],
    ['Decimal @db.Decimal', 'numeric'],
    ['Decimal @db.Money', 'money'],
    ['DateTime @db.Timestamp(6)', 'timestamp(6)'],
    ['DateTime @db.Timestamp', 'timestamp'],
    ['DateTime @db.Timestamptz(6)', 'timestamptz(6)'],
    ['DateTime @db.Timestamptz', 'timestamptz'],
    ['DateTime @db.Date', 'date'],
    ['DateTime @db.Time(2)', 'time(2)'],
    ['DateTime @db.Timetz(2)', 'timetz(2)'],
    ['DateTime @db.Timetz', 'timetz'],
    ['Json @db.Json', 'json'],
    ['Json @db.JsonB', 'jsonb'],
    ['Bytes @db.ByteA', 'bytea'],
  ],
  cockroachdb: [
    ['String @db.String(40)', 'string(40)'],
    ['String @db.String', 'string'],
    ['String @db.Char(3)', 'char(3)'],
    ['String @db.CatalogSingleChar', '"char"'],
    ['String @db.Bit(2)', 'bit(2)'],
    ['String @db.VarBit', 'varbit'],
    ['String @db.Uuid', 'uuid'],
    ['String @db.Inet', 'inet'],
    ['Boolean @db.Bool', 'boolean'],
    ['Int @db.Int2', 'smallint'],
    ['Int @db.Int4', 'integer'],
    ['BigInt @db.Int8', 'bigint'],
    ['Float @db.Float4', 'real'],
    ['Float @db.Float8', 'double precision'],
    ['Decimal @db.Decimal(10, 2)', 'numeric(10,2)'],
    ['Decimal @db.Decimal', 'numeric'],
    ['DateTime @db.Timestamp(6)', 'timestamp(6)'],
    ['DateTime @db.Timestamptz(6)', 'timestamptz(6)'],
    ['DateTime @db.Date', 'date'],
    ['DateTime @db.Time(2)', 'time(2)'],
    ['DateTime @db.Timetz(2)', 'timetz(2)'],
    ['Json @db.JsonB', 'jsonb'],
    ['Bytes @db.Bytes', 'bytes'],
  ],
  mysql: [
    ['String @db.VarChar(40)', 'varchar(40)'],
    ['String @db.Text', 'text'],
    ['String @db.Char(3)', 'char(3)'],
    ['String @db.TinyText', 'tinytext'],
    ['String @db.MediumText', 'mediumtext'],
    ['String @db.LongText', 'longtext'],
    ['Boolean @db.Bit(1)', 'bit(1)'],
    ['Int @db.Int', 'int'],
    ['Int @db.UnsignedInt', 'int unsigned'],
    ['Int @db.SmallInt', 'smallint'],
    ['Int @db.UnsignedSmallInt', 'smallint unsigned'],
    ['Int @db.MediumInt', 'mediumint'],
    ['Int @db.UnsignedMediumInt', 'mediumint unsigned'],
    ['Int @db.TinyInt', 'tinyint'],
    ['Int @db.UnsignedTinyInt', 'tinyint unsigned'],
    ['Int @db.Year', 'year'],
    ['BigInt @db.BigInt', 'bigint'],
    ['BigInt @db.UnsignedBigInt', 'bigint unsigned'],
    ['Float @db.Float', 'float'],
    ['Float @db.Double', 'double'],
    ['Decimal @db.Decimal(10, 2)', 'decimal(10,2)'],
    // MySQL's defaults where Prisma is given no precision: DECIMAL(65,30), DATETIME(3), TIME(3), TIMESTAMP(3)
    ['Decimal @db.Decimal', 'decimal(65,30)'],
    ['DateTime @db.DateTime(0)', 'datetime(0)'],
    ['DateTime @db.DateTime', 'datetime(3)'],
    ['DateTime @db.Date', 'date'],
    ['DateTime @db.Time', 'time(3)'],
    ['DateTime @db.Time(2)', 'time(2)'],
    ['DateTime @db.Timestamp', 'timestamp(3)'],
    ['DateTime @db.Timestamp(0)', 'timestamp(0)'],
    ['Json @db.Json', 'json'],
    ['Bytes @db.LongBlob', 'longblob'],
    ['Bytes @db.Binary(4)', 'binary(4)'],
    ['Bytes @db.VarBinary(8)', 'varbinary(8)'],
    ['Bytes @db.TinyBlob', 'tinyblob'],
    ['Bytes @db.Blob', 'blob'],
    ['Bytes @db.MediumBlob', 'mediumblob'],
    ['Bytes @db.Bit(8)', 'bit(8)'],
  ],
  sqlserver: [
    ['String @db.Char(3)', 'char(3)'],
    ['String @db.Char', 'char(1)'],
    ['String @db.NChar(3)', 'nchar(3)'],
    ['String @db.NChar', 'nchar(1)'],
    ['String @db.VarChar(40)', 'varchar(40)'],
    ['String @db.VarChar(Max)', 'varchar(max)'],
    ['String @db.VarChar', 'varchar(8000)'],
    ['String @db.NVarChar(40)', 'nvarchar(40)'],
    ['String @db.NVarChar(Max)', 'nvarchar(max)'],
    ['String @db.NVarChar', 'nvarchar(4000)'],
    ['String @db.Text', 'text'],
    ['String @db.NText', 'ntext'],
    ['String @db.Xml', 'xml'],
    ['String @db.UniqueIdentifier', 'uniqueidentifier'],
    ['Boolean @db.Bit', 'bit'],
    ['Int @db.Int', 'int'],
    ['Int @db.SmallInt', 'smallint'],
    ['Int @db.TinyInt', 'tinyint'],
    ['BigInt @db.BigInt', 'bigint'],
    ['Float @db.Float', 'float'],
    ['Float @db.Real', 'real'],
    ['Float @db.Money', 'money'],
    ['Float @db.SmallMoney', 'smallmoney'],
    ['Decimal @db.Decimal(10, 2)', 'decimal(10,2)'],
    ['Decimal @db.Decimal', 'decimal(32,16)'],
    ['DateTime @db.Date', 'date'],
    ['DateTime @db.Time', 'time'],
    ['DateTime @db.DateTime', 'datetime'],
    ['DateTime @db.DateTime2', 'datetime2'],
    ['DateTime @db.SmallDateTime', 'smalldatetime'],
    ['DateTime @db.DateTimeOffset', 'datetimeoffset'],
    ['Bytes @db.Binary(4)', 'binary(4)'],
    ['Bytes @db.VarBinary(Max)', 'varbinary(max)'],
    ['Bytes @db.VarBinary(8)', 'varbinary(8)'],
    ['Bytes @db.Image', 'image'],
  ],
};

/** Every dialect's types for a table of rows, read once (in the first test that needs them). */
const typesOf = (table: Record<string, Row[]>) =>
  once(async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(table).map(async ([p, rows]) => [p, await columnTypes(p, rows)] as const),
      ),
    ),
  );

describe('Prisma scalar type -> the column type Prisma Migrate creates, per dialect', () => {
  const actual = typesOf(SCALARS);
  for (const [provider, rows] of Object.entries(SCALARS))
    it.each(rows.map((r, i) => [r[0], r[1], i] as const))(`${provider}: %s -> %s`, async (_f, sql, i) => {
      expect((await actual())[provider]![i]).toBe(sql);
    });
});

describe('Prisma native type (@db.*) -> the column type, per dialect', () => {
  const actual = typesOf(NATIVE);
  for (const [provider, rows] of Object.entries(NATIVE))
    it.each(rows.map((r, i) => [r[0], r[1], i] as const))(`${provider}: %s -> %s`, async (_f, sql, i) => {
      expect((await actual())[provider]![i]).toBe(sql);
    });

  it('a list keeps its element type and is marked an array (PostgreSQL, CockroachDB)', async () => {
    for (const provider of ['postgresql', 'cockroachdb']) {
      const [list, native] = await columnTypes(provider, [
        ['Int[]', ''],
        ['String[] @db.Uuid', ''],
      ]);
      expect(list).toBe('integer[]');
      expect(native).toBe('uuid[]');
    }
  });
});

describe("Prisma's identifier limit per connector: default names are trimmed to it", () => {
  // A unique index on one column of a table with a 300-character name: `{table}_{col}_key`.
  const LIMITS: Array<[string, number]> = [
    ['postgresql', 63],
    ['cockroachdb', 63],
    ['mysql', 64],
    ['sqlserver', 128],
  ];
  const long = 'x'.repeat(300);
  const keyName = async (provider: string) => {
    const result = await schemaIr(
      `${datasource(provider)}\nmodel T {\n  id Int @id\n  code Int @unique\n  @@map("${long}")\n}\n`,
    );
    return tableOf(result, long).indexes.find((i) => i.unique)!.name;
  };
  it.each(LIMITS)('%s: at most %i characters, ending in _key', async (provider, limit) => {
    const name = await keyName(provider);
    expect(name).toHaveLength(limit);
    expect(name).toBe(`${`${long}_code`.slice(0, limit - 4)}_key`);
  });
  it('sqlite: no limit below 10,000 characters (the name is whole)', async () => {
    expect(await keyName('sqlite')).toBe(`${long}_code_key`);
  });
  it('sqlite: 10,000 characters at most', async () => {
    const huge = 'y'.repeat(10_050);
    const result = await schemaIr(
      `${datasource('sqlite')}\nmodel T {\n  id Int @id\n  code Int @unique\n  @@map("${huge}")\n}\n`,
    );
    const name = tableOf(result, huge).indexes.find((i) => i.unique)!.name;
    expect(name).toBe(`${'y'.repeat(10_000 - 4)}_key`);
  });
});

describe('scalarSqlType on the fields of DMMF Prisma gives: lower-case SQL, one row per entry', () => {
  // The conversion falls back to the lower-cased Prisma type when there is no entry, so an entry
  // that equals it (`BigInt` -> `bigint`) is held here, on the function itself.
  const dmmf = once(async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries({ ...SCALARS }).map(async ([p, rows]) => {
          const native = NATIVE[p] ?? [];
          const model = modelOf(p, [...rows, ...native]);
          const fields = (await getDatamodel([['schema.prisma', model]])).models[0]!.fields;
          return [p, fields.filter((f) => f.name !== 'id')] as const;
        }),
      ),
    ),
  );
  for (const [provider, rows] of Object.entries(SCALARS)) {
    const all = [...rows, ...(NATIVE[provider] ?? [])];
    it.each(all.map((r, i) => [r[0], r[1], i] as const))(`${provider}: %s -> %s`, async (_f, sql, i) => {
      const field = (await dmmf())[provider]![i]!;
      const raw = scalarSqlType(provider as Dialect, field.type, field.nativeType)!;
      expect(raw).toBe(raw.toLowerCase());
      expect(normalizeSqlType(provider as Dialect, raw)).toBe(sql);
    });
  }
});
