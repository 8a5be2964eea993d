/**
 * The parts of TypeORM's metadata ormdoc reads, described by shape (property names) rather than
 * imported classes, so forks such as `@n8n/typeorm` and other copies of typeorm work the same.
 */

export type TypeormDialect = 'postgresql' | 'mysql' | 'sqlite';

export interface ColumnMetadataLike {
  entityMetadata: EntityMetadataLike;
  databaseName: string;
  propertyName: string;
  propertyPath: string;
  type: unknown;
  length?: string | number;
  precision?: number | null;
  scale?: number;
  isNullable: boolean;
  isPrimary: boolean;
  isGenerated: boolean;
  generationStrategy?: 'uuid' | 'increment' | 'rowid' | 'identity';
  generatedIdentity?: 'ALWAYS' | 'BY DEFAULT';
  default?: unknown;
  onUpdate?: string;
  comment?: string;
  enum?: Array<string | number>;
  enumName?: string;
  isArray: boolean;
  isCreateDate: boolean;
  isUpdateDate: boolean;
  isDeleteDate: boolean;
  isVersion: boolean;
  isDiscriminator: boolean;
  isVirtual?: boolean;
  isVirtualProperty?: boolean;
  asExpression?: string;
  generatedType?: 'STORED' | 'VIRTUAL';
  collation?: string;
  charset?: string;
  unsigned?: boolean;
  primaryKeyConstraintName?: string;
  spatialFeatureType?: string;
  srid?: number;
  relationMetadata?: RelationMetadataLike;
  referencedColumn?: ColumnMetadataLike;
}

export interface IndexMetadataLike {
  name: string;
  givenName?: string;
  columns: ColumnMetadataLike[];
  isUnique: boolean;
  isSpatial: boolean;
  isFulltext: boolean;
  isNullFiltered?: boolean;
  where?: string;
  type?: string;
  synchronize?: boolean;
}

export interface UniqueMetadataLike {
  name: string;
  givenName?: string;
  columns: ColumnMetadataLike[];
  deferrable?: string;
}

export interface CheckMetadataLike {
  name: string;
  givenName?: string;
  expression: string;
}

export interface ForeignKeyMetadataLike {
  name: string;
  givenName?: string;
  columnNames: string[];
  referencedColumnNames: string[];
  referencedEntityMetadata: EntityMetadataLike;
  onDelete?: string;
  onUpdate?: string;
  deferrable?: string;
}

export interface RelationMetadataLike {
  propertyName: string;
  propertyPath: string;
  relationType: 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';
  inverseEntityMetadata: EntityMetadataLike;
  inverseRelation?: RelationMetadataLike;
  isOwning: boolean;
  isNullable: boolean;
  isEager: boolean;
  isLazy: boolean;
  isCascadeInsert: boolean;
  isCascadeUpdate: boolean;
  isCascadeRemove: boolean;
  isCascadeSoftRemove: boolean;
  isCascadeRecover: boolean;
  onDelete?: string;
  orphanedRowAction?: string;
  junctionEntityMetadata?: EntityMetadataLike;
  foreignKeys: ForeignKeyMetadataLike[];
  createForeignKeyConstraints?: boolean;
}

export interface NamingStrategyLike {
  primaryKeyName(tableOrName: string, columnNames: string[]): string;
}

export interface EntityMetadataLike {
  name: string;
  targetName: string;
  target: unknown;
  tableName: string;
  tablePath: string;
  schema?: string;
  tableType: string;
  comment?: string;
  synchronize?: boolean;
  /** `@ViewEntity({ expression })`: SQL text, or a function of the DataSource returning a query builder. */
  expression?: unknown;
  /** The decorator's arguments (`materialized` of a `@ViewEntity`). */
  tableMetadataArgs?: { materialized?: boolean };
  columns: ColumnMetadataLike[];
  primaryColumns: ColumnMetadataLike[];
  indices: IndexMetadataLike[];
  uniques: UniqueMetadataLike[];
  checks: CheckMetadataLike[];
  foreignKeys: ForeignKeyMetadataLike[];
  relations: RelationMetadataLike[];
  inheritancePattern?: string;
  discriminatorColumn?: ColumnMetadataLike;
  parentEntityMetadata?: EntityMetadataLike;
  childEntityMetadatas?: EntityMetadataLike[];
  connection?: { driver?: DriverLike; namingStrategy?: NamingStrategyLike };
}

/** The driver methods that compute final SQL types, as TypeORM's schema builder calls them. */
export interface DriverLike {
  options?: { type?: string; uuidExtension?: string };
  normalizeType(column: ColumnMetadataLike): string;
  normalizeDefault(column: ColumnMetadataLike): string | undefined;
  normalizeIsUnique(column: ColumnMetadataLike): boolean;
  getColumnLength(column: ColumnMetadataLike): string;
  createFullType(column: Record<string, unknown>): string;
  mappedDataTypes?: Record<string, unknown>;
}

/** True when a value looks like a TypeORM EntityMetadata. */
export function isEntityMetadataLike(value: unknown): value is EntityMetadataLike {
  const v = value as Partial<EntityMetadataLike> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.tableName === 'string' &&
    Array.isArray(v.columns) &&
    Array.isArray(v.foreignKeys) &&
    Array.isArray(v.indices)
  );
}
