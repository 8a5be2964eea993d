import type { Dialect } from '@ormdoc/core';
import type { PrismaModel } from './dmmf.js';

/** What every part of the conversion needs to know about the schema as a whole. */
export interface ConvertContext {
  dialect: Dialect;
  relationMode: 'foreignKeys' | 'prisma';
  /** Every model (including `@@ignore`d ones rebuilt from the text), by Prisma name. */
  models: Map<string, ModelInfo>;
}

export interface ModelInfo {
  model: PrismaModel;
  kind: 'table' | 'view';
  schema: string | null;
  table: string;
  /** Prisma field name -> database column name, for every scalar field (ignored ones included). */
  columns: Map<string, string>;
}

export function columnName(info: ModelInfo, field: string): string {
  return info.columns.get(field) ?? field;
}
