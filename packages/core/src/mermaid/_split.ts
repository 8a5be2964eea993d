import type { Domain } from '../domains/index.js';
import { compareRefs, findTable, qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';

/** A part of a split schema: one domain, or a piece of a domain too large for one diagram. */
export interface Part {
  title: string;
  domain: Domain;
  tables: Table[];
}

/**
 * One part per domain (in the order given), titled by its name and size ("Billing (12 tables)"); a
 * domain larger than `max` is cut by `clusterTables` into parts titled by the domain and each
 * part's hub ("Billing (40 tables), part 1 of 2: invoices and 24 more").
 */
export function domainParts(ir: Pick<Ir, 'tables'>, max: number, domains: readonly Domain[]): Part[] {
  const out: Part[] = [];
  for (const domain of domains) {
    const tables = domain.tables.map((r) => findTable(ir, r)).filter((t): t is Table => t !== undefined);
    if (tables.length === 0) continue;
    const size = `${tables.length} ${tables.length === 1 ? 'table' : 'tables'}`;
    if (tables.length <= max) {
      out.push({ title: `${domain.name} (${size})`, domain, tables });
      continue;
    }
    const pieces = clusterTables(tables, max);
    pieces.forEach((piece, i) => {
      const hub = hubOf(piece);
      const rest = piece.length - 1;
      out.push({
        title: `${domain.name} (${size}), part ${i + 1} of ${pieces.length}: ${qualifiedName(hub)}${rest > 0 ? ` and ${rest} more` : ''}`,
        domain,
        tables: piece,
      });
    });
  }
  return out;
}

/** The table of `tables` with the most foreign keys to and from the others (ties: first by name). */
function hubOf(tables: Table[]): Table {
  const inside = new Set(tables.map(qualifiedName));
  const degree = new Map<string, number>();
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      const to = qualifiedName(fk.references);
      if (!inside.has(to) || to === qualifiedName(t)) continue;
      degree.set(to, (degree.get(to) ?? 0) + 1);
      degree.set(qualifiedName(t), (degree.get(qualifiedName(t)) ?? 0) + 1);
    }
  let best = tables[0] as Table;
  for (const t of tables)
    if ((degree.get(qualifiedName(t)) ?? 0) > (degree.get(qualifiedName(best)) ?? 0)) best = t;
  return best;
}

/**
 * Cut `tables` into groups of at most `max` connected tables. Greedy and deterministic: the seed of
 * each cluster is the unplaced table with the most foreign-key neighbours (ties by name); the
 * cluster grows breadth-first by the candidate with the most links into it (ties by name) until it
 * is full or has no neighbours left; small leftovers are packed together.
 */
export function clusterTables(tables: readonly Table[], max: number): Table[][] {
  return clusters([...tables].sort(compareRefs), Math.max(1, max));
}

function clusters(tables: Table[], max: number): Table[][] {
  const key = (t: Pick<Table, 'schema' | 'name'>) => qualifiedName(t);
  const byKey = new Map(tables.map((t) => [key(t), t]));
  const links = new Map<string, Map<string, number>>();
  const link = (a: string, b: string) => {
    if (a === b || !byKey.has(a) || !byKey.has(b)) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = links.get(x) ?? new Map<string, number>();
      m.set(y, (m.get(y) ?? 0) + 1);
      links.set(x, m);
    }
  };
  for (const t of tables) for (const fk of t.foreignKeys) link(key(t), key(fk.references));
  const degree = (k: string) => links.get(k)?.size ?? 0;
  const order = tables.map(key); // already sorted by name
  const position = new Map(order.map((k, i) => [k, i]));
  // Seeds: most neighbours first, then by name (degrees do not change while placing).
  const seeds = order
    .map((k, i) => ({ k, i, d: degree(k) }))
    .sort((a, b) => b.d - a.d || a.i - b.i)
    .map((s) => s.k);
  let nextSeed = 0;
  const placed = new Set<string>();
  const result: Table[][] = [];
  while (placed.size < tables.length) {
    while (placed.has(seeds[nextSeed] as string)) nextSeed++;
    const seed = seeds[nextSeed] as string;
    const cluster = [seed];
    placed.add(seed);
    // Links of each unplaced candidate into the cluster, kept up to date as members join.
    const score = new Map<string, number>();
    const join = (member: string) => {
      score.delete(member);
      for (const [n, w] of links.get(member) ?? []) if (!placed.has(n)) score.set(n, (score.get(n) ?? 0) + w);
    };
    join(seed);
    while (cluster.length < max) {
      // Highest score, ties by name.
      let best: string | undefined;
      let bestScore = 0;
      for (const [k, s] of score) {
        if (
          best === undefined ||
          s > bestScore ||
          (s === bestScore && (position.get(k) as number) < (position.get(best) as number))
        ) {
          best = k;
          bestScore = s;
        }
      }
      if (best === undefined) break;
      cluster.push(best);
      placed.add(best);
      join(best);
    }
    result.push(cluster.map((k) => byKey.get(k) as Table).sort(compareRefs));
  }
  return mergeSmall(result, max);
}

/** Pack clusters of unconnected leftovers (e.g. single tables) together, first fit, so few diagrams are tiny. */
function mergeSmall(clusters: Table[][], max: number): Table[][] {
  const out: Table[][] = [];
  // Groups still under half full, in `out` order: any two of them fit together, so the first fit
  // is the first of these (a group leaves this list for good once it reaches half).
  const open: Table[][] = [];
  let first = 0;
  for (const c of clusters) {
    while (first < open.length && (open[first] as Table[]).length >= max / 2) first++;
    const target = c.length < max / 2 ? open[first] : undefined;
    if (target) target.push(...c);
    else {
      const group = [...c];
      out.push(group);
      if (group.length < max / 2) open.push(group);
    }
  }
  return out.map((c) => c.sort(compareRefs));
}
