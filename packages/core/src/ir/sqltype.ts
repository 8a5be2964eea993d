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
    // Stryker disable next-line Regex: removing whitespace a run at a time or a character at a time leaves the same text
    suffix = arr[1]!.replace(/\s+/g, '').replace(/\[\d+\]/g, '[]');
    s = s.slice(0, arr.index);
  }
  // Anything quoted inside (a quoted type name, an enum's or set's values) is kept byte for byte;
  // the rest has its spacing normalized and is lower-cased.
  s = s.replace(
    /("[^"]*"|'(?:[^']|'')*')|([^"']+)/g,
    (_m, q: string | undefined, rest: string | undefined) =>
      q ??
      (rest ?? '')
        .replace(/\s+/g, ' ')
        .replace(/\s*\(\s*/g, '(')
        .replace(/\s*,\s*/g, ',')
        .replace(/\s*\)/g, ')')
        .toLowerCase(),
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

/**
 * Element type name (lower-case, no array suffix, no `(...)` parameters) -> category: one row per
 * type name, matched whole (a prefix match once sent `interval` to integer because of `int`).
 * Multi-word names (`double precision`, `timestamp with time zone`) are listed as written.
 */
export const SQL_TYPE_CATEGORIES: Readonly<Record<string, ColumnCategory>> = {
  varchar: 'string',
  'character varying': 'string',
  char: 'string',
  character: 'string',
  bpchar: 'string',
  text: 'string',
  citext: 'string',
  nvarchar: 'string',
  nchar: 'string',
  ntext: 'string',
  tinytext: 'string',
  mediumtext: 'string',
  longtext: 'string',
  string: 'string',
  clob: 'string',
  name: 'string',
  xml: 'string',
  bigint: 'bigint',
  bigserial: 'bigint',
  int8: 'bigint',
  serial8: 'bigint',
  integer: 'integer',
  int: 'integer',
  int2: 'integer',
  int4: 'integer',
  smallint: 'integer',
  tinyint: 'integer',
  mediumint: 'integer',
  serial: 'integer',
  serial4: 'integer',
  smallserial: 'integer',
  serial2: 'integer',
  year: 'integer',
  numeric: 'decimal',
  decimal: 'decimal',
  money: 'decimal',
  smallmoney: 'decimal',
  real: 'float',
  float: 'float',
  float4: 'float',
  float8: 'float',
  double: 'float',
  'double precision': 'float',
  boolean: 'boolean',
  bool: 'boolean',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  'timestamp with time zone': 'datetime',
  'timestamp without time zone': 'datetime',
  datetime: 'datetime',
  datetime2: 'datetime',
  datetimeoffset: 'datetime',
  smalldatetime: 'datetime',
  date: 'date',
  time: 'time',
  timetz: 'time',
  'time with time zone': 'time',
  'time without time zone': 'time',
  interval: 'interval',
  json: 'json',
  jsonb: 'json',
  uuid: 'uuid',
  uniqueidentifier: 'uuid',
  bytea: 'binary',
  blob: 'binary',
  tinyblob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  binary: 'binary',
  varbinary: 'binary',
  image: 'binary',
  inet: 'network',
  cidr: 'network',
  macaddr: 'network',
  macaddr8: 'network',
  geometry: 'geometry',
  geography: 'geometry',
  point: 'geometry',
  line: 'geometry',
  lseg: 'geometry',
  box: 'geometry',
  path: 'geometry',
  polygon: 'geometry',
  circle: 'geometry',
  vector: 'vector',
  halfvec: 'vector',
  sparsevec: 'vector',
};

/** `interval day to second` and the like: the fields an interval type may name. */
// Stryker disable next-line Regex: no other type name ends in "interval", and `.*` runs to the end of the line anyway
const INTERVAL_FIELDS = /^interval .*$/;

function categorizeUncached(sql: string): ColumnCategory {
  const s = sql
    .toLowerCase()
    .replace(/(\s*\[\d*\])+$/, '')
    .trim();
  // `interval day to second`, `double precision`, `timestamp(3) with time zone`: parameters out, words kept.
  // Stryker disable next-line MethodExpression: the last trim only matters for text before the name, `(x) int`, which is no type
  const name = s
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(INTERVAL_FIELDS, 'interval')
    .replace(/(?: unsigned| zerofill)+$/, '') // MySQL's `int(10) unsigned zerofill`
    .trim();
  // bit / bit(1) is a boolean (MySQL, SQL Server); a longer bit string is not.
  // Stryker disable next-line Regex: the name is `bit`, so the text starts with it; the ^ changes nothing
  if (name === 'bit') return /^bit\s*(\(\s*1\s*\))?$/.test(s) ? 'boolean' : 'other';
  return SQL_TYPE_CATEGORIES[name] ?? 'other';
}
