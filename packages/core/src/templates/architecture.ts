import { renderTableDdl } from '../ddl/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { baseTables, findingsOf, projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { databaseEngine, migrationTool, namingSummary, ormName, softDeleteColumns } from '../render/facts.js';
import { code, escapeHeading, escapeText, fence, link } from '../render/markdown.js';
import { describeIndex } from '../render/parts/columns.js';
import {
  changeTrackingFacts,
  coreTables,
  migrationOrder,
  queryFacts,
  relatedDocs,
  schemaCounts,
  validationFacts,
} from '../render/parts/common.js';
import { findingsLink, findingsPointer } from '../render/parts/findingsHome.js';
import { tableLink } from '../render/parts/links.js';
import { accessControlFacts, extensionsLine } from '../render/parts/objects.js';
import {
  describeRelationship,
  fkRelationships,
  groupedByParent,
  manyToMany,
} from '../render/parts/relationships.js';
import { purpose } from '../render/parts/tableSection.js';
import { capped, cappedBullets } from '../render/shared.js';
import type { RenderedFile } from '../render/types.js';

const list = (items: string[]) => (items.length ? items.join(', ') : '_none in this schema_');

/** The architecture document (template `architecture`): the full, reviewed architecture. */
export function renderArchitecture(ctx: RenderContext, file: string): RenderedFile[] {
  const name = projectName(ctx);
  const doc = new Doc(ctx);
  const tables = baseTables(ctx);
  const tool = migrationTool(ctx.ir);
  doc.region(
    'title',
    `# ${escapeHeading(name ? `${name} — Database Architecture` : 'Database Architecture')}`,
  );
  doc.fact('review', { label: 'Reviewed By / Next Review' });
  doc.contents();

  doc.heading(2, 'Overview');
  doc.region(
    'overview',
    `${databaseEngine(ctx.ir.dialect)} database of ${schemaCounts(ctx)}, defined in ${escapeText(ormName(ctx.ir))}.`,
  );
  doc.fact('description');

  doc.heading(2, 'Technology Stack');
  doc.region(
    'technology-stack',
    `### Database Engine\n\n- **Primary Database:** ${databaseEngine(ctx.ir.dialect)}${extensionsLine(ctx) ? `\n- ${extensionsLine(ctx)}` : ''}\n\n### Tools & Libraries\n\n- **ORM:** ${escapeText(ormName(ctx.ir))}\n- **Migration Tool:** ${tool.name}`,
  );
  doc.fact('databaseVersion', { label: 'Database version' });
  doc.fact('supportingServices', { label: 'Caching layer, search engine, message queue' });
  doc.fact('connectionPooling', { label: 'Connection pooling' });

  doc.heading(2, 'Database Design');
  const naming = namingSummary(ctx.ir);
  const junctions = manyToMany(ctx.relationships).map((m) => code(qualifiedName(m.junction)));
  const jsonCols = tables.flatMap((t) =>
    t.columns.filter((c) => c.type.category === 'json').map((c) => code(`${qualifiedName(t)}.${c.name}`)),
  );
  const fks = tables.flatMap((t) => t.foreignKeys);
  const emulated = fks.filter((f) => f.enforcedBy === 'orm').length;
  const checks = tables.reduce((n, t) => n + t.checks.length, 0);
  const categories = [...new Set(tables.flatMap((t) => t.columns.map((c) => c.type.category)))].sort();
  doc.region(
    'design-principles',
    [
      '### Schema Design Principles',
      `- **Normalization:** ${tables.length} tables linked by ${fks.length} foreign keys; junction tables: ${list(junctions)}; JSON columns (data kept outside the relational model): ${list(jsonCols)}.`,
      `- **Constraints:** ${tables.filter((t) => t.primaryKey).length} of ${tables.length} tables have a primary key; ${fks.length - emulated} foreign keys enforced by the database${emulated ? `, ${emulated} emulated by the ORM` : ''}; ${checks} check constraints.`,
      `- **Naming Conventions:** table names ${naming.tables}; column names ${naming.columns}${naming.codeTables ? `; in code, model names ${naming.codeTables}` : ''}${naming.codeColumns ? `, field names ${naming.codeColumns}` : ''}.`,
      `- **Data Types:** categories used: ${categories.map(code).join(', ') || '_none_'}.`,
    ].join('\n'),
  );
  const core = coreTables(ctx);
  // The DDL has its homes (the overview's core tables, the schema reference): here, which tables and where.
  const ddlHome = [
    ctx.documents.overview ? link('Core Tables', ctx.documents.overview, 'core-tables') : undefined,
    ctx.documents.schema ? link('Initial Schema', ctx.documents.schema, 'initial-schema') : undefined,
  ].filter(Boolean);
  doc.region(
    'core-entities',
    `### Table Structure\n\n#### Core Entities\n\n${
      core.tables.length
        ? `The ${core.tables.length} core tables, most important first (why each is key: ${ctx.documents.overview ? link('Start Here', ctx.documents.overview, 'start-here') : 'the overview'}):\n\n${core.tables
            .map((t) => `- ${tableLink(ctx, t)}: ${purpose(t)}`)
            .join(
              '\n',
            )}${ddlHome.length ? `\n\nTheir SQL: ${ddlHome.join('; every table: ')}.` : `\n\n${fence('sql', core.tables.map((t) => renderTableDdl(ctx.ir, t).trimEnd()).join('\n\n'))}`}`
        : '_The schema defines no tables._'
    }${core.rest.length ? `\n\n${core.rest.length} more ${core.rest.length === 1 ? 'table' : 'tables'}: ${restTables(ctx, core.rest)}.` : ''}`,
  );
  const relDoc = ctx.documents.design
    ? link('Relationships', ctx.documents.design, '4-relationships')
    : ctx.documents.schema
      ? link('Relationships', ctx.documents.schema, 'relationships')
      : undefined;
  const relDetail =
    relDoc && ctx.relationships.length
      ? `Each relationship with its foreign key, optionality and actions: ${relDoc}.`
      : '';
  const rels = (items: string[]) => {
    if (items.length === 0) return ' _none_';
    const { shown, more } = capped(ctx, items);
    return `\n${[...shown, ...(more ? [more] : [])].map((i) => `  - ${i}`).join('\n')}`;
  };
  doc.region(
    'data-relationships',
    `### Data Relationships\n\n- **One-to-One:**${rels(groupedByParent(fkRelationships(ctx.relationships, 'one-to-one')))}\n- **One-to-Many:**${rels(groupedByParent(fkRelationships(ctx.relationships, 'one-to-many')))}\n- **Many-to-Many:**${rels(manyToMany(ctx.relationships).map(describeRelationship))}${relDetail ? `\n\n${relDetail}` : ''}`,
  );

  doc.heading(2, 'Indexing Strategy');
  const fkWithout = findingsOf(ctx, ['indexing']).filter((f) => f.ruleId === 'fk-without-index');
  const unique = tables.reduce((n, t) => n + t.uniques.length + t.indexes.filter((i) => i.unique).length, 0);
  doc.region(
    'primary-indexes',
    `### Primary Indexes\n\n- **Primary Keys:** ${tables.filter((t) => t.primaryKey).length} of ${tables.length} tables; ${tables.filter((t) => (t.primaryKey?.columns.length ?? 0) > 1).length} composite.\n- **Foreign Keys:** ${fks.length - fkWithout.length} of ${fks.length} foreign keys have a supporting index${fkWithout.length ? ` (the others: ${findingsLink('Findings › Indexing', 'indexing')})` : ''}.\n- **Unique Constraints:** ${unique} (constraints and unique indexes).`,
  );
  const perf = tables.flatMap((t) => t.indexes.filter((i) => !i.unique).map((i) => describeIndex(t, i)));
  doc.region(
    'performance-indexes',
    `### Performance Indexes\n\n${cappedBullets(ctx, perf, '_No non-unique secondary indexes._')}\n\n${findingsPointer(ctx, 'indexing', 'The analysis found no missing or redundant index.')}`,
  );
  doc.heading(3, 'Index Maintenance');
  doc.fact('indexMaintenance');

  doc.heading(2, 'Performance Optimization');
  doc.region('query-performance', `### Query Performance\n\n${queryFacts(ctx)}`);
  doc.heading(3, 'Caching Strategy');
  doc.fact('caching');
  doc.heading(3, 'Database Tuning');
  doc.fact('tuning');

  doc.heading(2, 'Data Management');
  doc.heading(3, 'Backup Strategy');
  doc.fact('backups');
  const soft = softDeleteColumns(tables);
  const cascades = new Map<string, string[]>();
  for (const t of tables)
    for (const f of t.foreignKeys.filter((x) => x.onDelete === 'CASCADE')) {
      const parent = qualifiedName(f.references);
      const child = qualifiedName(t) === parent ? `${code(parent)} (self-reference)` : code(qualifiedName(t));
      if (!cascades.get(parent)?.includes(child))
        cascades.set(parent, [...(cascades.get(parent) ?? []), child]);
    }
  const hard = [...cascades.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([parent, children]) => `${code(parent)} → ${children.join(', ')}`);
  doc.region(
    'data-retention',
    `### Data Retention\n\n- **Soft Deletes:** ${
      soft.length
        ? `${inline(
            ctx,
            soft.map((s) => code(`${qualifiedName(s.table)}.${s.column}`)),
            ', ',
          )} are nullable and named like soft-delete markers: queries for live rows filter on them.`
        : '_no soft-delete column (e.g. `deleted_at`) in the schema_'
    }\n- **Hard Deletes:** ${hard.length ? `deleting a row also deletes the rows that reference it (ON DELETE CASCADE): ${inline(ctx, hard, '; ')}.` : 'no foreign key cascades deletes (no ON DELETE CASCADE).'}\n\n**Change tracking** (from the analysis):\n\n${changeTrackingFacts(ctx)}`,
  );
  doc.fact('dataRetention', { label: 'Retention and archiving' });
  doc.region(
    'data-migration',
    `### Data Migration\n\n- **Version Control:** ${tool.name}, ${tool.format}.\n- **Rollback Plan:** ${tool.rollback}`,
  );
  doc.fact('migrationWorkflow', { label: 'Testing and running migrations' });

  doc.heading(2, 'Security Architecture');
  doc.heading(3, 'Access Control');
  const access = accessControlFacts(ctx);
  if (access) doc.region('access-control', access);
  doc.fact('accessControl');
  doc.region(
    'data-protection',
    `### Data Protection\n\n${findingsPointer(ctx, 'security', 'No column or table is tagged (`@pii`, `@sensitive`) in the schema, and no column name suggests personal data or secrets.')}`,
  );
  doc.fact('encryption', { label: 'Encryption at rest and in transit' });
  doc.heading(3, 'Compliance');
  doc.fact('compliance');

  doc.heading(2, 'Scalability Strategy');
  doc.fact('scaling');

  doc.heading(2, 'Monitoring & Observability');
  doc.fact('monitoring');

  doc.heading(2, 'Data Contracts');
  doc.region(
    'schema-versioning',
    `### Schema Versioning\n\n- **Migration Files:** ${tool.format}, created with \`${tool.create}\`.\n- **Schema Registry:** ${ctx.config.output.artifacts.includes('ir-json') ? `ormdoc writes the schema as JSON (IR version ${ctx.ir.irVersion}) to \`schema.json\` beside these documents` : 'these documents, regenerated from the ORM schema'}; \`ormdoc check\` exits 1 when they are out of date.\n\n### Validation Rules\n\n${validationFacts(ctx)}`,
  );
  // Whether CI runs the check is the project's choice: stated only when the config says so.
  doc.fact('ci', { label: 'Documents checked in CI' });
  doc.heading(3, 'API Integration');
  doc.fact('dataContracts');

  doc.heading(2, 'Development Workflow');
  doc.region(
    'database-changes',
    `### Database Changes\n\nWith ${tool.name}, a schema change takes these steps (how your team reviews and tests them is below):\n\n1. Change the ORM schema.\n2. Create a migration: \`${tool.create}\`.\n3. Regenerate these documents: \`ormdoc generate\`.\n4. Apply: \`${tool.apply}\`.`,
  );
  doc.fact('developmentWorkflow');
  doc.region(
    'data-seeding',
    `### Data Seeding\n\nSeed tables in this FK-safe order${ctx.documents.schema ? ` (sample rows for each: ${link('Seed Script', ctx.documents.schema, 'seed-script')})` : ''}:\n\n${migrationOrder(ctx)}`,
  );

  doc.heading(2, 'Disaster Recovery');
  doc.fact('rto', { label: 'Recovery Time Objective (RTO)' });
  doc.fact('rpo', { label: 'Recovery Point Objective (RPO)' });
  doc.fact('disasterRecovery', { label: 'Backup verification and failover' });

  doc.heading(2, 'Environment Strategy');
  doc.fact('environments');

  doc.heading(2, 'Future Considerations');
  doc.fact('futureConsiderations');

  doc.text('---');
  doc.heading(2, 'Change Log');
  doc.text('_Record reviewed changes here (date, change, author, impact); ormdoc never edits this section._');
  doc.heading(2, 'References');
  doc.region('references', relatedDocs(ctx, 'architecture'));
  return [{ path: file, content: doc.toString() }];
}

/** The tables after the core ones, as links (the first of them in a split reference). */
function restTables(ctx: RenderContext, rest: Table[]): string {
  const { shown } = capped(ctx, rest, 'tables');
  return inline(
    ctx,
    shown.map((t) => tableLink(ctx, t)),
    ', ',
    rest.length,
    'in the schema reference',
  );
}

/** An inline list of the first `shown` of `total` entries, saying how many more there are and where. */
function inline(
  ctx: RenderContext,
  items: string[],
  separator: string,
  total = items.length,
  where = "(each table's file lists its own)",
): string {
  const { shown } = capped(ctx, items);
  return shown.length < total
    ? `${shown.join(separator)} … and ${total - shown.length} more ${where}`
    : shown.join(separator);
}
