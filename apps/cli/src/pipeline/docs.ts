import { resolve } from 'node:path';
import {
  type Diagnostic,
  formatDiagnostic,
  type GeneratePhase,
  type GenerateResult,
  generateDocs,
  type MeasuredSection,
  OrmdocError,
  type RenderResult,
  relativePosix,
  reuseUnchanged,
  toPosixPath,
  type WriteResult,
} from '@ormdoc/core';
import type { Orm } from '../args.js';
import type { LoadedConfig } from '../config/load.js';
import type { CommandContext } from '../context.js';
import { plural } from '../progress.js';
import { extractPhase, loadPhase } from './extract.js';
import { settleAfterExtraction } from './memory.js';
import { extractionSalt, inputsOf } from './unchanged.js';

export interface DocsRun {
  cwd: string;
  outDir: string;
  /** Output directory relative to cwd (posix), for messages. */
  outDirRel: string;
  loaded: LoadedConfig;
  /** Tables in the schema (from the extraction, or from the stamp of an unchanged run). */
  tables: number;
  rendered: RenderResult;
  written: WriteResult;
  diagnostics: Diagnostic[];
}

const FS_USER_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'EISDIR',
  'ENOSPC',
  'EDQUOT',
]);

/** File-system refusals while writing documents are the user's to fix (exit 1), not bugs. */
function asUnwritable(outDirRel: string) {
  return (error: unknown): never => {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && FS_USER_ERRORS.has(code)) {
      const path = (error as { path?: unknown }).path;
      throw new OrmdocError(
        'OUTPUT_UNWRITABLE',
        `Cannot write the documents to ${outDirRel}: ${code}${typeof path === 'string' ? ` (${path})` : ''}.`,
        {
          cause: error,
          hint: 'Check that the output directory is a writable folder, or choose another with --out.',
        },
      );
    }
    throw error;
  };
}

/** The progress line of each phase core's `generateDocs` reports. */
function describePhase(event: GeneratePhase, outDirRel: string): string {
  switch (event.phase) {
    case 'render':
      return `${plural(event.rendered.files.length, 'file')}, ${plural(event.rendered.findings.length, 'finding')}`;
    case 'write': {
      const r = event.written;
      return event.check
        ? `${plural(r.stale.length, 'stale file')}, ${r.unchanged.length} current in ${outDirRel}`
        : `${r.written.length} written, ${r.unchanged.length} unchanged${r.removed?.length ? `, ${r.removed.length} removed` : ''} in ${outDirRel}`;
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

/**
 * load → extract (here, with a progress line each), then core's `generateDocs` renders and writes
 * (or compares, in check mode), reporting its phases to the progress lines. When the stamp beside
 * the documents recorded the extraction's inputs and none changed, the answer is the stamp's and
 * nothing is extracted (`reuseUnchanged`).
 */
export async function runDocsPipeline(
  ctx: CommandContext,
  check: boolean,
  options: { measured?: () => Promise<MeasuredSection[]> } = {},
): Promise<DocsRun> {
  const { progress, cwd } = ctx;
  const first = await loadPhase(ctx);
  // Where the documents go: the config and flags say, until drizzle.config.ts's withOrmdoc options
  // (read by the extraction) are merged below them.
  let outDir = resolve(cwd, first.config.output.dir);
  let outDirRel = relativePosix(cwd, outDir) || '.';
  const onPhase = (event: GeneratePhase) => {
    const name = event.phase === 'write' && check ? 'check' : event.phase;
    progress.done(name, event.ms, describePhase(event, outDirRel));
  };
  const started = performance.now();
  // Measuring a live database is opt-in and changes the documents on every run: never reused;
  // nor with --full.
  const measured = options.measured ? await options.measured() : undefined;
  const same =
    measured || ctx.flags.full
      ? undefined
      : await reuseUnchanged({
          cwd,
          outputDir: outDir,
          check,
          salt: (orm) => extractionSalt((first.config.source.orm ?? orm) as Orm, first.config, cwd),
          onPhase: (event) => {
            if (event.phase === 'render')
              progress.done(
                'extract',
                Math.round(performance.now() - started),
                'unchanged since the last run',
              );
            onPhase(event);
          },
        });
  if (same) {
    const diagnostics = [...same.extract.diagnostics, ...same.result.diagnostics];
    return finish(
      ctx,
      { cwd, outDir, outDirRel, loaded: first, tables: same.extract.tables },
      same.result,
      diagnostics,
    );
  }
  const { loaded, extracted } = await extractPhase(ctx, first);
  const { config } = loaded;
  outDir = resolve(cwd, config.output.dir);
  outDirRel = relativePosix(cwd, outDir) || '.';
  if (ctx.io.ownsProcess && extracted.ir.tables.length > 0) await settleAfterExtraction();
  let rendering = true;
  const inputs = inputsOf(extracted, first.config, cwd);
  const result = await generateDocs({
    ir: extracted.ir,
    config,
    cwd,
    check,
    ...(inputs ? { inputs } : {}),
    ...(measured ? { measured } : {}),
    onPhase: (event) => {
      if (event.phase === 'render') rendering = false;
      onPhase(event);
    },
  }).catch((error: unknown) => (rendering ? Promise.reject(error) : asUnwritable(outDirRel)(error)));
  const diagnostics = [...extracted.diagnostics, ...result.diagnostics];
  return finish(
    ctx,
    { cwd, outDir, outDirRel, loaded, tables: extracted.ir.tables.length },
    result,
    diagnostics,
  );
}

function finish(
  ctx: CommandContext,
  run: Pick<DocsRun, 'cwd' | 'outDir' | 'outDirRel' | 'loaded' | 'tables'>,
  result: GenerateResult,
  diagnostics: Diagnostic[],
): DocsRun {
  const rendered: RenderResult = {
    files: result.files,
    findings: result.findings,
    diagnostics: result.diagnostics,
  };
  const written: WriteResult = {
    written: result.written,
    unchanged: result.unchanged,
    removed: result.removed,
    stale: result.stale,
    todos: result.todos,
  };
  if (ctx.flags.verbose) {
    for (const d of diagnostics) ctx.progress.note(formatDiagnostic(d));
  }
  return { ...run, rendered, written, diagnostics };
}

/** A TODO's file as the user sees it: relative to cwd. */
export function todoPath(run: DocsRun, file: string): string {
  const normalized = toPosixPath(file);
  if (normalized.startsWith('/')) return relativePosix(run.cwd, normalized);
  if (run.outDirRel === '.' || normalized.startsWith(`${run.outDirRel}/`)) return normalized;
  return `${run.outDirRel}/${normalized}`;
}
