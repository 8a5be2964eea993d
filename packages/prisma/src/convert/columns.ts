import {
  type Column,
  categorizeSqlType,
  type Dialect,
  normalizeSqlType,
  parseDescription,
} from '@ormdoc/core';
import { docText } from './comments.js';
import { columnDefault } from './defaults.js';
import type { PrismaEnum, PrismaField } from './dmmf.js';
import { scalarSqlType } from './sqlTypes.js';

export interface EnumInfo {
  prisma: PrismaEnum;
  schema: string | null;
  dbName: string;
}

const PLAIN_IDENT = /^[a-z_][a-z0-9_]*$/;

function quoteIdent(name: string): string {
  return PLAIN_IDENT.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function enumValueDb(info: EnumInfo | undefined) {
  return (value: string) => info?.prisma.values.find((v) => v.name === value)?.dbName ?? value;
}

/** The SQL type (element type for lists) of an enum column, per dialect. */
function enumSqlType(dialect: Dialect, info: EnumInfo): string {
  switch (dialect) {
    case 'postgresql':
    case 'cockroachdb':
      return info.schema ? `${quoteIdent(info.schema)}.${quoteIdent(info.dbName)}` : quoteIdent(info.dbName);
    case 'mysql':
      return `enum(${info.prisma.values.map((v) => `'${(v.dbName ?? v.name).replace(/'/g, "''")}'`).join(',')})`;
    case 'sqlite':
      return 'text';
    case 'sqlserver':
      return 'nvarchar(1000)';
  }
}

function ormTypeName(field: PrismaField): string {
  const native = field.nativeType
    ? ` @db.${field.nativeType[0]}${field.nativeType[1].length ? `(${field.nativeType[1].join(', ')})` : ''}`
    : '';
  return `${field.type}${field.isList ? '[]' : ''}${native}`;
}

/** One scalar or enum field as an IR column. */
export function scalarColumn(
  dialect: Dialect,
  field: PrismaField,
  enums: Map<string, EnumInfo>,
  extra: {
    documentation?: string;
    ignored?: boolean;
    line?: number;
    file?: string;
    /** The numeric default as written in the schema (`2.50`), which the DMMF gives as 2.5. */
    defaultLiteral?: string;
  } = {},
): Column {
  const en = field.kind === 'enum' ? enums.get(field.type) : undefined;
  const element = en ? enumSqlType(dialect, en) : scalarSqlType(dialect, field.type, field.nativeType);
  const base = element ? normalizeSqlType(dialect, element) : field.type.toLowerCase();
  const sql = field.isList ? `${base}[]` : base;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: Prisma has scalar lists on these two only
  const pgList = field.isList && (dialect === 'postgresql' || dialect === 'cockroachdb');
  // prisma-json-types-generator types Json and String fields from a leading `[Type]`.
  const { text, tags } = parseDescription(docText(field.documentation ?? extra.documentation), {
    jsonType: field.type === 'Json' || field.type === 'String',
  });
  const def = asWritten(
    columnDefault(field, dialect, enumValueDb(en), field.isList ? sql : undefined),
    extra.defaultLiteral,
  );
  const column: Column = {
    name: field.dbName ?? field.name,
    type: {
      sql,
      orm: ormTypeName(field),
      category: en ? 'enum' : categorizeSqlType(base),
      isArray: field.isList,
      ...(en ? { enum: { schema: en.schema, name: en.dbName } } : {}),
    },
    // Prisma creates scalar lists without NOT NULL on PostgreSQL.
    nullable: !field.isRequired || pgList,
    tags,
  };
  if (field.dbName && field.dbName !== field.name) column.codeName = field.name;
  if (def) column.default = def;
  if (field.isUpdatedAt) column.onUpdate = { kind: 'orm', description: '@updatedAt' };
  if (text) column.description = text;
  if (extra.ignored) column.ignoredByOrm = true;
  // Stryker disable next-line all: no caller passes a file yet (fromDmmf records no column lines)
  if (extra.file) column.source = { file: extra.file, ...(extra.line ? { line: extra.line } : {}) };
  return column;
}

/** An `Unsupported("type")` field: the database has the column, Prisma cannot read it. */
export function unsupportedColumn(
  dialect: Dialect,
  field: {
    name: string;
    dbName?: string;
    sqlType: string;
    optional: boolean;
    isList: boolean;
    documentation?: string;
    default?: PrismaField['default'];
  },
): Column {
  const sql = normalizeSqlType(dialect, field.sqlType) + (field.isList ? '[]' : '');
  const { text, tags } = parseDescription(docText(field.documentation));
  const def = field.default
    ? // Stryker disable all: Prisma allows only dbgenerated() on Unsupported fields; columnDefault reads nothing else of this stand-in
      columnDefault(
        {
          name: field.name,
          kind: 'unsupported',
          type: 'Unsupported',
          isList: field.isList,
          isRequired: !field.optional,
          isUnique: false,
          isId: false,
          hasDefaultValue: true,
          default: field.default,
        },
        dialect,
        (v) => v,
        undefined,
      )
    : // Stryker restore all
      undefined;
  return {
    name: field.dbName ?? field.name,
    ...(field.dbName && field.dbName !== field.name ? { codeName: field.name } : {}),
    type: {
      sql,
      orm: `Unsupported("${field.sqlType}")`,
      category: categorizeSqlType(sql),
      isArray: field.isList,
      unsupported: true,
    },
    nullable: field.optional,
    ...(def ? { default: def } : {}),
    ...(text ? { description: text } : {}),
    tags,
  };
}

/** Prisma Migrate writes a numeric default as the schema does (`DEFAULT 2.00`), not as the DMMF's 2. */
function asWritten(def: Column['default'], literal: string | undefined): Column['default'] {
  if (def?.kind !== 'literal' || typeof def.value !== 'number' || literal === undefined) return def;
  return Number(literal) === def.value ? { ...def, sql: literal } : def;
}
