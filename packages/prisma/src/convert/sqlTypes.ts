import type { Dialect } from '@ormdoc/core';

/** Prisma scalar type -> the column type Prisma Migrate creates when no `@db.*` is given. */
const SCALAR_DEFAULTS: Record<Dialect, Record<string, string>> = {
  postgresql: {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    Boolean: 'boolean',
    DateTime: 'timestamp(3)',
    Json: 'jsonb',
    Bytes: 'bytea',
  },
  cockroachdb: {
    String: 'string',
    Int: 'int4',
    BigInt: 'int8',
    Float: 'float8',
    Decimal: 'decimal(65,30)',
    Boolean: 'bool',
    DateTime: 'timestamp(3)',
    Json: 'jsonb',
    Bytes: 'bytes',
  },
  mysql: {
    String: 'varchar(191)',
    Int: 'int',
    BigInt: 'bigint',
    Float: 'double',
    Decimal: 'decimal(65,30)',
    Boolean: 'boolean',
    DateTime: 'datetime(3)',
    Json: 'json',
    Bytes: 'longblob',
  },
  sqlite: {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'real',
    Decimal: 'decimal',
    Boolean: 'boolean',
    DateTime: 'datetime',
    Json: 'jsonb',
    Bytes: 'blob',
  },
  sqlserver: {
    String: 'nvarchar(1000)',
    Int: 'int',
    BigInt: 'bigint',
    Float: 'float',
    Decimal: 'decimal(32,16)',
    Boolean: 'bit',
    DateTime: 'datetime2',
    // Stryker disable next-line StringLiteral: Prisma rejects Json on SQL Server, so no field has this type
    Json: 'nvarchar(1000)',
    Bytes: 'varbinary(max)',
  },
};

/** `@db.X` names whose SQL spelling is not simply the lower-cased name. */
const NATIVE_NAMES: Record<string, string> = {
  DoublePrecision: 'double precision',
  Timestamptz: 'timestamptz',
  Timetz: 'timetz',
  VarBit: 'varbit',
  JsonB: 'jsonb',
  ByteA: 'bytea',
  SmallInt: 'smallint',
  TinyInt: 'tinyint',
  MediumInt: 'mediumint',
  UnsignedInt: 'int unsigned',
  UnsignedSmallInt: 'smallint unsigned',
  UnsignedTinyInt: 'tinyint unsigned',
  UnsignedMediumInt: 'mediumint unsigned',
  UnsignedBigInt: 'bigint unsigned',
  TinyText: 'tinytext',
  MediumText: 'mediumtext',
  LongText: 'longtext',
  TinyBlob: 'tinyblob',
  MediumBlob: 'mediumblob',
  LongBlob: 'longblob',
  VarBinary: 'varbinary',
  VarChar: 'varchar',
  NVarChar: 'nvarchar',
  NChar: 'nchar',
  NText: 'ntext',
  DateTime2: 'datetime2',
  DateTimeOffset: 'datetimeoffset',
  SmallDateTime: 'smalldatetime',
  SmallMoney: 'smallmoney',
  UniqueIdentifier: 'uniqueidentifier',
  Integer: 'integer',
  Int: 'int',
  Int2: 'int2',
  Int4: 'int4',
  Int8: 'int8',
  Float4: 'float4',
  Float8: 'float8',
  Decimal: 'numeric',
  Bool: 'bool',
  String: 'string',
  Bytes: 'bytes',
  CatalogSingleChar: '"char"',
};

/** Native types whose column gets `(3)` when Prisma is given no precision. */
const DEFAULT_ARGS: Partial<Record<Dialect, Record<string, string>>> = {
  mysql: {
    Decimal: '65,30',
    DateTime: '3',
    Timestamp: '3',
    Time: '3',
    // Stryker disable next-line StringLiteral: Prisma rejects @db.VarChar without a length on MySQL
    VarChar: '191',
  },
  sqlserver: { Decimal: '32,16', VarChar: '8000', NVarChar: '4000', Char: '1', NChar: '1' },
};

/**
 * The final SQL type Prisma Migrate creates for a scalar field. `nativeType` is the DMMF's
 * `['VarChar', ['320']]` for `@db.VarChar(320)`.
 */
export function scalarSqlType(
  dialect: Dialect,
  prismaType: string,
  nativeType: readonly [string, readonly string[]] | null | undefined,
): string | undefined {
  if (!nativeType) return SCALAR_DEFAULTS[dialect][prismaType];
  const [name, args] = nativeType;
  let base = NATIVE_NAMES[name] ?? name.toLowerCase();
  if (dialect === 'mysql' && name === 'Decimal') base = 'decimal';
  if (dialect === 'sqlserver' && name === 'Decimal') base = 'decimal';
  const givenArgs = args.length > 0 ? args.join(',') : DEFAULT_ARGS[dialect]?.[name];
  if (givenArgs === undefined) return base;
  if (base.endsWith(' unsigned')) return `${base.slice(0, -9)}(${givenArgs}) unsigned`;
  return `${base}(${givenArgs.toLowerCase() === 'max' ? 'max' : givenArgs})`;
}

/** Prisma's maximum identifier length per connector (names longer than this are trimmed). */
export function maxIdentifierLength(dialect: Dialect): number {
  switch (dialect) {
    case 'postgresql':
    case 'cockroachdb':
      return 63;
    case 'mysql':
      return 64;
    case 'sqlserver':
      return 128;
    case 'sqlite':
      return 10_000;
  }
}
