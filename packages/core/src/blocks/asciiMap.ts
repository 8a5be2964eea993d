import type { Domain } from '../domains/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { deriveRelationships, type Relationship } from '../relationships/derive.js';
import { readingOrder } from '../render/parts/order.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface MapLine {
  left: string;
  arrow: string;
  right: string;
  detail: string;
}

/** Above this many domains, headers would outnumber the lines under them: the map is not sectioned. */
export const MAX_DOMAIN_SECTIONS = 12;

export interface RelationshipMapOptions {
  /**
   * At most this many relationship lines. Cut fairly: every table (left side, in reading order)
   * keeps up to the same number of lines, the largest number the budget allows, so a hub's family
   * never pushes out the rest; a table's last line shown ends with `… +N more` when it lost some,
   * and a last line counts the relationships of the tables that lost all of theirs.
   */
  maxLines?: number;
  /** With 2..MAX_DOMAIN_SECTIONS domains: the lines grouped under a `── Billing (12 tables) ──` header per domain (by the left table). */
  domains?: readonly Domain[];
  /** `deriveRelationships(ir)` when the caller has it already (a render computes it once). */
  relationships?: readonly Relationship[];
}

export interface RelationshipMap {
  text: string;
  /** Per table (left side), the lines left out by `maxLines`; empty when nothing was cut. */
  omitted: Array<{ table: string; lines: number }>;
}

/**
 * The relationships as an aligned text map, one line each:
 *   users         ──►  posts          (one-to-many, posts.author_id, optional)
 *   users         ───  user_profiles  (one-to-one, user_profiles.user_id)
 *   posts         ◄──► tags           (many-to-many via post_tags)
 * Junction tables appear as their many-to-many line (with payload columns), not as two FKs.
 * In reading order (`readingOrder`: core tables first, each after the tables it references): by the
 * left table, then the right table, then the details; a many-to-many line starts at the table met first.
 */
export function asciiRelationshipMap(ir: Ir, options: RelationshipMapOptions = {}): string {
  return relationshipMap(ir, options).text;
}

/** `asciiRelationshipMap` with what `maxLines` left out, so the caller can say where to find it. */
export function relationshipMap(ir: Ir, options: RelationshipMapOptions = {}): RelationshipMap {
  const rank = new Map(readingOrder(ir).map((t, i) => [qualifiedName(t), i]));
  const at = (name: string) => rank.get(name) ?? Number.MAX_SAFE_INTEGER;
  const lines = mapLines(ir, at, options.relationships);
  if (lines.length === 0) return { text: '', omitted: [] };
  lines.sort((a, b) => at(a.left) - at(b.left) || at(a.right) - at(b.right) || cmp(a.detail, b.detail));
  const groups: MapLine[][] = [];
  for (const l of lines) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.left === l.left) last.push(l);
    else groups.push([l]);
  }
  const { kept, omitted } = fairCut(groups, options.maxLines);
  const lw = Math.max(...lines.map((l) => l.left.length));
  const rw = Math.max(...lines.map((l) => l.right.length));
  const render = (l: MapLine) => `${l.left.padEnd(lw)} ${l.arrow} ${l.right.padEnd(rw)} (${l.detail})`;
  const body = (group: MapLine[], i: number): string[] => {
    const out = group.slice(0, kept[i]).map(render);
    const more = group.length - out.length;
    // What was cut is said on the table's last line shown (a table cut to nothing is in the tail).
    if (more > 0 && out.length > 0) out[out.length - 1] += ` … +${more} more`;
    return out;
  };
  const domainOf = new Map<string, Domain>();
  for (const d of options.domains ?? []) for (const t of d.tables) domainOf.set(qualifiedName(t), d);
  const sections = new Map<string, { title: string; lines: string[] }>();
  const count = options.domains?.length ?? 0;
  const useDomains = count > 1 && count <= MAX_DOMAIN_SECTIONS;
  groups.forEach((group, i) => {
    const left = (group[0] as MapLine).left;
    const domain = useDomains ? domainOf.get(left) : undefined;
    const key = domain?.id ?? '';
    const title = domain
      ? `── ${domain.name} (${domain.tables.length} ${domain.tables.length === 1 ? 'table' : 'tables'}) ──`
      : '';
    const section = sections.get(key) ?? { title, lines: [] };
    section.lines.push(...body(group, i));
    sections.set(key, section);
  });
  const ordered = useDomains
    ? (options.domains ?? []).map((d) => sections.get(d.id)).concat(sections.get(''))
    : [sections.get('')];
  const blocks = ordered
    .filter((s): s is { title: string; lines: string[] } => !!s && s.lines.length > 0)
    .map((s) => (s.title ? [s.title, ...s.lines] : s.lines).join('\n'));
  const dropped = omitted.reduce((n, o) => n + (o.whole ? o.lines : 0), 0);
  const droppedTables = omitted.filter((o) => o.whole).length;
  const tail =
    droppedTables > 0
      ? [
          `… and ${dropped} more relationship${dropped === 1 ? '' : 's'} of ${droppedTables} more table${droppedTables === 1 ? '' : 's'}`,
        ]
      : [];
  return {
    text: `${[...blocks, ...tail].join(useDomains ? '\n\n' : '\n')}\n`,
    omitted: omitted.map(({ table, lines: n }) => ({ table, lines: n })),
  };
}

/**
 * How many lines each group keeps within `budget`: the largest per-group quota q with
 * Σ min(size, q) ≤ budget, the budget left over given one line each to the first groups still
 * longer than q; when even one line each does not fit, the first groups (reading order) get one.
 */
function fairCut(
  groups: MapLine[][],
  budget: number | undefined,
): { kept: number[]; omitted: Array<{ table: string; lines: number; whole: boolean }> } {
  const sizes = groups.map((g) => g.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (budget === undefined || total <= budget) return { kept: sizes, omitted: [] };
  const max = Math.max(0, Math.floor(budget));
  const used = (q: number) => sizes.reduce((n, s) => n + Math.min(s, q), 0);
  // Largest q with used(q) <= max (used grows with q): binary search.
  let q = 0;
  for (let hi = max; q < hi; ) {
    const mid = Math.ceil((q + hi) / 2);
    if (used(mid) <= max) q = mid;
    else hi = mid - 1;
  }
  const kept = sizes.map((s) => Math.min(s, q));
  let left = max - used(q);
  for (let i = 0; i < kept.length && left > 0; i++)
    if ((sizes[i] as number) > (kept[i] as number)) {
      kept[i] = (kept[i] as number) + 1;
      left--;
    }
  const omitted = groups.flatMap((g, i) =>
    (kept[i] as number) < g.length
      ? [{ table: (g[0] as MapLine).left, lines: g.length - (kept[i] as number), whole: kept[i] === 0 }]
      : [],
  );
  return { kept, omitted };
}

function mapLines(
  ir: Ir,
  at: (name: string) => number,
  relationships: readonly Relationship[] = deriveRelationships(ir),
): MapLine[] {
  const lines: MapLine[] = [];
  for (const r of relationships) {
    if (r.kind === 'many-to-many') {
      const payload = r.payloadColumns.length > 0 ? `, with ${r.payloadColumns.join(', ')}` : '';
      const [left, right] = [qualifiedName(r.left), qualifiedName(r.right)].sort(
        (a, b) => at(a) - at(b) || cmp(a, b),
      );
      lines.push({
        left: left as string,
        arrow: '◄──►',
        right: right as string,
        detail: `many-to-many via ${qualifiedName(r.junction)}${payload}`,
      });
      continue;
    }
    if (r.junction) continue;
    const notes = [
      r.kind,
      `${qualifiedName(r.child)}.${r.child.columns.length === 1 ? r.child.columns[0] : `(${r.child.columns.join(', ')})`}`,
      ...(r.optional ? ['optional'] : []),
      ...(r.selfReference ? ['self'] : []),
      ...(r.enforcedBy === 'orm' ? ['ORM-enforced'] : []),
    ];
    lines.push({
      left: qualifiedName(r.parent),
      arrow: r.kind === 'one-to-one' ? '─── ' : '──► ',
      right: qualifiedName(r.child),
      detail: notes.join(', '),
    });
  }
  return lines;
}
