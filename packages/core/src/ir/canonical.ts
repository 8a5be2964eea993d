import { compareRefs } from './names.js';
import type { Ir } from './types.js';

// Stryker disable next-line EqualityOperator: <= and >= differ from < and > only on equal strings, which compare 0 either way.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = <T extends { name: string }>(a: T, b: T) => compareText(a.name, b.name);
const byTableThenName = <T extends { table: { schema: string | null; name: string }; name: string }>(
  a: T,
  b: T,
) => compareRefs(a.table, b.table) || compareText(a.name, b.name);

/**
 * Put an IR in canonical order so that the same schema always gives byte-identical output:
 * tables, enums and relations sorted by qualified name; constraints and indexes by name.
 * Column order is kept: it is the database's own order.
 */
export function canonicalizeIr(ir: Ir): Ir {
  const namespaces = [
    ...new Set([
      ...ir.namespaces,
      ...ir.tables.flatMap((t) => (t.schema ? [t.schema] : [])),
      ...ir.enums.flatMap((e) => (e.schema ? [e.schema] : [])),
    ]),
  ].sort();
  return {
    ...ir,
    namespaces,
    tables: [...ir.tables].sort(compareRefs).map((t) => ({
      ...t,
      uniques: [...t.uniques].sort(byName),
      indexes: [...t.indexes].sort(byName),
      foreignKeys: [...t.foreignKeys].sort(byName),
      checks: [...t.checks].sort(byName),
    })),
    enums: [...ir.enums].sort(compareRefs),
    relations: [...ir.relations].sort(
      (a, b) => compareRefs(a.from, b.from) || compareText(a.from.field, b.from.field),
    ),
    extensions: [...ir.extensions].sort(byName),
    policies: [...ir.policies].sort(byTableThenName),
    roles: [...ir.roles].sort(byName),
    triggers: [...ir.triggers].sort(byTableThenName),
    routines: [...ir.routines].sort((a, b) => compareRefs(a, b) || compareText(a.arguments, b.arguments)),
    sequences: [...ir.sequences].sort(compareRefs),
  };
}
