import { findEnum, qualifiedName } from '../ir/names.js';
import type { Column, Dialect, Ir } from '../ir/types.js';

export interface TypeReferenceEntry {
  /** The SQL type as the database gets it, e.g. `varchar(320)`, `timestamptz(3)`, `member_role`. */
  sqlType: string;
  /** Portable category (string, integer, enum, ...). */
  category: string;
  /** `table.column` for every column of that type, in schema order. */
  columns: string[];
  /** What the type means in this dialect. */
  note: string;
}

const arg = (sql: string) => /\(([^)]*)\)/.exec(sql)?.[1];

function baseNote(dialect: Dialect, sql: string, column: Column, ir: Ir): string {
  const s = sql.toLowerCase();
  const a = arg(s);
  const pg = dialect === 'postgresql' || dialect === 'cockroachdb';
  switch (column.type.category) {
    case 'enum': {
      const ref = column.type.enum;
      const e = findEnum(ir, ref);
      const values = e ? `: ${e.values.map((v) => v.name).join(', ')}` : '';
      return pg && e?.native !== false
        ? `Enum type (CREATE TYPE ... AS ENUM)${values}; values are ordered as declared.`
        : `Enumerated values${values}.`;
    }
    case 'string':
      if (/^(varchar|character varying|nvarchar)\(/.test(s))
        return `Variable-length text of at most ${a} characters.`;
      if (/^(char|character|nchar)\(/.test(s)) return `Fixed-length text of ${a} characters, blank-padded.`;
      if (s === 'citext') return 'Case-insensitive text (citext extension).';
      return pg
        ? 'Variable-length text without a limit (stored out of line when large).'
        : 'Variable-length text.';
    case 'integer':
      if (/^smallint|smallserial/.test(s)) return '16-bit signed integer (-32768 to 32767).';
      if (/serial/.test(s)) return '32-bit integer filled from a sequence.';
      return '32-bit signed integer (about ±2.1 billion).';
    case 'bigint':
      return '64-bit signed integer (about ±9.2 quintillion).';
    case 'decimal':
      return a
        ? `Exact decimal with precision ${a.replace(',', ' and scale ')}.`
        : 'Exact decimal of arbitrary precision.';
    case 'float':
      return /real|float4/.test(s)
        ? '4-byte floating point (about 6 significant digits).'
        : '8-byte floating point (about 15 significant digits).';
    case 'boolean':
      return dialect === 'mysql'
        ? 'Boolean (tinyint(1)).'
        : dialect === 'sqlite'
          ? 'Boolean stored as 0/1.'
          : 'true / false.';
    case 'datetime':
      if (/tz|with time zone/.test(s))
        return `Point in time with time zone (stored as UTC)${a ? `, ${a} fractional-second digits` : ''}.`;
      return `Date and time without time zone${a ? `, ${a} fractional-second digits` : ''}.`;
    case 'date':
      return 'Calendar date (no time of day).';
    case 'time':
      return 'Time of day.';
    case 'interval':
      return 'A time span.';
    case 'json':
      return s === 'jsonb'
        ? 'Binary JSON: parsed, indexable (GIN), key order not kept.'
        : 'JSON text, validated on write, stored as written.';
    case 'uuid':
      return '128-bit universally unique identifier.';
    case 'binary':
      return 'Binary data (bytes).';
    case 'network':
      return s.startsWith('mac') ? 'MAC address.' : 'IPv4 or IPv6 host/network address.';
    case 'geometry':
      return 'Geometric/spatial value.';
    case 'vector':
      return a ? `Vector of ${a} dimensions (pgvector).` : 'Vector (pgvector).';
    case 'other':
      return 'Database-specific type.';
  }
}

/**
 * Every distinct SQL type in the schema (base tables and views), with the columns using it and a
 * short note on what it means in the schema's dialect. Ordered by first use in the schema.
 */
export function typeReference(ir: Ir): TypeReferenceEntry[] {
  const byType = new Map<string, TypeReferenceEntry>();
  const sequenced = new Map<string, string[]>();
  for (const table of ir.tables)
    for (const column of table.columns) {
      const sql = column.type.sql;
      let entry = byType.get(sql);
      if (!entry) {
        const note = baseNote(ir.dialect, sql.replace(/\[\]$/, ''), column, ir);
        entry = {
          sqlType: sql,
          category: column.type.category,
          columns: [],
          note: column.type.isArray ? `Array of: ${note.charAt(0).toLowerCase()}${note.slice(1)}` : note,
        };
        byType.set(sql, entry);
      }
      entry.columns.push(`${qualifiedName(table)}.${column.name}`);
      if (column.default?.kind === 'sequence')
        sequenced.set(sql, [...(sequenced.get(sql) ?? []), `${qualifiedName(table)}.${column.name}`]);
    }
  for (const [sql, cols] of sequenced) {
    const entry = byType.get(sql);
    if (entry) entry.note += ` Filled from a sequence (auto-increment) in ${cols.join(', ')}.`;
  }
  return [...byType.values()];
}
