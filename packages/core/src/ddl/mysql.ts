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
  qualifiedIdent,
  quoteIdent,
  sqlString,
  translateExpression,
} from './identifiers.js';
import { mapColumnType } from './types.js';

const D = 'mysql' as const;
const q = (name: string) => quoteIdent(D, name);
const x = (ir: Ir, expr: string) => translateExpression(ir.dialect, D, expr);

/** The whole schema as MySQL 8 DDL: databases for namespaces, tables with inline ENUMs, indexes, foreign keys, views. */
export function mysqlDdl(ir: Ir): string {
  const { tables, views } = orderedRelations(ir);
  const schemas = ir.namespaces.map((s) => `CREATE DATABASE IF NOT EXISTS ${q(s)};`);
  const fks = tables.map((t) => foreignKeys(ir, t)).filter((s) => s !== '');
  return joinBlocks([
    ...section('Databases (namespaces)', schemas),
    ...section(
      'Tables',
      tables.map((t) => tableBlock(ir, t)),
    ),
    ...section('Foreign keys', fks),
    ...section(
      'Views',
      views.map((v) => viewBlock(ir, v)),
    ),
  ]);
}

export function mysqlTableDdl(ir: Ir, table: Table): string {
  if (table.kind !== 'table') return joinBlocks([viewBlock(ir, table)]);
  return joinBlocks([tableBlock(ir, table), foreignKeys(ir, table)]);
}

function tableBlock(ir: Ir, table: Table): string {
  const items: Array<{ sql: string; comment?: string }> = table.columns.map((c) => columnLine(ir, table, c));
  if (table.primaryKey) items.push({ sql: `PRIMARY KEY (${identList(D, table.primaryKey.columns)})` });
  for (const u of table.uniques)
    items.push({ sql: `CONSTRAINT ${q(u.name)} UNIQUE (${identList(D, u.columns)})` });
  for (const c of table.checks) items.push({ sql: `CONSTRAINT ${q(c.name)} CHECK (${x(ir, c.expression)})` });
  const tc = commentWithTags(table.description, table.tags);
  const lines = [
    `CREATE TABLE ${qualifiedIdent(D, table)} (\n${joinBody(items)}\n)${tc ? ` COMMENT=${sqlString(D, tc)}` : ''};`,
  ];
  for (const ix of table.indexes) lines.push(createIndex(ir, table, ix));
  return lines.join('\n');
}

/** The MySQL type of a column: an inline ENUM(...) for enums, else the mapped type. */
function columnType(ir: Ir, column: Column): string {
  const e = checkedEnum(ir, column);
  if (e && !column.type.isArray) return `enum(${e.values.map((v) => sqlString(D, v.name)).join(',')})`;
  return mapColumnType(ir.dialect, D, column).sql;
}

/** The column's enum, unless only the ORM checks it (SQLAlchemy Enum(native_enum=False)): that keeps its own type. */
function checkedEnum(ir: Ir, column: Column) {
  const e = enumOf(ir, column);
  return e && !e.native && e.enforcedBy === 'orm' ? undefined : e;
}

function columnLine(ir: Ir, table: Table, column: Column): { sql: string; comment?: string } {
  const e = checkedEnum(ir, column);
  const mapped = e && !column.type.isArray ? undefined : mapColumnType(ir.dialect, D, column);
  const type =
    e && !column.type.isArray
      ? `enum(${e.values.map((v) => sqlString(D, v.name)).join(',')})`
      : (mapped?.sql ?? column.type.sql);
  const parts = [q(column.name), type];
  if (column.collation) parts.push(`COLLATE ${q(column.collation)}`);
  const d = column.default;
  if (column.generated)
    parts.push(
      `GENERATED ALWAYS AS (${x(ir, column.generated.expression)}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`,
    );
  // MariaDB rejects NULL after a generated column (MySQL accepts it); NULL is the default in both.
  if (!column.nullable || !column.generated) parts.push(column.nullable ? 'NULL' : 'NOT NULL');
  const rendered = column.generated ? {} : renderDefault(ir.dialect, D, column, type);
  if (d?.kind === 'sequence') {
    const single = table.primaryKey?.columns.length === 1 && table.primaryKey.columns[0] === column.name;
    if (
      single ||
      table.uniques.some((u) => u.columns[0] === column.name) ||
      table.indexes.some((i) => i.parts[0]?.column === column.name)
    )
      parts.push('AUTO_INCREMENT');
  } else if (rendered.clause) parts.push(`DEFAULT ${rendered.clause}`);
  if (column.onUpdate?.kind === 'sql') parts.push(`ON UPDATE ${column.onUpdate.expression}`);
  const cc = commentWithTags(column.description, column.tags);
  if (cc) parts.push(`COMMENT ${sqlString(D, cc)}`);
  return {
    sql: parts.join(' '),
    comment: trailingComment([mapped?.note, rendered.note, onUpdateNote(column, D)]),
  };
}

const MYSQL_METHODS = ['hash', 'btree', 'fulltext', 'spatial'];

/** CREATE INDEX for MySQL; what MySQL cannot index is said in a comment (or the index is commented out). */
function createIndex(ir: Ir, table: Table, ix: Index): string {
  const notes: string[] = [];
  let unusable: string | undefined;
  const method = ix.method?.toLowerCase();
  const kind =
    method === 'fulltext' ? 'FULLTEXT ' : method === 'spatial' ? 'SPATIAL ' : ix.unique ? 'UNIQUE ' : '';
  const parts = ix.parts.map((p) => {
    let s: string;
    if (p.column !== undefined) {
      const column = table.columns.find((c) => c.name === p.column);
      const type = column ? columnType(ir, column).toLowerCase() : '';
      let length = p.length;
      if (/^json\b/.test(type) && kind !== 'FULLTEXT ')
        unusable = `JSON column ${p.column} cannot be indexed`;
      else if (/^(tiny|medium|long)?(text|blob)\b/.test(type) && !length && kind === '') {
        length = 255;
        notes.push(`prefix length 255 added for ${type} column ${p.column}`);
      }
      s = `${q(p.column)}${length ? `(${length})` : ''}`;
    } else s = `(${x(ir, p.expression ?? '')})`;
    if (p.order === 'desc') s += ' DESC';
    if (p.opclass) notes.push(`operator class ${p.opclass} left out`);
    if (p.nulls) notes.push(`NULLS ${p.nulls.toUpperCase()} left out`);
    return s;
  });
  if (method && !MYSQL_METHODS.includes(method)) unusable = `MySQL has no ${method} index`;
  if (ix.where) notes.push(`partial index WHERE ${ix.where} left out (MySQL has none)`);
  if (ix.include?.length) notes.push(`INCLUDE (${ix.include.join(', ')}) left out`);
  const using = method === 'hash' || method === 'btree' ? ` USING ${method.toUpperCase()}` : '';
  const sql = `CREATE ${kind}INDEX ${q(ix.name)} ON ${qualifiedIdent(D, table)} (${parts.join(', ')})${using};`;
  if (unusable) return `-- ${commentText(`${sql} (${unusable}; not created)`)}`;
  return notes.length ? `${sql} -- ${commentText(notes.join('; '))}` : sql;
}

function foreignKeys(ir: Ir, table: Table): string {
  return table.foreignKeys.map((fk) => foreignKey(ir, table, fk)).join('\n');
}

function foreignKey(ir: Ir, table: Table, fk: ForeignKey): string {
  if (fk.enforcedBy === 'orm')
    return commentLines(ormForeignKeyNote(table, fk, ir.source.relationMode)).join('\n');
  if (table.schema !== null && fk.references.schema === null)
    return commentLines(
      `${fk.name}: ${table.schema}.${table.name}(${fk.columns.join(', ')}) -> ${fk.references.name}(${fk.references.columns.join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate} not created: MySQL looks up an unqualified REFERENCES table in the database of ${table.schema}, and the default database has no name here; add it by hand with the database name`,
    ).join('\n');
  const notes: string[] = [];
  const action = (a: ForeignKey['onDelete'], what: string) => {
    if (a !== 'SET DEFAULT') return a;
    notes.push(`ON ${what} SET DEFAULT is not supported by InnoDB, written as NO ACTION`);
    return 'NO ACTION';
  };
  if (fk.deferrable) notes.push('MySQL cannot defer constraint checks');
  const sql = `ALTER TABLE ${qualifiedIdent(D, table)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${identList(D, fk.columns)}) REFERENCES ${qualifiedIdent(D, fk.references)} (${identList(D, fk.references.columns)}) ON DELETE ${action(fk.onDelete, 'DELETE')} ON UPDATE ${action(fk.onUpdate, 'UPDATE')};`;
  return notes.length ? `${sql} -- ${commentText(notes.join('; '))}` : sql;
}

function viewBlock(ir: Ir, view: Table): string {
  if (view.kind === 'materialized-view' || !view.definition)
    return commentLines(
      `${view.kind === 'materialized-view' ? 'materialized view (not supported by MySQL)' : 'view'} ${qualifiedIdent(D, view)}${view.definition ? `: ${view.definition}` : ': definition unknown'}`,
    ).join('\n');
  return `CREATE VIEW ${qualifiedIdent(D, view)} AS\n${x(ir, view.definition.trim()).replace(/;\s*$/, '')};`;
}
