import type { Column, ForeignKey, Index, Ir, Table } from '../ir/types.js';
import {
  commentWithTags,
  enumOf,
  joinBlocks,
  joinBody,
  onUpdateNote,
  orderedRelations,
  ormForeignKeyNote,
  section,
  trailingComment,
} from './_shared.js';
import { renderDefault } from './defaults.js';
import {
  commentLines,
  commentText,
  identList,
  quoteIdent,
  sqlString,
  translateExpression,
} from './identifiers.js';
import { mapColumnType } from './types.js';

const D = 'sqlite' as const;
const q = (name: string) => quoteIdent(D, name);
const x = (ir: Ir, expr: string) => translateExpression(ir.dialect, D, expr);

/**
 * The whole schema as SQLite DDL: no schemas (names without prefix), enums as TEXT + CHECK,
 * `INTEGER PRIMARY KEY AUTOINCREMENT` for generated keys, foreign keys inline in CREATE TABLE
 * (SQLite cannot add them later), descriptions as SQL comments.
 */
export function sqliteDdl(ir: Ir): string {
  const { tables, views } = orderedRelations(ir);
  const header = ir.namespaces.length
    ? commentLines(
        `SQLite has no schemas: the tables of ${ir.namespaces.join(', ')} are created without a schema prefix.`,
      ).join('\n')
    : '';
  return joinBlocks([
    header,
    ...section(
      'Tables',
      tables.map((t) => tableBlock(ir, t)),
    ),
    ...section(
      'Views',
      views.map((v) => viewBlock(ir, v)),
    ),
  ]);
}

export function sqliteTableDdl(ir: Ir, table: Table): string {
  return joinBlocks([table.kind === 'table' ? tableBlock(ir, table) : viewBlock(ir, table)]);
}

/**
 * The single integer primary-key column the database numbers itself, if any: `INTEGER PRIMARY KEY`
 * (a rowid alias) for style `rowid`, `INTEGER PRIMARY KEY AUTOINCREMENT` for every other sequence
 * style (SQLite's AUTOINCREMENT never reuses ids, like a sequence).
 */
function autoIncrementColumn(table: Table): Column | undefined {
  const pk = table.primaryKey?.columns;
  if (pk?.length !== 1) return undefined;
  const column = table.columns.find((c) => c.name === pk[0]);
  if (column?.default?.kind !== 'sequence') return undefined;
  return column.type.category === 'integer' || column.type.category === 'bigint' ? column : undefined;
}

function tableBlock(ir: Ir, table: Table): string {
  const auto = autoIncrementColumn(table);
  const items: Array<{ sql: string; comment?: string }> = table.columns.map((c) =>
    columnLine(ir, c, c === auto),
  );
  if (table.primaryKey && !auto)
    items.push({
      sql: `CONSTRAINT ${q(table.primaryKey.name)} PRIMARY KEY (${identList(D, table.primaryKey.columns)})`,
    });
  for (const u of table.uniques)
    items.push({ sql: `CONSTRAINT ${q(u.name)} UNIQUE (${identList(D, u.columns)})` });
  for (const c of table.checks) items.push({ sql: `CONSTRAINT ${q(c.name)} CHECK (${x(ir, c.expression)})` });
  const before: string[] = [];
  const tc = commentWithTags(table.description, table.tags);
  if (tc) before.push(...commentLines(tc));
  for (const fk of table.foreignKeys) {
    if (fk.enforcedBy === 'orm')
      before.push(...commentLines(ormForeignKeyNote(table, fk, ir.source.relationMode)));
    else items.push(foreignKey(fk));
  }
  const lines = [...before, `CREATE TABLE ${q(table.name)} (\n${joinBody(items)}\n);`];
  for (const ix of table.indexes) lines.push(createIndex(ir, table, ix));
  return lines.join('\n');
}

function columnLine(ir: Ir, column: Column, autoIncrement: boolean): { sql: string; comment?: string } {
  const e = enumOf(ir, column);
  // A database-checked enum becomes TEXT + CHECK; one only the ORM checks keeps the column's own type.
  const checkedEnum = e && !column.type.isArray && e.enforcedBy !== 'orm';
  const mapped = checkedEnum ? undefined : mapColumnType(ir.dialect, D, column);
  const type = autoIncrement ? 'INTEGER' : checkedEnum ? 'TEXT' : (mapped?.sql ?? column.type.sql);
  const parts = [q(column.name), type];
  const notes: Array<string | undefined> = [mapped?.note];
  if (!column.nullable) parts.push('NOT NULL');
  if (autoIncrement)
    parts.push(
      column.default?.kind === 'sequence' && column.default.style === 'rowid'
        ? 'PRIMARY KEY'
        : 'PRIMARY KEY AUTOINCREMENT',
    );
  else if (column.default?.kind === 'sequence')
    notes.push(`${column.default.style} key: SQLite only auto-increments a single INTEGER PRIMARY KEY`);
  if (column.collation) parts.push(`COLLATE ${q(column.collation)}`);
  const rendered = column.generated ? {} : renderDefault(ir.dialect, D, column, type);
  if (column.generated)
    parts.push(
      `GENERATED ALWAYS AS (${x(ir, column.generated.expression)}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`,
    );
  else if (rendered.clause) parts.push(`DEFAULT ${rendered.clause}`);
  if (e && !column.type.isArray) {
    // An enum only the ORM enforces (drizzle's text({ enum })) gets no CHECK: document what the database has.
    if (e.enforcedBy === 'orm')
      notes.push(`values limited by the ORM to ${e.values.map((v) => v.name).join(', ')}`);
    else parts.push(`CHECK (${q(column.name)} IN (${e.values.map((v) => sqlString(D, v.name)).join(', ')}))`);
  }
  notes.push(rendered.note, onUpdateNote(column, D), commentWithTags(column.description, column.tags));
  return { sql: parts.join(' '), comment: trailingComment(notes) };
}

function foreignKey(fk: ForeignKey): { sql: string } {
  let sql = `CONSTRAINT ${q(fk.name)} FOREIGN KEY (${identList(D, fk.columns)}) REFERENCES ${q(fk.references.name)} (${identList(D, fk.references.columns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
  if (fk.deferrable)
    sql += ` DEFERRABLE INITIALLY ${fk.deferrable === 'initially-deferred' ? 'DEFERRED' : 'IMMEDIATE'}`;
  return { sql };
}

function createIndex(ir: Ir, table: Table, ix: Index): string {
  const notes: string[] = [];
  const parts = ix.parts.map((p) => {
    let s = p.column !== undefined ? q(p.column) : `(${x(ir, p.expression ?? '')})`;
    if (p.collation) s += ` COLLATE ${q(p.collation)}`;
    if (p.order === 'desc') s += ' DESC';
    if (p.opclass) notes.push(`operator class ${p.opclass}`);
    if (p.nulls) notes.push(`NULLS ${p.nulls.toUpperCase()}`);
    if (p.length) notes.push(`prefix length ${p.length}`);
    return s;
  });
  if (ix.method && ix.method.toLowerCase() !== 'btree') notes.push(`method ${ix.method}`);
  if (ix.include?.length) notes.push(`INCLUDE (${ix.include.join(', ')})`);
  let sql = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${q(table.name)} (${parts.join(', ')})`;
  if (ix.where) sql += ` WHERE ${x(ir, ix.where)}`;
  sql += ';';
  return notes.length
    ? `${sql} -- ${commentText(`not supported by SQLite, left out: ${notes.join('; ')}`)}`
    : sql;
}

function viewBlock(ir: Ir, view: Table): string {
  if (!view.definition)
    return commentLines(
      `view ${view.name}: definition unknown (columns: ${view.columns.map((c) => c.name).join(', ')})`,
    ).join('\n');
  const before = commentWithTags(view.description, view.tags);
  return [
    ...(before ? commentLines(before) : []),
    `CREATE VIEW ${q(view.name)} AS\n${x(ir, view.definition.trim()).replace(/;\s*$/, '')};`,
  ].join('\n');
}
