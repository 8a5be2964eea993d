import type { Dialect } from '@ormdoc/core';
import { maxIdentifierLength } from './sqlTypes.js';

/**
 * Prisma's default constraint and index names (psl `ConstraintNames`): `{table}_pkey`,
 * `{table}_{cols}_key`, `{table}_{cols}_idx`, `{table}_{cols}_fkey`, trimmed so the whole name
 * fits the connector's identifier limit.
 */
export function defaultName(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  kind: 'pkey' | 'key' | 'idx' | 'fkey',
): string {
  const suffix = `_${kind}`;
  const limit = maxIdentifierLength(dialect);
  const joined = kind === 'pkey' ? table : [table, ...columns].join('_');
  return joined.slice(0, limit - suffix.length) + suffix;
}

/** Prisma operator class names (`JsonbPathOps`, `Int4MinMaxOps`) -> SQL (`jsonb_path_ops`, `int4_minmax_ops`). */
export function operatorClassSql(name: string): string {
  // Stryker disable next-line Regex: the DMMF gives an identifier or a whole `raw("...")`, never one inside other text
  const raw = /^raw\("?(.*?)"?\)$/i.exec(name);
  if (raw) return raw[1]!;
  return name
    .replace(/MinMax/g, 'Minmax')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Prisma referential action -> SQL. */
export function referentialAction(
  action: string | undefined,
): 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | undefined {
  switch (action) {
    case 'Cascade':
      return 'CASCADE';
    case 'Restrict':
      return 'RESTRICT';
    case 'NoAction':
      return 'NO ACTION';
    case 'SetNull':
      return 'SET NULL';
    case 'SetDefault':
      return 'SET DEFAULT';
    // Stryker disable next-line ConditionalExpression: without the default case the switch returns undefined too
    default:
      return undefined;
  }
}
