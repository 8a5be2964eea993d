import { resolve } from 'node:path';
import type { OrmdocConfig } from './config/schema.js';
import type { Diagnostic } from './diagnostics.js';
import { OrmdocError } from './errors.js';
import type { Finding } from './findings/index.js';
import type { Ir } from './ir/types.js';
import { renderDocuments } from './render/index.js';
import type { RenderedFile } from './render/types.js';
import { writeDocuments } from './write/index.js';
import type { StaleFile, Todo } from './write/types.js';

export interface GenerateOptions {
  ir: Ir;
  config: OrmdocConfig;
  /** Project directory: `config.output.dir` and custom template paths resolve against it. */
  cwd: string;
  /** Write nothing; report stale files with a diff. */
  check?: boolean;
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
  const rendered = await renderDocuments({ ir: options.ir, config: options.config, cwd: options.cwd });
  const written = await writeDocuments({
    outputDir,
    files: rendered.files,
    check: options.check ?? false,
    cwd: options.cwd,
  });
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
