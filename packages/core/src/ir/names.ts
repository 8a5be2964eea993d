import { pinObjectLookups } from './objects.js';
import type { Enum, Ir, Table, TableRef } from './types.js';

/** `schema.name`, or `name` when the schema is the connection default (null). */
export function qualifiedName(ref: TableRef): string {
  return ref.schema === null ? ref.name : `${ref.schema}.${ref.name}`;
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.name === b.name && a.schema === b.schema;
}

export function tableRef(t: TableRef): TableRef {
  return { schema: t.schema, name: t.name };
}

/**
 * Find a table by reference: the first match, as `Array.find` would. A linear scan, except while
 * the IR's tables are pinned (`withLookups`, one render or analysis), when it is one map lookup.
 * Nothing is indexed outside a pin, so a table replaced in place is found afresh.
 */
export function findTable(ir: Pick<Ir, 'tables'>, ref: TableRef): Table | undefined {
  const pinned = pinnedTables.get(ir.tables);
  if (pinned) return pinned.get(tableSortKey(ref));
  return ir.tables.find((t) => sameTable(t, ref));
}

/** Stable sort key: default schema first, then schema, then name. */
export function tableSortKey(ref: TableRef): string {
  // Stryker disable next-line StringLiteral: '' for '0' sorts and separates the same (schemas start with '1').
  return `${ref.schema === null ? '0' : `1${ref.schema}`}\u0000${ref.name}`;
}

export function compareRefs(a: TableRef, b: TableRef): number {
  const ka = tableSortKey(a);
  const kb = tableSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The enum a column type names: the first with the same schema and name (as `Array.find` would);
 * with `loose`, else the first with the same name in any schema (for ORMs that do not qualify enum
 * names). A linear scan, or two map lookups while the IR is pinned (`withLookups`).
 */
export function findEnum(
  ir: Pick<Ir, 'enums'>,
  ref: { schema: string | null; name: string } | undefined,
  options: { loose?: boolean } = {},
): Enum | undefined {
  if (!ref) return undefined;
  const pinned = pinnedEnums.get(ir.enums);
  const exact = pinned ? pinned.exact.get(tableSortKey(ref)) : ir.enums.find((e) => sameTable(e, ref));
  if (exact || !options.loose) return exact;
  return pinned ? pinned.byName.get(ref.name) : ir.enums.find((e) => e.name === ref.name);
}

/**
 * Indexes of the tables and enums arrays pinned by `withLookups`: built at the start of one render
 * (or analysis, or validation) and dropped at its end, never kept across calls, so an IR edited
 * in place between two calls is never answered from an old index.
 */
const pinnedTables = new WeakMap<readonly Table[], Map<string, Table>>();
const pinnedEnums = new WeakMap<readonly Enum[], { exact: Map<string, Enum>; byName: Map<string, Enum> }>();

function firstBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!index.has(k)) index.set(k, item);
  }
  return index;
}

/**
 * Answer `findTable` and `findEnum` on `ir`'s arrays from indexes built once here (O(n)) instead of
 * a scan per lookup, and `policiesOf`/`triggersOf` from groups by table (`pinObjectLookups`), until
 * `release()`. Nothing may replace, add or remove tables, enums, policies or triggers of `ir`
 * meanwhile. A pin of arrays already pinned reuses the outer indexes and releases nothing.
 */
export function pinLookups(ir: Pick<Ir, 'tables' | 'enums'> & Partial<Pick<Ir, 'policies' | 'triggers'>>): {
  release: () => void;
} {
  const { tables, enums } = ir;
  const objects = pinObjectLookups(ir);
  const ownTables = !pinnedTables.has(tables);
  const ownEnums = !pinnedEnums.has(enums);
  if (ownTables) pinnedTables.set(tables, firstBy(tables, tableSortKey));
  if (ownEnums)
    pinnedEnums.set(enums, { exact: firstBy(enums, tableSortKey), byName: firstBy(enums, (e) => e.name) });
  return {
    release: () => {
      objects.release();
      if (ownTables) pinnedTables.delete(tables);
      if (ownEnums) pinnedEnums.delete(enums);
    },
  };
}

/** `fn()` with the lookups of `ir` pinned (`pinLookups`) for its duration. */
export function withLookups<R>(
  ir: Pick<Ir, 'tables' | 'enums'> & Partial<Pick<Ir, 'policies' | 'triggers'>>,
  fn: () => R,
): R {
  const pin = pinLookups(ir);
  try {
    return fn();
  } finally {
    pin.release();
  }
}
