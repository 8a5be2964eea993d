import type { Index, Table } from '@ormdoc/core';
import type { ConvertContext, ModelInfo } from './context.js';
import { columnName } from './context.js';
import type { PrismaIndex } from './dmmf.js';
import { defaultName, operatorClassSql } from './names.js';

/**
 * Keys and indexes of one model from `datamodel.indexes`: `@id`/`@@id` become the primary key;
 * `@unique`/`@@unique` unique indexes (Prisma creates `CREATE UNIQUE INDEX "{table}_{cols}_key"`),
 * `@@index` and `@@fulltext` plain ones, with Prisma's default names unless `map:` is given.
 * `indexes` are the model's own (`datamodel.indexes` grouped by model, in their order).
 */
export function keysAndIndexes(
  ctx: ConvertContext,
  info: ModelInfo,
  indexes: readonly PrismaIndex[],
): Pick<Table, 'primaryKey' | 'indexes'> {
  const out: Pick<Table, 'primaryKey' | 'indexes'> = { indexes: [] };
  if (info.kind === 'view') return out; // Prisma creates no keys or indexes for views
  for (const ix of indexes) {
    const columns = ix.fields.map((f) => columnName(info, f.name));
    if (ix.type === 'id') {
      out.primaryKey = {
        name: ix.dbName ?? defaultName(ctx.dialect, info.table, columns, 'pkey'),
        nameExplicit: ix.dbName !== undefined,
        columns,
      };
      continue;
    }
    const index: Index = {
      name: ix.dbName ?? defaultName(ctx.dialect, info.table, columns, ix.type === 'unique' ? 'key' : 'idx'),
      nameExplicit: ix.dbName !== undefined,
      unique: ix.type === 'unique',
      parts: ix.fields.map((f) => ({
        column: columnName(info, f.name),
        ...(f.sortOrder === 'desc' ? { order: 'desc' as const } : {}),
        // Stryker disable next-line ConditionalExpression: `length: undefined` is no key in the IR (zod and JSON drop it)
        ...(f.length !== undefined ? { length: f.length } : {}),
        ...(f.operatorClass ? { opclass: operatorClassSql(f.operatorClass) } : {}),
      })),
    };
    if (ix.type === 'fulltext') index.method = 'fulltext';
    else if (ix.algorithm) index.method = ix.algorithm.toLowerCase();
    out.indexes.push(index);
  }
  return out;
}
