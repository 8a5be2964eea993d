import type { Column, Dialect } from '../ir/types.js';
import type { DdlDialect } from './identifiers.js';

/** A column's type in the target dialect; `note` says what was lost when the target cannot represent it. */
export interface MappedType {
  sql: string;
  note?: string;
}

/** True when the IR's own dialect is the target (CockroachDB speaks PostgreSQL's DDL). */
export function sameDialect(source: Dialect, target: DdlDialect): boolean {
  return source === target || (source === 'cockroachdb' && target === 'postgresql');
}

interface ParsedType {
  base: string;
  args: string[];
}

function parse(sql: string): ParsedType {
  const s = sql.trim().replace(/\[\]$/g, '');
  const m = /^([^(]*?)\s*(?:\(([^)]*)\))?(?:\s+(?:with(?:out)? time zone|unsigned))?$/i.exec(s);
  if (!m) return { base: s.toLowerCase(), args: [] };
  const args = m[2] ? m[2].split(',').map((a) => a.trim()) : [];
  return { base: (m[1] ?? '').toLowerCase().trim(), args };
}

const withArgs = (base: string, args: string[]) => (args.length ? `${base}(${args.join(',')})` : base);

/**
 * The closest type of the target dialect for a non-enum column of another dialect. Same-dialect
 * columns keep their SQL type untouched. Enums are rendered by each dialect writer, not here.
 */
export function mapColumnType(source: Dialect, target: DdlDialect, column: Column): MappedType {
  const { type } = column;
  if (sameDialect(source, target)) return { sql: type.sql };
  const p = parse(type.sql);
  const lost = (sql: string): MappedType => ({ sql, note: `${source} type ${type.sql}` });
  if (type.isArray && target !== 'postgresql') return lost(target === 'mysql' ? 'json' : 'TEXT');
  const mapped =
    target === 'postgresql'
      ? toPostgres(p, type.category)
      : target === 'mysql'
        ? toMysql(p, type.category)
        : toSqlite(type.category);
  const sql = target === 'postgresql' && type.isArray ? `${mapped.sql}[]` : mapped.sql;
  return mapped.lossy ? lost(sql) : { sql };
}

type Mapping = { sql: string; lossy?: boolean };

function toPostgres(p: ParsedType, category: Column['type']['category']): Mapping {
  switch (category) {
    case 'string':
      if (p.base === 'varchar' || p.base === 'char') return { sql: withArgs(p.base, p.args) };
      return { sql: 'text' };
    case 'integer':
      return { sql: /^(tinyint|smallint|int2|year)$/.test(p.base) ? 'smallint' : 'integer' };
    case 'bigint':
      return { sql: 'bigint' };
    case 'decimal':
      return { sql: withArgs('numeric', p.args) };
    case 'float':
      return {
        sql:
          /^(real|float4)$/.test(p.base) || (p.base === 'float' && !p.args.length)
            ? 'real'
            : 'double precision',
      };
    case 'boolean':
      return { sql: 'boolean' };
    case 'datetime':
      return { sql: withArgs(p.base === 'timestamptz' ? 'timestamptz' : 'timestamp', p.args) };
    case 'date':
      return { sql: 'date' };
    case 'time':
      return { sql: withArgs('time', p.args) };
    case 'interval':
      return { sql: 'interval' };
    case 'json':
      return { sql: p.base === 'json' ? 'json' : 'jsonb' };
    case 'uuid':
      return { sql: 'uuid' };
    case 'binary':
      return { sql: 'bytea' };
    case 'network':
      return { sql: p.base };
    case 'enum':
    case 'geometry':
    case 'vector':
    case 'other':
      return { sql: 'text', lossy: true };
  }
}

function toMysql(p: ParsedType, category: Column['type']['category']): Mapping {
  switch (category) {
    case 'string':
      if (p.base === 'varchar' || p.base === 'char')
        return p.args.length ? { sql: withArgs(p.base, p.args) } : { sql: 'varchar(255)', lossy: true };
      if (/^(tinytext|mediumtext|longtext|text)$/.test(p.base)) return { sql: p.base };
      return { sql: 'text', lossy: p.base !== 'string' };
    case 'integer':
      return {
        sql: /^(tinyint|smallint|mediumint)$/.test(p.base) ? p.base : p.base === 'int2' ? 'smallint' : 'int',
      };
    case 'bigint':
      return { sql: 'bigint' };
    case 'decimal':
      return p.args.length ? { sql: withArgs('decimal', p.args) } : { sql: 'decimal(65,30)', lossy: true };
    case 'float':
      return { sql: /^(real|float4|float)$/.test(p.base) ? 'float' : 'double' };
    case 'boolean':
      return { sql: 'boolean' };
    case 'datetime':
      return { sql: withArgs('datetime', p.args), lossy: p.base === 'timestamptz' };
    case 'date':
      return { sql: 'date' };
    case 'time':
      return { sql: withArgs('time', p.args), lossy: p.base === 'timetz' };
    case 'interval':
      return { sql: 'varchar(64)', lossy: true };
    case 'json':
      return { sql: 'json' };
    case 'uuid':
      return { sql: 'char(36)', lossy: true };
    case 'binary':
      return {
        sql: /^(varbinary|binary|tinyblob|blob|mediumblob|longblob)$/.test(p.base)
          ? withArgs(p.base, p.args)
          : 'longblob',
      };
    case 'network':
      return { sql: 'varchar(45)', lossy: true };
    case 'geometry':
      return { sql: 'geometry', lossy: true };
    case 'enum':
    case 'vector':
    case 'other':
      return { sql: 'text', lossy: true };
  }
}

function toSqlite(category: Column['type']['category']): Mapping {
  switch (category) {
    case 'string':
    case 'uuid':
      return { sql: 'TEXT' };
    case 'integer':
    case 'bigint':
      return { sql: 'INTEGER' };
    case 'decimal':
      return { sql: 'NUMERIC' };
    case 'float':
      return { sql: 'REAL' };
    case 'boolean':
      return { sql: 'BOOLEAN' };
    case 'datetime':
      return { sql: 'DATETIME' };
    case 'date':
      return { sql: 'DATE' };
    case 'time':
      return { sql: 'TIME' };
    case 'binary':
      return { sql: 'BLOB' };
    case 'json':
    case 'interval':
    case 'network':
    case 'enum':
    case 'other':
      return { sql: 'TEXT', lossy: true };
    case 'geometry':
    case 'vector':
      return { sql: 'BLOB', lossy: true };
  }
}

/** Fractional-seconds precision of a datetime type (`timestamptz(3)` -> 3), for MySQL CURRENT_TIMESTAMP(n). */
export function timePrecision(sql: string): number | undefined {
  const m = /\((\d+)\)/.exec(sql);
  return m ? Number(m[1]) : undefined;
}
