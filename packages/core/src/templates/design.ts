import { qualifiedName } from '../ir/names.js';
import { type MermaidDiagram, OVERVIEW_MAX_PARTS } from '../mermaid/index.js';
import { baseTables, projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { migrationTool } from '../render/facts.js';
import { bullets, code, escapeCell, escapeHeading, fence, link, table } from '../render/markdown.js';
import { describeIndex } from '../render/parts/columns.js';
import { migrationOrder, queryFacts, stackLines } from '../render/parts/common.js';
import { enumBody } from '../render/parts/enums.js';
import { findingsPointer } from '../render/parts/findingsHome.js';
import { accessControlFacts } from '../render/parts/objects.js';
import {
  fkRelationships,
  fkRelationshipTable,
  manyToMany,
  manyToManyTable,
} from '../render/parts/relationships.js';
import { cappedBullets, cappedTable, isSplit, SEED_FILE, schemaDiagrams } from '../render/shared.js';
import { svgPictures } from '../render/svg.js';
import type { RenderedFile } from '../render/types.js';
import { developmentData, renderDataModels, SPLIT_SAMPLE_TABLES } from './designModels.js';

export function mermaidBlocks(ctx: RenderContext): string {
  const diagrams = schemaDiagrams(ctx);
  if (diagrams.length === 0) return '_The schema defines no tables._';
  if (diagrams.length === 1) return fence('mermaid', (diagrams[0] as { code: string }).code);
  if (isSplit(ctx) && diagrams.length > OVERVIEW_MAX_PARTS && ctx.config.output.artifacts.includes('mermaid'))
    return diagramIndex(diagrams);
  return diagrams.map((d) => `### ${escapeHeading(d.title)}\n\n${fence('mermaid', d.code)}`).join('\n\n');
}

/**
 * Hundreds of diagrams in one document are more than a Markdown viewer renders: when the `mermaid`
 * artefact writes each diagram to its own file, list the files (in the artefact's numbering).
 */
function diagramIndex(diagrams: MermaidDiagram[]): string {
  const rows = diagrams.map((d, i) => [
    link(`er-diagram-${i + 1}.mmd`, `er-diagram-${i + 1}.mmd`),
    escapeCell(d.title),
    String(d.tables.length),
  ]);
  return `The schema is drawn in ${diagrams.length} diagrams of connected tables, one file each (Mermaid; \`er-diagram.md\` has them all in one file):\n\n${table(['File', 'Diagram', 'Tables'], rows)}`;
}

/** With `diagrams.svg`: the SVG pictures, and the Mermaid source folded below them (GitHub renders it when opened). */
function withSvgPictures(ctx: RenderContext, mermaid: string): string {
  const pictures = svgPictures(ctx);
  if (!pictures) return mermaid;
  return `${pictures}\n\n<details>\n<summary>Mermaid source</summary>\n\n${mermaid}\n\n</details>`;
}

function developmentDataIntro(ctx: RenderContext): string {
  const sql = ctx.documents.schema
    ? link('schema reference', ctx.documents.schema, 'seed-script')
    : 'schema reference';
  if (isSplit(ctx) && ctx.documents.schema)
    return `Sample rows consistent with types and constraints, in FK-safe order (keys are the code names), for the first ${Math.min(SPLIT_SAMPLE_TABLES, ctx.order.order.length)} of the ${ctx.order.order.length} tables; rows for every table, as SQL, are in ${link(SEED_FILE, SEED_FILE)} (see the ${sql}):`;
  return `Sample rows consistent with types and constraints, in FK-safe order (keys are the code names; the SQL form is in the ${sql}):`;
}

/** The design document (template `design`). */
export function renderDesign(ctx: RenderContext, file: string): RenderedFile[] {
  const name = projectName(ctx);
  const doc = new Doc(ctx);
  doc.region(
    'title',
    `# ${escapeHeading(name ? `${name} — Database Design Document` : 'Database Design Document')}`,
  );
  doc.contents();

  doc.heading(2, '1. Overview');
  doc.heading(3, '1.1 Purpose');
  doc.fact('description');
  doc.region(
    'technology-stack',
    `### 1.2 Technology Stack\n\n${stackLines(ctx)
      .map((l) => `- ${l}`)
      .join('\n')}`,
  );

  doc.heading(2, '2. Entity-Relationship Diagram');
  doc.region('er-diagram', withSvgPictures(ctx, mermaidBlocks(ctx)));

  doc.heading(2, '3. Data Models');
  renderDataModels(ctx, doc);

  doc.heading(2, '4. Relationships');
  const o2m = fkRelationships(ctx.relationships, 'one-to-many');
  const m2m = manyToMany(ctx.relationships);
  const o2o = fkRelationships(ctx.relationships, 'one-to-one');
  doc.region(
    'relationships',
    [
      '### 4.1 One-to-Many Relationships',
      cappedTable(ctx, o2m, (l) => fkRelationshipTable(l, 'Parent', 'Child'), '_None._'),
      '### 4.2 Many-to-Many Relationships',
      cappedTable(
        ctx,
        m2m,
        manyToManyTable,
        '_None: no junction table with two foreign keys covering its key._',
      ),
      '### 4.3 One-to-One Relationships',
      cappedTable(ctx, o2o, (l) => fkRelationshipTable(l, 'Entity 1', 'Entity 2'), '_None._'),
    ].join('\n\n'),
  );

  doc.heading(2, '5. Enums and Constants');
  doc.region(
    'enums',
    ctx.ir.enums.length
      ? ctx.ir.enums
          .map((e, i) => {
            const ts = `enum ${e.codeName ?? e.name} {\n${e.values.map((v) => `  ${JSON.stringify(v.codeName ?? v.name)} = ${JSON.stringify(v.name)},`).join('\n')}\n}`;
            return `### 5.${i + 1} ${escapeHeading(qualifiedName(e))}\n\n${fence('typescript', ts)}\n\n${enumBody(ctx, e)}`;
          })
          .join('\n\n')
      : '_The schema defines no enums._',
  );

  doc.heading(2, '6. Constraints and Validation');
  const tables = baseTables(ctx);
  const uniques = tables.flatMap((t) => [
    ...t.uniques.map(
      (u) =>
        `${code(`${qualifiedName(t)}.(${u.columns.join(', ')})`)} must be unique${u.columns.length > 1 ? ' together' : ''}`,
    ),
    ...t.indexes
      .filter((i) => i.unique)
      .map(
        (i) =>
          `${code(`${qualifiedName(t)}.(${i.parts.map((p) => p.column ?? p.expression).join(', ')})`)} must be unique${i.where ? ` where ${code(i.where)}` : ''} (index ${code(i.name)})`,
      ),
  ]);
  const checks = tables.flatMap((t) =>
    t.checks.map((c) => `${code(qualifiedName(t))}: ${code(c.expression)} (${code(c.name)})`),
  );
  const fkRows = tables.flatMap((t) =>
    t.foreignKeys.map((fk) => [
      code(qualifiedName(t)),
      code(fk.columns.join(', ')),
      code(`${qualifiedName(fk.references)}(${fk.references.columns.join(', ')})`),
      fk.onDelete,
      fk.onUpdate,
    ]),
  );
  doc.region(
    'constraints',
    [
      '### 6.1 Uniqueness Constraints',
      cappedBullets(ctx, uniques, '_No unique constraints besides primary keys._'),
      '### 6.2 Check Constraints',
      bullets(checks, '_No check constraints._'),
      '### 6.3 Foreign Key Constraints',
      cappedTable(
        ctx,
        fkRows,
        (rows) => table(['Table', 'Column', 'References', 'On Delete', 'On Update'], rows),
        '_No foreign keys._',
      ),
      '### 6.4 Validation and Change Tracking Findings',
      findingsPointer(ctx, 'validation', 'The analysis found no validation or integrity problem.'),
      findingsPointer(ctx, 'changeTracking', 'The analysis found no change-tracking problem.'),
    ].join('\n\n'),
  );

  doc.heading(2, '7. Indexes');
  const perf = tables.flatMap((t) =>
    t.indexes.filter((i) => i.method !== 'gin' && i.method !== 'gist').map((i) => ({ t, i })),
  );
  const fts = tables.flatMap((t) =>
    t.indexes.filter((i) => i.method === 'gin' || i.method === 'gist').map((i) => ({ t, i })),
  );
  const rationale = ({ t, i }: (typeof perf)[number]) => {
    const lead = i.parts[0]?.column;
    const fk = t.foreignKeys.find((f) => f.columns[0] === lead);
    const why = i.unique
      ? 'enforces uniqueness'
      : fk
        ? `supports the foreign key ${code(fk.name)} (joins and cascades)`
        : 'lookup / sort index';
    return `${describeIndex(t, i)} — ${why}`;
  };
  doc.region(
    'indexes',
    [
      '### 7.1 Performance Indexes',
      cappedBullets(ctx, perf.map(rationale), '_No secondary indexes._'),
      findingsPointer(ctx, 'indexing', 'The analysis found no missing or redundant index.'),
      '### 7.2 Full-Text Search Indexes',
      bullets(fts.map(rationale), '_No GIN/GiST (full-text or JSON) indexes in the schema._'),
    ].join('\n\n'),
  );

  doc.heading(2, '8. Migration Strategy');
  const tool = migrationTool(ctx.ir);
  doc.region(
    'migrations',
    `### 8.1 Initial Setup\n\n${fence('bash', `# ${tool.name}: create the first migration, then apply it\n${tool.create}\n${tool.apply}`)}\n\n### 8.2 Migration Sequence\n\nFK-safe order (every table after the tables it references)${ctx.documents.schema ? `; the DDL in this order is the ${link('Initial Schema', ctx.documents.schema, 'initial-schema')}` : ''}:\n\n${migrationOrder(ctx)}`,
  );
  doc.heading(3, '8.3 Rollback Strategy');
  doc.region('rollback-tool', tool.rollback);
  doc.fact('rollback');

  doc.heading(2, '9. Data Seeding');
  doc.region(
    'development-data',
    `### 9.1 Development Data\n\n${developmentDataIntro(ctx)}\n\n${developmentData(ctx)}`,
  );
  doc.heading(3, '9.2 Test Data');
  doc.fact('testData');

  doc.heading(2, '10. Performance Considerations');
  doc.region(
    'query-optimization',
    `### 10.1 Query Optimization\n\n${queryFacts(ctx)}\n\nHow foreign keys are covered by indexes: see [7. Indexes](#7-indexes).`,
  );
  doc.heading(3, '10.2 Caching Strategy');
  doc.fact('caching');
  doc.heading(3, '10.3 Scaling Strategy');
  doc.fact('scaling');

  doc.heading(2, '11. Security');
  doc.heading(3, '11.1 Data Encryption');
  doc.region(
    'sensitive-data',
    findingsPointer(
      ctx,
      'security',
      'No column or table is tagged (`@pii`, `@sensitive`) in the schema, and no column name suggests personal data or secrets.',
    ),
  );
  doc.fact('encryption');
  doc.heading(3, '11.2 Access Control');
  const access = accessControlFacts(ctx);
  if (access) doc.region('access-control', access);
  doc.fact('accessControl');

  doc.heading(2, '12. Backup and Recovery');
  doc.heading(3, '12.1 Backup Schedule');
  doc.fact('backups');
  doc.heading(3, '12.2 Recovery Procedure');
  doc.fact('disasterRecovery');

  doc.heading(2, '13. Monitoring');
  doc.fact('monitoring');

  doc.heading(2, '14. Future Considerations');
  doc.fact('futureConsiderations');
  return [{ path: file, content: doc.toString() }];
}
