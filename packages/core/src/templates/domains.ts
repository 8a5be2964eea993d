import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { renderMermaid } from '../mermaid/index.js';
import type { RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { type Domain, domainFile } from '../render/domains.js';
import { bullets, code, escapeCell, escapeHeading, fence, link, table } from '../render/markdown.js';
import { ofTable } from '../render/memo.js';
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
  const members = new Set(domain.tables.map(tableSortKey));
  const tables = ctx.map.ranked.filter((t) => members.has(tableSortKey(t)));
  const views = ctx.tables.filter((t) => t.kind !== 'table' && members.has(tableSortKey(t)));
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
  doc.region('domain-diagram', `## Diagram\n\n${diagram(ctx, domain, [...tables, ...views])}`);
  doc.region('domain-relationships', `## Relationships\n\n${relationships(ctx, domain)}`);
  return doc.toString();
}

/**
 * The domain's tables in full, and each table of another domain they are linked to as a stub (its
 * key and the linking columns only), so every foreign key of the domain has an edge.
 */
function diagram(ctx: RenderContext, domain: Domain, tables: Table[]): string {
  const members = new Set(domain.tables.map(tableSortKey));
  const stubs = new Map<string, { table: Table; columns: Set<string>; fks: Table['foreignKeys'] }>();
  const stub = (t: Table) => {
    const k = tableSortKey(t);
    let s = stubs.get(k);
    if (!s) {
      s = { table: t, columns: new Set(t.primaryKey?.columns ?? []), fks: [] };
      stubs.set(k, s);
    }
    return s;
  };
  const byKey = new Map(ctx.tables.map((t) => [tableSortKey(t), t]));
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      const parent = byKey.get(tableSortKey(fk.references));
      if (!parent || members.has(tableSortKey(parent))) continue;
      const s = stub(parent);
      for (const c of fk.references.columns) s.columns.add(c);
    }
    for (const r of ofTable(ctx.index.relationships, t)) {
      if (r.kind === 'many-to-many' || members.has(tableSortKey(r.child))) continue;
      const child = byKey.get(tableSortKey(r.child));
      if (!child) continue;
      const s = stub(child);
      for (const fk of child.foreignKeys)
        if (fk.name === r.foreignKey && !s.fks.includes(fk)) {
          s.fks.push(fk);
          for (const c of fk.columns) s.columns.add(c);
        }
    }
  }
  const stubTables = [...stubs.values()].map(({ table: t, columns, fks }) => ({
    ...t,
    columns: t.columns.filter((c) => columns.has(c.name)),
    foreignKeys: fks,
    indexes: [],
    uniques: [],
    checks: [],
    description: undefined,
  })) as Table[];
  const ir: Ir = { ...ctx.ir, tables: [...tables, ...stubTables] };
  const diagrams = renderMermaid(ir, {
    maxTablesPerDiagram: Math.max(ir.tables.length, 1),
  });
  const note = stubTables.length
    ? `\n\nTables of other domains appear with their key and linking columns only: ${stubTables.map((t) => code(qualifiedName(t))).join(', ')}.`
    : '';
  return `${diagrams.map((d) => fence('mermaid', d.code)).join('\n\n')}${note}`;
}

function relationships(ctx: RenderContext, domain: Domain): string {
  const members = new Set(domain.tables.map(tableSortKey));
  const domainOf = domainIndex(ctx);
  const inside: string[] = [];
  const across: string[] = [];
  const seen = new Set<string>();
  for (const ref of domain.tables)
    for (const r of ofTable(ctx.index.relationships, ref)) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const ends = r.kind === 'many-to-many' ? [r.left, r.right, r.junction] : [r.parent, r.child];
      const others = ends.filter((e) => !members.has(tableSortKey(e)));
      if (others.length === 0) {
        inside.push(describeRelationship(r));
        continue;
      }
      const names = [
        ...new Set(others.map((e) => domainOf.get(tableSortKey(e))).filter((d) => d !== undefined)),
      ];
      across.push(
        `${describeRelationship(r)} — with ${names.map((d) => link(d.name, domainFile(d).slice('domains/'.length))).join(', ')}`,
      );
    }
  return [
    '### Inside the domain',
    bullets(inside, '_None._'),
    '### With other domains',
    bullets(across, '_None._'),
  ].join('\n\n');
}
