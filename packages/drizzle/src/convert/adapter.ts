import { OrmdocError } from '@ormdoc/core';
import type {
  DrizzleApi,
  DrizzleCasing,
  DrizzleDialect,
  DzColumn,
  DzEnum,
  DzTableConfig,
  DzViewConfig,
} from '../types.js';

/**
 * One interface over drizzle's three dialect cores (pg-core, mysql-core, sqlite-core), built from
 * the user's own copy of drizzle-orm: classification with their `is()`, table configs with their
 * `getTableConfig`, SQL fragments rendered by their dialect class (with the config's casing).
 */
export interface DialectAdapter {
  dialect: DrizzleDialect;
  /**
   * How drizzle-kit names keys that the schema leaves unnamed: `kit-0` (drizzle-kit 0.31:
   * `{table}_{cols}_pk`, `{table}_{col}_unique`, `..._fk`) or `kit-1` (drizzle-kit 1.0 RCs on
   * PostgreSQL: `{table}_pkey`, `{table}_{col}_key`, `..._fkey`). Told by the shape of the user's
   * drizzle-orm (1.0's keys know whether their name is explicit), never by its version string.
   */
  naming: 'kit-0' | 'kit-1';
  isTable(value: unknown): boolean;
  isView(value: unknown): boolean;
  isEnum(value: unknown): boolean;
  isSchema(value: unknown): boolean;
  isSql(value: unknown): boolean;
  isColumn(value: unknown): boolean;
  /** `pgPolicy`, `pgRole`, `pgSequence` values (PostgreSQL, drizzle-orm 0.36+ for the first two). */
  isPolicy(value: unknown): boolean;
  isRole(value: unknown): boolean;
  isSequence(value: unknown): boolean;
  tableConfig(table: unknown): DzTableConfig;
  viewConfig(view: unknown): DzViewConfig;
  tableName(table: unknown): string;
  tableSchema(table: unknown): string | undefined;
  /** SQL text of a fragment; `indexes` renders column references unqualified as drizzle-kit does in indexes. */
  sql(fragment: unknown, mode?: 'indexes'): string;
  /**
   * SQL text of a fragment with its parameters written inline as literals (`eq(t.status, 'x')`
   * -> `"t"."status" = 'x'`), and whether it had any: drizzle-kit writes those as `$1`.
   */
  inlineSql(fragment: unknown): { sql: string; hadParams: boolean };
  /** Default SQL rendered without params, as drizzle-kit's sqlToStr does. */
  defaultSql(fragment: unknown): string;
  /** The enum of an enum column (through arrays), PostgreSQL only. */
  columnEnum(column: DzColumn): DzEnum | undefined;
  isArray(column: DzColumn): boolean;
  /**
   * The column's full SQL type. drizzle 0.4x wraps arrays in a `PgArray` column whose
   * `getSQLType()` ends in `[]`; the 1.0 RCs keep the element column and count `dimensions`.
   */
  sqlType(column: DzColumn): string;
  /** Database name of a column, with the config's casing applied to key-named columns. */
  columnName(column: DzColumn): string;
}

type Sqlish = { toQuery(config: Record<string, unknown>): { sql: string } };

export function createAdapter(
  api: DrizzleApi,
  dialect: DrizzleDialect,
  casing: DrizzleCasing | undefined,
): DialectAdapter {
  const { is, SQL, getTableName } = api.orm;
  const columnName = (c: DzColumn): string => {
    if (!c.name) return '';
    if (!c.keyAsName || casing === undefined || !api.casing) return c.name;
    return casing === 'camelCase' ? api.casing.toCamelCase(c.name) : api.casing.toSnakeCase(c.name);
  };
  const isSql = (v: unknown): boolean => is(v, SQL);
  const missing = (core: string): never => {
    throw new OrmdocError(
      'DEPENDENCY_MISSING',
      `drizzle-orm/${core} could not be loaded from your project.`,
      {
        hint: 'Install drizzle-orm (0.32 or later) in the project whose schema is documented.',
      },
    );
  };
  const base = {
    dialect,
    naming: 'kit-0' as DialectAdapter['naming'],
    isSql,
    columnName,
    tableName: (t: unknown) => getTableName(t as never),
    sqlType: (c: DzColumn) => c.getSQLType(),
    isPolicy: () => false,
    isRole: () => false,
    isSequence: () => false,
  };
  // drizzle-kit's sqlToStr: a default's SQL has no parameters, names nor column references (each
  // of those chunks needs escapeName or escapeParam), so the config's casing plays no part.
  const defaultSql = (fragment: unknown) =>
    (fragment as Sqlish).toQuery({ escapeName: fail, escapeParam: fail, escapeString: fail }).sql;

  switch (dialect) {
    case 'postgresql': {
      const pg = api.pg ?? missing('pg-core');
      const d = new pg.PgDialect(casing ? { casing } : {});
      // 0.4x: arrays are PgArray columns; 1.0 RCs: no PgArray, the column has `dimensions`.
      const { PgArray, PgEnumObjectColumn } = pg as Partial<
        Pick<typeof pg, 'PgArray' | 'PgEnumObjectColumn'>
      >;
      const dimensions = (c: DzColumn) => (PgArray ? 0 : (c.dimensions ?? 0));
      const config = once(pg.getTableConfig);
      // pgPolicy/pgRole came with drizzle-orm 0.36; pgSequence with 0.32.
      const { PgPolicy, PgRole, PgSequence } = pg as Partial<
        Pick<typeof pg, 'PgPolicy' | 'PgRole' | 'PgSequence'>
      >;
      const explicitNames =
        typeof (pg.ForeignKey.prototype as { isNameExplicit?: unknown }).isNameExplicit === 'function';
      return {
        ...base,
        naming: explicitNames ? 'kit-1' : 'kit-0',
        isTable: (v) => is(v, pg.PgTable),
        isView: (v) => is(v, pg.PgView) || is(v, pg.PgMaterializedView),
        isEnum: (v) => pg.isPgEnum(v),
        isSchema: (v) => is(v, pg.PgSchema),
        isColumn: (v) => is(v, pg.PgColumn),
        isPolicy: (v) => PgPolicy !== undefined && is(v, PgPolicy),
        isRole: (v) => PgRole !== undefined && is(v, PgRole),
        isSequence: (v) => PgSequence !== undefined && is(v, PgSequence),
        tableConfig: (t) => config(t) as unknown as DzTableConfig,
        viewConfig: (v) => {
          // (is() rather than isPgMaterializedView(): drizzle-orm before 0.35 has no such function)
          const materialized = is(v, pg.PgMaterializedView);
          const cfg = materialized ? pg.getMaterializedViewConfig(v as never) : pg.getViewConfig(v as never);
          return { ...(cfg as unknown as Omit<DzViewConfig, 'materialized'>), materialized };
        },
        tableSchema: (t) => config(t).schema,
        sql: (f, mode) => d.sqlToQuery(f as never, mode).sql,
        inlineSql: (f) => ({
          sql: d.sqlToQuery(new SQL([f as never]).inlineParams()).sql,
          hadParams: d.sqlToQuery(f as never).params.length > 0,
        }),
        defaultSql,
        columnEnum: (c) => {
          let col: unknown = c;
          while (PgArray && is(col, PgArray)) col = (col as { baseColumn: unknown }).baseColumn;
          return is(col, pg.PgEnumColumn) || (PgEnumObjectColumn && is(col, PgEnumObjectColumn))
            ? ((col as { enum: DzEnum }).enum as DzEnum)
            : undefined;
        },
        isArray: (c) => (PgArray ? is(c, PgArray) : dimensions(c) > 0),
        sqlType: (c) => c.getSQLType() + '[]'.repeat(dimensions(c)),
      };
    }
    case 'mysql': {
      const my = api.mysql ?? missing('mysql-core');
      const d = new my.MySqlDialect(casing ? { casing } : {});
      const config = once(my.getTableConfig);
      return {
        ...base,
        isTable: (v) => is(v, my.MySqlTable),
        isView: (v) => is(v, my.MySqlView),
        isEnum: () => false,
        isSchema: (v) => is(v, my.MySqlSchema),
        isColumn: (v) => is(v, my.MySqlColumn),
        tableConfig: (t) => config(t) as unknown as DzTableConfig,
        viewConfig: (v) => ({
          ...(my.getViewConfig(v as never) as unknown as DzViewConfig),
          materialized: false,
        }),
        tableSchema: (t) => config(t).schema,
        sql: (f, mode) => d.sqlToQuery(f as never, mode).sql,
        inlineSql: (f) => ({
          sql: d.sqlToQuery(new SQL([f as never]).inlineParams()).sql,
          hadParams: d.sqlToQuery(f as never).params.length > 0,
        }),
        defaultSql,
        columnEnum: () => undefined,
        isArray: () => false,
      };
    }
    case 'sqlite': {
      const lite = api.sqlite ?? missing('sqlite-core');
      // drizzle 1.0 RCs have one SQLiteDialect (0.4x: SQLiteSyncDialect/SQLiteAsyncDialect).
      const Dialect = ((lite as Partial<Pick<typeof lite, 'SQLiteSyncDialect'>>).SQLiteSyncDialect ??
        lite.SQLiteDialect) as unknown as typeof lite.SQLiteSyncDialect;
      const d = new Dialect(casing ? { casing } : {});
      return {
        ...base,
        isTable: (v) => is(v, lite.SQLiteTable),
        isView: (v) => is(v, lite.SQLiteView),
        isEnum: () => false,
        isSchema: () => false,
        isColumn: (v) => is(v, lite.SQLiteColumn),
        tableConfig: once(lite.getTableConfig) as unknown as (t: unknown) => DzTableConfig,
        viewConfig: (v) => ({
          ...(lite.getViewConfig(v as never) as unknown as DzViewConfig),
          materialized: false,
        }),
        tableSchema: () => undefined,
        sql: (f, mode) => d.sqlToQuery(f as never, mode).sql,
        inlineSql: (f) => ({
          sql: d.sqlToQuery(new SQL([f as never]).inlineParams()).sql,
          hadParams: d.sqlToQuery(f as never).params.length > 0,
        }),
        defaultSql,
        columnEnum: () => undefined,
        isArray: () => false,
      };
    }
  }
}

/**
 * drizzle's `getTableConfig` builds a new config (columns, keys, indexes, its extra-config callback
 * run again) on every call; a foreign key asks for its target's schema: build it once per table.
 */
function once<C>(getTableConfig: (table: never) => C): (table: unknown) => C {
  const configs = new WeakMap<object, C>();
  return (table) => {
    let config = configs.get(table as object);
    if (config === undefined) {
      config = getTableConfig(table as never);
      configs.set(table as object, config);
    }
    return config;
  };
}

function fail(): never {
  throw new Error('parameters are not supported in SQL defaults');
}
