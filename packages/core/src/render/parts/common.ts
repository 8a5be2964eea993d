import type { TemplateId } from '../../config/schema.js';
import { compareRefs, qualifiedName } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { baseTables, DOCUMENT_TITLES, findingsOf, type RenderContext } from '../context.js';
import { databaseEngine, migrationTool, ormName } from '../facts.js';
import { bullets, code, escapeText, link } from '../markdown.js';
import { tagList } from './columns.js';
import { findingList } from './findings.js';

/** Database, ORM and migration tool lines (seed "Technology Stack" / "Database Overview"). */
export function stackLines(ctx: RenderContext): string[] {
  const files = ctx.ir.source.files;
  const where = files.length
    ? ` — schema in ${files.slice(0, 5).map(code).join(', ')}${files.length > 5 ? `, and ${files.length - 5} more` : ''}`
    : '';
  return [
    `**Database:** ${databaseEngine(ctx.ir.dialect)}`,
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

/** Links to the other documents ormdoc writes in this run. */
export function relatedDocs(ctx: RenderContext, self: TemplateId): string {
  const items = (Object.entries(ctx.documents) as Array<[TemplateId, string]>)
    .filter(([id]) => id !== self)
    .map(([id, file]) => link(DOCUMENT_TITLES[id], file));
  return bullets(items, '_No other documents are generated (see `output.templates` in the config)._');
}

/** The tables worth showing in a short document: all when few, else the most connected ones. */
export function coreTables(ctx: RenderContext, max: number): { tables: Table[]; omitted: number } {
  const tables = baseTables(ctx);
  if (tables.length <= max) return { tables, omitted: 0 };
  const degree = new Map<string, number>();
  const bump = (k: string) => degree.set(k, (degree.get(k) ?? 0) + 1);
  for (const t of tables)
    for (const fk of t.foreignKeys) {
      bump(qualifiedName(fk.references));
      bump(qualifiedName(t));
    }
  const ranked = [...tables].sort(
    (a, b) => (degree.get(qualifiedName(b)) ?? 0) - (degree.get(qualifiedName(a)) ?? 0) || compareRefs(a, b),
  );
  const chosen = new Set(ranked.slice(0, max));
  return { tables: tables.filter((t) => chosen.has(t)), omitted: tables.length - max };
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

/** Security facts from the schema: tagged columns and security findings. */
export function securityFacts(ctx: RenderContext): string {
  const tagged = taggedColumns(ctx);
  const lines = [
    tagged.length
      ? `Columns and tables tagged in the schema:\n${bullets(tagged, '')}`
      : 'No column or table carries a tag such as `@pii` or `@sensitive` in the schema.',
    findingList(
      findingsOf(ctx, ['security']),
      'The analysis found no likely personal or secret data by column name.',
    ),
  ];
  return lines.join('\n\n');
}

/** Indexing facts: what exists and what the analysis flags. */
export function indexingFacts(ctx: RenderContext): string {
  const tables = baseTables(ctx);
  const withPk = tables.filter((t) => t.primaryKey).length;
  const indexes = tables.reduce((n, t) => n + t.indexes.length, 0);
  const uniques = tables.reduce((n, t) => n + t.uniques.length + t.indexes.filter((i) => i.unique).length, 0);
  const fks = tables.reduce((n, t) => n + t.foreignKeys.length, 0);
  const summary = `${withPk} of ${tables.length} tables have a primary key; ${indexes} secondary indexes (${uniques} of them unique, counting unique constraints); ${fks} foreign keys.`;
  return `${summary}\n\n${findingList(findingsOf(ctx, ['indexing', 'performance']), 'The analysis found no indexing problem: every foreign key has a supporting index and no index is redundant.')}`;
}

/** Validation facts: constraints the database enforces plus validation findings. */
export function validationFacts(ctx: RenderContext): string {
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
  lines.push(
    findingList(
      findingsOf(ctx, ['validation', 'integrity']),
      'The analysis found no validation or integrity problem.',
    ),
  );
  return lines.join('\n\n');
}

/** FK-safe creation order as a numbered list, plus foreign keys that must be added afterwards. */
export function migrationOrder(ctx: RenderContext): string {
  const lines = ctx.order.order.map((r, i) => `${i + 1}. ${code(qualifiedName(r))}`);
  if (ctx.order.cycleForeignKeys.length)
    lines.push(
      `${lines.length + 1}. Then add the foreign keys that close a cycle: ${ctx.order.cycleForeignKeys
        .map((c) => code(`${qualifiedName(c.table)}.${c.foreignKey}`))
        .join(', ')}`,
    );
  return lines.length ? lines.join('\n') : '_The schema has no tables._';
}
