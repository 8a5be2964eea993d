import { commentWithTags } from '../ddl/_shared.js';
import { renderDefault } from '../ddl/defaults.js';
import { qualifiedIdent, quoteIdent } from '../ddl/identifiers.js';
import {
  checkDef,
  createIndex,
  foreignKeyDef,
  postgresTableDdl,
  primaryKeyDef,
  uniqueDef,
} from '../ddl/postgres.js';
import { createTrigger } from '../ddl/postgresObjects.js';
import { triggersOf } from '../ir/objects.js';
import type { Column, Dialect, Index, Ir, Table, TableRef } from '../ir/types.js';
import { isUniqueColumnSet } from '../relationships/derive.js';

/**
 * tbls's `schema.json` (https://github.com/k1LoW/tbls, `spec/tbls.schema.json_schema.json`): the
 * subset ormdoc knows. Every object is closed in tbls's JSON Schema (`additionalProperties: false`),
 * so these types list only tbls's own property names.
 */
export interface TblsSchema {
  name: string;
  tables: TblsTable[];
  relations: TblsRelation[];
  enums: TblsEnum[];
  driver: { name: string; meta?: { current_schema?: string; search_paths?: string[] } };
}

export interface TblsTable {
  name: string;
  type: 'BASE TABLE' | 'VIEW' | 'MATERIALIZED VIEW';
  comment?: string;
  columns: TblsColumn[];
  indexes: Array<{ name: string; def: string; table: string; columns: string[] }>;
  constraints: TblsConstraint[];
  triggers?: Array<{ name: string; def: string }>;
  def?: string;
}

export interface TblsColumn {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  extra_def?: string;
  comment?: string;
}

export interface TblsConstraint {
  name: string;
  type: 'PRIMARY KEY' | 'UNIQUE' | 'FOREIGN KEY' | 'CHECK';
  def: string;
  table: string;
  referenced_table?: string;
  columns: string[];
  referenced_columns?: string[];
}

export type TblsCardinality = 'zero_or_one' | 'exactly_one' | 'zero_or_more' | 'one_or_more';

export interface TblsRelation {
  table: string;
  columns: string[];
  cardinality: TblsCardinality;
  parent_table: string;
  parent_columns: string[];
  parent_cardinality: TblsCardinality;
  def: string;
  virtual?: boolean;
}

export interface TblsEnum {
  name: string;
  values: string[];
}

const DRIVERS: Record<Dialect, string> = {
  postgresql: 'postgres',
  cockroachdb: 'postgres',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'mssql',
};

const TABLE_TYPES = { table: 'BASE TABLE', view: 'VIEW', 'materialized-view': 'MATERIALIZED VIEW' } as const;

/**
 * The IR as tbls's `schema.json`, which Liam ERD (`liam erd build --format tbls`), tbls's own
 * `lint`/`coverage`/`out` and other viewers read. Names follow tbls's PostgreSQL driver: tables
 * and enums are `schema.name` (`public` when the IR has no schema). `def` strings are PostgreSQL
 * DDL (ormdoc's own renderer, as `pg_get_indexdef`/`pg_get_constraintdef` print them, whatever the
 * IR's dialect). Foreign keys only the ORM enforces are relations with `virtual: true` and no
 * constraint, as tbls's own virtual relations are. Deterministic: the IR's order is kept.
 */
export function toTblsSchema(ir: Ir): TblsSchema {
  const name = tblsNamer(ir);
  const postgresLike = ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';
  const relations: TblsRelation[] = [];
  for (const table of ir.tables)
    for (const fk of table.foreignKeys) {
      const columnsNullable = fk.columns.some(
        (c) => table.columns.find((x) => x.name === c)?.nullable ?? true,
      );
      relations.push({
        table: name(table),
        columns: [...fk.columns],
        cardinality: isUniqueColumnSet(table, fk.columns) ? 'zero_or_one' : 'zero_or_more',
        parent_table: name(fk.references),
        parent_columns: [...fk.references.columns],
        parent_cardinality: columnsNullable ? 'zero_or_one' : 'exactly_one',
        def: foreignKeyDef(fk),
        ...(fk.enforcedBy === 'orm' ? { virtual: true } : {}),
      });
    }
  return {
    name: ir.source.files[0] ?? ir.source.orm,
    tables: ir.tables.map((t) => tblsTable(ir, t, name)),
    relations,
    enums: ir.enums
      .filter((e) => e.native || !postgresLike)
      .map((e) => ({ name: name(e), values: e.values.map((v) => v.name) })),
    driver: {
      name: DRIVERS[ir.dialect],
      ...(postgresLike ? { meta: { current_schema: 'public', search_paths: ['public'] } } : {}),
    },
  };
}

/** tbls's name for a table or enum: PostgreSQL always `schema.name`, other drivers the bare name in the default schema. */
function tblsNamer(ir: Ir): (ref: TableRef) => string {
  const postgresLike = ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';
  return (ref) =>
    postgresLike
      ? `${ref.schema ?? 'public'}.${ref.name}`
      : ref.schema
        ? `${ref.schema}.${ref.name}`
        : ref.name;
}

function tblsTable(ir: Ir, table: Table, name: (ref: TableRef) => string): TblsTable {
  const tableName = name(table);
  const comment = commentWithTags(table.description, table.tags);
  const constraints: TblsConstraint[] = [];
  const pk = table.primaryKey;
  if (pk)
    constraints.push({
      name: pk.name,
      type: 'PRIMARY KEY',
      def: primaryKeyDef(pk),
      table: tableName,
      columns: [...pk.columns],
    });
  for (const fk of table.foreignKeys)
    if (fk.enforcedBy === 'database')
      constraints.push({
        name: fk.name,
        type: 'FOREIGN KEY',
        def: foreignKeyDef(fk),
        table: tableName,
        referenced_table: name(fk.references),
        columns: [...fk.columns],
        referenced_columns: [...fk.references.columns],
      });
  for (const u of table.uniques)
    constraints.push({
      name: u.name,
      type: 'UNIQUE',
      def: uniqueDef(u),
      table: tableName,
      columns: [...u.columns],
    });
  for (const c of table.checks)
    constraints.push({
      name: c.name,
      type: 'CHECK',
      def: checkDef(ir, c),
      table: tableName,
      columns: checkColumns(table, c.expression),
    });
  return {
    name: tableName,
    type: TABLE_TYPES[table.kind],
    ...(comment ? { comment } : {}),
    columns: table.columns.map((c) => tblsColumn(ir, table, c)),
    indexes: tblsIndexes(ir, table, tableName),
    constraints,
    ...tblsTriggers(ir, table),
    def: tableDef(ir, table),
  };
}

/** PostgreSQL backs each primary key and unique constraint with a unique index, which tbls lists among the indexes. */
function tblsIndexes(ir: Ir, table: Table, tableName: string): TblsTable['indexes'] {
  const backing: Index[] = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques].map((k) => ({
    name: k.name,
    nameExplicit: true,
    unique: true,
    parts: k.columns.map((column) => ({ column })),
    ...('nullsNotDistinct' in k && k.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  }));
  return [...backing, ...table.indexes].map((ix) => ({
    name: ix.name,
    def: indexDef(ir, table, ix),
    table: tableName,
    columns: ix.parts.flatMap((p) => (p.column !== undefined ? [p.column] : [])),
  }));
}

/** `CREATE INDEX name ON table USING method (...)`: ormdoc's DDL with the method always named, without `;`. */
function indexDef(ir: Ir, table: Table, ix: Index): string {
  const sql = createIndex(ir, table, ix).replace(/;$/, '');
  if (ix.method && ix.method.toLowerCase() !== 'btree') return sql;
  const on = ` ON ${qualifiedIdent('postgresql', table)} (`;
  return sql.replace(on, ` ON ${qualifiedIdent('postgresql', table)} USING btree (`);
}

/**
 * The columns a CHECK expression names (tbls lists them; PostgreSQL knows them from the parsed
 * expression): the identifiers of the expression, string literals left out, that are columns.
 */
function checkColumns(table: Table, expression: string): string[] {
  const idents = new Set<string>();
  const bare = expression.replace(/'(?:[^']|'')*'/g, ' ');
  for (const m of bare.matchAll(/"((?:[^"]|"")+)"|[A-Za-z_][A-Za-z0-9_$]*/g))
    idents.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[0]);
  return table.columns.map((c) => c.name).filter((n) => idents.has(n));
}

function tblsColumn(ir: Ir, table: Table, column: Column): TblsColumn {
  const comment = commentWithTags(column.description, column.tags);
  const d = column.default;
  let def: string | null = null;
  let extra: string | undefined;
  if (column.generated)
    extra = `GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`;
  else if (d?.kind === 'sequence') {
    if (d.style === 'identity-always') extra = 'GENERATED ALWAYS AS IDENTITY';
    else if (d.style === 'identity-by-default') extra = 'GENERATED BY DEFAULT AS IDENTITY';
    else {
      const seq = d.sequenceName ?? `${table.name}_${column.name}_seq`;
      const qualified =
        table.schema && table.schema !== 'public' ? `${quoteIdent('postgresql', table.schema)}.` : '';
      def = `nextval('${`${qualified}${quoteIdent('postgresql', seq)}`.replace(/'/g, "''")}'::regclass)`;
    }
  } else def = renderDefault(ir.dialect, 'postgresql', column, column.type.sql).clause ?? null;
  return {
    name: column.name,
    type: column.type.sql,
    nullable: column.nullable,
    default: def,
    ...(extra ? { extra_def: extra } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The table's triggers, `def` on one line as `pg_get_triggerdef` prints it (PostgreSQL only). */
function tblsTriggers(ir: Ir, table: Table): Pick<TblsTable, 'triggers'> {
  if (ir.dialect !== 'postgresql' && ir.dialect !== 'cockroachdb') return {};
  const triggers = triggersOf(ir, table);
  if (triggers.length === 0) return {};
  return {
    triggers: triggers.map((t) => ({
      name: t.name,
      def: createTrigger({ ...t, enabled: true })
        .replace(/\n\s*/g, ' ')
        .replace(/;$/, ''),
    })),
  };
}

/** Views as tbls prints them (`CREATE VIEW name AS (\n...\n)`); tables as ormdoc's CREATE TABLE. */
function tableDef(ir: Ir, table: Table): string {
  if (table.kind === 'table') return postgresTableDdl(ir, table).trimEnd();
  const what = table.kind === 'view' ? 'VIEW' : 'MATERIALIZED VIEW';
  const body = table.definition?.trim().replace(/;\s*$/, '') ?? '';
  return `CREATE ${what} ${table.name} AS (\n${body}\n)`;
}
