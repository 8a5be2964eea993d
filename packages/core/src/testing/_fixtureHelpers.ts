import { parseDescription } from '../ir/description.js';
import { categorizeSqlType } from '../ir/sqltype.js';
import type { Column, ColumnDefault, Table } from '../ir/types.js';
import { aTable } from './builders.js';

/** Helpers for the hand-written fixture IRs: columns and tables the way an extractor writes them. */

export interface ColumnOptions {
  codeName?: string;
  orm?: string;
  nullable?: boolean;
  default?: ColumnDefault;
  description?: string;
  enum?: string;
  onUpdate?: Column['onUpdate'];
  generated?: Column['generated'];
  schema?: string | null;
}

/** A column the way an extractor writes it: category from the SQL type, description split into tags. */
export function col(name: string, sql: string, o: ColumnOptions = {}): Column {
  const { text, tags } = parseDescription(o.description);
  const isArray = sql.endsWith('[]');
  return {
    name,
    ...(o.codeName && o.codeName !== name ? { codeName: o.codeName } : {}),
    type: {
      sql,
      ...(o.orm ? { orm: o.orm } : {}),
      category: o.enum ? 'enum' : categorizeSqlType(sql),
      isArray,
      ...(o.enum ? { enum: { schema: o.schema ?? null, name: o.enum } } : {}),
    },
    nullable: o.nullable ?? false,
    ...(o.default ? { default: o.default } : {}),
    ...(o.onUpdate ? { onUpdate: o.onUpdate } : {}),
    ...(o.generated ? { generated: o.generated } : {}),
    ...(text ? { description: text } : {}),
    tags,
  };
}

/** A table with its description split into text and tags. */
export function table(name: string, description: string | undefined, rest: Partial<Table>): Table {
  const { text, tags } = parseDescription(description);
  return aTable(name, { ...(text ? { description: text } : {}), tags, ...rest });
}
