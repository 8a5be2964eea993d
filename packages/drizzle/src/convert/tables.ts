import { type Column, type Diagnostic, parseDescription, type Table } from '@ormdoc/core';
import type { Declaration } from '../source/jsdoc.js';
import type { DzColumn } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import { convertColumn } from './columns.js';
import { checksOf, foreignKeysOf, indexesOf, primaryKeyOf, uniquesOf } from './constraints.js';
import type { EnumRegistry } from './enums.js';

export interface TableInput {
  value: object;
  /** Export name in code. */
  codeName?: string;
  declaration?: Declaration;
}

interface Ctx {
  adapter: DialectAdapter;
  enums: EnumRegistry;
  diagnostics: Diagnostic[];
  /** Column object -> property name (from drizzle's getTableColumns). */
  columnKeys(table: object): Map<object, string>;
}

export function convertTable(input: TableInput, ctx: Ctx): Table {
  const a = ctx.adapter;
  const cfg = a.tableConfig(input.value);
  const pk = primaryKeyOf(cfg, a);
  const pkColumns = new Set(pk?.columns ?? []);
  const keys = ctx.columnKeys(input.value);
  const decl = input.declaration;
  const columns: Column[] = cfg.columns.map((c) => {
    const key = keys.get(c);
    const doc = key !== undefined ? decl?.properties.get(key) : undefined;
    return convertColumn(c, key, {
      adapter: a,
      enums: ctx.enums,
      tableName: cfg.name,
      pkColumns,
      ...(doc ? { doc } : {}),
      ...(decl ? { file: decl.file } : {}),
    });
  });
  const { uniques, indexes: uniqueIndexes } = uniquesOf(cfg, a);
  const { text, tags } = parseDescription(decl?.description);
  const table: Table = {
    kind: 'table',
    schema: cfg.schema ?? null,
    name: cfg.name,
    tags,
    columns,
    uniques,
    indexes: [...uniqueIndexes, ...indexesOf(cfg, a, ctx.diagnostics)],
    foreignKeys: foreignKeysOf(cfg, a),
    checks: checksOf(cfg, a),
  };
  if (input.codeName && input.codeName !== cfg.name) table.codeName = input.codeName;
  if (text) table.description = text;
  if (pk) table.primaryKey = pk;
  if (decl) table.source = { file: decl.file, line: decl.line };
  return table;
}

export function convertView(input: TableInput, ctx: Ctx): Table {
  const a = ctx.adapter;
  const cfg = a.viewConfig(input.value);
  const decl = input.declaration;
  const columns: Column[] = [];
  for (const [key, field] of Object.entries(cfg.selectedFields)) {
    if (!a.isColumn(field)) continue;
    const c = field as DzColumn;
    // drizzle-kit names view columns by the column's own name (no casing), without defaults or keys.
    const col = convertColumn(c, key, {
      adapter: a,
      enums: ctx.enums,
      tableName: cfg.name,
      pkColumns: new Set(),
    });
    col.name = c.name;
    if (col.codeName === undefined && key !== c.name) col.codeName = key;
    else if (col.codeName === c.name) delete col.codeName;
    delete col.default;
    delete col.onUpdate;
    if (!columns.some((x) => x.name === col.name)) columns.push(col);
  }
  const { text, tags } = parseDescription(decl?.description);
  const view: Table = {
    kind: cfg.materialized ? 'materialized-view' : 'view',
    schema: cfg.schema ?? null,
    name: cfg.name,
    tags,
    columns,
    uniques: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
  };
  if (!cfg.isExisting && cfg.query !== undefined && a.isSql(cfg.query)) view.definition = a.sql(cfg.query);
  if (input.codeName && input.codeName !== cfg.name) view.codeName = input.codeName;
  if (text) view.description = text;
  if (decl) view.source = { file: decl.file, line: decl.line };
  return view;
}
