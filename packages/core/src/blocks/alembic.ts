import { findTable, qualifiedName } from '../ir/names.js';
import type { Enum, Index, Ir, Table, TableRef } from '../ir/types.js';
import { dependencyOrder } from '../relationships/order.js';
import { pyString } from './_names.js';
import { enumVar, fkArgs, indexArgs, saColumnExtras, saType } from './_python.js';

const pg = (ir: Ir) => ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';
const list = (xs: string[]) => `[${xs.map(pyString).join(', ')}]`;
const schemaKw = (t: { schema: string | null }) => (t.schema ? [`schema=${pyString(t.schema)}`] : []);

function target(ref: TableRef, column: string): string {
  return qualifiedName(ref) === ref.name ? `${ref.name}.${column}` : `${ref.schema}.${ref.name}.${column}`;
}

function createTable(ir: Ir, table: Table, later: Set<string>): string {
  const items: string[] = [];
  for (const column of table.columns) {
    const { args, kwargs } = saColumnExtras(column, 'migration');
    const type = saType(ir, column, (e) => enumVar(e));
    items.push(
      `sa.Column(${[pyString(column.name), type, ...args, `nullable=${column.nullable ? 'True' : 'False'}`, ...kwargs].join(', ')})`,
    );
  }
  if (table.primaryKey)
    items.push(
      `sa.PrimaryKeyConstraint(${[...table.primaryKey.columns.map(pyString), `name=${pyString(table.primaryKey.name)}`].join(', ')})`,
    );
  for (const u of table.uniques)
    items.push(`sa.UniqueConstraint(${[...u.columns.map(pyString), `name=${pyString(u.name)}`].join(', ')})`);
  for (const fk of table.foreignKeys) {
    if (fk.enforcedBy === 'orm' || later.has(fk.name)) continue;
    const refs = fk.references.columns.map((c) => target(fk.references, c));
    items.push(
      `sa.ForeignKeyConstraint(${[list(fk.columns), list(refs), `name=${pyString(fk.name)}`, ...fkArgs(fk)].join(', ')})`,
    );
  }
  for (const c of table.checks)
    items.push(`sa.CheckConstraint(${pyString(c.expression)}, name=${pyString(c.name)})`);
  const kw = [...schemaKw(table), ...(table.description ? [`comment=${pyString(table.description)}`] : [])];
  return [
    '    op.create_table(',
    `        ${pyString(table.name)},`,
    ...[...items, ...kw].map((i) => `        ${i},`),
    '    )',
  ].join('\n');
}

function createIndex(table: Table, ix: Index): string {
  const { columns, kwargs } = indexArgs(ix);
  const kw = [`unique=${ix.unique ? 'True' : 'False'}`, ...schemaKw(table), ...kwargs];
  return `    op.create_index(${[pyString(ix.name), pyString(table.name), `[${columns.join(', ')}]`, ...kw].join(', ')})`;
}

function enumDef(ir: Ir, e: Enum): string {
  const values = e.values.map((v) => pyString(v.name)).join(', ');
  const schema = e.schema ? `, schema=${pyString(e.schema)}` : '';
  return pg(ir)
    ? `${enumVar(e)} = postgresql.ENUM(${values}, name=${pyString(e.name)}${schema}, create_type=False)`
    : `${enumVar(e)} = sa.Enum(${values}, name=${pyString(e.name)})`;
}

/**
 * An Alembic revision that creates the whole schema: enum types first (PostgreSQL: created once,
 * reused by every table), `op.create_table(...)` in FK-safe order with keys, checks, comments,
 * identities and server defaults, then indexes, foreign keys that close a cycle, and views;
 * `downgrade()` drops everything in reverse order. ORM-enforced foreign keys are not created.
 * Deterministic: fixed revision id, no date.
 */
export function alembicMigration(ir: Ir, options: { revision?: string; message?: string } = {}): string {
  const revision = options.revision ?? '0001_initial';
  const { order, cycleForeignKeys } = dependencyOrder(ir);
  const later = new Set(cycleForeignKeys.map((c) => c.foreignKey));
  const tables = order.map((r) => findTable(ir, r)).filter((t): t is Table => t !== undefined);
  const views = ir.tables.filter((t) => t.kind !== 'table');
  const schemas = [
    ...new Set(ir.tables.map((t) => t.schema).filter((s): s is string => s !== null && s !== 'public')),
  ].sort();
  const up: string[] = [];
  const down: string[] = [];
  if (pg(ir))
    for (const s of schemas) up.push(`    op.execute(${pyString(`CREATE SCHEMA IF NOT EXISTS "${s}"`)})`);
  if (pg(ir)) for (const e of ir.enums) up.push(`    ${enumVar(e)}.create(op.get_bind(), checkfirst=True)`);
  for (const t of tables) up.push(createTable(ir, t, later));
  for (const t of tables) for (const ix of t.indexes) up.push(createIndex(t, ix));
  for (const { table: ref, foreignKey } of cycleForeignKeys) {
    const t = findTable(ir, ref);
    const fk = t?.foreignKeys.find((f) => f.name === foreignKey);
    if (!t || !fk || fk.enforcedBy === 'orm') continue;
    const kw = [
      ...(t.schema ? [`source_schema=${pyString(t.schema)}`] : []),
      ...(fk.references.schema ? [`referent_schema=${pyString(fk.references.schema)}`] : []),
      ...fkArgs(fk),
    ];
    up.push(
      `    op.create_foreign_key(${[pyString(fk.name), pyString(t.name), pyString(fk.references.name), list(fk.columns), list(fk.references.columns), ...kw].join(', ')})`,
    );
    down.push(
      `    op.drop_constraint(${[pyString(fk.name), pyString(t.name), "type_='foreignkey'", ...schemaKw(t)].join(', ')})`,
    );
  }
  for (const v of views) {
    if (!v.definition) {
      up.push(`    # view ${qualifiedName(v)}: no definition known; create it by hand`);
      continue;
    }
    const name = v.schema ? `"${v.schema}"."${v.name}"` : `"${v.name}"`;
    const kind = v.kind === 'materialized-view' ? 'MATERIALIZED VIEW' : 'VIEW';
    up.push(`    op.execute(${pyString(`CREATE ${kind} ${name} AS ${v.definition}`)})`);
    down.unshift(`    op.execute(${pyString(`DROP ${kind} IF EXISTS ${name}`)})`);
  }
  for (const t of [...tables].reverse()) {
    for (const ix of [...t.indexes].reverse())
      down.push(
        `    op.drop_index(${[pyString(ix.name), `table_name=${pyString(t.name)}`, ...schemaKw(t)].join(', ')})`,
      );
    down.push(`    op.drop_table(${[pyString(t.name), ...schemaKw(t)].join(', ')})`);
  }
  if (pg(ir))
    for (const e of [...ir.enums].reverse())
      down.push(`    ${enumVar(e)}.drop(op.get_bind(), checkfirst=True)`);
  if (pg(ir))
    for (const s of [...schemas].reverse())
      down.push(`    op.execute(${pyString(`DROP SCHEMA IF EXISTS "${s}"`)})`);
  const message = options.message ?? `Initial schema (generated by ormdoc from the ${ir.source.orm} schema)`;
  return [
    `"""${message.replace(/"""/g, "'''")}`,
    '',
    `Revision ID: ${revision}`,
    'Revises:',
    '"""',
    'import sqlalchemy as sa',
    'from alembic import op',
    ...(pg(ir) ? ['from sqlalchemy.dialects import postgresql'] : []),
    '',
    `revision = ${pyString(revision)}`,
    'down_revision = None',
    'branch_labels = None',
    'depends_on = None',
    '',
    ...ir.enums.map((e) => enumDef(ir, e)),
    ...(ir.enums.length > 0 ? [''] : []),
    '',
    'def upgrade() -> None:',
    ...(up.length > 0 ? up : ['    pass']),
    '',
    '',
    'def downgrade() -> None:',
    ...(down.length > 0 ? down : ['    pass']),
    '',
  ].join('\n');
}
