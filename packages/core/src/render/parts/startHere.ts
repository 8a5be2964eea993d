import { findTable, qualifiedName, sameTable, tableSortKey } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { once, type RenderContext } from '../context.js';
import { type Domain, domainFile } from '../domains.js';
import { code, escapeCell, escapeText, link, table } from '../markdown.js';
import { tableLink } from './links.js';

/** The map shows this many domains, and this many tables per domain; the rest are counted. */
export const MAP_DOMAINS = 12;
export const MAP_TABLES_PER_DOMAIN = 6;
const MAP_DIRECT = 8;

/** The page listing every domain, written when the map cannot show them all. */
export const DOMAIN_INDEX_FILE = 'domains/README.md';

interface DomainStats {
  inside: number;
  outside: number;
  neighbours: Domain[];
}

/** Foreign keys inside a domain, and to or from other domains (self-references left out). */
export function domainLinks(ctx: RenderContext, domain: Domain): DomainStats {
  return domainStats(ctx).get(domain) ?? { inside: 0, outside: 0, neighbours: [] };
}

/** Every domain's link counts, in one pass over the relationships (once per render). */
function domainStats(ctx: RenderContext): Map<Domain, DomainStats> {
  return once(ctx, 'domain-stats', () => {
    const domainOf = domainIndex(ctx);
    const stats = new Map<Domain, { inside: number; outside: number; neighbours: Set<Domain> }>();
    const of = (d: Domain) => {
      let s = stats.get(d);
      if (!s) {
        s = { inside: 0, outside: 0, neighbours: new Set() };
        stats.set(d, s);
      }
      return s;
    };
    for (const r of ctx.relationships) {
      if (r.kind === 'many-to-many' || r.selfReference) continue;
      const a = domainOf.get(tableSortKey(r.child));
      const b = domainOf.get(tableSortKey(r.parent));
      if (a && a === b) of(a).inside++;
      else {
        if (a) of(a).outside++;
        if (b) of(b).outside++;
        if (a && b) {
          of(a).neighbours.add(b);
          of(b).neighbours.add(a);
        }
      }
    }
    const byId = (x: Domain, y: Domain) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    return new Map(
      [...stats].map(([d, s]) => [
        d,
        { inside: s.inside, outside: s.outside, neighbours: [...s.neighbours].sort(byId) },
      ]),
    );
  });
}

/** Table key → its domain, once per render. */
export function domainIndex(ctx: RenderContext): Map<string, Domain> {
  return once(ctx, 'domain-index', () => {
    const index = new Map<string, Domain>();
    for (const d of ctx.domains) for (const t of d.tables) index.set(tableSortKey(t), d);
    return index;
  });
}

/**
 * What a domain holds, in one line, from the schema or the config only: the domain's description
 * (config), else its hub table's description, else how its tables connect. Never a guess.
 */
export function domainSummary(ctx: RenderContext, domain: Domain, options: { cell?: boolean } = {}): string {
  const text = options.cell ? escapeCell : escapeText;
  if (domain.description) return text(domain.description);
  const hub = domain.hub ? findTable(ctx.ir, domain.hub) : undefined;
  if (hub?.description) return `${code(qualifiedName(hub))} (hub): ${text(hub.description)}`;
  const { inside, outside } = domainLinks(ctx, domain);
  const n = domain.tables.length;
  const fks = (k: number) => `${k} foreign ${k === 1 ? 'key' : 'keys'}`;
  const hubText = hub ? `, most linked at ${code(qualifiedName(hub))}` : '';
  return `_No description in the schema:_ ${n} ${n === 1 ? 'table' : 'tables'}, ${fks(inside)} among them${hubText}, ${fks(outside)} to or from other domains.`;
}

function domainTables(_ctx: RenderContext, domain: Domain): string {
  const names = domain.tables.slice(0, MAP_TABLES_PER_DOMAIN).map((t) => code(qualifiedName(t)));
  const more = domain.tables.length - MAP_TABLES_PER_DOMAIN;
  return `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The domains as a table: name (linked to its page), tables, what it holds. */
export function domainTable(ctx: RenderContext, domains: readonly Domain[], up = ''): string {
  return table(
    ['Domain', 'Tables', 'What it holds'],
    domains.map((d) => [
      link(d.name, `${up}${domainFile(d)}`),
      domainTables(ctx, d),
      domainSummary(ctx, d, { cell: true }),
    ]),
  );
}

/**
 * The overview's first screen: the domains with their tables and one line each, the key tables and
 * why they are key, and the ownership chain. Everything derived from the schema or the config.
 */
export function startHere(ctx: RenderContext): string {
  const tables = ctx.map.ranked.length;
  if (tables === 0) return '_The schema defines no tables._';
  const views = ctx.tables.length - tables;
  const domains = ctx.domains;
  const shown = domains.slice(0, MAP_DOMAINS);
  const out: string[] = [
    `${tables} ${tables === 1 ? 'table' : 'tables'}${views ? ` and ${views} ${views === 1 ? 'view' : 'views'}` : ''} in ${domains.length} ${domains.length === 1 ? 'domain' : 'domains'}; each domain has its own page with its tables, diagram and relationships.`,
    '### Domains',
    domainTable(ctx, shown),
  ];
  if (domains.length > shown.length)
    out.push(
      `_… and ${domains.length - shown.length} more domains: ${link('all domains', DOMAIN_INDEX_FILE)}._`,
    );
  out.push('### Key Tables');
  out.push(
    ctx.map.keyTables.length
      ? ctx.map.keyTables.map((k) => `- ${tableLink(ctx, k.table)}: ${k.reasons.join('; ')}.`).join('\n')
      : '_No foreign keys: no table is linked to another._',
  );
  const owner = ctx.map.owner;
  if (owner) {
    const chain = owner.chain.map((t) => code(qualifiedName(t))).join(' → ');
    const direct = owner.direct.slice(0, MAP_DIRECT).map((t) => code(qualifiedName(t)));
    const moreDirect = owner.direct.length - direct.length;
    out.push(`### ${owner.tenancy ? 'Tenancy' : 'Ownership'} Chain`);
    out.push(
      `${chain}: each arrow is a NOT NULL foreign key, so a row cannot exist without the row it points to. ${owner.owned} ${owner.owned === 1 ? 'table belongs' : 'tables belong'} to ${code(qualifiedName(owner.root))} this way; directly: ${direct.join(', ')}${moreDirect > 0 ? ` and ${moreDirect} more` : ''}.`,
    );
  }
  return out.join('\n\n');
}

/** Whether `t` is one of the domain's tables. */
export function inDomain(domain: Domain, t: Pick<Table, 'schema' | 'name'>): boolean {
  return domain.tables.some((d) => sameTable(d, t));
}
