import type { CheckConstraint, Dialect, ForeignKey, Index, PrimaryKey, UniqueConstraint } from '@ormdoc/core';
import type { ExportTable } from '../format/schema.js';
import { DefaultNamer } from './names.js';

type ReferentialAction = ForeignKey['onDelete'];
const ACTIONS: ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

export function referentialAction(value: string | null | undefined): ReferentialAction | undefined {
  if (!value) return 'NO ACTION';
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
  const all: Named[] = [
    ...(t.primaryKey ? [t.primaryKey] : []),
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
    out.primaryKey = { ...named(t.primaryKey, 'pkey', t.primaryKey.columns), columns: t.primaryKey.columns };
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
    const onDelete = referentialAction(fk.ondelete);
    const onUpdate = referentialAction(fk.onupdate);
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
    const cols = ix.parts.flatMap((p) => (p.column ? [p.column] : []));
    out.indexes.push({
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
  return out;
}
