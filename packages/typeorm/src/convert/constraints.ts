import type { Diagnostic, IrInput, ReferentialAction } from '@ormdoc/core';
import type {
  EntityMetadataLike,
  ForeignKeyMetadataLike,
  NamingStrategyLike,
  TypeormDialect,
} from '../types.js';

type TableInput = IrInput['tables'][number];

/** PRIMARY KEY named `primaryKeyConstraintName` or the naming strategy's `PK_<hash>` of the table path. */
export function primaryKey(
  entity: EntityMetadataLike,
  naming: NamingStrategyLike | undefined,
): TableInput['primaryKey'] {
  const columns = entity.primaryColumns;
  const first = columns[0];
  // Stryker disable next-line ConditionalExpression: TypeORM's metadata build rejects an entity without a primary column (MissingPrimaryColumnError); views are never asked
  if (!first) return undefined;
  const names = columns.map((c) => c.databaseName);
  const explicit = first.primaryKeyConstraintName;
  const name = explicit ?? naming?.primaryKeyName(entity.tablePath, names) ?? `${entity.tableName}_pkey`;
  return { name, nameExplicit: explicit !== undefined, columns: names };
}

/** Unique constraints: @Unique, `unique: true` columns (UQ_<hash>) and one-to-one join columns (REL_<hash>). */
export function uniques(entity: EntityMetadataLike): NonNullable<TableInput['uniques']> {
  return entity.uniques.map((u) => ({
    name: u.name,
    nameExplicit: u.givenName !== undefined,
    columns: u.columns.map((c) => c.databaseName),
  }));
}

/** @Index: unique or not, method (`type`, spatial -> gist, fulltext), partial `where`. */
export function indexes(
  dialect: TypeormDialect,
  entity: EntityMetadataLike,
  diagnostics: Diagnostic[],
): NonNullable<TableInput['indexes']> {
  const out: NonNullable<TableInput['indexes']> = [];
  for (const ix of entity.indices) {
    if (ix.synchronize === false) {
      diagnostics.push({
        severity: 'info',
        code: 'typeorm/index-not-synchronized',
        message: `Index ${ix.name} on ${entity.tableName} has synchronize: false; TypeORM does not create it, so it is left out.`,
        hint: 'Indexes TypeORM does not manage are documented only when they are declared with synchronize enabled.',
      });
      continue;
    }
    const method = ix.isSpatial
      ? dialect === 'mysql'
        ? 'spatial'
        : 'gist'
      : ix.isFulltext && dialect === 'mysql'
        ? 'fulltext'
        : ix.type;
    out.push({
      name: ix.name,
      nameExplicit: ix.givenName !== undefined,
      unique: ix.isUnique,
      parts: ix.columns.map((c) => ({ column: c.databaseName })),
      ...(method ? { method } : {}),
      ...(ix.where ? { where: ix.where } : {}),
    });
  }
  return out;
}

/** The actions TypeORM writes into the DDL (any case); anything else, and none, is NO ACTION. */
const ACTIONS: Record<string, ReferentialAction> = {
  RESTRICT: 'RESTRICT',
  CASCADE: 'CASCADE',
  'SET NULL': 'SET NULL',
  'SET DEFAULT': 'SET DEFAULT',
};

function action(value: string | undefined): ReferentialAction {
  return (value && ACTIONS[value.toUpperCase()]) || 'NO ACTION';
}

/** FOREIGN KEYs with their actions (TypeORM's default is NO ACTION for both). */
export function foreignKeys(
  entity: EntityMetadataLike,
  namespaceOf: (m: EntityMetadataLike) => string | null,
): NonNullable<TableInput['foreignKeys']> {
  return entity.foreignKeys.map((fk: ForeignKeyMetadataLike) => {
    const target = fk.referencedEntityMetadata;
    const deferrable =
      fk.deferrable === 'INITIALLY DEFERRED'
        ? ('initially-deferred' as const)
        : fk.deferrable === 'INITIALLY IMMEDIATE'
          ? ('initially-immediate' as const)
          : undefined;
    return {
      name: fk.name,
      nameExplicit: fk.givenName !== undefined,
      columns: [...fk.columnNames],
      references: {
        schema: namespaceOf(target),
        name: target.tableName,
        columns: [...fk.referencedColumnNames],
      },
      onDelete: action(fk.onDelete),
      onUpdate: action(fk.onUpdate),
      enforcedBy: 'database' as const,
      ...(deferrable ? { deferrable } : {}),
    };
  });
}

/** @Check constraints (expression as written). */
export function checks(entity: EntityMetadataLike): NonNullable<TableInput['checks']> {
  return entity.checks.map((c) => ({
    name: c.name,
    nameExplicit: c.givenName !== undefined,
    expression: c.expression,
  }));
}
