import type { ColumnDefault, TableRef } from '../ir/types.js';

/** Backslash escapes DBML's string and quoted-name lexer reads: `\\`, the quote, `\n`, `\r`, `\t`, `\uXXXX`. */
function escaped(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** A name, always double-quoted so that keywords, spaces, dots and any character stay a name. */
export function dbmlName(name: string): string {
  return `"${escaped(name, '"')}"`;
}

/** A single-quoted DBML string (notes, index names, string defaults). */
export function dbmlString(text: string): string {
  return `'${escaped(text, "'")}'`;
}

/**
 * `"schema"."name"`, or `"name"` in the default schema (none, or PostgreSQL's `public`: DBML's
 * own default schema is `public`).
 */
export function dbmlRef(ref: TableRef): string {
  return ref.schema === null || ref.schema === 'public'
    ? dbmlName(ref.name)
    : `${dbmlName(ref.schema)}.${dbmlName(ref.name)}`;
}

/** A backtick expression; undefined when the expression holds a backtick, which DBML cannot escape. */
export function dbmlExpression(sql: string): string | undefined {
  return sql.includes('`') || /[\r\n]/.test(sql) ? undefined : `\`${sql}\``;
}

/**
 * The `default:` setting: numbers, booleans and null as DBML literals, strings as strings, SQL
 * expressions (and arrays, objects) in backticks. ORM-side defaults and sequences have none
 * (sequences are `increment`).
 */
export function dbmlDefault(d: ColumnDefault | undefined): string | undefined {
  if (!d) return undefined;
  switch (d.kind) {
    case 'sql':
      return dbmlExpression(d.expression);
    case 'literal':
      if (typeof d.value === 'number' && Number.isFinite(d.value)) return String(d.value);
      if (typeof d.value === 'boolean') return String(d.value);
      if (d.value === null) return 'null';
      if (typeof d.value === 'string') return dbmlString(d.value);
      return dbmlExpression(d.sql);
    case 'sequence':
    case 'orm':
      return undefined;
  }
}
