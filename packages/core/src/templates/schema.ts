import {
  alembicMigration,
  asciiRelationshipMap,
  modelDefinitions,
  seedScriptSql,
  typeReference,
  updatedAtNotes,
} from '../blocks/index.js';
import { renderDdl } from '../ddl/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { baseTables, findingsOf, projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { databaseEngine, engineDocsUrl, migrationTool } from '../render/facts.js';
import {
  bullets,
  code,
  escapeCell,
  escapeHeading,
  escapeText,
  fence,
  link,
  table,
} from '../render/markdown.js';
import { describeDefault } from '../render/parts/columns.js';
import { relatedDocs, securityFacts, stackLines } from '../render/parts/common.js';
import { enumBody } from '../render/parts/enums.js';
import { findingList } from '../render/parts/findings.js';
import { describeRelationship, fkRelationships, manyToMany } from '../render/parts/relationships.js';
import { tableSection } from '../render/parts/tableSection.js';
import type { RenderedFile } from '../render/types.js';

export function modelLanguage(ir: Ir): {
  lang: 'prisma' | 'typescript' | 'sqlalchemy';
  label: string;
  fence: string;
} {
  switch (ir.source.orm) {
    case 'prisma':
      return { lang: 'prisma', label: 'Prisma', fence: 'prisma' };
    case 'drizzle':
    case 'typeorm':
      return { lang: 'typescript', label: 'TypeScript', fence: 'typescript' };
    case 'sqlmodel':
    case 'sqlalchemy':
      return { lang: 'sqlalchemy', label: 'SQLAlchemy', fence: 'python' };
  }
}

/** Seed 001: the full schema reference. */
export function renderSchema(ctx: RenderContext, file: string): RenderedFile[] {
  const name = projectName(ctx);
  const title = `${name ? `${name} - ` : ''}Database Schema`;
  const front = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'generator: ormdoc',
    `database: ${databaseEngine(ctx.ir.dialect)}`,
    `orm: ${ctx.ir.source.orm}`,
  ];
  if (ctx.config.project.owners) front.push(`owner: ${JSON.stringify(ctx.config.project.owners)}`);
  front.push('---');
  const doc = new Doc(ctx, { frontMatter: front.join('\n') });
  const files: RenderedFile[] = [];
  doc.region('title', `# ${escapeHeading(title)}`);

  doc.heading(2, 'Database Overview');
  doc.region('database-overview', stackLines(ctx).join('  \n'));
  doc.fact('hosting', { label: 'Hosting' });

  doc.heading(2, 'Schema Diagram');
  doc.region('schema-diagram', fence('', asciiRelationshipMap(ctx.ir)));

  doc.heading(2, 'Tables');
  if (ctx.tableFiles.size > 0) {
    const rows = ctx.tables.map((t) => [
      link(qualifiedName(t), ctx.tableFiles.get(qualifiedName(t)) ?? ''),
      escapeCell(t.description ?? '—'),
      String(t.columns.length),
    ]);
    doc.region(
      'tables-index',
      `One file per table (the schema has ${ctx.tables.length}).\n\n${table(['Table', 'Purpose', 'Columns'], rows)}`,
    );
    for (const t of ctx.tables) {
      const path = ctx.tableFiles.get(qualifiedName(t));
      if (!path) continue;
      const tdoc = new Doc(ctx);
      const back = path
        .split('/')
        .slice(1)
        .map(() => '..')
        .join('/');
      tdoc.region('table', `${link(`← ${title}`, `${back}/${file}`)}\n\n${tableSection(ctx, t, 1)}`);
      files.push({ path, content: tdoc.toString() });
    }
  } else if (ctx.tables.length === 0) {
    doc.region('tables', '_The schema defines no tables._');
  } else {
    for (const t of ctx.tables)
      doc.region(`table:${qualifiedName(t)}`.replace(/[^A-Za-z0-9._:-]/g, '_'), tableSection(ctx, t, 3));
  }

  doc.heading(2, 'Relationships');
  const rel = (items: string[], none: string) => bullets(items, none);
  doc.region(
    'relationships',
    [
      '### One-to-One',
      rel(
        fkRelationships(ctx.relationships, 'one-to-one').map(describeRelationship),
        '_No one-to-one relationships._',
      ),
      '### One-to-Many',
      rel(
        fkRelationships(ctx.relationships, 'one-to-many').map(describeRelationship),
        '_No one-to-many relationships._',
      ),
      '### Many-to-Many (via junction table)',
      manyToMany(ctx.relationships).length
        ? manyToMany(ctx.relationships)
            .map((m) => {
              const pk = ctx.tables.find((t) => qualifiedName(t) === qualifiedName(m.junction))?.primaryKey;
              return `- ${describeRelationship(m)}${pk ? `; key ${code(`(${pk.columns.join(', ')})`)}` : ''}`;
            })
            .join('\n')
        : '_No many-to-many relationships (no junction table with two foreign keys covering its key)._',
    ].join('\n\n'),
  );

  doc.heading(2, 'Data Types Reference');
  const types = typeReference(ctx.ir);
  doc.region(
    'type-reference',
    types.length
      ? table(
          ['Type', 'Category', 'Columns', 'Note'],
          types.map((t) => [
            code(t.sqlType),
            escapeCell(t.category),
            escapeCell(t.columns.join(', ')),
            escapeCell(t.note || '—'),
          ]),
        )
      : '_No columns._',
  );

  doc.heading(2, 'Enums');
  doc.region(
    'enums',
    ctx.ir.enums.length
      ? ctx.ir.enums
          .map((e) => `### ${escapeHeading(qualifiedName(e))} Enum\n\n${enumBody(ctx.ir, e)}`)
          .join('\n\n')
      : '_The schema defines no enums._',
  );

  doc.heading(2, 'Constraints and Validation');
  doc.region('constraints', constraintsBody(ctx));

  doc.heading(2, 'Default Values');
  const defaults = baseTables(ctx).flatMap((t) =>
    t.columns
      .filter((c) => c.default)
      .map((c) => `${code(`${qualifiedName(t)}.${c.name}`)}: ${describeDefault(c.default)}`),
  );
  doc.region('defaults', bullets(defaults, '_No column has a default._'));

  doc.heading(2, 'Triggers');
  const notes = updatedAtNotes(ctx.ir);
  const example = notes.find((n) => n.triggerSql);
  doc.region(
    'triggers',
    [
      'The schema source defines no database triggers.',
      '### Auto-update `updated_at`',
      bullets(
        notes.map(
          (n) =>
            `${code(`${qualifiedName(n.table)}.${n.column}`)}: ${n.managedBy === 'orm' ? 'refreshed by the ORM, not the database' : 'refreshed by the database'} (${escapeText(n.description)})`,
        ),
        '_No column is refreshed on update._',
      ),
      example?.triggerSql
        ? `Writes that bypass the ORM leave these columns unchanged. A trigger that would keep ${code(`${qualifiedName(example.table)}.${example.column}`)} current in the database itself:\n\n${fence('sql', example.triggerSql)}`
        : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  );

  doc.heading(2, 'Migrations');
  const tool = migrationTool(ctx.ir);
  doc.region(
    'initial-schema',
    `### Initial Schema\n\nThe DDL of the whole schema, in FK-safe order:\n\n${fence('sql', renderDdl(ctx.ir))}`,
  );
  doc.region(
    'migration-workflow',
    `### Migration Workflow\n\nMigrations are managed with ${tool.name} (${tool.format}).\n\n1. Change the schema, then create a migration: \`${tool.create}\`\n2. Apply pending migrations: \`${tool.apply}\`\n3. Rollback (if needed): ${tool.rollback}`,
  );
  doc.fact('migrationWorkflow', { label: 'When migrations run' });
  const python = ctx.ir.source.orm === 'sqlmodel' || ctx.ir.source.orm === 'sqlalchemy';
  doc.region(
    'alembic',
    python
      ? `### Example Alembic Migration\n\n${fence('python', alembicMigration(ctx.ir))}`
      : `### Example Alembic Migration\n\nNot applicable: this schema is migrated with ${tool.name}, not Alembic; the SQL above is what its first migration creates.`,
  );

  doc.heading(2, 'Sample Data (Development)');
  doc.region(
    'seed-script',
    `### Seed Script\n\nRows consistent with the column types and constraints, inserted in FK-safe order:\n\n${fence('sql', seedScriptSql(ctx.ir))}`,
  );

  doc.heading(2, 'Performance Considerations');
  doc.region(
    'performance',
    `### Indexes\n\n${findingList(findingsOf(ctx, ['indexing']), 'The analysis found no indexing problem.')}\n\n### Query Optimization\n\n${findingList(findingsOf(ctx, ['performance']), 'The analysis found no query performance problem in the schema.')}`,
  );
  doc.heading(3, 'Connection Pooling');
  doc.fact('connectionPooling');

  doc.heading(2, 'Security');
  doc.heading(3, 'Row-Level Security (RLS)');
  doc.fact('rowLevelSecurity');
  doc.region('sensitive-data', `### Sensitive Data\n\n${securityFacts(ctx)}`);

  doc.heading(2, 'Backup and Recovery');
  doc.fact('backups');

  doc.heading(2, 'References');
  doc.region(
    'references',
    `${relatedDocs(ctx, 'schema')}\n- ${databaseEngine(ctx.ir.dialect)} documentation: ${engineDocsUrl(ctx.ir.dialect)}`,
  );

  const model = modelLanguage(ctx.ir);
  doc.region(
    'model-definitions',
    `## Model Definitions (${model.label})\n\n${fence(model.fence, modelDefinitions(ctx.ir, model.lang))}`,
  );

  doc.heading(2, 'Changelog');
  doc.text(
    '_Record released schema changes here (version, date, change, author); ormdoc never edits this section._',
  );

  return [{ path: file, content: doc.toString() }, ...files];
}

function constraintsBody(ctx: RenderContext): string {
  const tables = baseTables(ctx);
  const uniques = tables.flatMap((t) => [
    ...t.uniques.map(
      (u) => `${code(qualifiedName(t))}: ${code(`UNIQUE (${u.columns.join(', ')})`)} ${code(u.name)}`,
    ),
    ...t.indexes
      .filter((i) => i.unique)
      .map(
        (i) =>
          `${code(qualifiedName(t))}: unique index ${code(i.name)} on ${code(`(${i.parts.map((p) => p.column ?? p.expression).join(', ')})`)}${i.where ? ` where ${code(i.where)}` : ''}`,
      ),
  ]);
  const checks = tables.flatMap((t) =>
    t.checks.map((c) => `${code(qualifiedName(t))}: ${code(c.name)} ${code(`CHECK (${c.expression})`)}`),
  );
  const nullable = tables.map((t) => [
    code(qualifiedName(t)),
    escapeCell(String(t.columns.filter((c) => !c.nullable).length)),
    t.columns
      .filter((c) => c.nullable)
      .map((c) => code(c.name))
      .join(', ') || '—',
  ]);
  return [
    '### Unique Constraints',
    bullets(uniques, '_No unique constraints besides primary keys._'),
    '### Check Constraints',
    bullets(checks, '_No check constraints._'),
    '### Not Null Constraints',
    tables.length ? table(['Table', 'NOT NULL columns', 'Nullable columns'], nullable) : '_No tables._',
    findingList(findingsOf(ctx, ['validation', 'integrity']), '') || '',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
}
