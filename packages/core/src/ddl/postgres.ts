import { triggerMaintaining } from '../ir/objects.js';
import type {
  CheckConstraint,
  Column,
  Enum,
  ForeignKey,
  Index,
  Ir,
  PrimaryKey,
  Table,
  UniqueConstraint,
} from '../ir/types.js';
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
import { requiredExtensions } from './extensions.js';
import {
  commentLines,
  identList,
  qualifiedIdent,
  quoteIdent,
  sqlString,
  translateExpression,
} from './identifiers.js';
import {
  columnSequence,
  createPolicy,
  createRoles,
  createRoutine,
  createSequence,
  createTrigger,
  declaredSequences,
  executablePolicies,
  executableTriggers,
  identityOptions,
  rowLevelSecurity,
  sequenceOwnership,
  serialSequenceOptions,
  usesRelationType,
  viewsInDependencyOrder,
} from './postgresObjects.js';
import { mapColumnType } from './types.js';

const D = 'postgresql' as const;
const q = (name: string) => quoteIdent(D, name);
const x = (ir: Ir, expr: string) => translateExpression(ir.dialect, D, expr);

/**
 * The whole schema as PostgreSQL DDL, in an order where everything a statement needs exists
 * before it: extensions, schemas, roles, enum types, sequences, functions (with
 * `check_function_bodies` off, as pg_dump does, so a body may name tables created later), tables
 * with their indexes and comments, foreign keys, sequence ownership, views (one that reads another
 * after it), functions whose signature names a table's row type, triggers, row-level security,
 * policies.
 */
export function postgresDdl(ir: Ir): string {
  const { tables, views } = orderedRelations(ir);
  // Functions and sequences may live in a schema no table uses (a `util` or `private` schema).
  const objectSchemas = [...ir.routines, ...ir.sequences].flatMap((o) =>
    o.schema === null ? [] : [o.schema],
  );
  const schemas = [...new Set([...ir.namespaces, ...objectSchemas])]
    .filter((s) => s !== 'public')
    .map((s) => `CREATE SCHEMA IF NOT EXISTS ${q(s)};`);
  const enums = ir.enums.filter((e) => e.native).map(createEnum);
  const fks = tables.map((t) => foreignKeys(ir, t)).filter((s) => s !== '');
  const sequences = declaredSequences(ir);
  const early = ir.routines.filter((r) => !usesRelationType(ir, r));
  const late = ir.routines.filter((r) => usesRelationType(ir, r));
  const functions = early.map(createRoutine);
  if (early.some((r) => r.body !== undefined)) {
    functions.unshift('SET check_function_bodies = false;');
    functions.push('RESET check_function_bodies;');
  }
  return joinBlocks([
    ...section('Extensions', createExtensions(ir)),
    ...section('Schemas', schemas),
    ...section('Roles', createRoles(ir)),
    ...section('Enums', enums),
    ...section('Sequences', sequences.map(createSequence)),
    ...section('Functions', functions),
    ...section(
      'Tables',
      tables.map((t) => tableBlock(ir, t)),
    ),
    ...section('Foreign keys', fks),
    ...section('Sequence ownership', [
      ...sequences.map(sequenceOwnership).filter((s): s is string => s !== undefined),
      ...serialSequenceOptions(ir),
    ]),
    ...section(
      'Views',
      viewsInDependencyOrder(views).map((v) => viewBlock(ir, v)),
    ),
    ...section('Functions on row types', late.map(createRoutine)),
    ...section('Triggers', executableTriggers(ir).map(createTrigger)),
    ...section('Row-level security', rowLevelSecurity(tables)),
    ...section('Policies', executablePolicies(ir).map(createPolicy)),
  ]);
}

/** One table (CREATE TABLE, its indexes, comments and foreign keys) or one view. */
export function postgresTableDdl(ir: Ir, table: Table): string {
  if (table.kind !== 'table') return joinBlocks([viewBlock(ir, table)]);
  return joinBlocks([tableBlock(ir, table), foreignKeys(ir, table)]);
}

/** `CREATE EXTENSION IF NOT EXISTS` for each extension the schema relies on (its schema created first). */
function createExtensions(ir: Ir): string[] {
  const extensions = requiredExtensions(ir);
  if (extensions.length === 0) return [];
  const schemas = [
    ...new Set(extensions.flatMap((e) => (e.schema && e.schema !== 'public' ? [e.schema] : []))),
  ];
  return [
    [
      ...schemas.map((s) => `CREATE SCHEMA IF NOT EXISTS ${q(s)};`),
      ...extensions.map(
        (e) =>
          `CREATE EXTENSION IF NOT EXISTS ${q(e.name)}${e.schema ? ` WITH SCHEMA ${q(e.schema)}` : ''};${trailingComment([e.reason === 'declared' ? 'declared in the schema' : e.reason === 'inferred' ? 'installed by the ORM' : `for ${e.reason}`])}`,
      ),
    ].join('\n'),
  ];
}

function createEnum(e: Enum): string {
  const values = e.values.map((v) => sqlString(D, v.name)).join(', ');
  const lines = [`CREATE TYPE ${qualifiedIdent(D, e)} AS ENUM (${values});`];
  const comment = commentWithTags(e.description, e.tags);
  if (comment) lines.push(`COMMENT ON TYPE ${qualifiedIdent(D, e)} IS ${sqlString(D, comment)};`);
  return lines.join('\n');
}

function tableBlock(ir: Ir, table: Table): string {
  const name = qualifiedIdent(D, table);
  const items: Array<{ sql: string; comment?: string }> = table.columns.map((c) => columnLine(ir, table, c));
  if (table.primaryKey)
    items.push({ sql: `CONSTRAINT ${q(table.primaryKey.name)} ${primaryKeyDef(table.primaryKey)}` });
  for (const u of table.uniques) items.push({ sql: `CONSTRAINT ${q(u.name)} ${uniqueDef(u)}` });
  for (const c of table.checks) items.push({ sql: `CONSTRAINT ${q(c.name)} ${checkDef(ir, c)}` });
  const lines = [`CREATE TABLE ${name} (\n${joinBody(items)}\n);`];
  for (const ix of table.indexes) lines.push(createIndex(ir, table, ix));
  lines.push(...comments(table, 'TABLE'));
  return lines.join('\n');
}

function columnLine(ir: Ir, table: Table, column: Column): { sql: string; comment?: string } {
  // A non-native enum only the ORM checks (SQLAlchemy Enum(native_enum=False)) keeps the column's own type.
  const checked = enumOf(ir, column);
  const e = checked && !checked.native && checked.enforcedBy === 'orm' ? undefined : checked;
  const mapped = e ? undefined : mapColumnType(ir.dialect, D, column);
  let type = e
    ? e.native
      ? `${qualifiedIdent(D, e)}${column.type.isArray ? '[]' : ''}`
      : `text${column.type.isArray ? '[]' : ''}`
    : (mapped?.sql ?? column.type.sql);
  const parts = [q(column.name)];
  const d = column.default;
  if (d?.kind === 'sequence' && (d.style === 'serial' || d.style === 'auto-increment' || d.style === 'rowid'))
    type = serialType(type);
  parts.push(type);
  if (column.collation) parts.push(`COLLATE ${q(column.collation)}`);
  if (!column.nullable) parts.push('NOT NULL');
  // An identity column's sequence options (drizzle `generatedAlwaysAsIdentity({ startWith })`) go inline.
  const identity = () => identityOptions(columnSequence(ir, table, column.name));
  if (d?.kind === 'sequence' && d.style === 'identity-always')
    parts.push(`GENERATED ALWAYS AS IDENTITY${identity()}`);
  if (d?.kind === 'sequence' && d.style === 'identity-by-default')
    parts.push(`GENERATED BY DEFAULT AS IDENTITY${identity()}`);
  const rendered = column.generated ? {} : renderDefault(ir.dialect, D, column, type);
  if (column.generated)
    parts.push(
      `GENERATED ALWAYS AS (${x(ir, column.generated.expression)}) ${column.generated.stored ? 'STORED' : 'VIRTUAL'}`,
    );
  else if (rendered.clause) parts.push(`DEFAULT ${rendered.clause}`);
  if (e && !e.native)
    parts.push(`CHECK (${q(column.name)} IN (${e.values.map((v) => sqlString(D, v.name)).join(', ')}))`);
  return {
    sql: parts.join(' '),
    comment: trailingComment([
      mapped?.note,
      rendered.note,
      onUpdateNote(column, D),
      triggerNote(ir, table, column),
    ]),
  };
}

/** A column the ORM refreshes that a trigger keeps current too: which trigger. */
function triggerNote(ir: Ir, table: Table, column: Column): string | undefined {
  if (column.onUpdate?.kind !== 'orm' || ir.triggers.length === 0) return undefined;
  const trigger = triggerMaintaining(ir, table, column.name);
  return trigger ? `kept current for every writer by the trigger ${trigger.name}` : undefined;
}

function serialType(type: string): string {
  if (/^(bigint|int8)$/.test(type)) return 'bigserial';
  if (/^(smallint|int2)$/.test(type)) return 'smallserial';
  if (/^(integer|int|int4)$/.test(type)) return 'serial';
  return type;
}

/** `PRIMARY KEY (a, b)`, as `pg_get_constraintdef` prints it. */
export function primaryKeyDef(pk: PrimaryKey): string {
  return `PRIMARY KEY (${identList(D, pk.columns)})`;
}

/** `UNIQUE [NULLS NOT DISTINCT] (a, b)`, as `pg_get_constraintdef` prints it. */
export function uniqueDef(u: UniqueConstraint): string {
  return `UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(D, u.columns)})`;
}

/** `CHECK (expression)`. */
export function checkDef(ir: Ir, c: CheckConstraint): string {
  return `CHECK (${x(ir, c.expression)})`;
}

/** `FOREIGN KEY (a) REFERENCES t (b) ON DELETE ... ON UPDATE ... [DEFERRABLE ...]`. */
export function foreignKeyDef(fk: ForeignKey): string {
  let sql = `FOREIGN KEY (${identList(D, fk.columns)}) REFERENCES ${qualifiedIdent(D, fk.references)} (${identList(D, fk.references.columns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
  if (fk.deferrable)
    sql += ` DEFERRABLE INITIALLY ${fk.deferrable === 'initially-deferred' ? 'DEFERRED' : 'IMMEDIATE'}`;
  return sql;
}

/** `CREATE [UNIQUE] INDEX name ON table [USING method] (...) ...;` */
export function createIndex(ir: Ir, table: Table, ix: Index): string {
  const parts = ix.parts.map((p) => {
    const out = [p.column !== undefined ? q(p.column) : `(${x(ir, p.expression ?? '')})`];
    if (p.collation) out.push(`COLLATE ${q(p.collation)}`);
    if (p.opclass) out.push(p.opclass);
    if (p.order === 'desc') out.push('DESC');
    if (p.nulls) out.push(`NULLS ${p.nulls.toUpperCase()}`);
    return out.join(' ');
  });
  const method = ix.method && ix.method.toLowerCase() !== 'btree' ? ` USING ${ix.method.toLowerCase()}` : '';
  let sql = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${qualifiedIdent(D, table)}${method} (${parts.join(', ')})`;
  if (ix.include?.length) sql += ` INCLUDE (${identList(D, ix.include)})`;
  if (ix.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (ix.where) sql += ` WHERE ${x(ir, ix.where)}`;
  return `${sql};`;
}

function comments(table: Table, what: 'TABLE' | 'VIEW' | 'MATERIALIZED VIEW'): string[] {
  const out: string[] = [];
  const name = qualifiedIdent(D, table);
  const tc = commentWithTags(table.description, table.tags);
  if (tc) out.push(`COMMENT ON ${what} ${name} IS ${sqlString(D, tc)};`);
  for (const c of table.columns) {
    const cc = commentWithTags(c.description, c.tags);
    if (cc) out.push(`COMMENT ON COLUMN ${name}.${q(c.name)} IS ${sqlString(D, cc)};`);
  }
  return out;
}

/** ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY for database FKs; a comment for ORM-enforced ones. */
function foreignKeys(ir: Ir, table: Table): string {
  return table.foreignKeys.map((fk) => foreignKey(ir, table, fk)).join('\n');
}

function foreignKey(ir: Ir, table: Table, fk: ForeignKey): string {
  if (fk.enforcedBy === 'orm')
    return commentLines(ormForeignKeyNote(table, fk, ir.source.relationMode)).join('\n');
  return `ALTER TABLE ${qualifiedIdent(D, table)} ADD CONSTRAINT ${q(fk.name)} ${foreignKeyDef(fk)};`;
}

function viewBlock(ir: Ir, view: Table): string {
  const what = view.kind === 'materialized-view' ? 'MATERIALIZED VIEW' : 'VIEW';
  if (!view.definition)
    return commentLines(
      `${what} ${qualifiedIdent(D, view)}: definition unknown (the ORM only describes its columns: ${view.columns.map((c) => c.name).join(', ')})`,
    ).join('\n');
  const body = x(ir, view.definition.trim()).replace(/;\s*$/, '');
  return [`CREATE ${what} ${qualifiedIdent(D, view)} AS\n${body};`, ...comments(view, what)].join('\n');
}
