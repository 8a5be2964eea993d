import { renderTableDdl } from '../ddl/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { DOCUMENT_TITLES, projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { dataAccessPattern, databaseEngine, migrationTool, ormName } from '../render/facts.js';
import { code, escapeHeading, escapeText, fence, link, Slugger } from '../render/markdown.js';
import { columnConstraints } from '../render/parts/columns.js';
import { coreTables, indexingFacts, queryFacts } from '../render/parts/common.js';
import { tableLink } from '../render/parts/links.js';
import { relationshipSummary } from '../render/parts/relationships.js';
import { purpose } from '../render/parts/tableSection.js';
import { ddlArtifactFile, isSplit, schemaDiagrams } from '../render/shared.js';
import type { RenderedFile } from '../render/types.js';
import { mermaidBlocks } from './design.js';

/** Above this many tables, Schema Design shows the core tables' SQL and links to the full DDL. */
const MAX_INLINE_DDL = 12;

/** The tables whose SQL Schema Design shows: all, or the core ones when the schema is large and the reference holds the rest. */
function inlineDdlTables(ctx: RenderContext, tables: readonly Table[]): readonly Table[] {
  if (tables.length <= MAX_INLINE_DDL || !ctx.documents.schema) return tables;
  const core = new Set(coreTables(ctx).tables);
  return tables.filter((t) => core.has(t));
}

function schemaDesign(
  ctx: RenderContext,
  tables: readonly Table[],
  inline: readonly Table[],
  heading: (t: Table) => string,
): string {
  if (tables.length === 0) return '_The schema defines no tables._';
  const sql = inline.map((t) => `### ${heading(t)}\n\n${fence('sql', renderTableDdl(ctx.ir, t))}`);
  const schemaDoc = ctx.documents.schema;
  if (inline.length === tables.length || !schemaDoc) return sql.join('\n\n');
  const ddlFile = isSplit(ctx) ? ddlArtifactFile(ctx) : undefined;
  const all = ddlFile
    ? `is in ${link(ddlFile, ddlFile)}`
    : `is under ${link('Initial Schema', schemaDoc, 'initial-schema')} in the schema reference`;
  return [
    `The SQL of the ${inline.length} core tables; the DDL of all ${tables.length} tables ${all}.`,
    ...sql,
  ].join('\n\n');
}

/** A split schema's diagrams: the overview here; the detailed diagrams, one per part, live once elsewhere. */
function diagramOverview(ctx: RenderContext): string {
  const diagrams = schemaDiagrams(ctx);
  const overview = diagrams.find((d) => d.kind === 'overview');
  const parts = diagrams.filter((d) => d.kind !== 'overview').length;
  const where = ctx.documents.design
    ? link('design document', ctx.documents.design, '2-entity-relationship-diagram')
    : ctx.config.output.artifacts.includes('mermaid')
      ? link('er-diagram.md', 'er-diagram.md')
      : undefined;
  const rest = `The ${parts} detailed diagram${parts === 1 ? '' : 's'}${where ? ` are in the ${where}` : ' are produced by `ormdoc generate` with the design template'}.`;
  return overview
    ? `### ${escapeHeading(overview.title)}\n\n${fence('mermaid', overview.code)}\n\n${rest}`
    : rest;
}

/** The target-state document (template `target-state`): it documents the current schema in the as-to-be layout of its template. */
export function renderTargetState(ctx: RenderContext, file: string): RenderedFile[] {
  const doc = new Doc(ctx);
  const name = projectName(ctx);
  const title = DOCUMENT_TITLES['target-state'];
  doc.region('title', `# ${escapeHeading(name ? `${name} — ${title}` : title)}`);
  doc.fact('status', { label: 'Status' });
  doc.contents();
  // The seed's "Target State: As-To-Be" would be false: ormdoc reads the schema as it is now.
  doc.region(
    'target-state',
    '**Target State**: this document describes the **current** schema, generated from the ORM schema; the target (to-be) state is not in the schema.',
  );
  doc.fact('futureConsiderations', { label: 'Target (to-be) state' });

  doc.heading(2, 'Overview');
  doc.region(
    'database-system',
    `**Database System**: ${databaseEngine(ctx.ir.dialect)}  \n**ORM**: ${escapeText(ormName(ctx.ir))}`,
  );
  doc.fact('databaseVersion', { label: 'Version' });
  doc.fact('hosting', { label: 'Hosting' });

  doc.heading(2, 'Data Models');
  doc.region('er-diagram', isSplit(ctx) ? diagramOverview(ctx) : mermaidBlocks(ctx));
  const tables = ctx.readingOrder;
  const ddlHeading = (t: Table) => `Table: ${code(qualifiedName(t))}`;
  const ddlAnchors = new Map<Table, string>();
  const slugger = new Slugger();
  const inline = inlineDdlTables(ctx, tables);
  for (const t of inline) ddlAnchors.set(t, slugger.slug(ddlHeading(t)));
  // A split (large) schema: the core tables here, every table in its own file of the reference.
  const modelled = isSplit(ctx) ? inline : tables;
  if (tables.length)
    doc.region(
      'models-note',
      modelled.length === tables.length
        ? 'Core tables first, each after the tables it references; each model links to its SQL.'
        : `The ${modelled.length} core tables of the ${tables.length}, each after the tables it references; each model links to its SQL. Every table's model is in its own file of the ${ctx.documents.schema ? link('schema reference', ctx.documents.schema, 'all-tables') : 'schema reference'}.`,
    );
  for (const t of modelled) {
    const attrs = t.columns.map(
      (c) => `    - ${code(c.name)}: ${code(c.type.sql)}, ${columnConstraints(t, c).join(', ')}`,
    );
    doc.region(
      `model:${qualifiedName(t)}`.replace(/[^A-Za-z0-9._:-]/g, '_'),
      [
        `### ${escapeHeading(qualifiedName(t))}`,
        `- **Description**: ${purpose(t)}`,
        `- **SQL**: ${ddlAnchors.has(t) ? `[CREATE TABLE ${code(qualifiedName(t))}](#${ddlAnchors.get(t)})` : `in the schema reference: ${tableLink(ctx, t)}`}`,
        '- **Attributes**:',
        ...attrs,
        '- **Relationships**:',
        ...relationshipSummary(ctx, t)
          .map((r) => `    - ${r}`)
          .concat(relationshipSummary(ctx, t).length ? [] : ['    - _none_']),
      ].join('\n'),
    );
  }
  if (ctx.tables.length === 0) doc.region('models', '_The schema defines no tables._');

  doc.heading(2, 'Schema Design');
  doc.region('schema-design', schemaDesign(ctx, tables, inline, ddlHeading));

  doc.heading(2, 'Data Access Layer');
  doc.region('data-access-pattern', `**From the schema**: ${dataAccessPattern(ctx.ir)}`);
  doc.fact('dataAccessLayer', { label: 'Pattern' });
  doc.heading(3, 'Database Connection Management');
  doc.fact('connectionPooling');

  doc.heading(2, 'Query Strategy');
  doc.fact('queryStrategy');
  doc.region('query-optimization', `### Query Optimization\n\n${indexingFacts(ctx)}\n\n${queryFacts(ctx)}`);

  doc.heading(2, 'Migrations');
  const tool = migrationTool(ctx.ir);
  doc.region(
    'migration-tool',
    `**Tool**: ${tool.name} (${tool.format}); create with \`${tool.create}\`, apply with \`${tool.apply}\`.`,
  );
  doc.fact('migrationWorkflow', { label: 'Strategy' });

  doc.heading(2, 'Backup and Recovery');
  doc.fact('backups', { label: 'Backup Strategy' });
  doc.fact('rpo', { label: 'RPO (Recovery Point Objective)' });
  doc.fact('rto', { label: 'RTO (Recovery Time Objective)' });
  doc.fact('disasterRecovery', { label: 'Procedure' });
  return [{ path: file, content: doc.toString() }];
}
