import type { Dialect } from '../ir/types.js';
import type { ChangeKind, RiskClass, SchemaChange } from './schema.js';
import { typeChange } from './typechange.js';

/**
 * The change rules of `ormdoc diff`, one per stable id: DS destructive (data is lost), MF
 * data-dependent (the migration fails or changes values depending on existing rows), PG locking on
 * PostgreSQL (the table is blocked while it runs), BC breaking for readers (queries and code written
 * against the old schema stop working or behave differently). Each says why and the safer way.
 */
export interface ChangeRule {
  id: string;
  class: RiskClass;
  title: string;
  kinds: readonly ChangeKind[];
  reason: string;
  safer: string;
  /** Only for these dialects (all when absent). */
  dialects?: readonly Dialect[];
  /** Applies to this change (after `kinds` matched). */
  when?: (change: SchemaChange) => boolean;
}

const onExisting = (c: SchemaChange) => c.existingTable === true;
const isTypeChange = (kind: ReturnType<typeof typeChange>) => (c: SchemaChange) =>
  typeChange(c.before ?? '', c.after ?? '') === kind;

export const CHANGE_RULES: readonly ChangeRule[] = [
  {
    id: 'DS101',
    class: 'destructive',
    title: 'Table dropped',
    kinds: ['table-dropped'],
    reason: 'Every row of the table is deleted, with no way back but a backup.',
    safer: 'Stop reading and writing it first, copy or archive the rows, and drop it in a later release.',
  },
  {
    id: 'DS102',
    class: 'destructive',
    title: 'Column dropped',
    kinds: ['column-dropped'],
    reason: 'The values of the column are deleted for every row.',
    safer:
      'Remove it from the code first (ignore it in the ORM), back the values up, and drop it in a later release.',
  },
  {
    id: 'DS103',
    class: 'destructive',
    title: 'Enum value dropped',
    kinds: ['enum-value-dropped'],
    reason: 'Rows holding the value block the migration or must be rewritten to another value.',
    safer: 'Update the rows that use the value to its replacement in a data migration before removing it.',
  },
  {
    id: 'DS104',
    class: 'destructive',
    title: 'Enum dropped',
    kinds: ['enum-dropped'],
    reason: 'The type and the meaning of every value that used it are gone.',
    safer: 'Convert the columns that use it to another type first, then drop the enum in a later release.',
  },
  {
    id: 'MF101',
    class: 'data-dependent',
    title: 'NOT NULL column added without a default',
    kinds: ['column-added'],
    when: (c) => onExisting(c) && c.nullable === false && c.hasDefault !== true,
    reason: 'Existing rows have no value for it, so the migration fails on any table that is not empty.',
    safer: 'Add it nullable (or with a default), backfill the rows, then set NOT NULL.',
  },
  {
    id: 'MF102',
    class: 'data-dependent',
    title: 'Column made NOT NULL',
    kinds: ['column-nullability-changed'],
    when: (c) => c.nullable === false,
    reason: 'Rows that hold NULL make the migration fail; a default does not fill existing NULLs.',
    safer: 'Backfill the NULL rows first (UPDATE ... WHERE col IS NULL), then set NOT NULL.',
  },
  {
    id: 'MF103',
    class: 'data-dependent',
    title: 'Unique rule added to an existing table',
    kinds: ['unique-added', 'index-added'],
    when: (c) =>
      onExisting(c) &&
      !c.newEmptyColumns &&
      (c.kind === 'unique-added' || (c.after ?? '').startsWith('UNIQUE')),
    reason: 'Duplicate values already in the table make the migration fail.',
    safer: 'Look for duplicates first (GROUP BY ... HAVING count(*) > 1) and resolve them.',
  },
  {
    id: 'MF104',
    class: 'data-dependent',
    title: 'Check added or changed on an existing table',
    kinds: ['check-added', 'check-changed'],
    when: onExisting,
    reason: 'Existing rows that break the new condition make the migration fail.',
    safer:
      'Count the rows that break it first; on PostgreSQL add it NOT VALID, fix the rows, then VALIDATE CONSTRAINT.',
  },
  {
    id: 'MF105',
    class: 'data-dependent',
    title: 'Column type narrowed',
    kinds: ['column-type-changed'],
    when: isTypeChange('narrow'),
    reason: 'Values that do not fit the new type make the migration fail or are cut or rounded.',
    safer:
      'Check that every value fits (max length, range, cast) before the change, or add a new column and copy.',
  },
  {
    id: 'MF106',
    class: 'data-dependent',
    title: 'Primary key added or changed',
    kinds: ['primary-key-added', 'primary-key-changed'],
    when: onExisting,
    reason: 'NULL or duplicate values in the new key columns make the migration fail.',
    safer:
      'Check the key columns for NULLs and duplicates; build the unique index first (CONCURRENTLY on PostgreSQL).',
  },
  {
    id: 'MF107',
    class: 'data-dependent',
    title: 'Foreign key added to an existing table',
    kinds: ['foreign-key-added', 'enforcement-changed'],
    // An ORM-only relation that becomes a FOREIGN KEY (Prisma relationMode "prisma" → "foreignKeys") too.
    when: (c) =>
      onExisting(c) &&
      (c.kind === 'enforcement-changed'
        ? c.table !== undefined && c.after === 'database'
        : !c.newEmptyColumns && !(c.after ?? '').endsWith('(ORM only)')),
    reason: 'Rows pointing at missing parents make the migration fail, and checking them scans the table.',
    safer: 'Find orphan rows first; on PostgreSQL add the key NOT VALID, then VALIDATE CONSTRAINT.',
  },
  {
    id: 'PG101',
    class: 'locking',
    title: 'Index built on an existing table',
    kinds: ['index-added'],
    when: onExisting,
    dialects: ['postgresql', 'cockroachdb'],
    reason: 'CREATE INDEX (what ORM migrations write) blocks writes to the table until the index is built.',
    safer: 'Create it with CREATE INDEX CONCURRENTLY in a migration of its own (outside a transaction).',
  },
  {
    id: 'PG102',
    class: 'locking',
    title: 'Column type change rewrites the table',
    kinds: ['column-type-changed'],
    when: (c) => typeChange(c.before ?? '', c.after ?? '') !== 'widen',
    dialects: ['postgresql', 'cockroachdb'],
    reason: 'ALTER COLUMN ... TYPE rewrites every row under an exclusive lock: reads and writes wait.',
    safer: 'Add a new column, backfill it in batches, switch the code over, then drop the old one.',
  },
  {
    id: 'BC101',
    class: 'breaking',
    title: 'Column renamed (probable)',
    kinds: ['column-renamed'],
    reason:
      'Code and queries using the old name fail, and ORM migration tools may write it as DROP + ADD (data lost).',
    safer:
      'Check the migration says RENAME COLUMN; or add the new column, write both, move readers, drop the old.',
  },
  {
    id: 'BC102',
    class: 'breaking',
    title: 'Foreign key action changed',
    kinds: ['foreign-key-action-changed'],
    reason: 'Deleting or updating a parent now does something else to its children (cascade, null, refuse).',
    safer: 'Check every code path that deletes or updates the parent, and say so in the release notes.',
  },
  {
    id: 'BC103',
    class: 'breaking',
    title: 'View dropped',
    kinds: ['view-dropped'],
    reason: 'Reports, dashboards and code that read the view fail.',
    safer: 'Find its readers (pg_stat_user_tables, code search) and move them before dropping it.',
  },
];

/** Every rule that applies to the change, in rule order. */
export function rulesFor(change: SchemaChange, dialect: Dialect): ChangeRule[] {
  return CHANGE_RULES.filter(
    (r) =>
      r.kinds.includes(change.kind) &&
      (r.dialects === undefined || r.dialects.includes(dialect)) &&
      (r.when === undefined || r.when(change)),
  );
}
