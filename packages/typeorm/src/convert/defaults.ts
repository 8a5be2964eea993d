import type { ColumnDefault, ColumnOnUpdate } from '@ormdoc/core';
import type { ColumnMetadataLike, DriverLike, TypeormDialect } from '../types.js';

/**
 * The default of a column, as TypeORM's schema builder writes it:
 * - generated `increment` -> a sequence (SERIAL on PostgreSQL, AUTO_INCREMENT on MySQL);
 * - generated `identity` -> GENERATED ... AS IDENTITY; `rowid` -> SQLite rowid;
 * - generated `uuid` -> on PostgreSQL the driver's uuid function (uuid_generate_v4() or, with
 *   `uuidExtension: 'pgcrypto'`, gen_random_uuid()); elsewhere TypeORM makes the uuid in JS;
 * - `default: () => 'sql'` and @CreateDateColumn/@UpdateDateColumn -> a SQL expression;
 * - any other `default` -> a literal, quoted the way the driver quotes it.
 */
export function columnDefault(
  dialect: TypeormDialect,
  column: ColumnMetadataLike,
  driver: DriverLike,
): ColumnDefault | undefined {
  // Stryker disable next-line ConditionalExpression: TypeORM sets generationStrategy only on generated columns
  if (column.isGenerated) {
    switch (column.generationStrategy) {
      case 'increment':
        return { kind: 'sequence', style: dialect === 'postgresql' ? 'serial' : 'auto-increment' };
      case 'identity':
        return {
          kind: 'sequence',
          style: column.generatedIdentity === 'ALWAYS' ? 'identity-always' : 'identity-by-default',
        };
      case 'rowid':
        return { kind: 'sequence', style: 'rowid' };
      case 'uuid':
        if (column.default === undefined || column.default === null) {
          if (dialect === 'postgresql') return { kind: 'sql', expression: uuidGenerator(driver) };
          return {
            kind: 'orm',
            generator: 'uuid',
            description: "@PrimaryGeneratedColumn('uuid') / @Generated('uuid')",
          };
        }
        break;
    }
  }
  const value = column.default;
  // (every driver normalizes a null or undefined default, and only those, to undefined: no DEFAULT)
  const normalized = driver.normalizeDefault(column);
  if (normalized === undefined) return undefined;
  // Stryker disable next-line ConditionalExpression,StringLiteral: the last line returns the same for a function
  if (typeof value === 'function') return { kind: 'sql', expression: normalized };
  if (typeof value === 'number') return { kind: 'literal', value, sql: String(value) };
  if (typeof value === 'boolean') return { kind: 'literal', value, sql: value ? 'true' : 'false' };
  // strings, arrays and objects: the value, as the driver quotes it
  if (typeof value === 'string' || typeof value === 'object')
    return { kind: 'literal', value: value as string | unknown[] | Record<string, unknown>, sql: normalized };
  return { kind: 'sql', expression: normalized };
}

function uuidGenerator(driver: DriverLike): string {
  const generator = (driver as { uuidGenerator?: unknown }).uuidGenerator;
  // Stryker disable next-line ConditionalExpression,StringLiteral: the line below names the same function as the getter of TypeORM 1.x and @n8n/typeorm (columns.mutation.test.ts); it is for older releases
  if (typeof generator === 'string') return generator;
  // Stryker disable next-line OptionalChaining: TypeORM's drivers always hold their options
  return driver.options?.uuidExtension === 'pgcrypto' ? 'gen_random_uuid()' : 'uuid_generate_v4()';
}

/**
 * How the value is refreshed on update: MySQL `ON UPDATE` in the DDL (TypeORM writes it only for
 * MySQL; PostgreSQL and SQLite ignore the option), else TypeORM itself on save.
 */
export function columnOnUpdate(
  dialect: TypeormDialect,
  column: ColumnMetadataLike,
): ColumnOnUpdate | undefined {
  if (column.onUpdate && dialect === 'mysql') return { kind: 'sql', expression: column.onUpdate };
  if (column.isUpdateDate)
    return { kind: 'orm', description: '@UpdateDateColumn: set by TypeORM on every save' };
  if (column.isVersion)
    return { kind: 'orm', description: '@VersionColumn: incremented by TypeORM on every save' };
  return undefined;
}
