import type { Diagnostic, NavigationRelation, Table, TableRef } from '@ormdoc/core';
import type { DzColumn } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import { type TableIndex, tableIndex } from './tableIndex.js';

/**
 * drizzle 1.0 `defineRelations(schema, (r) => ({ ... }))` (release candidates) -> navigation
 * relations. `defineRelations` returns a plain object `{ [tsName]: { table, name, relations } }`
 * that drizzle has already processed: relations declared without `from`/`to` carry the columns of
 * their reverse side, and `.through()` fills `throughTable` and `through`. It is recognised by
 * shape (no version check), so any 1.0 build fits.
 */

/** A column as `r.table.column` (or `.through()`) wraps it. */
interface BuilderColumn {
  _: { column: DzColumn; tableName: string; key: string };
}

interface RelationV2 {
  relationType: 'one' | 'many';
  targetTableName: string;
  targetTable: object;
  sourceTable?: object;
  fieldName?: string;
  alias?: string;
  optional?: boolean;
  sourceColumns?: BuilderColumn[];
  targetColumns?: BuilderColumn[];
  throughTable?: object;
  through?: { source: BuilderColumn[]; target: BuilderColumn[] };
}

interface TableRelationsV2 {
  table: object;
  name: string;
  relations: Record<string, unknown>;
}

export type DefinedRelations = Record<string, TableRelationsV2>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isRelationV2(value: unknown): value is RelationV2 {
  return (
    isObject(value) &&
    (value.relationType === 'one' || value.relationType === 'many') &&
    typeof value.targetTableName === 'string' &&
    isObject(value.targetTable)
  );
}

/** The value `defineRelations()`/`defineRelationsPart()` returns: every entry a table with its relations. */
export function isDefinedRelations(value: unknown, adapter: DialectAdapter): value is DefinedRelations {
  if (!isObject(value) || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every(
      (e) =>
        isObject(e) &&
        typeof e.name === 'string' &&
        isObject(e.relations) &&
        (adapter.isTable(e.table) || adapter.isView(e.table)) &&
        Object.values(e.relations).every((r) => isRelationV2(r) || !isObject(r) || !('relationType' in r)),
    )
  );
}

const columnsOf = (cols: BuilderColumn[] | undefined): DzColumn[] => (cols ?? []).map((c) => c._.column);
const sameColumns = (a: DzColumn[], b: DzColumn[]) => a.length === b.length && a.every((c, i) => c === b[i]);

export function convertDefinedRelations(options: {
  adapter: DialectAdapter;
  definitions: DefinedRelations[];
  irTables: Table[];
  diagnostics: Diagnostic[];
}): NavigationRelation[] {
  const { adapter: a } = options;
  const refOf = (table: object): TableRef => {
    if (a.isView(table)) {
      const v = a.viewConfig(table);
      return { schema: v.schema ?? null, name: v.name };
    }
    return { schema: a.tableSchema(table) ?? null, name: a.tableName(table) };
  };
  const irTables = tableIndex(options.irTables);
  const out: NavigationRelation[] = [];
  for (const definition of options.definitions) {
    const all = Object.values(definition).flatMap((cfg) =>
      Object.entries(cfg.relations).flatMap(([field, r]) =>
        isRelationV2(r) ? [{ field, rel: r, source: cfg.table }] : [],
      ),
    );
    // by the table they are declared on, in order: the reverse side of a relation is among its target's
    const bySource = new Map<object, typeof all>();
    for (const entry of all) {
      const list = bySource.get(entry.source);
      if (list) list.push(entry);
      else bySource.set(entry.source, [entry]);
    }
    for (const { field, rel, source } of all) {
      const from = refOf(source);
      const nav: NavigationRelation = {
        from: { ...from, field },
        to: refOf(rel.targetTable),
        cardinality: rel.relationType,
      };
      if (rel.alias) nav.name = rel.alias;
      if (rel.relationType === 'one') nav.nullable = rel.optional !== false;
      const sourceCols = columnsOf(rel.sourceColumns);
      const targetCols = columnsOf(rel.targetColumns);
      // The reverse side: from the target back to this table over the same columns (and junction).
      const back = (bySource.get(rel.targetTable) ?? []).find(
        (o) =>
          o.rel !== rel &&
          o.rel.targetTable === source &&
          (o.rel.alias ?? '') === (rel.alias ?? '') &&
          o.rel.throughTable === rel.throughTable &&
          sameColumns(columnsOf(o.rel.sourceColumns), targetCols) &&
          sameColumns(columnsOf(o.rel.targetColumns), sourceCols),
      );
      if (back) nav.to.field = back.field;
      if (rel.throughTable) nav.through = refOf(rel.throughTable);
      else {
        const fk = foreignKeyOf(irTables, a, from, nav.to, sourceCols, targetCols);
        if (fk) nav.foreignKey = fk;
      }
      if (sourceCols.length === 0)
        options.diagnostics.push({
          severity: 'warning',
          code: 'drizzle/relation-ambiguous',
          message: `Relation ${from.name}.${field}: drizzle found no columns for it (no from/to and no reverse relation).`,
          hint: 'Give the relation from/to, or declare its reverse side with from/to.',
        });
      out.push(nav);
    }
  }
  return out;
}

/** The foreign key a direct relation follows: on this table (from -> to) or on the target (to -> from). */
function foreignKeyOf(
  tables: TableIndex,
  a: DialectAdapter,
  from: TableRef,
  to: TableRef,
  sourceCols: DzColumn[],
  targetCols: DzColumn[],
): string | undefined {
  if (sourceCols.length === 0) return undefined;
  const names = (cols: DzColumn[]) => cols.map(a.columnName).join(',');
  const find = (owner: TableRef, other: TableRef, cols: DzColumn[], refCols: DzColumn[]) =>
    tables
      .get(owner.schema, owner.name)
      ?.foreignKeys.find(
        (fk) =>
          fk.columns.join(',') === names(cols) &&
          fk.references.name === other.name &&
          fk.references.schema === other.schema &&
          fk.references.columns.join(',') === names(refCols),
      )?.name;
  return find(from, to, sourceCols, targetCols) ?? find(to, from, targetCols, sourceCols);
}
