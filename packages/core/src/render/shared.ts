import { type DdlDialect, renderDdl } from '../ddl/index.js';
import { type MermaidDiagram, renderMermaid } from '../mermaid/index.js';
import { once, type RenderContext } from './context.js';

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
    renderMermaid(ctx.ir, { maxTablesPerDiagram: ctx.config.mermaid.maxTablesPerDiagram }),
  );
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
