import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import type { WeightedGraph } from './_cluster.js';

/** A domain before naming is settled: its tables as indexes into the sorted table list. */
export interface Draft {
  /** Empty: named after the hub table (after `prefix: ` when given). */
  name: string;
  prefix?: string;
  description?: string;
  source: 'config' | 'file' | 'schema' | 'tag' | 'cluster';
  members: number[];
}

/** Tag names that put a table in a domain: `@domain(billing)`, `@namespace(billing)`, `@module(billing)`. */
export const DOMAIN_TAGS = ['domain', 'namespace', 'module'] as const;

/** `*` any run of characters, `?` one; everything else literal. Matched against `name`, `schema.name` and the code name. */
export function tableMatches(pattern: string, table: Table): boolean {
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );
  return (
    re.test(table.name) ||
    re.test(qualifiedName(table)) ||
    (table.codeName !== undefined && re.test(table.codeName))
  );
}

/** `user-management` / `user_management` → `User management`. */
export function humanize(word: string): string {
  const spaced = word.replace(/[-_]+/g, ' ').trim();
  return spaced ? spaced[0]?.toUpperCase() + spaced.slice(1) : word;
}

function groupBy(tables: readonly Table[], rest: readonly number[], key: (t: Table) => string | undefined) {
  const groups = new Map<string, number[]>();
  const without: number[] = [];
  for (const i of rest) {
    const k = key(tables[i] as Table);
    if (k === undefined) without.push(i);
    else {
      const list = groups.get(k);
      if (list) list.push(i);
      else groups.set(k, [i]);
    }
  }
  return { groups, without };
}

/** Tables tagged `@domain(x)` (or namespace/module): one draft per value. */
export function byTags(tables: readonly Table[], rest: readonly number[]): Draft[] {
  const { groups } = groupBy(tables, rest, (t) => {
    const tag = t.tags.find((g) => (DOMAIN_TAGS as readonly string[]).includes(g.name) && g.value?.trim());
    return tag?.value?.trim();
  });
  return [...groups].map(([name, members]) => ({ name, source: 'tag', members }));
}

/** One draft per database schema, when the tables use more than one. */
export function bySchemas(
  tables: readonly Table[],
  rest: readonly number[],
  defaultName: string,
): Draft[] | undefined {
  if (new Set(tables.map((t) => t.schema)).size < 2) return undefined;
  const { groups } = groupBy(tables, rest, (t) => t.schema ?? '\u0000');
  return [...groups].map(([schema, members]) => ({
    name: schema === '\u0000' ? defaultName : schema,
    source: 'schema',
    members,
  }));
}

const GENERIC_FILE_NAMES = new Set([
  'schema',
  'schemas',
  'index',
  'models',
  'model',
  'entities',
  'entity',
  'tables',
  'db',
  'database',
  'prisma',
  'src',
  'lib',
  'app',
  'drizzle',
  'main',
]);

function dirname(file: string): string {
  const at = file.lastIndexOf('/');
  return at < 0 ? '' : file.slice(0, at);
}

/**
 * By source file: one draft per file when files hold several tables (multi-file Prisma schemas,
 * Drizzle schema files), one per folder when most files hold one table (TypeORM entity folders).
 * Undefined when everything comes from one file or folder. Tables without a file (implicit
 * junction tables) join the draft of the neighbour they share most foreign keys with.
 */
export function byFiles(
  tables: readonly Table[],
  rest: readonly number[],
  graph: WeightedGraph,
): Draft[] | undefined {
  const files = groupBy(tables, rest, (t) => t.source?.file);
  if (files.groups.size < 2) return undefined;
  const singles = [...files.groups.values()].filter((m) => m.length === 1).length;
  const perFolder = singles * 2 > files.groups.size;
  const grouped = perFolder
    ? groupBy(tables, rest, (t) => (t.source ? dirname(t.source.file) : undefined))
    : files;
  if (grouped.groups.size < 2) return undefined;
  const keys = [...grouped.groups.keys()];
  // The last part of the path that names something: `src/modules/billing/entities` → billing,
  // `src/auth/schema.ts` → auth; all generic (`prisma/schema/schema.prisma`) → the generic name.
  const label = (key: string): string => {
    const parts = (perFolder ? key : key.replace(/\.[^/]*$/, '').replace(/\.[^/]*$/, '')).split('/');
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i] as string;
      if (part && !GENERIC_FILE_NAMES.has(part.toLowerCase())) return part;
    }
    return parts[parts.length - 1] || key || '.';
  };
  const labels = keys.map(label);
  const drafts: Draft[] = keys.map((key, i) => {
    const short = labels[i] as string;
    const unique = labels.filter((l) => l === short).length === 1;
    // `prisma/schema/schema.prisma` says nothing about its tables: named after its hub later.
    const generic = GENERIC_FILE_NAMES.has(short.toLowerCase());
    return {
      name: generic ? '' : unique ? humanize(short) : key.replace(/\.[^/.]*$/, ''),
      source: 'file',
      members: [...(grouped.groups.get(key) as number[])],
    };
  });
  attachToNeighbours(drafts, grouped.without, graph, 'file');
  return drafts;
}

/** Put each of `loose` into the draft it shares most edge weight with (ties: first draft); else an "Other tables" draft. */
function attachToNeighbours(
  drafts: Draft[],
  loose: number[],
  graph: WeightedGraph,
  source: Draft['source'],
): void {
  const draftOf = new Map<number, number>();
  drafts.forEach((d, di) => {
    for (const m of d.members) draftOf.set(m, di);
  });
  const other: number[] = [];
  for (const i of loose) {
    const weight = new Map<number, number>();
    for (const [j, w] of graph[i] ?? []) {
      const d = draftOf.get(j);
      if (d !== undefined) weight.set(d, (weight.get(d) ?? 0) + w);
    }
    let best: number | undefined;
    for (const [d, w] of weight)
      if (best === undefined || w > (weight.get(best) as number) || (w === weight.get(best) && d < best))
        best = d;
    if (best === undefined) other.push(i);
    else {
      (drafts[best] as Draft).members.push(i);
      draftOf.set(i, best);
    }
  }
  if (other.length > 0) drafts.push({ name: 'Other tables', source, members: other });
}
