import { typeReference } from '../blocks/index.js';
import { findTable, qualifiedName } from '../ir/names.js';
import { projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { databaseEngine } from '../render/facts.js';
import { code, escapeCell, escapeHeading, link, table } from '../render/markdown.js';
import { stackLines } from '../render/parts/common.js';
import { enumBody } from '../render/parts/enums.js';
import { tableLink } from '../render/parts/links.js';
import { describeRelationship, fkRelationships, manyToMany } from '../render/parts/relationships.js';
import { tableSection } from '../render/parts/tableSection.js';
import { cappedBullets, nameList, relationshipMapBlock } from '../render/shared.js';
import type { RenderedFile } from '../render/types.js';
import { renderSchemaTail } from './schemaTail.js';

export { modelLanguage } from './schemaTail.js';

/** The full schema reference (template `schema`). */
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
  doc.contents();

  doc.heading(2, 'Database Overview');
  doc.region('database-overview', stackLines(ctx).join('  \n'));
  doc.fact('hosting', { label: 'Hosting' });

  doc.heading(2, 'Schema Diagram');
  doc.region('schema-diagram', relationshipMapBlock(ctx));

  doc.heading(2, 'All Tables');
  if (ctx.tableFiles.size > 0) {
    doc.region(
      'tables-index',
      `One file per table (the schema has ${ctx.tables.length}), listed alphabetically as a reference index; [Migrations](#migrations) gives the FK-safe creation order.\n\n${tableIndex(ctx)}`,
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
    doc.region(
      'tables-index',
      `Tables are listed alphabetically (this document is a reference index); [Migrations](#migrations) gives the FK-safe creation order.\n\n${tableIndex(ctx)}`,
    );
    for (const t of ctx.tables)
      doc.region(`table:${qualifiedName(t)}`.replace(/[^A-Za-z0-9._:-]/g, '_'), tableSection(ctx, t, 3));
  }

  doc.heading(2, 'Relationships');
  const rel = (items: string[], none: string) => cappedBullets(ctx, items, none);
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
      cappedBullets(
        ctx,
        manyToMany(ctx.relationships).map((m) => {
          const pk = findTable(ctx.ir, m.junction)?.primaryKey;
          return `${describeRelationship(m)}${pk ? `; key ${code(`(${pk.columns.join(', ')})`)}` : ''}`;
        }),
        '_No many-to-many relationships (no junction table with two foreign keys covering its key)._',
      ),
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
            escapeCell(nameList(ctx, t.columns)),
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
          .map((e) => `### ${escapeHeading(qualifiedName(e))} Enum\n\n${enumBody(ctx, e)}`)
          .join('\n\n')
      : '_The schema defines no enums._',
  );

  const extra = renderSchemaTail(ctx, doc);

  return [{ path: file, content: doc.toString() }, ...files, ...extra];
}

/** The reference index of the tables: name (linked to its section or file), purpose, columns. */
function tableIndex(ctx: RenderContext): string {
  return table(
    ['Table', 'Purpose', 'Columns'],
    ctx.tables.map((t) => [
      tableLink(ctx, t, { local: true }),
      t.description ? escapeCell(t.description) : '—',
      String(t.columns.length),
    ]),
  );
}
