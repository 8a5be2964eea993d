import type { Column, Dialect } from '@ormdoc/core';
import { categorizeSqlType, mergeTags, normalizeSqlType, parseDescription } from '@ormdoc/core';
import type { ExportColumn } from '../format/schema.js';
import { columnDefault, columnOnUpdate } from './defaults.js';

/** Description from `comment=` (what the database stores), else `doc=`; tags from both. */
export function describe(comment: string | null | undefined, doc: string | null | undefined) {
  const c = parseDescription(comment);
  const d = parseDescription(doc);
  const text = c.text ?? (comment ? undefined : d.text);
  return { ...(text !== undefined ? { description: text } : {}), tags: mergeTags(c.tags, d.tags) };
}

/**
 * The final SQL type: the compiled type (SERIAL is only in the column's DDL; the type is its
 * integer type, and the default says serial).
 */
export function columnSqlType(col: ExportColumn, dialect: Dialect): string {
  // SQLite keeps the declared type text verbatim (PRAGMA table_info shows `NUMERIC(10, 2)`).
  if (dialect === 'sqlite') return col.type;
  return normalizeSqlType(dialect, col.type);
}

export function convertColumn(col: ExportColumn, dialect: Dialect): Column {
  const sql = columnSqlType(col, dialect);
  const isEnum = Boolean(col.enum);
  const category = isEnum ? 'enum' : categorizeSqlType(sql);
  const out: Column = {
    name: col.name,
    type: {
      sql,
      ...(col.typeRepr ? { orm: col.typeRepr } : {}),
      category,
      isArray: col.isArray ?? /\[\]$/.test(sql),
      ...(col.enum ? { enum: { schema: col.enum.schema, name: col.enum.name } } : {}),
    },
    nullable: col.nullable,
    ...describe(col.comment, col.doc),
  };
  if (col.key && col.key !== col.name) out.codeName = col.key;
  const def = columnDefault(col, dialect, category === 'json');
  if (def) out.default = def;
  const onUpdate = columnOnUpdate(col, dialect);
  if (onUpdate) out.onUpdate = onUpdate;
  if (col.computed)
    out.generated = {
      expression: col.computed.sql,
      stored: col.computed.persisted ?? dialect === 'postgresql',
    };
  return out;
}
