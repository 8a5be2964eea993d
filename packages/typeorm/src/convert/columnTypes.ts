import { categorizeSqlType, normalizeSqlType } from '@ormdoc/core';
import type { ColumnMetadataLike, DriverLike, EntityMetadataLike, TypeormDialect } from '../types.js';

/** `TableUtils.createTableColumnOptions`: the TableColumn TypeORM's schema builder hands the driver. */
export function tableColumnOptions(column: ColumnMetadataLike, driver: DriverLike): Record<string, unknown> {
  return {
    name: column.databaseName,
    length: driver.getColumnLength(column),
    charset: column.charset,
    collation: column.collation,
    precision: column.precision,
    scale: column.scale,
    unsigned: column.unsigned,
    asExpression: column.asExpression,
    generatedType: column.generatedType,
    default: driver.normalizeDefault(column),
    onUpdate: column.onUpdate,
    comment: column.comment,
    isGenerated: column.isGenerated,
    generationStrategy: column.generationStrategy,
    generatedIdentity: column.generatedIdentity,
    isNullable: column.isNullable,
    type: driver.normalizeType(column),
    isPrimary: column.isPrimary,
    isUnique: driver.normalizeIsUnique(column),
    isArray: column.isArray || false,
    // Stryker disable next-line ArrowFunction,StringLiteral: createFullType only asks whether there are values (SQLite's then says varchar); the query runners write them
    enum: column.enum ? column.enum.map((v) => `${v}`) : column.enum,
    enumName: column.enumName,
    primaryKeyConstraintName: column.primaryKeyConstraintName,
    spatialFeatureType: column.spatialFeatureType,
    srid: column.srid,
  };
}

/** Enum columns; SQLite's driver turns `simple-enum` into varchar (with a CHECK on the values). */
export const isEnumColumn = (column: ColumnMetadataLike, driver: DriverLike): boolean => {
  const t = driver.normalizeType(column);
  return t === 'enum' || column.type === 'simple-enum';
};

/** The database name of a column's enum type, as PostgresQueryRunner.buildEnumName makes it. */
export function enumTypeName(entity: EntityMetadataLike, column: ColumnMetadataLike): string {
  return column.enumName ?? `${entity.tableName}_${column.databaseName.toLowerCase()}_enum`;
}

export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export interface ComputedType {
  sql: string;
  orm: string;
  isArray: boolean;
  category: ReturnType<typeof categorizeSqlType>;
}

/** The ORM-side type name: the decorator's type, or the JS type it was reflected from. */
export function ormTypeName(column: ColumnMetadataLike): string {
  const t = column.type;
  // Stryker disable next-line ConditionalExpression,StringLiteral: String(t) below is the same string
  if (typeof t === 'string') return t;
  // Stryker disable next-line ConditionalExpression,StringLiteral: TypeORM's column types are strings or constructors, and the constructors it reflects (String, Number, Date...) all have names
  if (typeof t === 'function') return (t as { name?: string }).name || 'function';
  return String(t);
}

/** The final SQL type of a non-enum column, as the driver computes it (`createFullType`). */
export function computeSqlType(
  dialect: TypeormDialect,
  column: ColumnMetadataLike,
  driver: DriverLike,
): ComputedType {
  const options = tableColumnOptions(column, driver);
  let full = driver.createFullType(options);
  let isArray = false;
  // Stryker disable next-line Regex: createFullType ends an array type with " array", and has "array" nowhere else
  if (/\sarray$/i.test(full)) {
    // Stryker disable next-line Regex: as above
    full = full.replace(/\s+array$/i, '');
    isArray = true;
  }
  const sql = normalizeSqlType(dialect, full);
  return {
    sql: isArray ? `${sql}[]` : sql,
    orm: ormTypeName(column),
    isArray,
    category: categorizeSqlType(sql),
  };
}
