import { relative, resolve } from 'node:path';
import {
  assertHasTables,
  type Diagnostic,
  formatDiagnostic,
  OrmdocError,
  type RenderResult,
  renderDocuments,
  type WriteResult,
  writeDocuments,
} from '@ormdoc/core';
import type { LoadedConfig } from '../config/load.js';
import type { CommandContext } from '../context.js';
import { plural } from '../progress.js';
import { type ExtractOutcome, loadAndExtract } from './extract.js';
import { settleAfterExtraction } from './memory.js';

export interface DocsRun {
  cwd: string;
  outDir: string;
  /** Output directory relative to cwd (posix), for messages. */
  outDirRel: string;
  loaded: LoadedConfig;
  extracted: ExtractOutcome;
  rendered: RenderResult;
  written: WriteResult;
  diagnostics: Diagnostic[];
}

const posix = (path: string) => path.split('\\').join('/');

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

/**
 * load → extract → render → write (or compare, in check mode), with progress per phase. The same
 * steps as core's `generateDocs`, run one by one so each phase reports its own progress line.
 */
export async function runDocsPipeline(ctx: CommandContext, check: boolean): Promise<DocsRun> {
  const { progress, cwd } = ctx;
  const { loaded, extracted } = await loadAndExtract(ctx);
  // A schema without tables has nothing to document: a user error, before anything is written.
  assertHasTables(extracted.ir);
  const { config } = loaded;
  if (ctx.io.ownsProcess) await settleAfterExtraction();
  const rendered = await progress.phase(
    'render',
    () => renderDocuments({ ir: extracted.ir, config, cwd }),
    (r) => `${plural(r.files.length, 'file')}, ${plural(r.findings.length, 'finding')}`,
  );
  const outDir = resolve(cwd, config.output.dir);
  const outDirRel = posix(relative(cwd, outDir)) || '.';
  const written = await progress.phase(
    check ? 'check' : 'write',
    () =>
      writeDocuments({ outputDir: outDir, files: rendered.files, check, cwd }).catch(asUnwritable(outDirRel)),
    (r) =>
      check
        ? `${plural(r.stale.length, 'stale file')}, ${r.unchanged.length} current in ${outDirRel}`
        : `${r.written.length} written, ${r.unchanged.length} unchanged in ${outDirRel}`,
  );
  const diagnostics = [...extracted.diagnostics, ...rendered.diagnostics];
  if (ctx.flags.verbose) {
    for (const d of diagnostics) progress.note(formatDiagnostic(d));
  }
  return { cwd, outDir, outDirRel, loaded, extracted, rendered, written, diagnostics };
}

/** A TODO's file as the user sees it: relative to cwd. */
export function todoPath(run: DocsRun, file: string): string {
  const normalized = posix(file);
  if (normalized.startsWith('/')) return posix(relative(run.cwd, normalized));
  if (run.outDirRel === '.' || normalized.startsWith(`${run.outDirRel}/`)) return normalized;
  return `${run.outDirRel}/${normalized}`;
}
