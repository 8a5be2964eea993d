import type { Ir, Table, TableRef } from './types.js';

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

/** Find a table by reference. */
export function findTable(ir: Pick<Ir, 'tables'>, ref: TableRef): Table | undefined {
  return ir.tables.find((t) => sameTable(t, ref));
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
