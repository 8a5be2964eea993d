import { qualifiedName, sameTable, tableRef } from '../ir/names.js';
import type { ForeignKey, Ir, ReferentialAction, Table, TableRef } from '../ir/types.js';

export type RelationshipEnd = TableRef & { columns: string[] };

/** A relationship backed by one foreign key: child.columns -> parent.columns. */
export interface ForeignKeyRelationship {
  kind: 'one-to-one' | 'one-to-many';
  /** Stable id: `child.fkName`. */
  id: string;
  /** The referenced side (the "one"). */
  parent: RelationshipEnd;
  /** The referencing side, holding the foreign key. */
  child: RelationshipEnd;
  foreignKey: string;
  /** The child may exist without a parent (some FK column is nullable). */
  optional: boolean;
  selfReference: boolean;
  enforcedBy: ForeignKey['enforcedBy'];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  /** Set when the child is a junction table that also yields a many-to-many relationship. */
  junction?: TableRef;
}

/** Two tables linked through a junction table holding a foreign key to each. */
export interface ManyToManyRelationship {
  kind: 'many-to-many';
  id: string;
  left: RelationshipEnd;
  right: RelationshipEnd;
  junction: TableRef & { leftColumns: string[]; rightColumns: string[] };
  leftForeignKey: string;
  rightForeignKey: string;
  /** Junction columns that are neither FK columns nor a surrogate key: the association's payload. */
  payloadColumns: string[];
  selfReference: boolean;
}

export type Relationship = ForeignKeyRelationship | ManyToManyRelationship;

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const containsAll = (outer: string[], inner: string[]) => inner.every((x) => outer.includes(x));

/** Column sets that the database guarantees unique: PK, unique constraints, full unique indexes on plain columns. */
export function uniqueKeys(table: Table): string[][] {
  const keys: string[][] = [];
  if (table.primaryKey) keys.push(table.primaryKey.columns);
  for (const u of table.uniques) keys.push(u.columns);
  for (const ix of table.indexes) {
    if (!ix.unique || ix.where) continue;
    if (ix.parts.every((p) => p.column !== undefined && p.length === undefined))
      keys.push(ix.parts.map((p) => p.column as string));
  }
  return keys;
}

/** Is this column set unique in the table (it contains some unique key)? */
export function isUniqueColumnSet(table: Table, columns: string[]): boolean {
  return uniqueKeys(table).some((key) => containsAll(columns, key));
}

/** The two foreign keys that make `table` a junction table, or undefined. */
export function junctionForeignKeys(table: Table): [ForeignKey, ForeignKey] | undefined {
  if (table.kind !== 'table' || table.foreignKeys.length !== 2) return undefined;
  const [a, b] = table.foreignKeys as [ForeignKey, ForeignKey];
  if (a.columns.some((c) => b.columns.includes(c))) return undefined;
  const union = [...a.columns, ...b.columns];
  return uniqueKeys(table).some((key) => sameSet(key, union)) ? [a, b] : undefined;
}

/**
 * Derive relationships from constraints alone (a pure function of the IR):
 * - every foreign key gives one-to-one (its columns are unique in the child) or one-to-many;
 * - every junction table (exactly two foreign keys whose columns together form the PK or a unique
 *   key) also gives a many-to-many between the two referenced tables, with its payload columns.
 * Output order follows the IR's table and foreign key order.
 */
export function deriveRelationships(ir: Pick<Ir, 'tables'>): Relationship[] {
  const out: Relationship[] = [];
  for (const table of ir.tables) {
    const junction = junctionForeignKeys(table);
    for (const fk of table.foreignKeys) {
      const nullable = fk.columns.some((c) => table.columns.find((col) => col.name === c)?.nullable ?? false);
      out.push({
        kind: isUniqueColumnSet(table, fk.columns) ? 'one-to-one' : 'one-to-many',
        id: `${qualifiedName(table)}.${fk.name}`,
        parent: { ...tableRef(fk.references), columns: fk.references.columns },
        child: { ...tableRef(table), columns: fk.columns },
        foreignKey: fk.name,
        optional: nullable,
        selfReference: sameTable(fk.references, table),
        enforcedBy: fk.enforcedBy,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
        ...(junction ? { junction: tableRef(table) } : {}),
      });
    }
    if (junction) {
      const [l, r] = junction;
      const fkCols = new Set([...l.columns, ...r.columns]);
      const pk = table.primaryKey?.columns ?? [];
      const surrogate = pk.length === 1 && !fkCols.has(pk[0] as string) ? pk[0] : undefined;
      out.push({
        kind: 'many-to-many',
        id: `${qualifiedName(table)}`,
        left: { ...tableRef(l.references), columns: l.references.columns },
        right: { ...tableRef(r.references), columns: r.references.columns },
        junction: { ...tableRef(table), leftColumns: l.columns, rightColumns: r.columns },
        leftForeignKey: l.name,
        rightForeignKey: r.name,
        payloadColumns: table.columns.map((c) => c.name).filter((c) => !fkCols.has(c) && c !== surrogate),
        selfReference: sameTable(l.references, r.references),
      });
    }
  }
  return out;
}
