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

/** Position of the first table of each `tableSortKey`, per `tables` array (built on first lookup). */
const tableIndexes = new WeakMap<readonly Table[], { length: number; index: Map<string, number> }>();

function indexOfTables(tables: readonly Table[]): Map<string, number> {
  const index = new Map<string, number>();
  tables.forEach((t, i) => {
    const k = tableSortKey(t);
    if (!index.has(k)) index.set(k, i);
  });
  tableIndexes.set(tables, { length: tables.length, index });
  return index;
}

function lookup(tables: readonly Table[], index: Map<string, number>, ref: TableRef): Table | undefined {
  const i = index.get(tableSortKey(ref));
  const found = i === undefined ? undefined : tables[i];
  return found && sameTable(found, ref) ? found : undefined;
}

/**
 * Find a table by reference (the first match, as `Array.find` would). O(1) after one O(n) index
 * per `tables` array; the index is rebuilt if the array grew or shrank or a hit no longer matches.
 */
export function findTable(ir: Pick<Ir, 'tables'>, ref: TableRef): Table | undefined {
  const tables = ir.tables;
  const cached = tableIndexes.get(tables);
  if (cached && cached.length === tables.length) {
    const i = cached.index.get(tableSortKey(ref));
    if (i === undefined) return undefined;
    const found = lookup(tables, cached.index, ref);
    if (found) return found;
  }
  return lookup(tables, indexOfTables(tables), ref);
}

/** Stable sort key: default schema first, then schema, then name. */
export function tableSortKey(ref: TableRef): string {
  return `${ref.schema === null ? '0' : `1${ref.schema}`}\u0000${ref.name}`;
}

export function compareRefs(a: TableRef, b: TableRef): number {
  const ka = tableSortKey(a);
  const kb = tableSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Per enums array: `tableSortKey` of each enum and its bare name -> the first enum with it. */
const enumIndexes = new WeakMap<
  readonly Enum[],
  { length: number; exact: Map<string, Enum>; byName: Map<string, Enum> }
>();

function enumIndex(enums: readonly Enum[], rebuild: boolean) {
  const cached = enumIndexes.get(enums);
  if (cached && !rebuild && cached.length === enums.length) return cached;
  const exact = new Map<string, Enum>();
  const byName = new Map<string, Enum>();
  for (const e of enums) {
    const k = tableSortKey(e);
    if (!exact.has(k)) exact.set(k, e);
    if (!byName.has(e.name)) byName.set(e.name, e);
  }
  const index = { length: enums.length, exact, byName };
  enumIndexes.set(enums, index);
  return index;
}

/**
 * The enum a column type names: the first with the same schema and name (as `Array.find` would);
 * with `loose`, else the first with the same name in any schema (for ORMs that do not qualify enum
 * names). O(1) after one O(n) index per `enums` array, rebuilt if a hit no longer matches.
 */
export function findEnum(
  ir: Pick<Ir, 'enums'>,
  ref: { schema: string | null; name: string } | undefined,
  options: { loose?: boolean } = {},
): Enum | undefined {
  if (!ref) return undefined;
  for (const rebuild of [false, true]) {
    const index = enumIndex(ir.enums, rebuild);
    const exact = index.exact.get(tableSortKey(ref));
    const byName = options.loose ? index.byName.get(ref.name) : undefined;
    const stale = (exact && !sameTable(exact, ref)) || (byName && byName.name !== ref.name);
    if (stale) continue;
    return exact ?? byName;
  }
  return undefined;
}
