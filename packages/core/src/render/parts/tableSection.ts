import { exampleRowJson } from '../../blocks/index.js';
import { qualifiedIdent } from '../../ddl/identifiers.js';
import { findTable, qualifiedName, tableSortKey } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { renderNeighbourhoodMermaid } from '../../mermaid/index.js';
import type { RenderContext } from '../context.js';
import { bullets, code, escapeText, fence, table } from '../markdown.js';
import { ofTable } from '../memo.js';
import { renderSamples } from '../shared.js';
import { tableSvgPicture } from '../svg.js';
import { columnRows, foreignKeyItems, keyAndIndexItems, tagList } from './columns.js';
import { tableFindingsPointer } from './findingsHome.js';
import { tableHeadingText } from './links.js';
import { tableObjectLines } from './objects.js';
import { relationshipSummary } from './relationships.js';

export function tableKindLabel(t: Table): string {
  switch (t.kind) {
    case 'table':
      return 'Table';
    case 'view':
      return 'View';
    case 'materialized-view':
      return 'Materialized View';
  }
}

/** The purpose line: the schema's own description, or a one-line pointer to where to add one. */
export function purpose(t: Table): string {
  const tags = t.tags.length ? ` (${escapeText(tagList(t.tags))})` : '';
  if (t.description) return `${escapeText(t.description)}${tags}`;
  const overlay = code(`overlay["${qualifiedName(t)}"].description`);
  // A view only a migration creates (the ORM does not declare it): its comment goes in a migration.
  if (t.kind !== 'table' && t.source?.file.endsWith('.sql')) {
    const what = t.kind === 'materialized-view' ? 'MATERIALIZED VIEW' : 'VIEW';
    return `_No description in the migrations: add ${code(`COMMENT ON ${what} ${qualifiedIdent('postgresql', t)} IS '…';`)} to a migration or set ${overlay} in the config._${tags}`;
  }
  return `_No description in the schema: add a comment to ${code(t.codeName ?? t.name)} in the ORM schema or set ${overlay} in the config._${tags}`;
}

/**
 * The schema reference's section for one table ("### users Table"): purpose, column
 * table, indexes, foreign keys, relationships, example row, and the findings about it.
 */
export function tableSection(ctx: RenderContext, t: Table, level: number): string {
  const h = '#'.repeat(level);
  const lines: string[] = [`${h} ${tableHeadingText(t)}`];
  lines.push(`**Purpose:** ${purpose(t)}`);
  const codeName = t.codeName ? ` Code name: ${code(t.codeName)}.` : '';
  const src = t.source
    ? ` Defined in ${code(`${t.source.file}${t.source.line ? `:${t.source.line}` : ''}`)}.`
    : '';
  if (codeName || src) lines.push(`${codeName}${src}`.trim());
  if (t.ignoredByOrm) lines.push('_The ORM ignores this table; it exists in the database only._');
  if (t.implicit) lines.push('_Created by the ORM without a model of its own (implicit junction table)._');
  lines.push(table(['Column', 'Type', 'Constraints', 'Default', 'Description'], columnRows(t, ctx.ir)));
  lines.push(
    `**Indexes:**\n${bullets(keyAndIndexItems(t), '_No primary key, unique constraint or index._')}`,
  );
  if (t.checks.length)
    lines.push(
      `**Checks:**\n${bullets(
        t.checks.map((c) => `${code(c.name)}: ${code(`CHECK (${c.expression})`)}`),
        '',
      )}`,
    );
  lines.push(
    `**Foreign Keys:**\n${bullets(foreignKeyItems(t), '_None: this table references no other table._')}`,
  );
  // Its own foreign keys are listed just above; here: who references it, and many-to-many partners.
  lines.push(
    `**Relationships:**\n${bullets(relationshipSummary(ctx, t, { outgoing: false }), t.foreignKeys.length ? '_No other table references this one; its own references are the foreign keys above._' : '_None: no foreign key references this table, and it references no other table._')}`,
  );
  // A table's own file shows its one-hop neighbourhood (the single-file reference has the ER diagram):
  // the SVG picture beside it when `diagrams.svg` is on, else as Mermaid.
  const picture = tableSvgPicture(ctx, t);
  if (picture) {
    const more = picture.omitted
      ? `\n\nAnd ${picture.omitted} more ${picture.omitted === 1 ? 'table' : 'tables'}: see Foreign Keys and Relationships above.`
      : '';
    lines.push(`**Neighbourhood:**\n\n${picture.markdown}${more}`);
  } else if (ctx.tableFiles.has(qualifiedName(t))) {
    // Only the table and its neighbours are handed over: one page per table must not cost O(tables) each.
    const relationships = ofTable(ctx.index.relationships, t);
    // The columns are in the table above: the diagram draws the keys and the linking columns.
    const linking = new Set([...(t.primaryKey?.columns ?? []), ...t.foreignKeys.flatMap((fk) => fk.columns)]);
    const focus = { ...t, columns: t.columns.filter((c) => linking.has(c.name)) };
    const near = new Map<string, Table>([[tableSortKey(t), focus]]);
    for (const r of relationships)
      if (r.kind !== 'many-to-many')
        for (const end of [r.parent, r.child]) {
          const other = findTable(ctx.ir, end);
          if (other && !near.has(tableSortKey(other))) near.set(tableSortKey(other), other);
        }
    const around = renderNeighbourhoodMermaid({ ...ctx.ir, tables: [...near.values()] }, t, {
      relationships,
      comments: false,
    });
    if (around) {
      // A hub draws its most linked neighbours only; every relationship is listed above.
      const more = around.omitted
        ? `\n\nAnd ${around.omitted} more ${around.omitted === 1 ? 'table' : 'tables'}: see Foreign Keys and Relationships above.`
        : '';
      lines.push(`**Neighbourhood:**\n${fence('mermaid', around.code)}${more}`);
    }
  }
  lines.push(...tableObjectLines(ctx, t));
  if (t.kind !== 'table' && t.definition) lines.push(`**Definition:**\n${fence('sql', t.definition)}`);
  if (t.kind === 'table')
    lines.push(`**Example Row:**\n${fence('json', exampleRowJson(ctx.ir, t, renderSamples(ctx)))}`);
  // Findings live once, in findings.md; the table links to its own there (a table file is one folder down).
  const findings = tableFindingsPointer(ctx, t, ctx.tableFiles.has(qualifiedName(t)) ? '../' : '');
  if (findings) lines.push(findings);
  return lines.join('\n\n');
}
