import { compareRefs, qualifiedName, sameTable, tableRef } from '../ir/names.js';
import type { ForeignKey, Ir, Table, TableRef } from '../ir/types.js';
import { breakCycles, type FkEdge } from './_break.js';
import { stronglyConnected } from './_scc.js';

/** A foreign key whose value is set after both rows exist (or, in DDL, added after both tables). */
export interface PostponedForeignKey {
  table: TableRef;
  foreignKey: string;
  references: TableRef;
  /** Some FK column is nullable: insert the row with NULL there, then UPDATE it. */
  nullable: boolean;
  /** The constraint is DEFERRABLE: it can also be checked at COMMIT instead. */
  deferrable: boolean;
}

/** Tables linked by a cycle of foreign keys none of which is nullable or DEFERRABLE. */
export interface UnbreakableCycle {
  tables: TableRef[];
  foreignKeys: Array<{ table: TableRef; foreignKey: string }>;
  /**
   * A NOT NULL foreign key of a table to itself: the first row must reference its own key (or the
   * constraint be made DEFERRABLE). Otherwise: rows cannot be inserted one at a time at all; make
   * one of the foreign keys `DEFERRABLE INITIALLY DEFERRED` or a column nullable (two-step insert).
   */
  selfReference: boolean;
}

export interface DependencyOrder {
  /**
   * Tables (not views) in an order where every table comes after the tables it references through
   * every foreign key except the postponed ones: FK-safe inserts and CREATE TABLE with inline FKs.
   * Among the tables ready at each step the most referenced comes first (core tables first), then
   * the one with more foreign keys, then by schema and name.
   */
  order: TableRef[];
  /**
   * Foreign keys between different tables that had to be postponed to break a cycle: each lies on a
   * real cycle (both tables in one strongly connected component), the set is minimal (no FK of it
   * could be kept without a cycle), and nullable ones are chosen whenever nullable ones can break
   * the cycle (then DEFERRABLE ones, then NOT NULL ones, which also appear in `unbreakable`).
   * Sorted by the table's position in `order`, then FK name.
   */
  cycleForeignKeys: PostponedForeignKey[];
  /** Foreign keys of a table to itself (never ordering constraints): a nullable one is NULL in the first row. */
  selfReferences: PostponedForeignKey[];
  /** Cycles no nullable or DEFERRABLE foreign key breaks (see `UnbreakableCycle`). */
  unbreakable: UnbreakableCycle[];
}

const isNullable = (table: Table, fk: ForeignKey) =>
  // Stryker disable next-line OptionalChaining: in a valid IR every FK column is a column of its table.
  fk.columns.some((c) => table.columns.find((col) => col.name === c)?.nullable === true);

/** Reading priority: most referenced (by distinct other tables) first, then more FKs, then by name. */
function byPriority(tables: readonly Table[]): Table[] {
  const referencedBy = new Map<string, Set<string>>();
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      if (sameTable(fk.references, t)) continue;
      const k = qualifiedName(fk.references);
      const set = referencedBy.get(k) ?? new Set<string>();
      set.add(qualifiedName(t));
      referencedBy.set(k, set);
    }
  const refs = (t: Table) => referencedBy.get(qualifiedName(t))?.size ?? 0;
  return [...tables].sort(
    (a, b) => refs(b) - refs(a) || b.foreignKeys.length - a.foreignKeys.length || compareRefs(a, b),
  );
}

/**
 * The one FK-safe order of an IR's tables, used by every document (design, architecture, seed
 * SQL and script, DDL, Alembic, the relationship map). Database- and ORM-enforced foreign keys
 * count; FKs to tables outside the IR or to views do not. Strongly connected components (Tarjan)
 * are ordered referenced-first; inside a component only foreign keys of real cycles are postponed,
 * a minimal set preferring nullable ones (see `DependencyOrder.cycleForeignKeys`); an acyclic
 * schema postpones nothing. Deterministic; O((n + e) log n) plus, per postponed FK, one search of
 * its component.
 */
export function dependencyOrder(ir: Pick<Ir, 'tables'>): DependencyOrder {
  return pinned.get(ir.tables) ?? computeOrder(ir);
}

/**
 * Orders pinned for the duration of one render (`pinDependencyOrder`): the design document, the
 * DDL, the seed script, the sample rows and Alembic each ask for the order of the same tables.
 * Nothing stays pinned after the render, so an IR edited in place later is ordered afresh.
 */
const pinned = new WeakMap<readonly Table[], DependencyOrder>();

/** Compute the order of `tables` once and answer every `dependencyOrder` of this array from it until `release()`. */
export function pinDependencyOrder(tables: readonly Table[]): {
  order: DependencyOrder;
  release: () => void;
} {
  const order = dependencyOrder({ tables: tables as Table[] });
  const mine = !pinned.has(tables);
  // Stryker disable next-line ConditionalExpression: a nested pin's order is the pinned one (dependencyOrder answered it).
  if (mine) pinned.set(tables, order);
  return {
    order,
    release: () => {
      // Stryker disable next-line ConditionalExpression: only the owner sets `tables`, always to `order`.
      if (mine && pinned.get(tables) === order) pinned.delete(tables);
    },
  };
}

function computeOrder(ir: Pick<Ir, 'tables'>): DependencyOrder {
  const nodes = byPriority(ir.tables.filter((t) => t.kind === 'table'));
  const rankOf = new Map<string, number>();
  nodes.forEach((t, rank) => {
    const k = qualifiedName(t);
    // Stryker disable next-line ConditionalExpression: a valid IR has one table per schema and name.
    if (!rankOf.has(k)) rankOf.set(k, rank);
  });
  const edges: FkEdge[] = [];
  const selfReferences: PostponedForeignKey[] = [];
  const unbreakable: UnbreakableCycle[] = [];
  nodes.forEach((t, child) => {
    for (const fk of t.foreignKeys) {
      const parent = rankOf.get(qualifiedName(fk.references));
      if (parent === undefined || !sameTable(nodes[parent] as Table, fk.references)) continue;
      const nullable = isNullable(t, fk);
      const deferrable = fk.deferrable !== undefined;
      // The referenced table is nodes[parent] (same schema and name): a self-reference iff it is t.
      if (parent === child) {
        const entry = {
          table: tableRef(t),
          foreignKey: fk.name,
          references: tableRef(t),
          nullable,
          deferrable,
        };
        selfReferences.push(entry);
        if (!nullable && !deferrable)
          unbreakable.push({
            tables: [tableRef(t)],
            foreignKeys: [{ table: tableRef(t), foreignKey: fk.name }],
            selfReference: true,
          });
        continue;
      }
      edges.push({ child, parent, fk, cost: nullable ? 0 : deferrable ? 1 : 2 });
    }
  });
  const { order, postponed } = breakCycles(nodes.length, edges);
  const position = new Int32Array(nodes.length);
  order.forEach((rank, i) => {
    position[rank] = i;
  });
  const cycleForeignKeys = postponed
    .sort(
      (a, b) =>
        (position[a.child] as number) - (position[b.child] as number) ||
        // Stryker disable next-line EqualityOperator: one table's FK names differ, so < and <= agree.
        (a.fk.name < b.fk.name ? -1 : 1),
    )
    .map((e) => ({
      table: tableRef(nodes[e.child] as Table),
      foreignKey: e.fk.name,
      references: tableRef(nodes[e.parent] as Table),
      nullable: e.cost === 0,
      deferrable: e.fk.deferrable !== undefined,
    }));
  unbreakable.push(...notNullCycles(nodes, edges));
  return {
    order: order.map((rank) => tableRef(nodes[rank] as Table)),
    cycleForeignKeys,
    selfReferences,
    unbreakable: unbreakable.sort((a, b) => compareRefs(a.tables[0] as TableRef, b.tables[0] as TableRef)),
  };
}

const byTableThenForeignKey = (
  a: { table: TableRef; foreignKey: string },
  b: { table: TableRef; foreignKey: string },
) =>
  // Stryker disable next-line EqualityOperator: one table's FK names differ, so < and <= agree.
  compareRefs(a.table, b.table) || (a.foreignKey < b.foreignKey ? -1 : 1);

/** Strongly connected components of the NOT NULL, non-deferrable foreign keys with two or more tables. */
function notNullCycles(nodes: readonly Table[], edges: readonly FkEdge[]): UnbreakableCycle[] {
  const hard = edges.filter((e) => e.cost === 2);
  // Stryker disable next-line ConditionalExpression: a shortcut; without NOT NULL FKs no component has two tables.
  if (hard.length === 0) return [];
  const next: number[][] = nodes.map(() => []);
  for (const e of hard) (next[e.child] as number[]).push(e.parent);
  const component = stronglyConnected(nodes.length, (v) => next[v] as number[]);
  const members = new Map<number, number[]>();
  component.forEach((c, v) => {
    const list = members.get(c);
    if (list) list.push(v);
    else members.set(c, [v]);
  });
  const out: UnbreakableCycle[] = [];
  for (const vs of members.values()) {
    if (vs.length < 2) continue;
    const inside = new Set(vs);
    out.push({
      tables: vs.map((v) => tableRef(nodes[v] as Table)).sort(compareRefs),
      foreignKeys: hard
        .filter((e) => inside.has(e.child) && inside.has(e.parent))
        .map((e) => ({ table: tableRef(nodes[e.child] as Table), foreignKey: e.fk.name }))
        .sort(byTableThenForeignKey),
      selfReference: false,
    });
  }
  return out;
}
