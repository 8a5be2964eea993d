import { compareRefs, qualifiedName, sameTable } from '../ir/names.js';
import type { ForeignKey, Table } from '../ir/types.js';

/**
 * The shape of a schema, derived once per render from its foreign keys: the key tables (and why
 * each is key), the one set of "core tables" every document shows, and the ownership chain. Linear
 * in tables + foreign keys (the ownership root is searched among a few candidates only).
 */
export interface SchemaMap {
  /** Hub, ownership root and most referenced table (distinct tables, in that order), each with its reasons. */
  keyTables: KeyTable[];
  /** The core tables, most important first: the key tables, then the most connected. The same set in every document. */
  core: Table[];
  /** The other base tables, in `ranked` order. */
  rest: Table[];
  /** Every base table, most connected first (ties: name). */
  ranked: Table[];
  /** The table most others reach through NOT NULL foreign-key chains, when at least two do. */
  owner?: Ownership;
}

export interface KeyTable {
  table: Table;
  /** Why it is key, as short derived facts ("hub: 9 foreign-key links, the most of any table"). */
  reasons: string[];
}

export interface Ownership {
  root: Table;
  /** Tenancy-like name (organization, tenant, workspace, account...): called the tenancy root. */
  tenancy: boolean;
  /** How many tables reach the root through NOT NULL foreign keys. */
  owned: number;
  /** The tables whose own NOT NULL foreign key points at the root. */
  direct: Table[];
  /** The longest chain of NOT NULL foreign keys from the root down (root first). */
  chain: Table[];
}

/** Documents show this many core tables (all tables when the schema has no more). */
export const CORE_TABLE_COUNT = 6;

/** How many of the most referenced tables are tried as the ownership root. */
const OWNER_CANDIDATES = 8;

const TENANCY =
  /(^|_|\b)(organi[sz]ations?|orgs?|tenants?|workspaces?|accounts?|compan(y|ies)|teams?|projects?)$/i;

/** A foreign key whose columns are all NOT NULL: the child cannot exist without its parent. */
export function isRequired(t: Table, fk: ForeignKey): boolean {
  return fk.columns.every((name) => t.columns.find((c) => c.name === name)?.nullable === false);
}

export function computeSchemaMap(tables: readonly Table[], max = CORE_TABLE_COUNT): SchemaMap {
  const base = tables.filter((t) => t.kind === 'table');
  const byKey = new Map(base.map((t) => [qualifiedName(t), t]));
  const edges = new Map<Table, number>();
  const referrers = new Map<Table, Set<Table>>();
  const requiredChildren = new Map<Table, Table[]>();
  const bump = (t: Table) => edges.set(t, (edges.get(t) ?? 0) + 1);
  for (const t of base)
    for (const fk of t.foreignKeys) {
      const parent = byKey.get(qualifiedName(fk.references));
      if (!parent || sameTable(parent, t)) continue;
      bump(t);
      bump(parent);
      const set = referrers.get(parent) ?? new Set<Table>();
      set.add(t);
      referrers.set(parent, set);
      if (isRequired(t, fk)) {
        const list = requiredChildren.get(parent) ?? [];
        if (!list.includes(t)) list.push(t);
        requiredChildren.set(parent, list);
      }
    }
  const degree = (t: Table) => edges.get(t) ?? 0;
  const refs = (t: Table) => referrers.get(t)?.size ?? 0;
  const ranked = [...base].sort((a, b) => degree(b) - degree(a) || refs(b) - refs(a) || compareRefs(a, b));

  const keyTables: KeyTable[] = [];
  const reasonsOf = (t: Table) => {
    let entry = keyTables.find((k) => k.table === t);
    if (!entry) {
      entry = { table: t, reasons: [] };
      keyTables.push(entry);
    }
    return entry.reasons;
  };
  const hub = ranked[0];
  if (hub && degree(hub) > 0)
    reasonsOf(hub).push(
      `hub: ${degree(hub)} foreign-key ${degree(hub) === 1 ? 'link' : 'links'} in and out, the most of any table`,
    );
  const owner = ownership(ranked, requiredChildren);
  if (owner)
    reasonsOf(owner.root).push(
      `${owner.tenancy ? 'tenancy root' : 'ownership root'}: ${owner.owned} tables reach it through chains of NOT NULL foreign keys`,
    );
  const mostReferenced = [...base].sort(
    (a, b) => refs(b) - refs(a) || degree(b) - degree(a) || compareRefs(a, b),
  )[0];
  if (mostReferenced && refs(mostReferenced) > 1)
    reasonsOf(mostReferenced).push(
      `most referenced: ${refs(mostReferenced)} other tables hold a foreign key to it`,
    );

  const chosen = new Set<Table>();
  for (const k of keyTables) if (chosen.size < max) chosen.add(k.table);
  for (const t of ranked) if (chosen.size < max) chosen.add(t);
  const core = [...keyTables.map((k) => k.table).filter((t) => chosen.has(t))];
  for (const t of ranked) if (chosen.has(t) && !core.includes(t)) core.push(t);
  return {
    keyTables,
    core,
    rest: ranked.filter((t) => !chosen.has(t)),
    ranked,
    ...(owner ? { owner } : {}),
  };
}

/** The ownership root among the tables with the most NOT NULL children, with its chain. */
function ownership(ranked: readonly Table[], children: Map<Table, Table[]>): Ownership | undefined {
  const candidates = [...ranked]
    .filter((t) => (children.get(t)?.length ?? 0) > 0)
    .sort((a, b) => (children.get(b)?.length ?? 0) - (children.get(a)?.length ?? 0) || compareRefs(a, b))
    .slice(0, OWNER_CANDIDATES);
  let best: { root: Table; depth: Map<Table, number>; via: Map<Table, Table> } | undefined;
  for (const root of candidates) {
    const depth = new Map<Table, number>([[root, 0]]);
    const via = new Map<Table, Table>();
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const parent = queue[i] as Table;
      for (const child of [...(children.get(parent) ?? [])].sort(compareRefs)) {
        if (depth.has(child)) continue;
        depth.set(child, (depth.get(parent) ?? 0) + 1);
        via.set(child, parent);
        queue.push(child);
      }
    }
    if (!best || depth.size > best.depth.size) best = { root, depth, via };
  }
  if (!best || best.depth.size < 3) return undefined;
  const { root, depth, via } = best;
  let deepest = root;
  for (const [t, d] of depth) {
    const dd = depth.get(deepest) ?? 0;
    if (d > dd || (d === dd && compareRefs(t, deepest) < 0)) deepest = t;
  }
  const chain: Table[] = [];
  for (let t: Table | undefined = deepest; t; t = via.get(t)) chain.unshift(t);
  return {
    root,
    tenancy: TENANCY.test(root.name),
    owned: depth.size - 1,
    direct: [...(children.get(root) ?? [])].sort(compareRefs),
    chain,
  };
}
