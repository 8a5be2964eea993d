import type { Diagnostic, NavigationRelation, Table } from '@ormdoc/core';
import type { DrizzleLegacyRelationsApi, DzColumn } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import { tableIndex } from './tableIndex.js';

interface RelationLike {
  fieldName: string;
  relationName?: string;
  sourceTable: object;
  referencedTable: object;
  isNullable?: boolean;
  config?: { fields?: DzColumn[]; references?: DzColumn[] };
}

/**
 * drizzle `relations()` (0.4x, and `drizzle-orm/_relations` in the 1.0 RCs) -> navigation
 * relations, read through drizzle's own public helpers (`extractTablesRelationalConfig` +
 * `createTableRelationsHelpers`, `normalizeRelation`), so the pairing of `one`/`many` sides is
 * exactly what drizzle's relational queries use.
 */
export function convertRelations(options: {
  /** The 0.x relations API of the user's drizzle-orm (its root in 0.4x, `drizzle-orm/_relations` in 1.0). */
  legacy: DrizzleLegacyRelationsApi;
  is: (value: unknown, type: never) => boolean;
  adapter: DialectAdapter;
  tables: Array<{ value: object; codeName: string }>;
  relations: unknown[];
  irTables: Table[];
  diagnostics: Diagnostic[];
}): NavigationRelation[] {
  const { legacy, is, adapter: a, diagnostics } = options;
  if (options.relations.length === 0) return [];
  const { One, extractTablesRelationalConfig, createTableRelationsHelpers, normalizeRelation } = legacy;
  const schema: Record<string, unknown> = {};
  for (const t of options.tables) schema[t.codeName] = t.value;
  options.relations.forEach((r, i) => {
    schema[`\u0000relations${i}`] = r;
  });
  let extracted: ReturnType<typeof extractTablesRelationalConfig>;
  try {
    extracted = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  } catch (e) {
    diagnostics.push({
      severity: 'warning',
      code: 'drizzle/relations-unreadable',
      message: `drizzle could not read the relations() of this schema: ${(e as Error).message}`,
      hint: 'Export every table that a relations() call refers to from the schema files.',
    });
    return [];
  }
  const refOf = (table: object) => ({ schema: a.tableSchema(table) ?? null, name: a.tableName(table) });
  const irTables = tableIndex(options.irTables);
  const bySource = relationsBySource(extracted.tables);
  const out: NavigationRelation[] = [];
  for (const cfg of Object.values(extracted.tables)) {
    for (const [field, relValue] of Object.entries(cfg.relations)) {
      const rel = relValue as unknown as RelationLike;
      const from = refOf(rel.sourceTable);
      const to = refOf(rel.referencedTable);
      const one = is(relValue, One as never);
      const nav: NavigationRelation = {
        from: { ...from, field },
        to: { ...to },
        cardinality: one ? 'one' : 'many',
      };
      if (rel.relationName) nav.name = rel.relationName;
      const back = backField(bySource, rel, field);
      if (back) nav.to.field = back;
      try {
        const norm = normalizeRelation(extracted.tables, extracted.tableNamesMap, relValue) as unknown as {
          fields: DzColumn[];
          references: DzColumn[];
        };
        const ownsFk = one && rel.config?.fields !== undefined;
        const fkTable = ownsFk ? from : to;
        const fkColumns = (ownsFk ? norm.fields : norm.references).map(a.columnName);
        const fk = irTables
          .get(fkTable.schema, fkTable.name)
          ?.foreignKeys.find((f) => f.columns.join(',') === fkColumns.join(','));
        if (fk) nav.foreignKey = fk.name;
        if (one) nav.nullable = ownsFk ? norm.fields.some((c) => !c.notNull) : true;
      } catch (e) {
        diagnostics.push({
          severity: 'warning',
          code: 'drizzle/relation-ambiguous',
          message: `Relation ${cfg.dbName}.${field}: ${(e as Error).message}`,
          hint: 'Give both sides the same relationName, and fields/references on the one() side.',
        });
      }
      out.push(nav);
    }
  }
  return out;
}

/** Every relation (field name and relation) by the table it is declared on, in declaration order. */
function relationsBySource(
  tables: Record<string, { relations: Record<string, unknown> }>,
): Map<object, Array<[string, RelationLike]>> {
  const out = new Map<object, Array<[string, RelationLike]>>();
  for (const cfg of Object.values(tables))
    for (const [name, other] of Object.entries(cfg.relations)) {
      const o = other as RelationLike;
      const list = out.get(o.sourceTable);
      if (list) list.push([name, o]);
      else out.set(o.sourceTable, [[name, o]]);
    }
  return out;
}

/** The field on the other table that points back (same relationName, or the only relation back). */
function backField(
  bySource: Map<object, Array<[string, RelationLike]>>,
  rel: RelationLike,
  field: string,
): string | undefined {
  for (const [name, o] of bySource.get(rel.referencedTable) ?? []) {
    if (o === rel && name === field) continue;
    if (
      rel.relationName
        ? o.relationName === rel.relationName
        : !o.relationName && o.referencedTable === rel.sourceTable
    )
      return name;
  }
  return undefined;
}
