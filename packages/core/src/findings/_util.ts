import { type DdlDialect, qualifiedIdent, quoteIdent } from '../ddl/identifiers.js';
import { qualifiedName } from '../ir/names.js';
import { remembered } from '../ir/remember.js';
import type { Column, Dialect, Index, Table, TableRef } from '../ir/types.js';

/** `users.email` or `users (org_id, slug)`: how messages name columns. */
export function columnsLabel(table: TableRef, columns: string[]): string {
  const t = qualifiedName(table);
  return columns.length === 1 ? `${t}.${columns[0]}` : `${t} (${columns.join(', ')})`;
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** A key the database keeps ordered: PK, unique constraint, or index. */
export interface KeyLike {
  kind: 'primary-key' | 'unique' | 'index';
  name: string;
  /** One entry per part: the column name, or `(expression)` for an expression part. */
  parts: string[];
  /** Only plain column parts (undefined when some part is an expression). */
  columns?: string[];
  unique: boolean;
  partial: boolean;
  method: string;
  /** Sort direction signature used to compare indexes. */
  orders: string[];
}

/**
 * Where NULLs sort when an index part does not say, per dialect and direction: PostgreSQL puts
 * them last in ascending order (they compare larger); CockroachDB, MySQL, SQLite and SQL Server
 * first (smaller). `(a ASC NULLS LAST)` is `(a)` on PostgreSQL and not on SQLite.
 */
export const DEFAULT_NULLS: Readonly<Record<Dialect, { asc: 'first' | 'last'; desc: 'first' | 'last' }>> = {
  postgresql: { asc: 'last', desc: 'first' },
  cockroachdb: { asc: 'first', desc: 'last' },
  mysql: { asc: 'first', desc: 'last' },
  sqlite: { asc: 'first', desc: 'last' },
  sqlserver: { asc: 'first', desc: 'last' },
};

function indexKey(ix: Index, dialect: Dialect): KeyLike {
  const parts = ix.parts.map((p) => p.column ?? `(${p.expression})`);
  const plain = ix.parts.every((p) => p.column !== undefined);
  return {
    kind: 'index',
    name: ix.name,
    parts,
    ...(plain ? { columns: parts } : {}),
    unique: ix.unique,
    partial: ix.where !== undefined,
    method: (ix.method ?? 'btree').toLowerCase(),
    orders: ix.parts.map((p) => {
      const order = p.order ?? 'asc';
      const nulls = p.nulls ?? DEFAULT_NULLS[dialect][order];
      return `${order} nulls ${nulls}${p.opclass ? ` ${p.opclass}` : ''}${p.length ? `(${p.length})` : ''}`;
    }),
  };
}

/** Every key of a table: PK, unique constraints, indexes (sort signatures as `dialect` orders NULLs). */
export function keysOf(table: Table, dialect: Dialect = 'postgresql'): KeyLike[] {
  const keys: KeyLike[] = [];
  const plainKey = (kind: 'primary-key' | 'unique', name: string, columns: string[]): KeyLike => ({
    kind,
    name,
    parts: columns,
    columns,
    unique: true,
    partial: false,
    method: 'btree',
    orders: columns.map(() => `asc nulls ${DEFAULT_NULLS[dialect].asc}`),
  });
  if (table.primaryKey) keys.push(plainKey('primary-key', table.primaryKey.name, table.primaryKey.columns));
  for (const u of table.uniques) keys.push(plainKey('unique', u.name, u.columns));
  for (const ix of table.indexes) keys.push(indexKey(ix, dialect));
  return keys;
}

/** Does some non-partial key start with exactly these columns (any order among them)? */
export function hasLeadingKey(table: Table, columns: string[]): boolean {
  return keysOf(table).some((k) => {
    // (A shorter key cannot hold every column among its parts: the check below fails for it.)
    if (k.partial) return false;
    if (k.method !== 'btree' && k.method !== 'hash') return false;
    if (k.method === 'hash' && k.parts.length !== columns.length) return false;
    const lead = k.parts.slice(0, columns.length);
    return columns.every((c) => lead.includes(c));
  });
}

/** Naive English singular for messages: users -> user, categories -> category. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "a user" / "an organization" / "a row of data". */
export function aRowOf(table: TableRef): string {
  const s = singular(table.name);
  if (s === table.name) return `a row of ${qualifiedName(table)}`;
  return `${/^(?:[aeio]|u(?!s|ni|ra|ti))/i.test(s) ? 'an' : 'a'} ${s.replace(/_/g, ' ')}`;
}

const ddlDialect = (d: Dialect): DdlDialect => (d === 'mysql' || d === 'sqlite' ? d : 'postgresql');

/** Quote a SQL identifier when the dialect needs it (case, characters, reserved words): `"deletedAt"`, `"order"`. */
export function sqlIdent(name: string, dialect: Dialect): string {
  return quoteIdent(ddlDialect(dialect), name);
}

export function sqlTable(table: TableRef, dialect: Dialect): string {
  return qualifiedIdent(ddlDialect(dialect), table);
}

/** Does a SQL expression mention this column as a word? */
export function mentionsColumn(expression: string, column: string): boolean {
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w$])"?${escaped}"?($|[^\\w$])`).test(expression);
}

/**
 * Words of an identifier: `ipAddress` / `ip_address` -> ['ip', 'address']. Remembered per name:
 * every column name is matched against dozens of patterns and read by the sample-value and
 * finding rules, and tokenizing (two regular expressions) dominated large schemas. The arrays are
 * shared: read-only. Bounded (see `remembered`).
 */
export const nameTokens: (name: string) => readonly string[] = remembered(1_000_000, (name) =>
  tokenize(name),
);

/** The definition: a boundary before an upper-case letter that follows a lower-case letter or digit. */
export function tokenizeByRegex(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const isLowerOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** `tokenizeByRegex` in one pass over an ASCII name (several times faster); other names use the definition. */
export function tokenize(name: string): string[] {
  const out: string[] = [];
  let start = -1; // start of the current word in `name`, or -1
  let word = '';
  const flush = (end: number) => {
    if (start >= 0) out.push(word + name.slice(start, end));
    start = -1;
    word = '';
  };
  // Stryker disable next-line EqualityOperator: one step further reads NaN, which flushes the last word as the end does
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Stryker disable next-line EqualityOperator: `>= 127` sends DEL to the definition, which splits on it too; `<= 127` sends ASCII names there, which gives the same tokens (slower)
    if (c > 127) return tokenizeByRegex(name);
    if (c >= 65 && c <= 90) {
      // After a lower-case letter or digit (at i = 0, charCodeAt(-1) is NaN: neither).
      if (isLowerOrDigit(name.charCodeAt(i - 1))) flush(i);
      // Upper-case letters are lowered one by one; the rest of the word is sliced. (Before an
      // upper-case letter the word has nothing unsliced: it was flushed, or the letter before was
      // upper-case too.)
      word += String.fromCharCode(c + 32);
      start = i + 1;
    } else if (isLowerOrDigit(c)) {
      if (start < 0) start = i;
    } else flush(i);
  }
  flush(name.length);
  return out;
}
