import { remembered } from './remember.js';
import type { ColumnCategory, Dialect } from './types.js';

/** PostgreSQL aliases -> the spelling ormdoc uses everywhere (short, as people write DDL). */
const PG_ALIASES: Array<[RegExp, string]> = [
  [/^character varying\b/, 'varchar'],
  [/^character\b/, 'char'],
  [/^int4$/, 'integer'],
  [/^int$/, 'integer'],
  [/^int8$/, 'bigint'],
  [/^int2$/, 'smallint'],
  [/^serial4$/, 'serial'],
  [/^serial8$/, 'bigserial'],
  [/^float8$/, 'double precision'],
  [/^float4$/, 'real'],
  [/^bool$/, 'boolean'],
  [/^decimal\b/, 'numeric'],
  [/^timestamp\s*(\(\d+\))?\s+with time zone$/, 'timestamptz$1'],
  [/^timestamp\s*(\(\d+\))?\s+without time zone$/, 'timestamp$1'],
  [/^time\s*(\(\d+\))?\s+with time zone$/, 'timetz$1'],
  [/^time\s*(\(\d+\))?\s+without time zone$/, 'time$1'],
];

/**
 * Canonical spelling of a SQL type for the IR: lower-case keywords, no space before `(`,
 * PostgreSQL aliases folded (`character varying(255)` -> `varchar(255)`,
 * `timestamp(3) with time zone` -> `timestamptz(3)`, `int4` -> `integer`). Quoted identifiers
 * (enum types such as `"Role"`) are kept as they are.
 */
export function normalizeSqlType(dialect: Dialect, sql: string): string {
  return normalizedType(`${dialect}\u0000${sql}`);
}

// A pure function of its two arguments that every extractor calls once per column, with few
// distinct types (a 1,000-table schema has ~12,000 columns and a few dozen types): remembered.
const normalizedType = remembered(100_000, (key) => {
  const at = key.indexOf('\u0000');
  return normalizeUncached(key.slice(0, at) as Dialect, key.slice(at + 1));
});

function normalizeUncached(dialect: Dialect, sql: string): string {
  let s = sql.trim();
  if (s.startsWith('"') || s.startsWith('`')) return s;
  let suffix = '';
  const arr = /((?:\s*\[\d*\])+)$/.exec(s);
  if (arr) {
    suffix = arr[1]!.replace(/\s+/g, '').replace(/\[\d+\]/g, '[]');
    s = s.slice(0, arr.index);
  }
  s = s
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*,\s*/g, ',')
    .replace(/\s*\)/g, ')');
  // keep the case of anything quoted inside, lower-case the rest
  s = s.replace(
    /("[^"]*")|([^"]+)/g,
    (_m, q: string | undefined, rest: string | undefined) => q ?? (rest ?? '').toLowerCase(),
  );
  if (dialect === 'postgresql' || dialect === 'cockroachdb') {
    for (const [re, rep] of PG_ALIASES) {
      if (re.test(s)) {
        s = s.replace(re, rep);
        break;
      }
    }
  }
  return s + suffix;
}

/**
 * Portable category of a (normalized) SQL type's element; enums are recognised by the caller.
 * Remembered like `normalizeSqlType`: called once per column with few distinct types.
 */
export const categorizeSqlType: (sql: string) => ColumnCategory = remembered(100_000, (sql) =>
  categorizeUncached(sql),
);

function categorizeUncached(sql: string): ColumnCategory {
  const s = sql.toLowerCase().replace(/\[\]$/g, '').replace(/\(.*$/, '').trim();
  if (
    /^(varchar|char|text|citext|nvarchar|nchar|ntext|tinytext|mediumtext|longtext|string|clob|character|name|xml|bpchar)/.test(
      s,
    )
  )
    return 'string';
  if (/^(bigint|bigserial|int8|serial8)$/.test(s)) return 'bigint';
  if (/^(integer|int|int2|int4|smallint|tinyint|mediumint|serial|smallserial|serial4|year)/.test(s))
    return 'integer';
  if (/^(numeric|decimal|money)/.test(s)) return 'decimal';
  if (/^(real|float|double|float4|float8)/.test(s)) return 'float';
  if (/^(boolean|bool)$/.test(s)) return 'boolean';
  // bit / bit(1) is a boolean (MySQL, SQL Server); a longer bit string is not.
  if (s === 'bit') return /^bit\s*(\(\s*1\s*\))?$/i.test(sql.trim()) ? 'boolean' : 'other';
  if (/^(timestamp|timestamptz|datetime|datetime2|datetimeoffset|smalldatetime)/.test(s)) return 'datetime';
  if (s === 'date') return 'date';
  if (/^(time|timetz)/.test(s)) return 'time';
  if (s.startsWith('interval')) return 'interval';
  if (/^(json|jsonb)$/.test(s)) return 'json';
  if (/^(uuid|uniqueidentifier)$/.test(s)) return 'uuid';
  if (/^(bytea|blob|binary|varbinary|tinyblob|mediumblob|longblob|image)/.test(s)) return 'binary';
  if (/^(inet|cidr|macaddr|macaddr8)$/.test(s)) return 'network';
  if (/^(geometry|geography|point|line|lseg|box|path|polygon|circle)/.test(s)) return 'geometry';
  if (/^(vector|halfvec|sparsevec)/.test(s)) return 'vector';
  return 'other';
}
