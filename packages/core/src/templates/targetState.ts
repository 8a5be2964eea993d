import { renderTableDdl } from '../ddl/index.js';
import { qualifiedName } from '../ir/names.js';
import type { RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { dataAccessPattern, databaseEngine, migrationTool, ormName } from '../render/facts.js';
import { code, escapeHeading, escapeText, fence } from '../render/markdown.js';
import { columnConstraints } from '../render/parts/columns.js';
import { indexingFacts } from '../render/parts/common.js';
import { relationshipsOf } from '../render/parts/relationships.js';
import { purpose } from '../render/parts/tableSection.js';
import type { RenderedFile } from '../render/types.js';
import { mermaidBlocks } from './design.js';

/** Seed 003: the as-to-be architecture document. */
export function renderTargetState(ctx: RenderContext, file: string): RenderedFile[] {
  const doc = new Doc(ctx);
  doc.region('title', '# Database Architecture');
  doc.fact('status', { label: 'Status' });
  doc.text('**Target State**: As-To-Be');

  doc.heading(2, 'Overview');
  doc.region(
    'database-system',
    `**Database System**: ${databaseEngine(ctx.ir.dialect)}  \n**ORM**: ${escapeText(ormName(ctx.ir))}`,
  );
  doc.fact('databaseVersion', { label: 'Version' });
  doc.fact('hosting', { label: 'Hosting' });

  doc.heading(2, 'Data Models');
  doc.region('er-diagram', mermaidBlocks(ctx));
  for (const t of ctx.tables) {
    const attrs = t.columns.map(
      (c) => `    - ${code(c.name)}: ${code(c.type.sql)}, ${columnConstraints(t, c).join(', ')}`,
    );
    doc.region(
      `model:${qualifiedName(t)}`.replace(/[^A-Za-z0-9._:-]/g, '_'),
      [
        `### ${escapeHeading(qualifiedName(t))}`,
        `- **Description**: ${purpose(t)}`,
        '- **Attributes**:',
        ...attrs,
        '- **Relationships**:',
        ...relationshipsOf(ctx.relationships, t)
          .map((r) => `    - ${r}`)
          .concat(relationshipsOf(ctx.relationships, t).length ? [] : ['    - _none_']),
      ].join('\n'),
    );
  }
  if (ctx.tables.length === 0) doc.region('models', '_The schema defines no tables._');

  doc.heading(2, 'Schema Design');
  doc.region(
    'schema-design',
    ctx.tables.length
      ? ctx.tables
          .map((t) => `### Table: ${code(qualifiedName(t))}\n\n${fence('sql', renderTableDdl(ctx.ir, t))}`)
          .join('\n\n')
      : '_The schema defines no tables._',
  );

  doc.heading(2, 'Data Access Layer');
  doc.region('data-access-pattern', `**Pattern**: ${dataAccessPattern(ctx.ir)}`);
  doc.fact('dataAccessLayer');
  doc.heading(3, 'Database Connection Management');
  doc.fact('connectionPooling');

  doc.heading(2, 'Query Strategy');
  doc.fact('queryStrategy');
  doc.region('query-optimization', `**Query Optimization** (from the schema):\n\n${indexingFacts(ctx)}`);

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
