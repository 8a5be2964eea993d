import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { renderFocusMermaid } from '../mermaid/index.js';
import { once, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { type Domain, domainFile } from '../render/domains.js';
import { bullets, code, escapeCell, escapeHeading, fence, link, table } from '../render/markdown.js';
import { ofTable } from '../render/memo.js';
import { findingsLink } from '../render/parts/findingsHome.js';
import { tableLink } from '../render/parts/links.js';
import { describeRelationship } from '../render/parts/relationships.js';
import {
  DOMAIN_INDEX_FILE,
  domainIndex,
  domainLinks,
  domainSummary,
  domainTable,
  MAP_DOMAINS,
} from '../render/parts/startHere.js';
import type { RenderedFile } from '../render/types.js';

const SOURCES: Record<Domain['source'], string> = {
  config: 'the `domains` key of the config',
  tag: 'a `@domain(...)` (or `@namespace`, `@module`) tag on its tables',
  schema: 'the database schema (namespace) its tables live in',
  file: 'the source file or folder its tables are defined in',
  cluster: 'clusters of the foreign-key graph (no domain is declared in the schema or the config)',
};

/** One page per domain (`domains/<id>.md`): its tables, a diagram, its relationships; plus an index when the map cannot list them all. */
export function renderDomainPages(ctx: RenderContext): RenderedFile[] {
  const files = ctx.domains.map((d) => ({ path: domainFile(d), content: domainPage(ctx, d) }));
  if (ctx.domains.length > MAP_DOMAINS) {
    const doc = new Doc(ctx);
    doc.region(
      'domains',
      `# Domains\n\n${backLink(ctx)}\n\n${ctx.domains.length} domains:\n\n${domainTable(ctx, ctx.domains, '../')}`,
    );
    files.push({ path: DOMAIN_INDEX_FILE, content: doc.toString() });
  }
  return files;
}

function backLink(ctx: RenderContext): string {
  const overview = ctx.documents.overview;
  return overview ? link('← Start Here', `../${overview}`, 'start-here') : '';
}

function domainPage(ctx: RenderContext, domain: Domain): string {
  const doc = new Doc(ctx);
  // The domain's own tables, most connected first (an index per render: no scan of every table per domain).
  const byKey = once(ctx, 'tables-by-key', () => new Map(ctx.tables.map((t) => [tableSortKey(t), t])));
  const rank = once(ctx, 'rank', () => new Map(ctx.map.ranked.map((t, i) => [t, i])));
  const own = domain.tables.map((r) => byKey.get(tableSortKey(r))).filter((t): t is Table => t !== undefined);
  const tables = own.filter((t) => rank.has(t)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const views = own.filter((t) => !rank.has(t));
  const { neighbours } = domainLinks(ctx, domain);
  const up = { up: '../' };
  const head = [
    `# ${escapeHeading(domain.name)} — Domain`,
    backLink(ctx),
    domainSummary(ctx, domain),
    `Grouped by ${SOURCES[domain.source]}.${neighbours.length ? ` Linked to: ${neighbours.map((n) => link(n.name, domainFile(n).slice('domains/'.length))).join(', ')}.` : ''}`,
  ].filter(Boolean);
  doc.region('domain', head.join('\n\n'));
  doc.region(
    'domain-tables',
    `## Tables\n\nMost connected first:\n\n${table(
      ['Table', 'Purpose', 'Columns'],
      [...tables, ...views].map((t) => [
        tableLink(ctx, t, up),
        t.description ? escapeCell(t.description) : '—',
        String(t.columns.length),
      ]),
    )}`,
  );
  const findings = own.flatMap((t) => [...ofTable(ctx.index.findings, t)]);
  if (findings.length) {
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    doc.region(
      'domain-findings',
      `**Findings about these tables:** ${[...byRule].map(([id, n]) => `${code(id)} (${n})`).join(', ')}; each place and its fix: ${findingsLink('Findings', undefined, '../')}.`,
    );
  }
  doc.region('domain-diagram', `## Diagram\n\n${diagram(ctx, domain, [...tables, ...views])}`);
  doc.region('domain-relationships', `## Relationships\n\n${relationships(ctx, domain)}`);
  return doc.toString();
}

/**
 * The domain's tables with their keys and foreign-key columns (every column is in the schema
 * reference), and each table of another domain they are linked to as a stub (its key and the
 * linking columns), so every foreign key of the domain has an edge.
 */
function diagram(ctx: RenderContext, domain: Domain, tables: Table[]): string {
  const members = new Set(domain.tables.map(tableSortKey));
  const byKey = once(ctx, 'tables-by-key', () => new Map(ctx.tables.map((t) => [tableSortKey(t), t])));
  const keep = new Map<string, { table: Table; columns: Set<string>; fks: Table['foreignKeys'] }>();
  const entry = (t: Table) => {
    const k = tableSortKey(t);
    let e = keep.get(k);
    if (!e) {
      e = { table: t, columns: new Set(t.primaryKey?.columns ?? []), fks: [] };
      keep.set(k, e);
    }
    return e;
  };
  for (const t of tables) {
    const own = entry(t);
    for (const fk of t.foreignKeys) {
      const parent = byKey.get(tableSortKey(fk.references));
      if (!parent) continue;
      own.fks.push(fk);
      for (const c of fk.columns) own.columns.add(c);
      if (!members.has(tableSortKey(parent)))
        for (const c of fk.references.columns) entry(parent).columns.add(c);
    }
    for (const r of ofTable(ctx.index.relationships, t)) {
      if (r.kind === 'many-to-many' || members.has(tableSortKey(r.child))) continue;
      const child = byKey.get(tableSortKey(r.child));
      if (!child) continue;
      const e = entry(child);
      for (const fk of child.foreignKeys)
        if (fk.name === r.foreignKey && !e.fks.includes(fk)) {
          e.fks.push(fk);
          for (const c of fk.columns) e.columns.add(c);
        }
    }
  }
  const shown = [...keep.values()].map(({ table: t, columns, fks }) => ({
    ...t,
    columns: t.columns.filter((c) => columns.has(c.name)),
    foreignKeys: fks,
    indexes: [],
    uniques: [],
    checks: [],
  })) as Table[];
  const ir: Ir = { ...ctx.ir, tables: shown };
  // At most MAX_DIAGRAM_ENTITIES boxes per diagram: a large domain, or one linked to many others, gets several.
  const diagrams = renderFocusMermaid(ir, tables, { comments: false });
  const stubs = shown.filter((t) => !members.has(tableSortKey(t)));
  const note = `Keys and foreign-key columns only (every column is in the schema reference)${
    stubs.length
      ? `; tables of other domains are drawn with their linking columns: ${stubs.map((t) => code(qualifiedName(t))).join(', ')}`
      : ''
  }.`;
  const split =
    diagrams.length > 1
      ? `${diagrams.length} diagrams, each with some of the domain's tables and the tables they are linked to. `
      : '';
  return `${diagrams.map((d) => fence('mermaid', d.code)).join('\n\n')}\n\n${split}${note}`;
}

function relationships(ctx: RenderContext, domain: Domain): string {
  const members = new Set(domain.tables.map(tableSortKey));
  const domainOf = domainIndex(ctx);
  const inside: string[] = [];
  const across: string[] = [];
  let insideFks = 0;
  const seen = new Set<string>();
  for (const ref of domain.tables)
    for (const r of ofTable(ctx.index.relationships, ref)) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const ends = r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child];
      const others = ends.filter((e) => !members.has(tableSortKey(e)));
      if (others.length === 0) {
        // Foreign keys inside the domain are the diagram's edges; a many-to-many is named once here.
        if (r.kind === 'many-to-many') inside.push(describeRelationship(r));
        else insideFks++;
        continue;
      }
      const names = [
        ...new Set(others.map((e) => domainOf.get(tableSortKey(e))).filter((d) => d !== undefined)),
      ];
      across.push(
        `${describeRelationship(r)} — with ${names.map((d) => link(d.name, domainFile(d).slice('domains/'.length))).join(', ')}`,
      );
    }
  const fks = `${insideFks} foreign-key ${insideFks === 1 ? 'relationship' : 'relationships'} between the domain's tables, each an edge of the diagram above.`;
  return [
    '### Inside the domain',
    inside.length ? `${fks}\n\n${bullets(inside, '')}` : fks,
    '### With other domains',
    bullets(across, '_None._'),
  ].join('\n\n');
}
