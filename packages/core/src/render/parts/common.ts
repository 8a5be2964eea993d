import type { TemplateId } from '../../config/schema.js';
import { findingRules } from '../../findings/index.js';
import { qualifiedName } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { baseTables, DOCUMENT_TITLES, findingsOf, type RenderContext } from '../context.js';
import { databaseEngine, migrationTool, ormName } from '../facts.js';
import { bullets, code, escapeCell, escapeText, link, table } from '../markdown.js';
import { capped, ddlArtifactFile } from '../shared.js';
import { indexColumns, tagList } from './columns.js';
import { FINDING_SECTIONS } from './findings.js';
import { findingsPointer } from './findingsHome.js';
import { tableLink } from './links.js';
import { extensionsLine } from './objects.js';

/** Database, ORM and migration tool lines ("Technology Stack" / "Database Overview" sections). */
export function stackLines(ctx: RenderContext): string[] {
  const files = ctx.ir.source.files;
  const where = files.length
    ? ` — schema in ${files.slice(0, 5).map(code).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''}`
    : '';
  const extensions = extensionsLine(ctx);
  return [
    `**Database:** ${databaseEngine(ctx.ir.dialect)}`,
    ...(extensions ? [extensions] : []),
    `**ORM:** ${escapeText(ormName(ctx.ir))}${where}`,
    `**Migrations:** ${migrationTool(ctx.ir).name}`,
  ];
}

/** "N tables, M views, K enums, R relationships" */
export function schemaCounts(ctx: RenderContext): string {
  const tables = baseTables(ctx).length;
  const views = ctx.tables.length - tables;
  const parts = [`${tables} ${tables === 1 ? 'table' : 'tables'}`];
  if (views) parts.push(`${views} ${views === 1 ? 'view' : 'views'}`);
  parts.push(`${ctx.ir.enums.length} ${ctx.ir.enums.length === 1 ? 'enum' : 'enums'}`);
  parts.push(
    `${ctx.relationships.length} ${ctx.relationships.length === 1 ? 'relationship' : 'relationships'}`,
  );
  return parts.join(', ');
}

/** What each generated document is for, in one line (for cross-links). */
export const DOCUMENT_PURPOSES: Record<TemplateId, string> = {
  overview: 'a short tour: core tables, how they relate, security, performance and migrations.',
  schema: 'every table, column, index, constraint, enum and default, with the full DDL and sample data.',
  design: 'ER diagram, data models, relationships, constraints, indexes, migration sequence and seeding.',
  'target-state': 'data models, schema SQL, data access, query strategy, migrations and recovery.',
  architecture: 'design principles, indexing strategy, data management, security and operations.',
};

/** Links to the other documents ormdoc writes in this run. */
export function relatedDocs(ctx: RenderContext, self: TemplateId): string {
  const items = (Object.entries(ctx.documents) as Array<[TemplateId, string]>)
    .filter(([id]) => id !== self)
    .map(([id, file]) => `${link(DOCUMENT_TITLES[id], file)} — ${DOCUMENT_PURPOSES[id]}`);
  return bullets(items, '_No other documents are generated (see `output.templates` in the config)._');
}

/**
 * The core tables: the one set every document shows (computed once per render, `ctx.map`): the key
 * tables (hub, ownership root, most referenced), then the most connected, most important first.
 * `rest` holds the other base tables, most connected first.
 */
export function coreTables(ctx: RenderContext): { tables: Table[]; rest: Table[] } {
  return { tables: ctx.map.core, rest: ctx.map.rest };
}

/** Columns tagged sensitive in the schema (`@pii`, `@sensitive`, `@secret`...). */
export function taggedColumns(ctx: RenderContext): string[] {
  const out: string[] = [];
  for (const t of ctx.tables) {
    if (t.tags.length) out.push(`${code(qualifiedName(t))} (table): ${escapeText(tagList(t.tags))}`);
    for (const c of t.columns)
      if (c.tags.length) out.push(`${code(`${qualifiedName(t)}.${c.name}`)}: ${escapeText(tagList(c.tags))}`);
  }
  return out;
}

/** The security table lists at most this many tables/columns. */
const MAX_SECURITY_ROWS = 30;

/**
 * Security facts from the schema as one table: every table or column that is tagged (`@pii`,
 * `@sensitive`...) or that a security rule flags, with its tags and what it was flagged as; then
 * each rule's handling once, instead of the same advice per column.
 */
export function securityFacts(
  ctx: RenderContext,
  options: { local?: boolean; all?: boolean; handling?: boolean } = {},
): string {
  const findings = findingsOf(ctx, [...FINDING_SECTIONS.security]);
  const rows = new Map<string, { place: string; tags: string; flags: string[] }>();
  const add = (key: string, place: string, tags: string) => {
    if (!rows.has(key)) rows.set(key, { place, tags, flags: [] });
    return rows.get(key) as { place: string; tags: string; flags: string[] };
  };
  for (const t of ctx.tables) {
    const link = (text: string) => tableLink(ctx, t, { text, local: options.local ?? false });
    const about = findingsOf(ctx, [...FINDING_SECTIONS.security], t);
    if (t.tags.length || about.some((f) => !f.columns?.length))
      add(qualifiedName(t), `${link(qualifiedName(t))} (table)`, tagList(t.tags));
    for (const c of t.columns) {
      const key = `${qualifiedName(t)}.${c.name}`;
      const flagged = about.some((f) => f.columns?.includes(c.name));
      if (c.tags.length || flagged) add(key, link(key), tagList(c.tags));
    }
  }
  const titles = new Map(findingRules.map((r) => [r.id, r.title]));
  for (const f of findings) {
    if (!f.table) continue;
    const key = f.columns?.length ? `${qualifiedName(f.table)}.${f.columns[0]}` : qualifiedName(f.table);
    const row = rows.get(key);
    const title = titles.get(f.ruleId) ?? f.ruleId;
    if (row && !row.flags.includes(title)) row.flags.push(title);
  }
  if (rows.size === 0)
    return 'No column or table is tagged (`@pii`, `@sensitive`) in the schema, and no column name suggests personal data or secrets.';
  const all = [...rows.values()];
  const shown = options.all ? all : all.slice(0, MAX_SECURITY_ROWS);
  const body = `${table(
    ['Table / column', 'Tags in the schema', 'Flagged by the analysis as'],
    shown.map((r) => [
      r.place,
      r.tags ? escapeCell(r.tags) : '—',
      r.flags.length ? escapeCell(r.flags.join('; ')) : '—',
    ]),
  )}${all.length > shown.length ? `\n\n_… and ${all.length - shown.length} more${ctx.documents.schema ? ', each listed under its table in the schema reference' : ''}._` : ''}`;
  const used = [...new Set(findings.map((f) => f.ruleId))];
  const handling = findingRules
    .filter((r) => used.includes(r.id))
    .map((r) => `- **${escapeText(r.title)}** (${code(r.id)}): ${escapeText(r.description)}`);
  return handling.length && options.handling !== false ? `${body}\n\n${handling.join('\n')}` : body;
}

/** Indexing facts: what exists, then how many indexes the analysis finds missing or redundant (listed in findings.md). */
export function indexingFacts(ctx: RenderContext): string {
  const tables = baseTables(ctx);
  const withPk = tables.filter((t) => t.primaryKey).length;
  const indexes = tables.reduce((n, t) => n + t.indexes.length, 0);
  const uniques = tables.reduce((n, t) => n + t.uniques.length + t.indexes.filter((i) => i.unique).length, 0);
  const fks = tables.reduce((n, t) => n + t.foreignKeys.length, 0);
  const fkWithout = findingsOf(ctx, ['indexing']).filter((f) => f.ruleId === 'fk-without-index').length;
  const summary = `${withPk} of ${tables.length} tables have a primary key; ${indexes} secondary ${indexes === 1 ? 'index' : 'indexes'} (${uniques} unique keys, counting unique constraints); ${fks - fkWithout} of ${fks} foreign keys are covered by an index.`;
  return `${summary}\n\n${findingsPointer(ctx, 'indexing', 'The analysis found no indexing problem: every foreign key has a supporting index and no index is redundant.')}`;
}

/** Query facts: the multi-column and sorted indexes (the query paths the schema serves), then a pointer to the performance findings. */
export function queryFacts(ctx: RenderContext): string {
  const paths = baseTables(ctx).flatMap((t) =>
    t.indexes
      .filter((i) => i.parts.length > 1 || i.parts.some((p) => p.order === 'desc' || p.expression) || i.where)
      .map(
        (i) =>
          `${code(`${qualifiedName(t)} (${indexColumns(i)})${i.where ? ` WHERE ${i.where}` : ''}`)}${i.unique ? ' (unique)' : ''}`,
      ),
  );
  const lead = paths.length
    ? `Multi-column, sorted and partial indexes, i.e. the lookups and orderings the schema is built to serve:\n\n${bullets(paths, '')}`
    : 'The schema has no multi-column, sorted or partial index: every index serves a single-column lookup.';
  return `${lead}\n\n${findingsPointer(ctx, 'queryOptimization', 'The analysis found no query path that cannot use an index.')}`;
}

/** Validation facts: constraints the database enforces, then a pointer to the validation and integrity findings. */
export function validationFacts(ctx: RenderContext, options: { changeTracking?: boolean } = {}): string {
  const tables = baseTables(ctx);
  const notNull = tables.reduce((n, t) => n + t.columns.filter((c) => !c.nullable).length, 0);
  const columns = tables.reduce((n, t) => n + t.columns.length, 0);
  const checks = tables.flatMap((t) =>
    t.checks.map((c) => `${code(qualifiedName(t))}: ${code(`CHECK (${c.expression})`)}`),
  );
  const enumCols = tables.reduce((n, t) => n + t.columns.filter((c) => c.type.category === 'enum').length, 0);
  const lines = [
    `${notNull} of ${columns} columns are NOT NULL; ${enumCols} ${enumCols === 1 ? 'column is' : 'columns are'} limited to enum values; ${checks.length} check ${checks.length === 1 ? 'constraint' : 'constraints'}${checks.length ? ':' : '.'}`,
  ];
  if (checks.length) lines.push(bullets(checks, ''));
  lines.push(findingsPointer(ctx, 'validation', 'The analysis found no validation or integrity problem.'));
  if (options.changeTracking) lines.push(changeTrackingFacts(ctx));
  return lines.join('\n\n');
}

/** Change-tracking findings (audit timestamps, columns only the ORM keeps current), as a pointer to findings.md. */
export function changeTrackingFacts(ctx: RenderContext): string {
  return findingsPointer(
    ctx,
    'changeTracking',
    'Every table records when rows are created and changed, and the database itself maintains those columns.',
  );
}

/**
 * FK-safe creation order as a numbered list, plus foreign keys that must be added afterwards. A
 * split (large) reference lists the first tables; the DDL artefact has them all in this order.
 */
export function migrationOrder(ctx: RenderContext): string {
  const { shown } = capped(ctx, ctx.order.order, 'tables');
  const lines = shown.map((r, i) => `${i + 1}. ${code(qualifiedName(r))}`);
  const postponed = ctx.order.cycleForeignKeys;
  const cycle = postponed.length
    ? `Then add the foreign keys that close a cycle: ${postponed
        .map((c) => code(`${qualifiedName(c.table)}.${c.foreignKey}`))
        .join(
          ', ',
        )}${postponed.every((c) => c.nullable) ? ' (rows: insert these columns as NULL, then set them with UPDATE)' : ''}`
    : '';
  // Cycles of NOT NULL foreign keys: no order inserts them; say so instead of implying one does.
  const stuck = ctx.order.unbreakable
    .filter((u) => !u.selfReference)
    .map(
      (u) =>
        `${u.foreignKeys.map((f) => code(`${qualifiedName(f.table)}.${f.foreignKey}`)).join(', ')} form a cycle of NOT NULL foreign keys: rows cannot be inserted one table at a time; make one of them \`DEFERRABLE INITIALLY DEFERRED\` (and insert in one transaction) or its column nullable.`,
    )
    .join('\n\n');
  if (shown.length < ctx.order.order.length) {
    const ddl = ddlArtifactFile(ctx);
    const rest = `_… and ${ctx.order.order.length - shown.length} more tables, in the order of ${ddl ? link(ddl, ddl) : 'the Initial Schema'}._`;
    return [lines.join('\n'), rest, cycle ? `${cycle}.` : '', stuck].filter(Boolean).join('\n\n');
  }
  if (cycle) lines.push(`${lines.length + 1}. ${cycle}`);
  if (lines.length === 0) return '_The schema has no tables._';
  return [lines.join('\n'), stuck].filter(Boolean).join('\n\n');
}
