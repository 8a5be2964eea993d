import type { CheckConstraint, Dialect, ForeignKey, Index, PrimaryKey, UniqueConstraint } from '@ormdoc/core';
import type { ExportTable } from '../format/schema.js';
import { DefaultNamer } from './names.js';

type ReferentialAction = ForeignKey['onDelete'];
const ACTIONS: ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

/**
 * The action a FOREIGN KEY gets. Without an ON DELETE/UPDATE clause the database default applies:
 * NO ACTION on PostgreSQL and SQLite; on MySQL/MariaDB InnoDB enforces it as RESTRICT and MariaDB
 * reports RESTRICT, so that is what the IR says there.
 */
export function referentialAction(
  value: string | null | undefined,
  dialect: Dialect,
): ReferentialAction | undefined {
  if (!value) return dialect === 'mysql' ? 'RESTRICT' : 'NO ACTION';
  const v = value.toUpperCase().replace(/\s+/g, ' ').trim();
  return ACTIONS.find((a) => a === v);
}

interface Named {
  name: string | null;
  nameSource: 'explicit' | 'convention' | 'database';
}

export interface TableConstraints {
  primaryKey?: PrimaryKey;
  uniques: UniqueConstraint[];
  checks: CheckConstraint[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
  /** Problems met (unknown referential actions), reported as diagnostics by the caller. */
  problems: string[];
}

/** Columns a check expression mentions (for PostgreSQL's `table_column_check` default name). */
function checkColumns(sql: string, columns: string[]): string[] {
  return columns.filter((c) =>
    new RegExp(`(^|[^\\w"])"?${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?([^\\w"]|$)`).test(sql),
  );
}

function deferrable(d: { deferrable?: boolean | null; initially?: string | null } | null | undefined) {
  if (!d?.deferrable && !d?.initially) return undefined;
  return d.initially?.toUpperCase() === 'DEFERRED'
    ? ('initially-deferred' as const)
    : ('initially-immediate' as const);
}

/**
 * Keys, uniques, checks, foreign keys and indexes of one exported table, each with the name the
 * database ends up with: SQLAlchemy's (explicit or naming convention) when it has one, else the
 * database's own default (PostgreSQL rules, in CREATE TABLE order).
 */
export function convertConstraints(t: ExportTable, dialect: Dialect): TableConstraints {
  const namer = new DefaultNamer(dialect, t.name);
  // MySQL's primary key is PRIMARY whatever its CONSTRAINT name: that name takes no other's place
  const all: Named[] = [
    ...(t.primaryKey && dialect !== 'mysql' ? [t.primaryKey] : []),
    ...t.uniqueConstraints,
    ...t.checkConstraints,
    ...t.foreignKeys,
    ...t.indexes,
  ];
  for (const c of all) if (c.name) namer.reserve(c.name);
  const named = (c: Named, kind: Parameters<DefaultNamer['name']>[0], columns: string[]) =>
    c.name
      ? { name: c.name, nameExplicit: c.nameSource === 'explicit' }
      : { name: namer.name(kind, columns), nameExplicit: false };

  const problems: string[] = [];
  const out: TableConstraints = { uniques: [], checks: [], foreignKeys: [], indexes: [], problems };
  if (t.primaryKey)
    out.primaryKey = {
      ...(dialect === 'mysql'
        ? { name: 'PRIMARY', nameExplicit: false }
        : named(t.primaryKey, 'pkey', t.primaryKey.columns)),
      columns: t.primaryKey.columns,
    };
  // PostgreSQL names unnamed constraints in CREATE TABLE order: column checks, then table-level ones
  const columnChecks = t.checkConstraints.filter((c) => c.column);
  const tableChecks = t.checkConstraints.filter((c) => !c.column);
  for (const c of [...columnChecks, ...tableChecks]) {
    const cols = checkColumns(
      c.sql,
      t.columns.map((x) => x.name),
    );
    out.checks.push({ ...named(c, 'check', cols.length === 1 ? cols : []), expression: c.sql });
  }
  for (const u of t.uniqueConstraints)
    out.uniques.push({
      ...named(u, 'key', u.columns),
      columns: u.columns,
      ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    });
  for (const fk of t.foreignKeys) {
    const onDelete = referentialAction(fk.ondelete, dialect);
    const onUpdate = referentialAction(fk.onupdate, dialect);
    if (!onDelete)
      problems.push(`foreign key on (${fk.columns.join(', ')}): unknown ON DELETE ${fk.ondelete}`);
    if (!onUpdate)
      problems.push(`foreign key on (${fk.columns.join(', ')}): unknown ON UPDATE ${fk.onupdate}`);
    const d = deferrable(fk.deferrable);
    out.foreignKeys.push({
      ...named(fk, 'fkey', fk.columns),
      columns: fk.columns,
      references: { schema: fk.referredSchema, name: fk.referredTable, columns: fk.referredColumns },
      onDelete: onDelete ?? 'NO ACTION',
      onUpdate: onUpdate ?? 'NO ACTION',
      enforcedBy: 'database',
      ...(d ? { deferrable: d } : {}),
    });
  }
  for (const ix of t.indexes) {
    // SQLAlchemy names every index it creates (its default convention is `ix_%(column_0_label)s`;
    // CREATE INDEX of an unnamed one fails): the default name below is for an index no database has.
    // Stryker disable next-line all: an unnamed index never reaches a database (see above)
    const cols = ix.parts.flatMap((p) => (p.column ? [p.column] : []));
    out.indexes.push({
      // Stryker disable next-line all: an unnamed index never reaches a database (see above)
      ...named(ix, 'idx', cols.length ? cols : ['expr']),
      unique: ix.unique,
      parts: ix.parts.map((p) => {
        const opclass = p.column ? ix.ops?.[p.column] : undefined;
        return {
          ...(p.column ? { column: p.column } : { expression: p.expression ?? '' }),
          ...(p.order ? { order: p.order } : {}),
          ...(p.nulls ? { nulls: p.nulls } : {}),
          ...(opclass ? { opclass } : {}),
        };
      }),
      ...(ix.using ? { method: ix.using.toLowerCase() } : {}),
      ...(ix.where ? { where: ix.where } : {}),
      ...(ix.include?.length ? { include: ix.include } : {}),
      ...(ix.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    });
  }
  if (dialect === 'mysql') addInnodbForeignKeyIndexes(t, out, namer);
  return out;
}

/**
 * InnoDB needs an index whose leading columns are a foreign key's columns; CREATE TABLE adds one
 * when none exists and drops it again when a later CREATE INDEX can serve instead. For an unnamed
 * FOREIGN KEY (SQLAlchemy's default) it is named after the first column (`col`, `col_2`...), not
 * after the constraint name ormdoc writes, so the IR lists it as an index of its own.
 */
function addInnodbForeignKeyIndexes(t: ExportTable, out: TableConstraints, namer: DefaultNamer): void {
  const leading = [
    ...(out.primaryKey ? [out.primaryKey.columns] : []),
    ...out.uniques.map((u) => u.columns),
    ...out.indexes.map((ix) => ix.parts.map((p) => p.column ?? '\u0000')),
  ];
  const covered = (cols: string[]) => leading.some((l) => cols.every((c, i) => l[i] === c));
  t.foreignKeys.forEach((fk, i) => {
    const converted = out.foreignKeys[i];
    if (fk.name || !converted || covered(fk.columns)) return;
    const name = namer.uniqueKeyName(fk.columns[0] ?? converted.name);
    out.indexes.push({
      name,
      nameExplicit: false,
      unique: false,
      parts: fk.columns.map((column) => ({ column })),
    });
    leading.push(fk.columns);
  });
}
