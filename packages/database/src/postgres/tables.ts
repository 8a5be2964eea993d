import {
  type ColumnCategory,
  categorizeSqlType,
  type IrInput,
  normalizeSqlType,
  type ReferentialAction,
} from '@ormdoc/core';
import { defaultOf } from './defaults.js';
import type { CatalogRows, ColumnRow, ConstraintRow, IndexRow, RelationRow } from './rows.js';

type TableInput = IrInput['tables'][number];
type ColumnInput = TableInput['columns'][number];
type IndexInput = NonNullable<TableInput['indexes']>[number];

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** The connection's default schema is written as null, the way extractors write "no schema". */
export type SchemaOf = (schema: string | null) => string | null;

/** Group rows by their relation oid. */
function byRelation<R extends { rel: string }>(rows: readonly R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const r of rows) {
    const list = map.get(r.rel);
    if (list) list.push(r);
    else map.set(r.rel, [r]);
  }
  return map;
}

/** The tables and views of a catalog read, in the IR's terms. */
export function tablesOf(rows: CatalogRows, schemaOf: SchemaOf): TableInput[] {
  const columns = byRelation(rows.columns);
  const constraints = byRelation(rows.constraints);
  const indexes = byRelation(rows.indexes);
  return rows.relations.map((r) =>
    tableOf(r, columns.get(r.rel) ?? [], constraints.get(r.rel) ?? [], indexes.get(r.rel) ?? [], schemaOf),
  );
}

function tableOf(
  r: RelationRow,
  columnRows: ColumnRow[],
  constraintRows: ConstraintRow[],
  indexRows: IndexRow[],
  schemaOf: SchemaOf,
): TableInput {
  const kind = r.kind === 'v' ? 'view' : r.kind === 'm' ? 'materialized-view' : 'table';
  const table: TableInput = {
    kind,
    schema: schemaOf(r.schema),
    name: r.name,
    columns: columnRows.map((c) => columnOf(c, schemaOf)),
    uniques: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
  };
  if (r.comment) table.description = r.comment;
  if (r.definition) table.definition = r.definition.trim();
  if (r.rls || r.rls_forced) table.rls = { enabled: r.rls, forced: r.rls_forced, declaredIn: 'database' };
  for (const c of constraintRows) addConstraint(table, c, schemaOf);
  const names = new Map(columnRows.map((c) => [c.num, c.name]));
  for (const i of indexRows) table.indexes!.push(indexOf(i, names));
  return table;
}

function columnOf(c: ColumnRow, schemaOf: SchemaOf): ColumnInput {
  const sql = normalizeSqlType('postgresql', c.type);
  const isEnum = c.enum_name !== null;
  const category: ColumnCategory = isEnum ? 'enum' : categorizeSqlType(sql);
  const column: ColumnInput = {
    name: c.name,
    type: {
      sql,
      category,
      isArray: c.is_array,
      ...(isEnum ? { enum: { schema: schemaOf(c.enum_schema), name: c.enum_name! } } : {}),
    },
    nullable: !c.notnull,
  };
  if (c.generated === 's' && c.def !== null) column.generated = { expression: c.def, stored: true };
  else {
    const def = defaultOf(c.def, c.identity);
    if (def) column.default = def;
  }
  if (c.collation) column.collation = c.collation;
  if (c.comment) column.description = c.comment;
  return column;
}

function addConstraint(table: TableInput, c: ConstraintRow, schemaOf: SchemaOf): void {
  const named = { name: c.name, nameExplicit: true };
  switch (c.type) {
    case 'p':
      table.primaryKey = { ...named, columns: c.columns };
      return;
    case 'u':
      table.uniques!.push({
        ...named,
        columns: c.columns,
        ...(/NULLS NOT DISTINCT/.test(c.def) ? { nullsNotDistinct: true } : {}),
      });
      return;
    case 'f':
      table.foreignKeys!.push({
        ...named,
        columns: c.columns,
        references: { schema: schemaOf(c.ref_schema), name: c.ref_table ?? '', columns: c.ref_columns },
        onDelete: ACTIONS[c.on_delete] ?? 'NO ACTION',
        onUpdate: ACTIONS[c.on_update] ?? 'NO ACTION',
        enforcedBy: 'database',
        ...(c.deferrable ? { deferrable: c.deferred ? 'initially-deferred' : 'initially-immediate' } : {}),
      });
      return;
    case 'c':
      table.checks!.push({ ...named, expression: c.check_expr ?? c.def.replace(/^CHECK \((.*)\)$/s, '$1') });
      return;
  }
}

/** indoption bits: 1 DESC, 2 NULLS FIRST (the default for DESC). */
function indexOf(i: IndexRow, names: Map<number, string>): IndexInput {
  const parts: IndexInput['parts'] = [];
  for (let k = 0; k < i.key_count; k++) {
    const attnum = i.attnums[k] ?? 0;
    const column = attnum !== 0 ? names.get(attnum) : undefined;
    const option = i.options[k] ?? 0;
    const desc = (option & 1) !== 0;
    const nullsFirst = (option & 2) !== 0;
    const opclass = i.opclasses[k];
    parts.push({
      ...(column !== undefined ? { column } : { expression: i.parts[k] ?? '' }),
      ...(desc ? { order: 'desc' as const } : {}),
      ...(desc && !nullsFirst ? { nulls: 'last' as const } : {}),
      ...(!desc && nullsFirst ? { nulls: 'first' as const } : {}),
      ...(opclass ? { opclass } : {}),
    });
  }
  const include = i.attnums.slice(i.key_count).map((n) => names.get(n) ?? String(n));
  return {
    name: i.name,
    nameExplicit: true,
    unique: i.unique,
    parts,
    ...(i.method !== 'btree' ? { method: i.method } : {}),
    ...(i.predicate ? { where: i.predicate } : {}),
    ...(include.length > 0 ? { include } : {}),
    ...(/NULLS NOT DISTINCT/.test(i.def) ? { nullsNotDistinct: true } : {}),
  };
}
