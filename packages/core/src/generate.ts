import { resolve } from 'node:path';
import type { OrmdocConfig } from './config/schema.js';
import type { Diagnostic } from './diagnostics.js';
import { OrmdocError } from './errors.js';
import type { Finding } from './findings/index.js';
import type { Ir } from './ir/types.js';
import { renderDocuments } from './render/index.js';
import type { RenderedFile, RenderResult } from './render/types.js';
import { writeDocuments } from './write/index.js';
import type { StaleFile, Todo, WriteResult } from './write/types.js';

/**
 * A phase of `generateDocs` that has just finished, with what it produced and how long it took
 * (milliseconds): entry points report progress from it. `write` also stands for check mode's
 * comparison (`check: true`), which writes nothing.
 */
export type GeneratePhase =
  | { phase: 'render'; ms: number; rendered: RenderResult }
  | { phase: 'write'; ms: number; check: boolean; written: WriteResult };

export interface GenerateOptions {
  ir: Ir;
  config: OrmdocConfig;
  /** Project directory: `config.output.dir` and custom template paths resolve against it. */
  cwd: string;
  /** Write nothing; report stale files with a diff. */
  check?: boolean;
  /** Called as each phase ends (render, then write), e.g. to print progress. */
  onPhase?: (event: GeneratePhase) => void;
}

export interface GenerateResult {
  /** Absolute output directory. */
  outputDir: string;
  files: RenderedFile[];
  written: string[];
  unchanged: string[];
  stale: StaleFile[];
  todos: Todo[];
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * A schema without a single table or view is nearly always a wrong path or filter, not a database
 * worth documents: stop with an error that says where ormdoc looked.
 */
export function assertHasTables(ir: Ir): void {
  if (ir.tables.length > 0) return;
  const files = ir.source.files.length > 0 ? ir.source.files.join(', ') : `the ${ir.source.orm} schema`;
  throw new OrmdocError(
    'INPUT_EMPTY',
    `No tables or views found in ${files}: there is nothing to document.`,
    {
      ...(ir.source.files[0] ? { file: ir.source.files[0] } : {}),
      hint: 'Check that ormdoc reads the right schema (--schema or source.* in ormdoc.config.ts) and, for Drizzle, that schemaFilter/tablesFilter keep the tables; tables must be exported (Drizzle) or registered as entities (TypeORM).',
    },
  );
}

/** Render and write (or check) the documents: the one call the CLI, the Prisma generator and the Drizzle plugin make. */
export async function generateDocs(options: GenerateOptions): Promise<GenerateResult> {
  assertHasTables(options.ir);
  const outputDir = resolve(options.cwd, options.config.output.dir);
  const check = options.check ?? false;
  let started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const rendered = await renderDocuments({ ir: options.ir, config: options.config, cwd: options.cwd });
  options.onPhase?.({ phase: 'render', ms: elapsed(), rendered });
  started = performance.now();
  const written = await writeDocuments({ outputDir, files: rendered.files, check, cwd: options.cwd });
  options.onPhase?.({ phase: 'write', ms: elapsed(), check, written });
  return {
    outputDir,
    files: rendered.files,
    written: written.written,
    unchanged: written.unchanged,
    stale: written.stale,
    todos: written.todos,
    findings: rendered.findings,
    diagnostics: rendered.diagnostics,
  };
}
