import type { TableRef } from '../ir/types.js';
import { MYSQL_RESERVED, POSTGRES_RESERVED, SQLITE_KEYWORDS } from './keywords.js';

export type DdlDialect = 'postgresql' | 'mysql' | 'sqlite';

const BARE = /^[a-z_][a-z0-9_]*$/;

/**
 * Quote an identifier only when it needs it: not lower-case ASCII letters, digits and `_`, or a
 * reserved word of the dialect. PostgreSQL and SQLite use `"` (doubled inside), MySQL backticks
 * (doubled inside).
 */
export function quoteIdent(dialect: DdlDialect, name: string): string {
  const reserved =
    dialect === 'postgresql' ? POSTGRES_RESERVED : dialect === 'mysql' ? MYSQL_RESERVED : SQLITE_KEYWORDS;
  if (BARE.test(name) && !reserved.has(name)) return name;
  return dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name` (each part quoted when needed); SQLite has no schemas, so only the name. */
export function qualifiedIdent(dialect: DdlDialect, ref: TableRef): string {
  const name = quoteIdent(dialect, ref.name);
  if (ref.schema === null || dialect === 'sqlite') return name;
  return `${quoteIdent(dialect, ref.schema)}.${name}`;
}

export function identList(dialect: DdlDialect, names: string[]): string {
  return names.map((n) => quoteIdent(dialect, n)).join(', ');
}

/** A string literal: `'` doubled; MySQL also doubles backslashes (its default sql_mode reads them as escapes). */
export function sqlString(dialect: DdlDialect, value: string): string {
  const body = value.replace(/'/g, "''");
  return `'${dialect === 'mysql' ? body.replace(/\\/g, '\\\\') : body}'`;
}

/** Text made safe for a `-- ` line comment: one line, control characters replaced by spaces. */
export function commentText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return out.trim();
}

/** `-- text` lines, one per line of the text (for multi-line descriptions). */
export function commentLines(text: string, indent = ''): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => commentText(l))
    .map((l) => (l ? `${indent}-- ${l}` : `${indent}--`));
}

/**
 * Move an SQL expression between dialects' identifier quotes: `"name"` (PostgreSQL, SQLite) and
 * `` `name` `` (MySQL). String literals are left alone. Everything else is kept as written: ormdoc
 * does not translate functions or operators.
 */
export function translateExpression(source: string, target: DdlDialect, expr: string): string {
  const from = source === 'mysql' ? '`' : '"';
  const to = target === 'mysql' ? '`' : '"';
  if (from === to) return expr;
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i] as string;
    if (ch === "'") {
      const end = closing(expr, i, "'");
      out += expr.slice(i, end);
      i = end;
    } else if (ch === from) {
      const end = closing(expr, i, from);
      const name = expr
        .slice(i + 1, end - 1)
        .split(from + from)
        .join(from);
      out += `${to}${name.split(to).join(to + to)}${to}`;
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the quote closing the one at `start` (a doubled quote is an escaped quote). */
function closing(s: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === quote) {
      if (s[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

/** Whether some UTF-16 unit of `name` is outside ASCII. */
function hasNonAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return true;
  return false;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1), cutting at a character boundary. */
export function truncatedIdentifier(name: string): string {
  // At most 3 UTF-8 bytes per UTF-16 unit: 21 units always fit, and ASCII names fit up to 63.
  if (name.length <= 21 || (name.length <= 63 && !hasNonAscii(name))) return name;
  const bytes = encoder.encode(name);
  if (bytes.length <= 63) return name;
  let end = 63;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.slice(0, end));
}
