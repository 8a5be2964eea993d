import { alembicMigration, modelDefinitions, seedScriptSql, updatedAtNotes } from '../blocks/index.js';
import { findTable, qualifiedName } from '../ir/names.js';
import { triggerMaintaining } from '../ir/objects.js';
import type { Ir } from '../ir/types.js';
import { baseTables, type RenderContext } from '../render/context.js';
import type { Doc } from '../render/doc.js';
import { databaseEngine, engineDocsUrl, migrationTool } from '../render/facts.js';
import { bullets, code, escapeCell, escapeText, fence, link, table } from '../render/markdown.js';
import { changelogSection } from '../render/parts/changelog.js';
import { describeDefault } from '../render/parts/columns.js';
import { indexingFacts, queryFacts, relatedDocs } from '../render/parts/common.js';
import { findingsPointer } from '../render/parts/findingsHome.js';
import {
  databaseObjectsReference,
  rlsReference,
  rlsSection,
  triggersReference,
} from '../render/parts/objects.js';
import {
  capped,
  cappedBullets,
  ddlArtifactFile,
  isSplit,
  nameList,
  renderSampleSet,
  SEED_FILE,
  schemaDdl,
} from '../render/shared.js';
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
  const nullTables = capped(ctx, tables);
  const nullable = nullTables.shown.map((t) => [
    code(qualifiedName(t)),
    escapeCell(String(t.columns.filter((c) => !c.nullable).length)),
    t.columns
      .filter((c) => c.nullable)
      .map((c) => code(c.name))
      .join(', ') || '—',
  ]);
  return [
    '### Unique Constraints',
    cappedBullets(ctx, uniques, '_No unique constraints besides primary keys._'),
    '### Check Constraints',
    bullets(checks, '_No check constraints._'),
    '### Not Null Constraints',
    tables.length
      ? `${table(['Table', 'NOT NULL columns', 'Nullable columns'], nullable)}${nullTables.more ? `\n\n${nullTables.more}` : ''}`
      : '_No tables._',
    '### Validation Findings',
    findingsPointer(ctx, 'validation', 'The analysis found no validation or integrity problem.'),
  ].join('\n\n');
}

/** Defaults grouped by value: one row per distinct default, with every column that has it. */
function defaultsBody(ctx: RenderContext): string {
  const groups = new Map<string, string[]>();
  for (const t of baseTables(ctx))
    for (const c of t.columns) {
      const d = describeDefault(c.default);
      if (!d) continue;
      const place = `${qualifiedName(t)}.${c.name}`;
      const list = groups.get(d);
      if (list) list.push(place);
      else groups.set(d, [place]);
    }
  if (groups.size === 0) return '_No column has a default._';
  return table(
    ['Default', 'Columns'],
    [...groups.entries()].map(([d, cols]) => [d, nameList(ctx, cols.map(code))]),
  );
}

function triggersBody(ctx: RenderContext): string {
  const notes = updatedAtNotes(ctx.ir);
  // A column the ORM refreshes and a trigger maintains too is kept current for every writer.
  const trigger = (n: (typeof notes)[number]) => {
    const table = findTable(ctx.ir, n.table);
    return table && triggerMaintaining(ctx.ir, table, n.column);
  };
  const byTrigger = notes.filter((n) => n.managedBy === 'orm' && trigger(n));
  const byOrm = notes.filter((n) => n.managedBy === 'orm' && !trigger(n));
  const byDb = notes.filter((n) => n.managedBy === 'database');
  const example = byOrm.find((n) => n.triggerSql);
  const col = (n: (typeof notes)[number]) => code(`${qualifiedName(n.table)}.${n.column}`);
  // Columns only a trigger refreshes (no ORM or ON UPDATE rule): the database keeps them current.
  const triggerOnly = ctx.ir.triggers.length
    ? baseTables(ctx).flatMap((t) =>
        t.columns.flatMap((c) => {
          const by = c.onUpdate ? undefined : triggerMaintaining(ctx.ir, t, c.name);
          return by ? [`${code(`${qualifiedName(t)}.${c.name}`)} (${code(by.name)})`] : [];
        }),
      )
    : [];
  return [
    triggersReference(ctx),
    '### Auto-update `updated_at`',
    notes.length === 0 && triggerOnly.length === 0 ? '_No column is refreshed on update._' : '',
    triggerOnly.length
      ? `Refreshed on every update by a trigger in the database: ${triggerOnly.join(', ')}.`
      : '',
    byTrigger.length
      ? `Refreshed by the ORM and kept current for every writer by a trigger: ${byTrigger.map((n) => `${col(n)} (${code(trigger(n)?.name ?? '')})`).join(', ')}.`
      : '',
    byOrm.length
      ? `Refreshed by the ORM, not the database: ${byOrm.map(col).join(', ')}. ${escapeText(byOrm[0]?.description ?? '')}`
      : '',
    byDb.length ? `Refreshed by the database: ${byDb.map(col).join(', ')}.` : '',
    example?.triggerSql
      ? `A trigger that would keep ${col(example)} current for every writer (repeat it for the other columns):\n\n${fence('sql', example.triggerSql)}`
      : '',
    `### Change Tracking\n\n${findingsPointer(ctx, 'changeTracking', 'The analysis found no change-tracking problem.')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The models as the ORM would declare them. When the reference is split per table (a large
 * schema), one code block of every model would repeat the schema source itself: name the source.
 */
function modelDefinitionsBody(ctx: RenderContext, model: ReturnType<typeof modelLanguage>): string {
  const files = ctx.ir.source.files;
  if (isSplit(ctx) && files.length > 0)
    return `The ${ctx.tables.length} models are declared in the schema source: ${files.map(code).join(', ')}. Each table's file gives its columns, keys, indexes and relationships.`;
  const models = modelDefinitions(ctx.ir, model.lang);
  return models ? fence(model.fence, models) : `_No ${model.label} model definitions available._`;
}

/** Tables the example Alembic migration of a split (large) schema creates: the first ones in FK-safe order. */
export const SPLIT_ALEMBIC_TABLES = 10;

function alembicExample(ctx: RenderContext): string {
  if (!isSplit(ctx) || ctx.order.order.length <= SPLIT_ALEMBIC_TABLES)
    return fence('python', alembicMigration(ctx.ir));
  // The first tables of the FK-safe order only reference each other (a cycle can point further:
  // such foreign keys are left out), so they make a migration that runs on its own.
  const first = new Set(ctx.order.order.slice(0, SPLIT_ALEMBIC_TABLES).map(qualifiedName));
  const tables = ctx.ir.tables
    .filter((t) => first.has(qualifiedName(t)))
    .map((t) => ({
      ...t,
      foreignKeys: t.foreignKeys.filter((fk) => first.has(qualifiedName(fk.references))),
    }));
  const ir = { ...ctx.ir, tables };
  return `The first ${SPLIT_ALEMBIC_TABLES} of the ${ctx.order.order.length} tables in FK-safe order; \`alembic revision --autogenerate\` writes the whole migration from the models, and the [Initial Schema](#initial-schema) is the SQL it creates.\n\n${fence('python', alembicMigration(ir, { message: 'initial schema (first tables)' }))}`;
}

/** The schema reference from "Constraints and Validation" to the end; also `seed.sql` when the reference is split. */
export function renderSchemaTail(ctx: RenderContext, doc: Doc): RenderedFile[] {
  doc.heading(2, 'Constraints and Validation');
  doc.region('constraints', constraintsBody(ctx));

  doc.heading(2, 'Default Values');
  doc.region('defaults', defaultsBody(ctx));

  doc.heading(2, 'Triggers');
  doc.region('triggers', triggersBody(ctx));
  const objects = databaseObjectsReference(ctx);
  if (objects) doc.region('database-objects', objects);

  doc.heading(2, 'Migrations');
  const tool = migrationTool(ctx.ir);
  const ddlFile = isSplit(ctx) ? ddlArtifactFile(ctx) : undefined;
  doc.region(
    'initial-schema',
    ddlFile
      ? `### Initial Schema\n\nThe DDL of the whole schema, in FK-safe order (tables first, foreign keys added at the end), is in ${link(ddlFile, ddlFile)}; each table's file shows its own part of it.`
      : `### Initial Schema\n\nThe DDL of the whole schema, in FK-safe order (tables first, foreign keys added at the end). This is the one place the full DDL appears; the table sections above describe the same objects.\n\n${fence('sql', schemaDdl(ctx))}`,
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
      ? `### Example Alembic Migration\n\n${alembicExample(ctx)}`
      : `### Example Alembic Migration\n\nNot applicable: this schema is migrated with ${tool.name}, not Alembic; the [Initial Schema](#initial-schema) is what its first migration creates.`,
  );

  doc.heading(2, 'Sample Data (Development)');
  const seed = seedScriptSql(ctx.ir, { samples: renderSampleSet(ctx) });
  doc.region(
    'seed-script',
    isSplit(ctx)
      ? `### Seed Script\n\nRows consistent with the column types and constraints, inserted in FK-safe order, for all ${ctx.tables.length} tables: ${link(SEED_FILE, SEED_FILE)} (run it on an empty development database after the [Initial Schema](#initial-schema)).`
      : `### Seed Script\n\nRows consistent with the column types and constraints, inserted in FK-safe order:\n\n${fence('sql', seed)}`,
  );

  doc.heading(2, 'Performance Considerations');
  doc.region(
    'performance',
    `### Indexes\n\n${indexingFacts(ctx)}\n\n### Query Optimization\n\n${queryFacts(ctx)}`,
  );
  doc.heading(3, 'Connection Pooling');
  doc.fact('connectionPooling');

  doc.heading(2, 'Security');
  doc.heading(3, 'Row-Level Security (RLS)');
  rlsSection(ctx, doc, rlsReference(ctx));
  doc.region(
    'sensitive-data',
    `### Sensitive Data\n\n${findingsPointer(ctx, 'security', 'No column or table is tagged (`@pii`, `@sensitive`) in the schema, and no column name suggests personal data or secrets.')}`,
  );

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
    `## Model Definitions (${model.label})\n\n${modelDefinitionsBody(ctx, model)}`,
  );

  doc.heading(2, 'Changelog');
  changelogSection(doc, ctx.changelog);
  return isSplit(ctx) ? [{ path: SEED_FILE, content: seedFileContent(ctx, seed) }] : [];
}

function seedFileContent(ctx: RenderContext, seed: string): string {
  return `-- Sample rows for every table of the ${databaseEngine(ctx.ir.dialect)} schema, in FK-safe order.\n-- Generated by ormdoc from the ORM schema; regenerated on every run (edit the schema, not this file).\n\n${seed.endsWith('\n') ? seed : `${seed}\n`}`;
}
