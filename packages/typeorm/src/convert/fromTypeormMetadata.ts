import {
  buildIr,
  canonicalizeIr,
  type Diagnostic,
  type ExtractResult,
  IR_VERSION,
  type IrInput,
  OrmdocError,
  parseDescription,
} from '@ormdoc/core';
import {
  type DriverLike,
  type EntityMetadataLike,
  isEntityMetadataLike,
  type NamingStrategyLike,
  type TypeormDialect,
} from '../types.js';
import { convertColumn, type EnumRegistry, tableColumns } from './columns.js';
import { checks, foreignKeys, indexes, primaryKey, uniques } from './constraints.js';
import { type ConvertedTable, mergeSameTables } from './mergeTables.js';
import { ignoresSchema, tableNamespace } from './namespace.js';
import { navigationRelations } from './relations.js';
import { classLine, relativePath } from './source.js';
import { viewFacts } from './views.js';

export interface FromTypeormMetadataInput {
  dialect: TypeormDialect;
  /** `dataSource.entityMetadatas` after `buildMetadatas()` (any copy or fork of TypeORM). */
  entityMetadatas: readonly unknown[];
  /** Schema source files (absolute or relative to cwd). */
  files?: string[];
  /** Entity class -> the file that defines it, for provenance (absolute or relative to cwd). */
  entityFiles?: Map<unknown, string>;
  /** The driver that computes SQL types; defaults to the one the metadata's DataSource holds. */
  driver?: DriverLike;
  /** The naming strategy for default primary key names; defaults to the DataSource's. */
  namingStrategy?: NamingStrategyLike;
  cwd?: string;
  typeormVersion?: string;
}

/**
 * TypeORM entity metadata -> IR (pure: no I/O but reading entity files for line numbers).
 * One table per entity (single-table-inheritance children share their parent's table), plus the
 * junction tables TypeORM creates for @JoinTable (marked implicit). SQL types are computed by the
 * driver exactly as TypeORM's schema builder does (`normalizeType` + `createFullType`).
 */
export function fromTypeormMetadata(input: FromTypeormMetadataInput): ExtractResult {
  const metadatas = input.entityMetadatas.filter(isEntityMetadataLike);
  if (metadatas.length === 0)
    throw new OrmdocError('INPUT_EMPTY', 'No TypeORM entity metadata to convert.', {
      hint: 'Build the DataSource metadata first (entities listed in the DataSource options).',
    });
  const first = metadatas[0] as EntityMetadataLike;
  const driver = input.driver ?? first.connection?.driver;
  if (!driver)
    throw new OrmdocError(
      'UNSUPPORTED',
      'The TypeORM metadata carries no driver to compute SQL types with.',
      {
        hint: 'Pass the driver (dataSource.driver) to fromTypeormMetadata.',
      },
    );
  const naming = input.namingStrategy ?? first.connection?.namingStrategy;
  const cwd = input.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const enums: EnumRegistry = new Map();
  const fileText = new Map<string, string | undefined>();
  const tables: ConvertedTable[] = [];
  for (const entity of metadatas) {
    if (entity.tableType === 'entity-child') continue;
    tables.push(convertTable(input, entity, driver, naming, enums, diagnostics, cwd, fileText));
  }
  const ir: IrInput = {
    irVersion: IR_VERSION,
    dialect: input.dialect,
    source: {
      orm: 'typeorm',
      ...(input.typeormVersion ? { ormVersion: input.typeormVersion } : {}),
      files: [...new Set((input.files ?? []).map((f) => relativePath(cwd, f)))].sort(),
    },
    namespaces: [],
    tables: mergeSameTables(tables, diagnostics),
    enums: [...enums.values()].map(({ firstUse: _firstUse, ...e }) => e),
    relations: navigationRelations(metadatas, (m) => tableNamespace(input.dialect, m, driver)),
  };
  return { ir: canonicalizeIr(buildIr(ir)), diagnostics };
}

function convertTable(
  input: FromTypeormMetadataInput,
  entity: EntityMetadataLike,
  driver: DriverLike,
  naming: NamingStrategyLike | undefined,
  enums: EnumRegistry,
  diagnostics: Diagnostic[],
  cwd: string,
  fileText: Map<string, string | undefined>,
): ConvertedTable {
  const { text, tags } = parseDescription(entity.comment);
  const isView = entity.tableType === 'view';
  const view = isView ? viewFacts(entity, diagnostics) : undefined;
  const implicit = entity.tableType === 'junction' || entity.tableType === 'closure-junction';
  const table: ConvertedTable = {
    kind: view?.kind ?? 'table',
    schema: tableNamespace(input.dialect, entity, driver),
    name: entity.tableName,
    tags,
    columns: tableColumns(entity).map((c) => convertColumn(input.dialect, entity, c, driver, enums)),
    uniques: uniques(entity),
    indexes: indexes(input.dialect, entity, diagnostics),
    foreignKeys: isView ? [] : foreignKeys(entity, (m) => tableNamespace(input.dialect, m, driver)),
    // TypeORM's MySQL driver never creates CHECK constraints ("MySql does not support check constraints").
    checks: input.dialect === 'mysql' ? [] : checks(entity),
  };
  if (input.dialect === 'mysql' && entity.checks.length)
    diagnostics.push({
      severity: 'info',
      code: 'typeorm/check-not-created',
      message: `Checks on ${entity.tableName} are left out: TypeORM's MySQL driver does not create CHECK constraints.`,
      hint: 'Add them in a migration if the database must enforce them.',
    });
  // (junction tables take the schema of the entity that declares them: one note, on that entity)
  if (ignoresSchema(input.dialect, entity) && !implicit)
    diagnostics.push({
      severity: 'info',
      code: 'typeorm/schema-ignored',
      message: `${entity.tableName}: TypeORM's ${input.dialect === 'mysql' ? 'MySQL' : 'SQLite'} driver ignores schema "${entity.schema}"; the table is created in ${input.dialect === 'mysql' ? 'the connection database' : 'the database file'}.`,
      hint:
        input.dialect === 'mysql'
          ? 'Use @Entity({ database }) to put the table in another MySQL database.'
          : 'SQLite has no schemas: drop the schema option or attach the table another way.',
    });
  const pk = isView ? undefined : primaryKey(entity, naming);
  if (pk) table.primaryKey = pk;
  // (junction tables have no class: their targetName is '')
  if (entity.targetName && entity.targetName !== entity.tableName) table.codeName = entity.targetName;
  if (implicit) table.implicit = true;
  if (text) table.description = text;
  if (view?.definition) table.definition = view.definition;
  const file = input.entityFiles?.get(entity.target);
  if (file) {
    const line = entity.targetName ? classLine(file, entity.targetName, fileText) : undefined;
    table.source = { file: relativePath(cwd, file), ...(line ? { line } : {}) };
  }
  return table;
}
