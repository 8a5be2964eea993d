import type { DomainsConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { compareRefs, tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import type { WeightedGraph } from './_cluster.js';
import { byClusters, CLUSTER_MAX } from './_clusters.js';
import { byFiles, bySchemas, byTags, type Draft, tableMatches } from './_sources.js';

export { CLUSTER_MAX, CLUSTER_MIN } from './_clusters.js';

/** A schema or file domain above this many tables is split into FK clusters (see `splitLarge`). */
export const LARGE_DOMAIN = 2 * CLUSTER_MAX;
export { DOMAIN_TAGS } from './_sources.js';

/** A subject area of the schema: a named group of tables, with the most connected one as its hub. */
export interface Domain {
  /** Slug of the name (`billing`, `user-management`); stable for the same IR and config, unique. */
  id: string;
  /** Display name: the config key, the tag value, the schema, the file/folder, or the hub table's (code) name. */
  name: string;
  /** From the config; otherwise only a derived fact ("Standalone tables": no foreign key). ormdoc does not guess what a domain holds. */
  description?: string;
  /** Where the grouping came from (strongest first: config, tag, schema, file, cluster). */
  source: 'config' | 'file' | 'schema' | 'tag' | 'cluster';
  /** Sorted by schema, then name. Never empty. */
  tables: TableRef[];
  /** The table of the domain with the most foreign keys to and from other tables (ties: first by name); absent when none has any. */
  hub?: TableRef;
}

export type { DomainsConfig };

/**
 * Group the tables of an IR into domains (subject areas). Every table and view of `ir.tables` is
 * in exactly one domain; the same IR and config give the same domains, sorted by `id`, their
 * tables sorted by schema and name. Sources, strongest first, each taking the tables the ones
 * before it left:
 * 1. `config.domains`: `{ Billing: { tables: ['invoices', 'billing.*'], description } }`; patterns
 *    are names, `schema.name` or code names, with `*` and `?`; a table matched by two domains goes
 *    to the first in the config's key order.
 * 2. Tags on the table's description: `@domain(billing)`, `@namespace(billing)`, `@module(billing)`.
 * 3. PostgreSQL schemas (namespaces), when the IR uses more than one.
 * 4. Source files (`table.source.file`): one domain per file when files hold several tables
 *    (multi-file Prisma schemas, Drizzle schema files), one per folder when most files hold one
 *    table (TypeORM entity folders); skipped when there is only one file or folder. Tables
 *    without a file (implicit junction tables) join their neighbour's domain. A schema or file
 *    domain of more than LARGE_DOMAIN tables is split into clusters as in 5, named `<name>: <hub>`.
 * 5. Otherwise clusters of the undirected foreign-key graph (Louvain modularity, deterministic,
 *    aiming at CLUSTER_MIN..CLUSTER_MAX tables; a junction table or pair joins a neighbour), each
 *    named after its hub table; tables with no foreign key at all form "Standalone tables".
 * Domains of the config and of tags with the same id are one domain. Cost: O(n log n + e) per level.
 */
export function computeDomains(
  ir: Pick<Ir, 'tables' | 'dialect'>,
  config: { domains?: DomainsConfig } = {},
): Domain[] {
  const tables = dedupe(ir.tables);
  const index = new Map(tables.map((t, i) => [tableSortKey(t), i]));
  const graph = fkGraph(tables, index);
  const drafts: Draft[] = [];
  let rest = tables.map((_, i) => i);
  const take = (found: Draft[]) => {
    const taken = new Set<number>();
    for (const d of found)
      if (d.members.length > 0) {
        drafts.push(d);
        for (const m of d.members) taken.add(m);
      }
    rest = rest.filter((i) => !taken.has(i));
  };
  for (const [name, spec] of Object.entries(config.domains ?? {})) {
    const members = rest.filter((i) => spec.tables.some((p) => tableMatches(p, tables[i] as Table)));
    take([
      { name, source: 'config', members, ...(spec.description ? { description: spec.description } : {}) },
    ]);
  }
  take(byTags(tables, rest));
  if (rest.length > 0) {
    const defaultSchema =
      ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb' ? 'public' : 'Default schema';
    const inferred = bySchemas(tables, rest, defaultSchema) ?? byFiles(tables, rest, graph);
    take(inferred ? inferred.flatMap((d) => splitLarge(d, graph)) : byClusters(rest, graph));
  }
  return finish(drafts, tables, graph, referencedCounts(tables, index));
}

/**
 * Warnings for the `domains` config: an entry that matches no table (a typo, a renamed table), and
 * an entry whose tables all went to an earlier domain. `computeDomains` ignores both silently.
 */
export function checkDomainsConfig(
  ir: Pick<Ir, 'tables'>,
  config: { domains?: DomainsConfig } = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const claimed = new Set<Table>();
  for (const [name, spec] of Object.entries(config.domains ?? {})) {
    let fresh = 0;
    spec.tables.forEach((pattern, i) => {
      const hits = ir.tables.filter((t) => tableMatches(pattern, t));
      if (hits.length === 0)
        out.push({
          severity: 'warning',
          code: 'config/domain-matches-nothing',
          message: `domains.${name}.tables[${i}] "${pattern}" matches no table.`,
          path: `domains.${name}.tables[${i}]`,
          hint: 'Use a table name, schema.name or the model name; `*` and `?` are wildcards.',
        });
      for (const t of hits)
        if (!claimed.has(t)) {
          claimed.add(t);
          fresh++;
        }
    });
    if (fresh === 0 && spec.tables.length > 0 && !out.some((d) => d.path?.startsWith(`domains.${name}.`)))
      out.push({
        severity: 'warning',
        code: 'config/domain-empty',
        message: `domains.${name}: every table it lists belongs to an earlier domain of the config, so it is left out.`,
        path: `domains.${name}`,
        hint: 'A table goes to the first domain (in the config) that lists it.',
      });
  }
  return out;
}

/**
 * A schema or file holding more than LARGE_DOMAIN tables (one `schema.prisma` beside a small second
 * file, a `public` schema beside `auth`) is no subject area: it is clustered like a schema without
 * any grouping, each cluster named `<schema or file>: <hub>` (just the hub when the name is generic).
 */
function splitLarge(draft: Draft, graph: WeightedGraph): Draft[] {
  if (draft.members.length <= LARGE_DOMAIN) return [draft];
  return byClusters(
    [...draft.members].sort((a, b) => a - b),
    graph,
  ).map((c) => ({
    ...c,
    ...(draft.name ? { prefix: draft.name } : {}),
    ...(c.name && draft.name ? { name: `${draft.name}: ${c.name}` } : {}),
  }));
}

function dedupe(all: readonly Table[]): Table[] {
  const seen = new Set<string>();
  return [...all].sort(compareRefs).filter((t) => {
    const k = tableSortKey(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Undirected: weight = number of foreign keys between two tables (either direction); self-references left out. */
function fkGraph(tables: readonly Table[], index: ReadonlyMap<string, number>): WeightedGraph {
  const graph = tables.map(() => new Map<number, number>());
  tables.forEach((t, i) => {
    for (const fk of t.foreignKeys) {
      const j = index.get(tableSortKey(fk.references));
      if (j === undefined || j === i) continue;
      graph[i]?.set(j, (graph[i]?.get(j) ?? 0) + 1);
      graph[j]?.set(i, (graph[j]?.get(i) ?? 0) + 1);
    }
  });
  return graph;
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'domain';
}

/** Most foreign keys to and from it; ties: most referenced, then first by name (`members` ascending). */
function hubOf(
  members: readonly number[],
  graph: WeightedGraph,
  referenced: readonly number[],
): number | undefined {
  let hub: number | undefined;
  let best = 0;
  let bestIn = 0;
  for (const i of members) {
    let degree = 0;
    for (const w of (graph[i] as ReadonlyMap<number, number>).values()) degree += w;
    const into = referenced[i] as number;
    if (degree > best || (degree === best && degree > 0 && into > bestIn)) {
      hub = i;
      best = degree;
      bestIn = into;
    }
  }
  return hub;
}

/** Per table: the foreign keys of other tables that reference it. */
function referencedCounts(tables: readonly Table[], index: ReadonlyMap<string, number>): number[] {
  const counts = tables.map(() => 0);
  tables.forEach((t, i) => {
    for (const fk of t.foreignKeys) {
      const j = index.get(tableSortKey(fk.references));
      if (j !== undefined && j !== i) counts[j] = (counts[j] as number) + 1;
    }
  });
  return counts;
}

function finish(
  drafts: Draft[],
  tables: readonly Table[],
  graph: WeightedGraph,
  referenced: number[],
): Domain[] {
  // `tables` is sorted by schema and name, so sorting members by index sorts the domain's tables.
  const byId = new Map<string, { domain: Omit<Domain, 'tables' | 'hub'>; members: number[] }>();
  const explicit = (s: Draft['source']) => s === 'config' || s === 'tag';
  for (const d of drafts) {
    const hub = d.name
      ? undefined
      : hubOf(
          [...d.members].sort((a, b) => a - b),
          graph,
          referenced,
        );
    const hubTable = hub === undefined ? undefined : (tables[hub] as Table);
    const hubName = hubTable ? (hubTable.codeName ?? hubTable.name) : 'Tables';
    const name = d.name || (d.prefix ? `${d.prefix}: ${hubName}` : hubName);
    let id = slug(name);
    const existing = byId.get(id);
    if (existing && explicit(existing.domain.source) && explicit(d.source)) {
      existing.members.push(...d.members);
      continue;
    }
    let displayName = name;
    for (let n = 2; byId.has(id); n++) {
      displayName = `${name} (${n})`;
      id = `${slug(name)}-${n}`;
    }
    byId.set(id, {
      domain: {
        id,
        name: displayName,
        ...(d.description ? { description: d.description } : {}),
        source: d.source,
      },
      members: [...d.members],
    });
  }
  return [...byId.values()]
    .map(({ domain, members }) => {
      members.sort((a, b) => a - b);
      const hub = hubOf(members, graph, referenced);
      return {
        ...domain,
        tables: members.map((i) => tableRef(tables[i] as Table)),
        ...(hub === undefined ? {} : { hub: tableRef(tables[hub] as Table) }),
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
