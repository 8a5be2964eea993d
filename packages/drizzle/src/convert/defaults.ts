import type { ColumnDefault, ColumnOnUpdate } from '@ormdoc/core';
import type { DzColumn } from '../types.js';
import type { DialectAdapter } from './adapter.js';

/** Serial column types of drizzle: the database gets an integer type plus a sequence default. */
const SERIAL_TYPES: Record<string, string | undefined> = {
  PgSerial: 'integer',
  PgSmallSerial: 'smallint',
  PgBigSerial53: 'bigint',
  PgBigSerial64: 'bigint',
  MySqlSerial: 'bigint unsigned',
};

/** The integer type behind a serial column, or undefined when the column is not serial. */
export function serialBaseType(column: DzColumn): string | undefined {
  return SERIAL_TYPES[column.columnType];
}

const quoteSql = (s: string) => s.replace(/'/g, "''");

/**
 * A column's default, quoted the way drizzle-kit writes it into its migrations:
 * SQL fragments rendered by the dialect, strings `'x'`, JSON `'{}'::jsonb` (PostgreSQL), dates as ISO
 * text, arrays as `'{...}'`, numbers and booleans bare. `$defaultFn` is an ORM-side default.
 */
export function columnDefault(
  column: DzColumn,
  adapter: DialectAdapter,
  sqlType: string,
  /** The source of the `$defaultFn` function as written in the schema file, when known. */
  defaultFnSource?: string,
): ColumnDefault | undefined {
  if (serialBaseType(column) !== undefined)
    return { kind: 'sequence', style: adapter.dialect === 'mysql' ? 'auto-increment' : 'serial' };
  if (column.generatedIdentity)
    return {
      kind: 'sequence',
      style: column.generatedIdentity.type === 'always' ? 'identity-always' : 'identity-by-default',
      ...(column.generatedIdentity.sequenceName
        ? { sequenceName: column.generatedIdentity.sequenceName }
        : {}),
    };
  if (column.autoIncrement) return { kind: 'sequence', style: 'auto-increment' };
  // SQLite: an INTEGER PRIMARY KEY column is the rowid, assigned by the database.
  if (
    adapter.dialect === 'sqlite' &&
    column.primary &&
    column.columnType === 'SQLiteInteger' &&
    column.default === undefined &&
    !column.defaultFn
  )
    return { kind: 'sequence', style: 'rowid' };
  const value = column.default;
  if (value !== undefined) {
    if (adapter.isSql(value)) return { kind: 'sql', expression: adapter.defaultSql(value) };
    return literalDefault(value, adapter.dialect, sqlType);
  }
  if (column.defaultFn)
    return { kind: 'orm', ...describeFn('$defaultFn', column.defaultFn, defaultFnSource) };
  return undefined;
}

export function columnOnUpdate(column: DzColumn, onUpdateFnSource?: string): ColumnOnUpdate | undefined {
  if (column.hasOnUpdateNow) return { kind: 'sql', expression: 'CURRENT_TIMESTAMP' };
  if (column.onUpdateFn)
    return {
      kind: 'orm',
      description: describeFn('$onUpdate', column.onUpdateFn, onUpdateFnSource).description,
    };
  return undefined;
}

function literalDefault(value: unknown, dialect: DialectAdapter['dialect'], sqlType: string): ColumnDefault {
  const lowered = sqlType.toLowerCase();
  if (typeof value === 'string') return { kind: 'literal', value, sql: `'${quoteSql(value)}'` };
  if (typeof value === 'number' || typeof value === 'boolean')
    return { kind: 'literal', value, sql: String(value) };
  if (typeof value === 'bigint') return { kind: 'literal', value: value.toString(), sql: value.toString() };
  if (value === null) return { kind: 'literal', value: null, sql: 'NULL' };
  if (value instanceof Date) {
    const iso = value.toISOString();
    const text =
      lowered === 'date'
        ? iso.split('T')[0]!
        : /^(timestamp|datetime)/.test(lowered) && !/with time zone|tz/.test(lowered)
          ? iso.replace('T', ' ').slice(0, 23)
          : iso;
    return { kind: 'literal', value: text, sql: `'${text}'` };
  }
  if (dialect === 'postgresql' && (lowered === 'json' || lowered === 'jsonb'))
    return {
      kind: 'literal',
      value: value as Record<string, unknown>,
      sql: `'${quoteSql(JSON.stringify(value))}'::${lowered}`,
    };
  if (Array.isArray(value) && dialect === 'postgresql')
    return { kind: 'literal', value, sql: `'${quoteSql(pgArrayLiteral(value, lowered))}'` };
  const json = JSON.stringify(value);
  const sql = dialect === 'mysql' ? `('${quoteSql(json)}')` : `'${quoteSql(json)}'`;
  return { kind: 'literal', value: value as Record<string, unknown>, sql };
}

/** `{"a","b"}` the way drizzle-kit's buildArrayString writes array defaults. */
function pgArrayLiteral(values: unknown[], sqlType: string): string {
  const base = sqlType.split('[')[0] ?? sqlType;
  const items = values.map((v) => {
    if (typeof v === 'number' || typeof v === 'bigint') return v.toString();
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return pgArrayLiteral(v, base);
    if (v instanceof Date) {
      const iso = v.toISOString();
      // drizzle-kit: the date alone for date[], no T nor zone for timestamp[] (not timestamp(p)[]).
      return `"${base === 'date' ? iso.split('T')[0] : base === 'timestamp' ? iso.replace('T', ' ').slice(0, 23) : iso}"`;
    }
    if (v !== null && typeof v === 'object') return `"${JSON.stringify(v).replaceAll('"', '\\"')}"`;
    return `"${String(v)}"`;
  });
  return `{${items.join(',')}}`;
}

const GENERATORS: Array<[RegExp, string]> = [
  [/createId|cuid2/i, 'cuid2'],
  [/cuid/i, 'cuid'],
  [/nanoid/i, 'nanoid'],
  [/ulid/i, 'ulid'],
  [/uuid/i, 'uuid'],
  // `new Date` without parentheses: a function as the loader printed it (tsx minifies whitespace).
  [/new Date\b|Date\.now\(|\bnow\(/, 'now'],
];

/**
 * `$defaultFn(() => createId())`: the function's source on one line, with what it generates. The
 * source is the schema file's text when the function is written there; otherwise the function's
 * own `toString()`, which is the loader's output (tsx prints it without whitespace).
 */
function describeFn(
  kind: string,
  fn: () => unknown,
  written?: string,
): { generator: string; description: string } {
  const source = (written ?? Function.prototype.toString.call(fn)).replace(/\s+/g, ' ').trim();
  const short = source.length > 120 ? `${source.slice(0, 117)}...` : source;
  const generator = GENERATORS.find(([re]) => re.test(source))?.[1] ?? 'function';
  return { generator, description: `${kind}(${short})` };
}
