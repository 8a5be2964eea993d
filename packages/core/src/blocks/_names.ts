import { nameTokens } from '../findings/_util.js';
import type { Column, Enum, Table } from '../ir/types.js';

/** `post_tags` -> `PostTags`. */
export function pascalCase(name: string): string {
  const words = nameTokens(name);
  const out = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(out) ? out : `_${out}`;
}

/** `author_id` -> `authorId`. */
export function camelCase(name: string): string {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** Naive singular of the last word: `post_tags` -> `post_tag`, `categories` -> `category`. */
export function singularize(name: string): string {
  if (/ies$/i.test(name)) return `${name.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|us)es$/i.test(name)) return name.slice(0, -2);
  if (/[^s]s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/** The model/class name of a table: its code name, else the singular PascalCase of its database name. */
export function modelName(table: Pick<Table, 'name' | 'codeName'>): string {
  return table.codeName ?? pascalCase(singularize(table.name));
}

/** The code name of a column: its code name, else the database name. */
export function fieldName(column: Pick<Column, 'name' | 'codeName'>): string {
  return column.codeName ?? column.name;
}

export function enumTypeName(e: Pick<Enum, 'name' | 'codeName'>): string {
  return e.codeName ?? pascalCase(e.name);
}

const JS_IDENT = /^[A-Za-z_$][\w$]*$/;
/** A property key for TypeScript: bare when it is an identifier, else quoted. */
export function tsKey(name: string): string {
  return JS_IDENT.test(name) ? name : JSON.stringify(name);
}

/** A Python identifier derived from a name (keywords and invalid characters made safe). */
const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
export function pyIdent(name: string): string {
  let s = name.normalize('NFKD').replace(/[^\w]/g, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  return PY_KEYWORDS.has(s) ? `${s}_` : s;
}

/** A Python string literal (single-quoted, escaped). */
export function pyString(value: string): string {
  if (value.includes("'") && !value.includes('"') && !/[\\\n\r]/.test(value)) return `"${value}"`;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
