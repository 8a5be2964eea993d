import { relationshipMap } from '../blocks/asciiMap.js';
import { buildSamples, type SampleRow, type Samples } from '../blocks/sampleRows.js';
import { type DdlDialect, renderDdl } from '../ddl/index.js';
import { type MermaidDiagram, renderMermaid } from '../mermaid/index.js';
import { once, type RenderContext } from './context.js';
import { fence, link } from './markdown.js';

/**
 * Outputs more than one document of a render needs (the schema reference and the `ddl` artefact
 * both hold the DDL; the design document and the `mermaid` artefact both hold the diagrams):
 * computed once per render.
 */
export function schemaDdl(ctx: RenderContext, dialect?: DdlDialect): string {
  return once(ctx, `ddl:${dialect ?? ctx.ir.dialect}`, () =>
    renderDdl(ctx.ir, dialect ? { dialect } : undefined),
  );
}

export function schemaDiagrams(ctx: RenderContext): MermaidDiagram[] {
  return once(ctx, 'mermaid', () =>
    renderMermaid(ctx.ir, {
      maxTablesPerDiagram: ctx.config.mermaid.maxTablesPerDiagram,
      domains: ctx.domains,
      relationships: ctx.relationships,
    }),
  );
}

/** The sample rows (two per table) of this render: the example rows, the design document's data. */
export function renderSamples(ctx: RenderContext): Map<string, SampleRow[]> {
  return renderSampleSet(ctx).rows;
}

/** The sample rows with their insert order and deferred links: the seed script of this render uses the same (built once). */
export function renderSampleSet(ctx: RenderContext): Samples {
  return once(ctx, 'sample-rows', () => buildSamples(ctx.ir, { rowsPerTable: 2 }));
}

/** The `ddl` artefact that holds the DDL in the schema's own dialect, when this run writes one. */
export function ddlArtifactFile(ctx: RenderContext): string | undefined {
  if (!ctx.config.output.artifacts.includes('ddl')) return undefined;
  const dialects = ctx.config.output.ddlDialects;
  if (!dialects || dialects.length === 0) return 'schema.sql';
  if (dialects.length === 1) return dialects[0] === ctx.ir.dialect ? 'schema.sql' : undefined;
  return (dialects as string[]).includes(ctx.ir.dialect) ? `schema.${ctx.ir.dialect}.sql` : undefined;
}

/**
 * Whether the schema reference is split into one file per table (`layout: per-table`, or `auto` on
 * a large schema). Then the documents link to per-table files and to the artefacts instead of
 * repeating, in one file, what those already hold (the DDL, every model, every sample row).
 */
export function isSplit(ctx: RenderContext): boolean {
  return ctx.tableFiles.size > 0;
}

/** The seed script's own file when the schema reference is split (written next to the documents). */
export const SEED_FILE = 'seed.sql';

/** How many names a table cell lists when the reference is split; the rest are counted. */
export const SPLIT_CELL_NAMES = 12;

/** `a, b, c` — or, for a split reference, the first SPLIT_CELL_NAMES and `… and N more`. */
export function nameList(ctx: RenderContext, names: string[]): string {
  if (!isSplit(ctx) || names.length <= SPLIT_CELL_NAMES) return names.join(', ');
  return `${names.slice(0, SPLIT_CELL_NAMES).join(', ')} … and ${names.length - SPLIT_CELL_NAMES} more`;
}

/** How many entries a schema-wide list shows when the reference is split; each table's file has its own. */
export const SPLIT_LIST_ITEMS = 50;

/**
 * A schema-wide list of per-table facts (relationships, constraints, indexes...). In a split
 * reference it shows the first SPLIT_LIST_ITEMS and a note that each table's file lists its own,
 * so a thousand-table schema does not make every document a copy of the reference.
 */
export function capped<T>(
  ctx: RenderContext,
  items: T[],
  kind: 'facts' | 'tables' = 'facts',
): { shown: T[]; more: string } {
  if (!isSplit(ctx) || items.length <= SPLIT_LIST_ITEMS) return { shown: items, more: '' };
  const where = ctx.documents.schema
    ? `the ${link('schema reference', ctx.documents.schema, 'all-tables')}`
    : 'the schema reference';
  return {
    shown: items.slice(0, SPLIT_LIST_ITEMS),
    more:
      kind === 'tables'
        ? `_… and ${items.length - SPLIT_LIST_ITEMS} more tables, all listed in ${where}._`
        : `_… and ${items.length - SPLIT_LIST_ITEMS} more: each table's file in ${where} lists its own._`,
  };
}

/** `capped` for text: the shown lines, then the note as its own paragraph. */
export function cappedLines(ctx: RenderContext, text: string): { text: string; more: string } {
  const { shown, more } = capped(ctx, text.split('\n'));
  return { text: shown.join('\n'), more };
}

/**
 * The relationships as an aligned text map in a code block, grouped by domain. In a split reference
 * it is cut fairly at SPLIT_LIST_ITEMS lines (every table keeps its share; see `relationshipMap`),
 * and the note says how many were left out and where each table lists its own.
 */
export function relationshipMapBlock(ctx: RenderContext): string {
  const map = once(ctx, 'ascii-map', () =>
    relationshipMap(ctx.ir, {
      ...(isSplit(ctx) ? { maxLines: SPLIT_LIST_ITEMS } : {}),
      domains: ctx.domains,
      relationships: ctx.relationships,
    }),
  );
  const left = map.omitted.reduce((n, o) => n + o.lines, 0);
  if (left === 0) return fence('', map.text);
  const where = ctx.documents.schema
    ? `the ${link('schema reference', ctx.documents.schema, 'all-tables')}`
    : 'the schema reference';
  const tables = map.omitted.length;
  return `${fence('', map.text)}\n\n_… and ${left} more: each table's file in ${where} lists its own (the map keeps every table's share of its ${SPLIT_LIST_ITEMS} lines; ${tables} table${tables === 1 ? '' : 's'} lost some or all of theirs)._`;
}

/** Bullets of `capped` items, the note as the last paragraph. */
export function cappedBullets(ctx: RenderContext, items: string[], none: string): string {
  if (items.length === 0) return none;
  const { shown, more } = capped(ctx, items);
  return `${shown.map((i) => `- ${i}`).join('\n')}${more ? `\n\n${more}` : ''}`;
}

/** A table (rendered by `render`) of `capped` rows, the note below it. */
export function cappedTable<T>(
  ctx: RenderContext,
  rows: T[],
  render: (rows: T[]) => string,
  none: string,
): string {
  if (rows.length === 0) return none;
  const { shown, more } = capped(ctx, rows);
  return `${render(shown)}${more ? `\n\n${more}` : ''}`;
}
