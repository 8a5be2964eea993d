import type * as Orm from 'drizzle-orm';
import type * as Casing from 'drizzle-orm/casing';
import type * as MysqlCore from 'drizzle-orm/mysql-core';
import type * as PgCore from 'drizzle-orm/pg-core';
import type * as SqliteCore from 'drizzle-orm/sqlite-core';

/** The dialects of a drizzle.config (`turso` is SQLite; `singlestore` is MySQL-compatible). */
export type DrizzleConfigDialect = 'postgresql' | 'mysql' | 'sqlite' | 'turso' | 'singlestore' | 'gel';

/** The dialects this extractor converts (the IR dialect). */
export type DrizzleDialect = 'postgresql' | 'mysql' | 'sqlite';

export type DrizzleCasing = 'snake_case' | 'camelCase';

/** drizzle's 0.x `relations()` API: in drizzle-orm 0.4x at the root, in the 1.0 RCs in `drizzle-orm/_relations`. */
export type DrizzleLegacyRelationsApi = Pick<
  typeof Orm,
  | 'Relations'
  | 'One'
  | 'Many'
  | 'createTableRelationsHelpers'
  | 'extractTablesRelationalConfig'
  | 'normalizeRelation'
>;

/**
 * drizzle-orm as loaded from the user's project. Tables built by the user's copy are recognised
 * with the user's `is()` and classes, so two copies of drizzle-orm never confuse the extractor.
 * Works with drizzle-orm 0.32 to 0.45 and the 1.0 release candidates (whose root no longer exports the
 * 0.x relations helpers: they come from `drizzle-orm/_relations` as `legacyRelations`).
 */
export interface DrizzleApi {
  orm: Pick<typeof Orm, 'is' | 'SQL' | 'getTableName' | 'getTableColumns'> &
    Partial<DrizzleLegacyRelationsApi>;
  /** `drizzle-orm/_relations` of the 1.0 release candidates (the 0.x `relations()` API), when loaded. */
  legacyRelations?: Partial<DrizzleLegacyRelationsApi>;
  /** `drizzle-orm/casing` (0.34 and later; older versions have no `casing` option). */
  casing?: Pick<typeof Casing, 'toSnakeCase' | 'toCamelCase'>;
  pg?: typeof PgCore;
  mysql?: typeof MysqlCore;
  sqlite?: typeof SqliteCore;
  /** drizzle-orm's version, when known (from its package.json). */
  version?: string;
}

/**
 * The parts of a drizzle column this extractor reads. Structural, so any drizzle-orm 0.4x copy fits.
 */
export interface DzColumn {
  name: string;
  keyAsName?: boolean;
  primary: boolean;
  notNull: boolean;
  default: unknown;
  defaultFn?: (() => unknown) | undefined;
  onUpdateFn?: (() => unknown) | undefined;
  hasDefault?: boolean;
  isUnique: boolean;
  uniqueName?: string | undefined;
  uniqueType?: string | undefined;
  columnType: string;
  dataType: string;
  enumValues?: readonly string[] | undefined;
  generated?: { as: unknown; type?: string; mode?: string } | undefined;
  generatedIdentity?:
    | { type: 'always' | 'byDefault'; sequenceName?: string; sequenceOptions?: DzSequenceOptions }
    | undefined;
  autoIncrement?: boolean;
  hasOnUpdateNow?: boolean;
  indexConfig?: { order?: 'asc' | 'desc'; nulls?: 'first' | 'last'; opClass?: string };
  table: object;
  /** drizzle 1.0 RCs (PostgreSQL): array dimensions of the column (0.4x uses `PgArray` columns instead). */
  dimensions?: number;
  getSQLType(): string;
}

export interface DzForeignKey {
  onDelete?: string | undefined;
  onUpdate?: string | undefined;
  getName(): string;
  /** drizzle 1.0 RCs: whether the schema named it. */
  isNameExplicit?(): boolean;
  reference(): { columns: DzColumn[]; foreignColumns: DzColumn[]; foreignTable: object; name?: string };
}

export interface DzIndex {
  config: {
    name?: string;
    columns: unknown[];
    unique?: boolean;
    where?: unknown;
    method?: string;
    using?: string;
  };
}

export interface DzTableConfig {
  name: string;
  schema?: string | undefined;
  columns: DzColumn[];
  indexes: DzIndex[];
  foreignKeys: DzForeignKey[];
  checks: Array<{ name: string; value: unknown }>;
  /** `isNameExplicit`: drizzle 1.0 RCs (their `name` is filled in even when the schema gave none). */
  primaryKeys: Array<{ columns: DzColumn[]; name?: string; isNameExplicit?: boolean; getName(): string }>;
  uniqueConstraints: Array<{
    columns: DzColumn[];
    name?: string;
    isNameExplicit?: boolean;
    nullsNotDistinct?: boolean;
  }>;
  /** Policies in the table's extra config (drizzle-orm 0.36 and later, PostgreSQL). */
  policies?: DzPolicy[];
  /** `.enableRLS()` / `pgTable.withRLS` (drizzle-orm 0.36 and later, PostgreSQL). */
  enableRLS?: boolean;
}

/** `pgPolicy(name, config)` (drizzle-orm 0.36 and later); `_linkedTable` is set by `.link(table)`. */
export interface DzPolicy {
  name: string;
  as?: 'permissive' | 'restrictive' | undefined;
  for?: 'all' | 'select' | 'insert' | 'update' | 'delete' | undefined;
  to?: unknown;
  using?: unknown;
  withCheck?: unknown;
  _linkedTable?: object | undefined;
}

/** `pgRole(name, config)` (drizzle-orm 0.36 and later); `_existing` is set by `.existing()`. */
export interface DzRole {
  name: string;
  createDb?: boolean | undefined;
  createRole?: boolean | undefined;
  inherit?: boolean | undefined;
  _existing?: boolean | undefined;
}

/** Sequence options as drizzle takes them (`pgSequence` and identity columns). */
export interface DzSequenceOptions {
  increment?: number | string | undefined;
  minValue?: number | string | undefined;
  maxValue?: number | string | undefined;
  startWith?: number | string | undefined;
  cache?: number | string | undefined;
  cycle?: boolean | undefined;
}

/** `pgSequence(name, options)` / `schema.sequence(...)`. */
export interface DzSequence {
  seqName: string | undefined;
  seqOptions?: DzSequenceOptions | undefined;
  schema?: string | undefined;
}

export interface DzViewConfig {
  name: string;
  schema?: string | undefined;
  query?: unknown;
  selectedFields: Record<string, unknown>;
  isExisting: boolean;
  materialized: boolean;
}

export interface DzEnum {
  enumName: string;
  enumValues: readonly string[];
  schema?: string | undefined;
}
