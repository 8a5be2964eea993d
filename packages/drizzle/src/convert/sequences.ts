import type { Sequence, SourceLocation } from '@ormdoc/core';
import type { DzColumn, DzSequence, DzSequenceOptions } from '../types.js';

const BIGINT_MIN = '-9223372036854775808';
const BIGINT_MAX = '9223372036854775807';

/** drizzle takes numbers or strings; the IR keeps strings (bigint bounds exceed a JSON number). */
const text = (v: number | string | undefined): string | undefined =>
  v === undefined ? undefined : String(v);

/**
 * A sequence's values as PostgreSQL gives them when the options leave them out (and as
 * drizzle-kit writes them): ascending from 1 up to the type's maximum, or descending from -1.
 */
function sequenceValues(options: DzSequenceOptions | undefined, min: string, max: string) {
  const increment = text(options?.increment) ?? '1';
  const descending = Number.parseFloat(increment) < 0;
  const minValue = text(options?.minValue) ?? (descending ? min : '1');
  const maxValue = text(options?.maxValue) ?? (descending ? '-1' : max);
  return {
    start: text(options?.startWith) ?? (descending ? maxValue : minValue),
    increment,
    minValue,
    maxValue,
    cache: text(options?.cache) ?? '1',
    cycle: options?.cycle ?? false,
  };
}

/** `pgSequence(...)` / `schema.sequence(...)` -> the IR (no `AS` type: bigint). */
export function convertSequence(seq: DzSequence, source: SourceLocation | undefined): Sequence | undefined {
  if (!seq.seqName) return undefined;
  return {
    schema: seq.schema ?? null,
    name: seq.seqName,
    dataType: 'bigint',
    ...sequenceValues(seq.seqOptions, BIGINT_MIN, BIGINT_MAX),
    declaredIn: 'orm',
    ...(source ? { source } : {}),
  };
}

const RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: [BIGINT_MIN, BIGINT_MAX],
};

/**
 * The sequence behind an identity column, when the schema says something about it (a name or
 * options): `generatedAlwaysAsIdentity({ name, startWith, ... })`. It belongs to the column
 * (`ownedBy`): PostgreSQL creates it with the table, and drops it with the column.
 */
export function identitySequence(
  column: DzColumn,
  owner: { schema: string | null; table: string; column: string },
  source: SourceLocation | undefined,
): Sequence | undefined {
  const identity = column.generatedIdentity;
  if (!identity) return undefined;
  const options = identity.sequenceOptions ?? {};
  const said = identity.sequenceName !== undefined || Object.values(options).some((v) => v !== undefined);
  if (!said) return undefined;
  const type = column.getSQLType().toLowerCase();
  // drizzle has identity only on smallint, integer and bigint columns: the fallbacks are never taken.
  // Stryker disable next-line LogicalOperator: every identity column's type is in RANGES
  const [min, max] = RANGES[type] ?? RANGES.integer!;
  return {
    schema: owner.schema,
    name: identity.sequenceName ?? `${owner.table}_${owner.column}_seq`,
    // Stryker disable next-line ConditionalExpression,StringLiteral: every identity column's type is in RANGES
    dataType: type in RANGES ? type : 'integer',
    ...sequenceValues(options, min, max),
    ownedBy: { schema: owner.schema, name: owner.table, column: owner.column },
    declaredIn: 'orm',
    ...(source ? { source } : {}),
  };
}
