import type { Sequence, SourceLocation, Table } from '@ormdoc/core';
import type { ExportSequence } from '../format/schema.js';

const RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/**
 * A SQLAlchemy `Sequence` as PostgreSQL creates it: the options the code gives, and PostgreSQL's
 * defaults for the others (bigint, by 1, from 1 up to the type's maximum, or from -1 down).
 * A sequence on a column is not owned by it: create_all makes it apart, and SQLAlchemy (or a
 * `server_default=seq.next_value()`) draws from it.
 */
export function convertSequence(s: ExportSequence, source: SourceLocation | undefined): Sequence {
  const dataType = s.dataType?.toLowerCase() ?? 'bigint';
  const [low, high] = RANGES[dataType] ?? RANGES.bigint!;
  const increment = s.increment ?? '1';
  // Stryker disable next-line EqualityOperator: PostgreSQL rejects INCREMENT 0
  const descending = Number.parseFloat(increment) < 0;
  const minValue = s.minValue ?? (descending ? low : '1');
  const maxValue = s.maxValue ?? (descending ? '-1' : high);
  return {
    schema: s.schema,
    name: s.name,
    dataType,
    start: s.start ?? (descending ? maxValue : minValue),
    increment,
    minValue,
    maxValue,
    cache: s.cache ?? '1',
    cycle: s.cycle,
    declaredIn: 'orm',
    ...(source ? { source } : {}),
  };
}

/** Where a sequence is declared: its column's table (file:line of the class), else the module. */
export function sequenceSource(
  s: ExportSequence,
  tables: Table[],
  moduleFile: string | null | undefined,
): SourceLocation | undefined {
  const column = s.column;
  const table = column
    ? tables.find((t) => t.schema === column.schema && t.name === column.table)
    : undefined;
  if (table?.source) return table.source;
  return moduleFile ? { file: moduleFile } : undefined;
}
