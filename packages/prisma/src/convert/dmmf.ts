/**
 * The parts of Prisma's DMMF `datamodel` ormdoc reads. Structurally compatible with
 * `DMMF.Datamodel` from @prisma/generator-helper (what a generator receives) and with the JSON
 * `get_datamodel` of @prisma/prisma-schema-wasm returns.
 */
export interface PrismaDatamodel {
  readonly models: readonly PrismaModel[];
  readonly enums: readonly PrismaEnum[];
  readonly indexes?: readonly PrismaIndex[];
}

export interface PrismaModel {
  readonly name: string;
  readonly dbName: string | null;
  readonly schema?: string | null;
  readonly fields: readonly PrismaField[];
  readonly primaryKey?: { readonly name: string | null; readonly fields: readonly string[] } | null;
  readonly uniqueIndexes?: readonly { readonly name: string | null; readonly fields: readonly string[] }[];
  readonly documentation?: string;
}

export type PrismaDefaultScalar = string | number | boolean;

export interface PrismaField {
  readonly name: string;
  readonly kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  readonly type: string;
  readonly dbName?: string | null;
  readonly isList: boolean;
  readonly isRequired: boolean;
  readonly isUnique: boolean;
  readonly isId: boolean;
  readonly isUpdatedAt?: boolean;
  readonly hasDefaultValue: boolean;
  readonly default?:
    | { readonly name: string; readonly args: readonly (string | number)[] }
    | PrismaDefaultScalar
    | readonly PrismaDefaultScalar[];
  readonly nativeType?: readonly [string, readonly string[]] | null;
  readonly relationName?: string;
  readonly relationFromFields?: readonly string[];
  readonly relationToFields?: readonly string[];
  readonly relationOnDelete?: string;
  readonly relationOnUpdate?: string;
  readonly documentation?: string;
}

export interface PrismaEnum {
  readonly name: string;
  readonly dbName?: string | null;
  readonly values: readonly { readonly name: string; readonly dbName: string | null }[];
  readonly documentation?: string;
}

export interface PrismaIndex {
  readonly model: string;
  readonly type: 'id' | 'normal' | 'unique' | 'fulltext';
  readonly isDefinedOnField: boolean;
  readonly name?: string;
  readonly dbName?: string;
  readonly algorithm?: string;
  readonly clustered?: boolean;
  readonly fields: readonly {
    readonly name: string;
    readonly sortOrder?: 'asc' | 'desc';
    readonly length?: number;
    readonly operatorClass?: string;
  }[];
}

/** Datasource providers Prisma accepts, as written in `datasource { provider = ... }`. */
export type PrismaProvider =
  | 'postgresql'
  | 'postgres'
  | 'mysql'
  | 'sqlite'
  | 'sqlserver'
  | 'cockroachdb'
  | 'mongodb';

/**
 * Whether a DMMF has everything ormdoc reads. Prisma 7 and 6 give every model its `schema` and
 * every scalar field its `nativeType` (null when none) and every relation its `relationOnUpdate`;
 * Prisma 5's DMMF has none of these, so a generator under Prisma 5 would lose `@db.*` types,
 * multi-schema placement and `onUpdate` actions: the schema is then read again with the bundled
 * parser.
 */
export function isCompleteDatamodel(datamodel: PrismaDatamodel): boolean {
  return datamodel.models.every(
    (m) =>
      'schema' in m &&
      m.fields.every((f) =>
        f.kind === 'object' ? !f.relationFromFields?.length || 'relationOnUpdate' in f : 'nativeType' in f,
      ),
  );
}
