import type { Table } from '@ormdoc/core';

export interface TableIndex {
  /** The first table with this schema (`null`: the default one) and name, as `tables.find` would return it. */
  get(schema: string | null, name: string): Table | undefined;
}

/** IR tables by schema and name, for lookups that would otherwise scan every table per key or relation. */
export function tableIndex(tables: Table[]): TableIndex {
  const bySchema = new Map<string | null, Map<string, Table>>();
  for (const t of tables) {
    let byName = bySchema.get(t.schema);
    if (!byName) {
      byName = new Map();
      bySchema.set(t.schema, byName);
    }
    if (!byName.has(t.name)) byName.set(t.name, t);
  }
  return { get: (schema, name) => bySchema.get(schema)?.get(name) };
}
