import { type Column, diffIr, type Ir, qualifiedName, type SchemaChange, type Table } from '@ormdoc/core';
import { classify, type DriftClass } from './classify.js';
import { normalizeForDrift } from './normalize.js';
import { diffObjects, type ObjectChangeKind } from './objects.js';

export const DRIFT_REPORT_VERSION = 1 as const;

/** Which side has it: only the database, only the ORM's schema, or both, differently. */
export type DriftSide = 'database-only' | 'orm-only' | 'differs';

export interface DriftItem {
  side: DriftSide;
  /** What kind of object and change (the `ormdoc diff` kinds, plus index-changed). */
  kind: SchemaChange['kind'] | 'index-changed' | ObjectChangeKind;
  table?: string;
  column?: string;
  /** The constraint, index or enum value. */
  name?: string;
  enum?: string;
  /** The definition in the database, and in the ORM's schema. */
  database?: string;
  orm?: string;
  class: DriftClass;
  /** Why it is classed so, one line. */
  reason: string;
}

export interface DriftReport {
  reportVersion: typeof DRIFT_REPORT_VERSION;
  /** The database, without credentials (postgresql://host/db). */
  database: string;
  /** The ORM whose schema was compared. */
  orm: string;
  summary: {
    differences: number;
    tables: number;
    harmless: number;
    'needs-migration': number;
    dangerous: number;
  };
  items: DriftItem[];
}

/**
 * Compare the ORM's IR with the database's: everything only in one of them, and what differs,
 * with generated names compared by meaning (an index, unique key or foreign key is matched by what
 * it covers, not by name), each difference classed harmless / needs-migration / dangerous.
 */
export function driftReport(orm: Ir, database: Ir, labels: { database: string }): DriftReport {
  const db = normalizeForDrift(database, 'database');
  const mine = normalizeForDrift(orm, 'orm');
  // Read as a migration from the database to the ORM's schema: "added" is only in the ORM.
  const changes = [
    ...pairIndexChanges(splitRenames(diffIr(db, mine), db, mine), db, mine).filter((c) => keep(c, mine)),
    ...diffObjects(database, orm),
  ];
  const items = changes.map((c) => classify(c, db));
  const count = (k: DriftClass) => items.filter((i) => i.class === k).length;
  return {
    reportVersion: DRIFT_REPORT_VERSION,
    database: labels.database,
    orm: orm.source.orm,
    summary: {
      differences: items.length,
      tables: new Set(items.flatMap((i) => (i.table ? [i.table] : []))).size,
      harmless: count('harmless'),
      'needs-migration': count('needs-migration'),
      dangerous: count('dangerous'),
    },
    items,
  };
}

export type DriftChange = Omit<SchemaChange, 'kind'> & { kind: DriftItem['kind'] };

/** Names are compared by meaning: a rename is drift only when the ORM's schema spells the name out. */
function keep(c: DriftChange, orm: Ir): boolean {
  if (c.kind === 'description-changed' || c.kind === 'tags-changed' || c.kind === 'enforcement-changed')
    return false;
  if (c.kind !== 'constraint-renamed') return true;
  const table = orm.tables.find((t) => qualifiedName(t) === c.table);
  const named = table ? [...table.uniques, ...table.indexes, ...table.foreignKeys] : [];
  return named.some((n) => n.name === c.after && n.nameExplicit);
}

/**
 * `diffIr` reads a dropped and an added column of one type as a probable rename; between a
 * database and a schema that is a guess drift should not make: each is reported on its own side.
 */
function splitRenames(changes: SchemaChange[], db: Ir, orm: Ir): SchemaChange[] {
  const column = (ir: Ir, table: string | undefined, name: string | undefined) =>
    ir.tables.find((t) => qualifiedName(t) === table)?.columns.find((c) => c.name === name);
  return changes.flatMap((c): SchemaChange[] => {
    if (c.kind !== 'column-renamed') return [c];
    const gone = column(db, c.table, c.before);
    const added = column(orm, c.table, c.after);
    return [
      {
        kind: 'column-dropped',
        table: c.table,
        column: c.before,
        before: gone ? columnText(gone) : undefined,
      },
      { kind: 'column-added', table: c.table, column: c.after, after: added ? columnText(added) : undefined },
    ];
  });
}

/** An index only in the database and one only in the ORM, same table, same name or same columns: one changed index. */
function pairIndexChanges(changes: SchemaChange[], db: Ir, orm: Ir): DriftChange[] {
  const columnsOf = (ir: Ir, table: string | undefined, name: string | undefined) => {
    const t = ir.tables.find((x: Table) => qualifiedName(x) === table);
    const i = t?.indexes.find((x) => x.name === name);
    return i?.parts.map((p) => p.column ?? p.expression).join(',');
  };
  const out: DriftChange[] = [...changes];
  const added = changes.filter((c) => c.kind === 'index-added');
  for (const d of changes.filter((c) => c.kind === 'index-dropped')) {
    const cols = columnsOf(db, d.table, d.name);
    const match =
      added.find((a) => a.table === d.table && a.name === d.name) ??
      added.find((a) => a.table === d.table && columnsOf(orm, a.table, a.name) === cols);
    if (!match) continue;
    added.splice(added.indexOf(match), 1);
    const at = out.indexOf(d);
    out.splice(at, 1, {
      kind: 'index-changed',
      table: d.table,
      name: match.name,
      before: d.before,
      after: match.after,
    });
    out.splice(out.indexOf(match), 1);
  }
  return out;
}

function columnText(c: Column): string {
  const d = c.default;
  const def =
    d === undefined
      ? ''
      : ` DEFAULT ${d.kind === 'sql' ? d.expression : d.kind === 'sequence' ? d.style : ''}`;
  return `${c.type.sql} ${c.nullable ? 'NULL' : 'NOT NULL'}${def}`;
}
