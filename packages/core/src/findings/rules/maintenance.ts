import { qualifiedName } from '../../ir/names.js';
import type { Column, Table } from '../../ir/types.js';
import { junctionForeignKeys } from '../../relationships/derive.js';
import { type At, defineRule } from '../_rule.js';
import {
  columnsLabel,
  hasLeadingKey,
  indexFix,
  keysOf,
  mentionsColumn,
  nameTokens,
  sqlIdent,
  sqlTable,
} from '../_util.js';
import type { Finding, RuleContext } from '../types.js';

const tokens = (c: Column) => nameTokens(c.name).join('_');

const CREATED = new Set([
  'created_at',
  'created_on',
  'created',
  'inserted_at',
  'creation_date',
  'date_created',
  'create_time',
  'created_time',
]);
const UPDATED = new Set([
  'updated_at',
  'updated_on',
  'modified_at',
  'modified_on',
  'last_modified',
  'last_modified_at',
  'update_time',
  'updated_time',
  'date_modified',
]);
const SOFT_DELETE = new Set(['deleted_at', 'deleted_on', 'is_deleted', 'deleted', 'deleted_date']);

export const ormOnlyUpdateTimestamp = defineRule({
  id: 'orm-only-update-timestamp',
  title: 'Update timestamp maintained only by the ORM',
  category: 'maintenance',
  severity: 'info',
  description:
    'A column the ORM refreshes on every update (Prisma @updatedAt, Drizzle $onUpdate, TypeORM @UpdateDateColumn, SQLAlchemy onupdate=) with no trigger in the database: updates made with SQL or by other services leave it stale.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const col of table.columns) {
        if (col.onUpdate?.kind !== 'orm') continue;
        out.push({
          ...at(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} is refreshed by the ORM (${col.onUpdate.description}), not by the database; UPDATEs outside the ORM leave it unchanged.`,
          hint: `If other writers exist, add a BEFORE UPDATE trigger that sets ${col.name} = now(); the schema reference's "Triggers" section gives the SQL.`,
        });
      }
    return out;
  },
});

/** Tables whose rows are written once and never edited: audit trails, logs, events, history. */
const APPEND_ONLY_WORDS = new Set([
  'audit',
  'audits',
  'log',
  'logs',
  'event',
  'events',
  'history',
  'histories',
  'journal',
  'journals',
  'ledger',
  'ledgers',
  'activity',
  'activities',
  'changelog',
  'changelogs',
  'outbox',
]);
const APPEND_ONLY_TEXT =
  /\b(append[- ]only|insert[- ]only|immutable|write[- ]once|never (?:updated|edited|changed))\b/i;

/** Is the table clearly append-only (named like a log/audit/event/history table, or described so)? */
export function isAppendOnly(table: Table): boolean {
  return (
    nameTokens(table.name).some((w) => APPEND_ONLY_WORDS.has(w)) ||
    APPEND_ONLY_TEXT.test(table.description ?? '')
  );
}

/** `ALTER TABLE ... ADD COLUMN` for a timestamp defaulting to the current time, where the dialect allows it. */
function addTimestampSql(ctx: RuleContext, table: Table, column: string): string | undefined {
  switch (ctx.ir.dialect) {
    case 'postgresql':
    case 'cockroachdb':
      return `ALTER TABLE ${sqlTable(table)} ADD COLUMN ${sqlIdent(column)} timestamptz NOT NULL DEFAULT now();`;
    case 'mysql':
      return `ALTER TABLE ${sqlTable(table)} ADD COLUMN ${sqlIdent(column)} datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);`;
    case 'sqlite':
    case 'sqlserver':
      return undefined;
  }
}

export const missingTimestamps = defineRule({
  id: 'missing-timestamps',
  title: 'Table without audit timestamps',
  category: 'maintenance',
  severity: 'info',
  description:
    'A table (other than a pure junction table) without a created_at-like or an updated_at-like column: when a row appeared or last changed cannot be answered from the data. Append-only tables (audit, log, event, history, or described as append-only) need only created_at.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.implicit || junctionForeignKeys(table)) continue;
      const appendOnly = isAppendOnly(table);
      const hasCreated = table.columns.some((c) => CREATED.has(tokens(c)));
      const hasUpdated = appendOnly || table.columns.some((c) => UPDATED.has(tokens(c)));
      if (hasCreated && hasUpdated) continue;
      const missing = [!hasCreated ? 'created_at' : undefined, !hasUpdated ? 'updated_at' : undefined].filter(
        (x): x is string => x !== undefined,
      );
      const statements = missing.map((m) => addTimestampSql(ctx, table, m));
      const sql = statements.every((x) => x !== undefined) ? statements.join('\n') : undefined;
      const name = qualifiedName(table);
      out.push({
        ...at(table),
        message: `${name} has no ${missing.join(' or ')}-like column${hasCreated ? ' (rows are never expected to change, or changes leave no trace)' : appendOnly ? ' (its rows are appended, so created_at is the one that matters)' : ''}.`,
        hint: !missing.includes('updated_at')
          ? 'Add created_at, defaulting to the current time.'
          : missing.includes('created_at')
            ? `Add created_at, and updated_at (refreshed on every update) if rows of ${name} are edited.`
            : `If rows of ${name} are edited, add updated_at, refreshed on every update.`,
        ...(sql ? { fix: { sql } } : {}),
      });
    }
    return out;
  },
});

const WIDE_TABLE_COLUMNS = 30;

export const wideTable = defineRule({
  id: 'wide-table',
  title: 'Wide table',
  category: 'maintenance',
  severity: 'info',
  description: `A table with more than ${WIDE_TABLE_COLUMNS} columns: often several concepts in one table; rows get large and every change touches everything.`,
  check(ctx: RuleContext, at: At): Finding[] {
    return ctx.tables
      .filter((t) => t.columns.length > WIDE_TABLE_COLUMNS)
      .map((table) => ({
        ...at(table),
        message: `${qualifiedName(table)} has ${table.columns.length} columns (more than ${WIDE_TABLE_COLUMNS}).`,
        hint: 'Look for groups of columns that are optional together or change at different rates, and move them to one-to-one side tables.',
      }));
  },
});

export const softDeleteWithoutIndex = defineRule({
  id: 'soft-delete-without-index',
  title: 'Soft-delete column without an index',
  category: 'performance',
  severity: 'info',
  description:
    'A soft-delete marker (deleted_at, is_deleted) that no index covers and no partial index filters on: every query that skips deleted rows filters them row by row.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const col of table.columns) {
        if (!SOFT_DELETE.has(tokens(col))) continue;
        const indexed =
          table.indexes.some((ix) =>
            ix.parts.some(
              (p) => p.column === col.name || (p.expression && mentionsColumn(p.expression, col.name)),
            ),
          ) ||
          table.indexes.some((ix) => ix.where !== undefined && mentionsColumn(ix.where, col.name)) ||
          hasLeadingKey(table, [col.name]);
        if (indexed) continue;
        const live = col.type.category === 'boolean' ? `NOT ${col.name}` : `${col.name} IS NULL`;
        const lookup = keysOf(table).find(
          (k) => k.kind !== 'primary-key' && k.unique && !k.partial && k.columns,
        )?.columns ??
          table.foreignKeys[0]?.columns ??
          table.primaryKey?.columns ?? [col.name];
        out.push({
          ...at(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} marks soft-deleted rows but no index or partial index uses it; queries that filter ${live} cannot skip deleted rows by index.`,
          hint: `Index the common lookup of live rows (${lookup.join(', ')}) with a partial index.`,
          fix: indexFix(ctx.ir, table, lookup, live),
        });
      }
    return out;
  },
});
