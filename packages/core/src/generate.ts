import { resolve } from 'node:path';
import type { OrmdocConfig } from './config/schema.js';
import type { Diagnostic } from './diagnostics.js';
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

/** Render and write (or check) the documents: the one call the CLI, the Prisma generator and the Drizzle plugin make. */
export async function generateDocs(options: GenerateOptions): Promise<GenerateResult> {
  const outputDir = resolve(options.cwd, options.config.output.dir);
  const rendered = await renderDocuments({ ir: options.ir, config: options.config, cwd: options.cwd });
  const written = await writeDocuments({ outputDir, files: rendered.files, check: options.check ?? false });
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
