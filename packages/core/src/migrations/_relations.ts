import type {
  AlterTableCmd,
  AlterTableStmt,
  ColumnDef,
  Constraint,
  CreateStmt,
  CreateTableAsStmt,
  Node,
  ViewStmt,
} from '@pgsql/types';
import type { TableRef } from '../ir/types.js';
import { columnsMentioned, fieldsOf, strings, tableRef } from './_nodes.js';
import { type MigrationState, relKey, type StatementContext } from './_state.js';
import { type ViewShape, viewShape } from './_viewColumns.js';

/** CREATE VIEW, CREATE MATERIALIZED VIEW, CREATE TABLE (its named CHECKs), ALTER TABLE (RLS, checks, triggers). */

export function createView(state: MigrationState, s: ViewStmt, ctx: StatementContext): void {
  const ref = tableRef(s.view);
  if (!s.query || s.view?.relpersistence === 't') return;
  const columnNames = strings(s.aliases);
  state.views.set(relKey(ref), {
    schema: ref.schema,
    name: ref.name,
    kind: 'view',
    definition: ctx.deparse(s.query, true),
    ...(columnNames.length ? { columnNames } : {}),
    ...shapeOf(s.query, ctx),
    source: { file: ctx.file, line: ctx.line },
  });
}

function shapeOf(query: Node, ctx: StatementContext): { shape?: ViewShape } {
  const shape = viewShape(query, (t) => ctx.deparse({ TypeName: t }));
  return shape ? { shape } : {};
}

/** CREATE MATERIALIZED VIEW; true when the statement was one (CREATE TABLE AS is left to the caller). */
export function createMaterializedView(
  state: MigrationState,
  s: CreateTableAsStmt,
  ctx: StatementContext,
): boolean {
  if (s.objtype !== 'OBJECT_MATVIEW') return false;
  const ref = tableRef(s.into?.rel);
  if (!s.query) return true;
  if (s.if_not_exists && state.views.has(relKey(ref))) return true;
  const columnNames = strings(s.into?.colNames);
  state.views.set(relKey(ref), {
    schema: ref.schema,
    name: ref.name,
    kind: 'materialized-view',
    definition: ctx.deparse(s.query, true),
    ...(columnNames.length ? { columnNames } : {}),
    ...shapeOf(s.query, ctx),
    source: { file: ctx.file, line: ctx.line },
  });
  return true;
}

function addCheck(state: MigrationState, table: TableRef, c: Constraint, ctx: StatementContext): void {
  if (c.contype !== 'CONSTR_CHECK' || !c.conname || !c.raw_expr) return;
  state.checks.set(`${relKey(table)}\u0000${c.conname}`, {
    table,
    check: { name: c.conname, nameExplicit: true, expression: ctx.deparse(c.raw_expr) },
    columns: [...columnsMentioned(c.raw_expr)].sort(),
  });
}

/** CREATE TABLE: a new table (whatever an earlier one of that name left goes), with its named CHECKs. */
export function createTable(state: MigrationState, s: CreateStmt, ctx: StatementContext): void {
  const table = tableRef(s.relation);
  if (s.if_not_exists && [...state.checks.values()].some((c) => relKey(c.table) === relKey(table))) return;
  if (!s.if_not_exists) state.dropRelation(table);
  for (const el of s.tableElts ?? []) {
    const c = fieldsOf<Constraint>(el, 'Constraint');
    if (c) addCheck(state, table, c, ctx);
    const col = fieldsOf<ColumnDef>(el, 'ColumnDef');
    for (const cc of col?.constraints ?? []) {
      const inline = fieldsOf<Constraint>(cc, 'Constraint');
      if (inline) addCheck(state, table, inline, ctx);
    }
  }
}

function setRls(
  state: MigrationState,
  table: TableRef,
  change: { enabled?: boolean; forced?: boolean },
  ctx: StatementContext,
) {
  const key = relKey(table);
  const before = state.rls.get(key)?.rls ?? { enabled: false, forced: false };
  state.rls.set(key, {
    table,
    rls: {
      enabled: change.enabled ?? before.enabled,
      forced: change.forced ?? before.forced,
      declaredIn: 'migration',
      source: { file: ctx.file, line: ctx.line },
    },
  });
}

function setTriggers(state: MigrationState, table: TableRef, name: string | undefined, enabled: boolean) {
  const key = relKey(table);
  for (const [k, t] of state.triggers)
    if (relKey(t.table) === key && (name === undefined || t.name === name))
      state.triggers.set(k, { ...t, enabled });
}

/** ALTER TABLE: row-level security, CHECK constraints, DROP COLUMN (drops the checks on it), ENABLE/DISABLE TRIGGER. */
export function alterTable(state: MigrationState, s: AlterTableStmt, ctx: StatementContext): void {
  const table = tableRef(s.relation);
  for (const n of s.cmds ?? []) {
    const cmd = fieldsOf<AlterTableCmd>(n as Node, 'AlterTableCmd');
    if (!cmd) continue;
    switch (cmd.subtype) {
      case 'AT_EnableRowSecurity':
        setRls(state, table, { enabled: true }, ctx);
        break;
      case 'AT_DisableRowSecurity':
        setRls(state, table, { enabled: false }, ctx);
        break;
      case 'AT_ForceRowSecurity':
        setRls(state, table, { forced: true }, ctx);
        break;
      case 'AT_NoForceRowSecurity':
        setRls(state, table, { forced: false }, ctx);
        break;
      case 'AT_AddConstraint': {
        const c = fieldsOf<Constraint>(cmd.def, 'Constraint');
        if (c) addCheck(state, table, c, ctx);
        break;
      }
      case 'AT_DropConstraint':
        state.checks.delete(`${relKey(table)}\u0000${cmd.name ?? ''}`);
        break;
      case 'AT_DropColumn':
        // PostgreSQL drops a CHECK with any column it involves.
        for (const [k, c] of [...state.checks])
          if (relKey(c.table) === relKey(table) && c.columns.includes(cmd.name ?? '')) state.checks.delete(k);
        for (const [k, c] of [...state.comments])
          if (relKey(c.table) === relKey(table) && c.column === cmd.name) state.comments.delete(k);
        break;
      case 'AT_EnableTrig':
      case 'AT_EnableAlwaysTrig':
      case 'AT_EnableReplicaTrig':
        setTriggers(state, table, cmd.name, true);
        break;
      case 'AT_DisableTrig':
        setTriggers(state, table, cmd.name, false);
        break;
      case 'AT_EnableTrigAll':
      case 'AT_EnableTrigUser':
        setTriggers(state, table, undefined, true);
        break;
      case 'AT_DisableTrigAll':
      case 'AT_DisableTrigUser':
        setTriggers(state, table, undefined, false);
        break;
    }
  }
}
