import type { ColumnDefault, Enum, IrInput, Tag } from '@ormdoc/core';
import { parseDescription } from '@ormdoc/core';
import type { ColumnMetadataLike, DriverLike, EntityMetadataLike, TypeormDialect } from '../types.js';
import { computeSqlType, enumTypeName, isEnumColumn, ormTypeName, quoteIdent } from './columnTypes.js';
import { columnDefault, columnOnUpdate } from './defaults.js';

type ColumnInput = IrInput['tables'][number]['columns'][number];

/** Columns that exist in the table (not @VirtualColumn, which is computed by a query). */
export function tableColumns(entity: EntityMetadataLike): ColumnMetadataLike[] {
  return entity.columns.filter((c) => !c.isVirtualProperty);
}

/** Enum types the table's columns use, keyed by `schema.name`. */
export type EnumRegistry = Map<string, Enum & { firstUse: string }>;

export function convertColumn(
  dialect: TypeormDialect,
  entity: EntityMetadataLike,
  column: ColumnMetadataLike,
  driver: DriverLike,
  enums: EnumRegistry,
): ColumnInput {
  const { text, tags } = parseDescription(column.comment);
  const schema = entity.schema ?? null;
  let type: ColumnInput['type'];
  if (isEnumColumn(column, driver)) {
    const values = (column.enum ?? []).map((v) => `${v}`);
    const native = dialect === 'postgresql';
    const name = native
      ? enumTypeName(entity, column)
      : (column.enumName ?? `${entity.tableName}_${column.databaseName}_enum`);
    // `enumName` without `enum` (TypeORM allows it: a type the database already has) gives no
    // values to document: the column keeps the type's name, and no enum is made of it.
    const known = values.length > 0;
    if (known)
      registerEnum(
        enums,
        { schema: native ? schema : null, name, values, native },
        // Stryker disable next-line StringLiteral: firstUse is dropped before the IR is built
        `${entity.tableName}.${column.databaseName}`,
      );
    const sql = native
      ? schema === null
        ? quoteIdent(name)
        : `${quoteIdent(schema)}.${quoteIdent(name)}`
      : dialect === 'mysql'
        ? `enum${mysqlValues(values)}`
        : 'varchar';
    type = {
      sql: column.isArray ? `${sql}[]` : sql,
      orm: ormTypeName(column),
      category: 'enum',
      isArray: column.isArray,
      ...(known ? { enum: { schema: native ? schema : null, name } } : {}),
    };
  } else {
    const computed = computeSqlType(dialect, column, driver);
    // MySQL's query runner writes a column's values after its type: a `set` column's members
    const sql =
      dialect === 'mysql' && column.enum
        ? `${computed.sql}${mysqlValues(column.enum.map((v) => `${v}`))}`
        : computed.sql;
    type = { sql, orm: computed.orm, category: computed.category, isArray: computed.isArray };
    // @ViewColumn() takes no type: the view's query decides it, and TypeORM never needs to know
    // (a table column always has one, the reflected design type at least)
    // Stryker disable next-line ConditionalExpression: see above, for `entity.tableType === 'view'`
    if (computed.sql === '' && entity.tableType === 'view')
      type = { sql: 'unknown', orm: 'ViewColumn', category: 'other', isArray: false };
  }
  const def: ColumnDefault | undefined = column.generatedType
    ? undefined
    : columnDefault(dialect, column, driver);
  const onUpdate = columnOnUpdate(dialect, column);
  const out: ColumnInput = {
    name: column.databaseName,
    type,
    nullable: column.isNullable,
    tags: tags as Tag[],
  };
  if (column.propertyPath !== column.databaseName) out.codeName = column.propertyPath;
  if (def) out.default = def;
  if (onUpdate) out.onUpdate = onUpdate;
  // (TypeORM sets generatedType exactly when asExpression is given, VIRTUAL unless said otherwise)
  if (column.asExpression)
    out.generated = { expression: column.asExpression, stored: column.generatedType === 'STORED' };
  if (column.collation) out.collation = column.collation;
  if (text) out.description = text;
  return out;
}

/** `('a','it''s')`: the values as MySQL's query runner quotes them after the type. */
function mysqlValues(values: string[]): string {
  return `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`;
}

function registerEnum(
  enums: EnumRegistry,
  e: { schema: string | null; name: string; values: string[]; native: boolean },
  use: string,
): void {
  const key = JSON.stringify([e.schema, e.name]);
  if (enums.has(key)) return;
  enums.set(key, {
    schema: e.schema,
    name: e.name,
    values: e.values.map((v) => ({ name: v })),
    native: e.native,
    tags: [],
    firstUse: use,
  });
}
