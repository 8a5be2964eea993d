import { qualifiedName } from '../../ir/names.js';
import { triggerMaintaining } from '../../ir/objects.js';
import type { Column, Table } from '../../ir/types.js';
import { junctionForeignKeys } from '../../relationships/derive.js';
import { indexFix, timestampFix } from '../_fixes.js';
import { type At, defineRule } from '../_rule.js';
import { columnsLabel, hasLeadingKey, keysOf, mentionsColumn, nameTokens, sqlIdent } from '../_util.js';
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
    'A column the ORM refreshes on every update (Prisma @updatedAt, Drizzle $onUpdate, TypeORM @UpdateDateColumn, SQLAlchemy onupdate=) with no trigger in the database: updates made with SQL or by other services leave it stale. A trigger counts when it runs BEFORE UPDATE FOR EACH ROW on the table (not only on UPDATE OF some columns) and its function assigns NEW.<column> as a statement, or is moddatetime(<column>).',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const col of table.columns) {
        if (col.onUpdate?.kind !== 'orm') continue;
        if (triggerMaintaining(ctx.ir, table, col.name)) continue;
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
  'token',
  'tokens',
  'verification',
  'verifications',
  'call',
  'calls',
  'delivery',
  'deliveries',
  'receipt',
  'receipts',
  'attempt',
  'attempts',
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

const NOW_SQL =
  /^\(?\s*(now\(\)|current_timestamp(\(\d*\))?|localtimestamp(\(\d*\))?|transaction_timestamp\(\)|statement_timestamp\(\)|clock_timestamp\(\)|getdate\(\)|sysdatetime\(\)|datetime\('now'\))\s*\)?$/i;

/** Does the column default to the current time (in the database or in the ORM)? */
export function defaultsToNow(col: Column): boolean {
  const d = col.default;
  if (d?.kind === 'sql') return NOW_SQL.test(d.expression.trim());
  if (d?.kind === 'orm') return /^now$|date|time/i.test(d.generator);
  return false;
}

/**
 * A creation timestamp: named like one (created_at, inserted_at, createdOn...), or any
 * date/time column that defaults to the current time and is not refreshed on update
 * (`submittedAt @default(now())`, `timestamp DEFAULT now()`).
 */
export function isCreationTimestamp(col: Column): boolean {
  if (CREATED.has(tokens(col))) return true;
  return (
    (col.type.category === 'datetime' || col.type.category === 'date') &&
    !col.type.isArray &&
    !col.onUpdate &&
    defaultsToNow(col)
  );
}

/** An update timestamp: named like one, or refreshed on every update (by the ORM or the database). */
const isUpdateTimestamp = (col: Column) => UPDATED.has(tokens(col)) || col.onUpdate !== undefined;

const EXPIRY = new Set([
  'expires',
  'expires_at',
  'expire_at',
  'expiry',
  'expiration',
  'expires_on',
  'ttl',
  'valid_until',
]);

/**
 * Tables where when a row appeared does not matter: key-value and lookup tables (at most two
 * columns besides the primary key: `Counter (id, value)`, `tags (id, name)`) and stores of
 * expiring entries (tokens, sessions, TTL caches: an `expires` column says how long a row lives).
 */
export function isLookupOrExpiring(table: Table): boolean {
  const key = new Set(table.primaryKey?.columns ?? []);
  if (table.columns.filter((c) => !key.has(c.name)).length <= 2) return true;
  return table.columns.some(
    (c) =>
      EXPIRY.has(tokens(c)) &&
      (c.type.category === 'datetime' || c.type.category === 'integer' || c.type.category === 'bigint'),
  );
}

export const missingTimestamps = defineRule({
  id: 'missing-timestamps',
  title: 'No creation timestamp',
  category: 'maintenance',
  severity: 'info',
  description:
    'A table without a creation timestamp (created_at-like, or any timestamp defaulting to now): when a row appeared cannot be answered from the data. Junction tables, key-value and lookup tables (two columns or fewer besides the key) and stores of expiring rows (an expires column) are left out. The fix adds an update timestamp too where the table has none and is not append-only (audit, log, event, history, tokens, or described as append-only).',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.implicit || junctionForeignKeys(table) || isLookupOrExpiring(table)) continue;
      const appendOnly = isAppendOnly(table);
      // A table that records when rows appear is left alone: an update timestamp is often rightly
      // absent (tokens, invites, signatures are written once), so its absence is no finding.
      if (table.columns.some(isCreationTimestamp)) continue;
      // The creation timestamp is missing; the update one too unless the table has one or is append-only.
      const hasUpdated = appendOnly || table.columns.some(isUpdateTimestamp);
      const { fix, names } = timestampFix(ctx.ir, table, hasUpdated ? ['created'] : ['created', 'updated']);
      const [created, updated] = names;
      const name = qualifiedName(table);
      out.push({
        ...at(table),
        message: `${name} has no ${updated ? 'creation or update' : 'creation'} timestamp${appendOnly ? ' (its rows are appended, so the creation time is the one that matters)' : ''}: when a row appeared cannot be answered from the data.`,
        hint: updated
          ? `Add ${created}, and ${updated} (refreshed on every update) if rows of ${name} are edited.`
          : `Add ${created}, defaulting to the current time.`,
        fix,
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
        if (!['datetime', 'date', 'boolean'].includes(col.type.category)) continue;
        const indexed =
          table.indexes.some((ix) =>
            ix.parts.some(
              (p) => p.column === col.name || (p.expression && mentionsColumn(p.expression, col.name)),
            ),
          ) ||
          table.indexes.some((ix) => ix.where !== undefined && mentionsColumn(ix.where, col.name)) ||
          hasLeadingKey(table, [col.name]);
        if (indexed) continue;
        const c = sqlIdent(col.name, ctx.ir.dialect);
        const live = col.type.category === 'boolean' ? `NOT ${c}` : `${c} IS NULL`;
        // The usual lookup of live rows is by parent: the first foreign key that is not already a
        // unique key (a unique lookup finds one row; filtering it needs no index). Without one,
        // an index on the marker itself.
        const unique = keysOf(table).filter((k) => k.unique && !k.partial && k.columns);
        const fk = table.foreignKeys.find(
          (f) =>
            !unique.some(
              (k) => k.columns?.length === f.columns.length && f.columns.every((x) => k.columns?.includes(x)),
            ),
        );
        out.push({
          ...at(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} marks soft-deleted rows but no index or partial index uses it; queries that filter ${live} cannot skip deleted rows by index.`,
          hint: fk
            ? `Index the common lookup of live rows (${fk.columns.join(', ')}) with a partial index.`
            : `Index ${col.name}, so the planner can tell live rows from deleted ones.`,
          fix: fk ? indexFix(ctx.ir, table, fk.columns, live) : indexFix(ctx.ir, table, [col.name]),
        });
      }
    return out;
  },
});
