/**
 * Default names drizzle-kit 1.0 (release candidates) gives PostgreSQL keys the schema leaves
 * unnamed. drizzle-kit 0.31 took them from drizzle-orm (`getName()`: `_pk`, `_unique`, `_fk`);
 * 1.0 computes its own, closer to PostgreSQL's: `{table}_pkey`, `{table}_{col}_key` (column
 * `.unique()`), `{table}_{cols}_{tableTo}_{colsTo}_fkey` (hashed past 63 characters), while
 * table-level `unique()` stays `{table}_{cols}_unique` and indexes `{table}_{cols}_index`.
 */

const DICTIONARY = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** drizzle-kit's `hash` (src/dialects/common.ts): a polynomial hash written in base 62. */
export function kitHash(input: string, length = 12): string {
  const base = BigInt(DICTIONARY.length);
  const combinations = base ** BigInt(length);
  let power = 1n;
  let hash = 0n;
  for (const ch of input) {
    hash = (hash + BigInt(ch.codePointAt(0) ?? 0) * power) % combinations;
    power = (power * 53n) % combinations;
  }
  let out = '';
  for (let i = 0; i < length; i++) {
    out = DICTIONARY[Number(hash % base)]! + out;
    hash /= base;
  }
  return out;
}

export const kit1PrimaryKeyName = (table: string): string => `${table}_pkey`;

export const kit1ColumnUniqueName = (table: string, column: string): string => `${table}_${column}_key`;

export function kit1ForeignKeyName(
  table: string,
  columns: string[],
  tableTo: string,
  columnsTo: string[],
): string {
  const desired = `${table}_${columns.join('_')}_${tableTo}_${columnsTo.join('_')}_fkey`;
  if (desired.length <= 63) return desired;
  return table.length < 45 ? `${table}_${kitHash(desired)}_fkey` : `${kitHash(desired)}_fkey`;
}
