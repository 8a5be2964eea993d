import {
  type Column,
  categorizeSqlType,
  normalizeSqlType,
  OrmdocError,
  parseDescription,
  type TableRef,
} from '@ormdoc/core';
import type { DeclaredProperty } from '../source/jsdoc.js';
import type { DzColumn } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import { columnDefault, columnOnUpdate, serialBaseType } from './defaults.js';
import type { EnumRegistry } from './enums.js';

export interface ColumnContext {
  adapter: DialectAdapter;
  enums: EnumRegistry;
  tableName: string;
  /** Columns that are part of the primary key (NOT NULL implied on PostgreSQL and MySQL). */
  pkColumns: Set<string>;
  /** What the source says about the column's property: JSDoc, line, functions written inline. */
  doc?: DeclaredProperty;
  file?: string;
}

/** `PgVarchar` -> `varchar`, `MySqlEnumColumn` -> `enum`, `SQLiteInteger` -> `integer`. */
function ormTypeName(c: DzColumn): string {
  const base = (c as { baseColumn?: DzColumn }).baseColumn;
  if (c.columnType === 'PgArray' && base) return `${ormTypeName(base)}[]`;
  const bare = c.columnType
    .replace(/^(Pg|MySql|SQLite|SingleStore)/, '')
    .replace(/Column$/, '')
    .replace(/(Builder|53|64)$/, '');
  // UUID -> uuid, BigSerial -> bigSerial, JSONB -> jsonb
  return bare.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (m) => m.toLowerCase());
}

export function convertColumn(c: DzColumn, key: string | undefined, ctx: ColumnContext): Column {
  const a = ctx.adapter;
  const name = a.columnName(c);
  const raw = a.sqlType(c);
  const serial = serialBaseType(c);
  const pgEnum = a.columnEnum(c);
  let sql: string;
  let enumRef: TableRef | undefined;
  if (serial !== undefined) sql = serial;
  else if (pgEnum) {
    enumRef = ctx.enums.refOf(pgEnum);
    sql = `${enumRef.schema ? `${enumRef.schema}.` : ''}${enumRef.name}${a.isArray(c) ? raw.slice(raw.indexOf('[')).replace(/\[\d+\]/g, '[]') : ''}`;
  } else {
    sql = normalizeSqlType(a.dialect, raw);
    if (
      a.dialect !== 'postgresql' &&
      c.enumValues &&
      c.enumValues.length > 0 &&
      (c.columnType === 'MySqlEnumColumn' || c.columnType === 'SQLiteText')
    )
      enumRef = ctx.enums.inline(
        ctx.tableName,
        name,
        c.enumValues,
        c.columnType === 'SQLiteText' ? 'orm' : 'database',
      );
  }
  const isArray = sql.endsWith('[]');
  const generatedAs = c.generated && !c.generatedIdentity ? generatedExpression(c, a) : undefined;
  const def = generatedAs === undefined ? defaultOf(c, raw, name, ctx) : undefined;
  const onUpdate = columnOnUpdate(c, ctx.doc?.onUpdateFn);
  const { text, tags } = parseDescription(ctx.doc?.description);
  const pkNotNull = ctx.pkColumns.has(name) && a.dialect !== 'sqlite';
  const column: Column = {
    name,
    type: {
      sql,
      orm:
        ormTypeName(c)
          .replace(/^bigSerial$/, 'bigserial')
          .replace(/^smallSerial$/, 'smallserial') +
        // drizzle 1.0 RCs: an array is its element column with `dimensions` (0.4x: a PgArray column).
        (c.columnType !== 'PgArray' && a.isArray(c) ? '[]'.repeat(c.dimensions ?? 1) : ''),
      category: enumRef ? 'enum' : categorizeSqlType(sql),
      isArray,
      ...(enumRef ? { enum: enumRef } : {}),
    },
    nullable: !(c.notNull || pkNotNull),
    tags,
  };
  if (key !== undefined && key !== name) column.codeName = key;
  if (def) column.default = def;
  if (onUpdate) column.onUpdate = onUpdate;
  if (generatedAs !== undefined) column.generated = generatedAs;
  if (text) column.description = text;
  if (ctx.file && ctx.doc) column.source = { file: ctx.file, line: ctx.doc.line };
  return column;
}

/**
 * The column's default. An `sql` default with an interpolated parameter, name or column in it
 * cannot be written into DDL: drizzle-kit fails on it too. Said as the user's error, where it is.
 */
function defaultOf(c: DzColumn, raw: string, name: string, ctx: ColumnContext): Column['default'] {
  try {
    return columnDefault(c, ctx.adapter, raw, ctx.doc?.defaultFn);
  } catch (e) {
    throw new OrmdocError(
      'SCHEMA_INVALID',
      `The default of column "${ctx.tableName}.${name}" is SQL with an interpolated value, name or column in it, which drizzle-kit cannot write into a migration.`,
      {
        ...(ctx.file ? { file: ctx.file, ...(ctx.doc ? { line: ctx.doc.line } : {}) } : {}),
        hint: "Write the default's SQL as text without interpolations: .default(sql`now()`), or a plain value: .default('x').",
        cause: e,
      },
    );
  }
}

function generatedExpression(c: DzColumn, a: DialectAdapter): Column['generated'] {
  const as = c.generated?.as;
  const value = typeof as === 'function' ? (as as () => unknown)() : as;
  const expression = a.isSql(value)
    ? a.sql(value, a.dialect === 'sqlite' ? 'indexes' : undefined)
    : String(value);
  // drizzle-kit: PostgreSQL generated columns are STORED; MySQL defaults to stored, SQLite to virtual.
  const mode = c.generated?.mode ?? (a.dialect === 'sqlite' ? 'virtual' : 'stored');
  const stored = a.dialect === 'postgresql' || mode === 'stored';
  return { expression, stored };
}
