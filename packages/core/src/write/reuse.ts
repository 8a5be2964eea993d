import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GenerateOptions, GenerateResult } from '../generate.js';
import type { RenderedFile, RenderResult } from '../render/types.js';
import { writeAtomic } from './files.js';
import { inputsUnchanged, type StampInputs } from './inputs.js';
import { findOrphans, orphanStale, orphanWarning } from './orphans.js';
import { assertOutputDir, removeStaleTempFiles } from './outputDir.js';
import { readStamp, STAMP_FILE, type Stamp, stampText, verifyStamp } from './stamp.js';
import { findTodos } from './todos.js';
import type { WriteResult } from './types.js';

/*
 * Answering from the stamp (the unchanged run). Kept apart from generate.ts, which loads the whole
 * renderer: the Prisma generator imports only this module (`@ormdoc/core/reuse`) to answer an
 * unchanged `prisma generate` without loading the rest of ormdoc.
 */

export function writeStamp(outputDir: string, stamp: Omit<Stamp, 'format'>): void {
  try {
    writeAtomic(resolve(outputDir, STAMP_FILE), stampText(stamp));
  } catch {
    // Best effort: without a stamp the next run is a full one (e.g. a read-only checkout with current documents).
  }
}

export interface ReuseUnchangedOptions {
  /** Project directory (`outputDir` and the inputs' paths resolve against it). */
  cwd: string;
  /** The output directory, as `config.output.dir`. */
  outputDir: string;
  /**
   * The salt the extraction's inputs would be recorded with now (`inputsSalt`), given the ORM the
   * stamp recorded (the caller's config may leave the ORM to detection); undefined: no reuse.
   */
  salt: (recordedOrm: string) => string | undefined;
  check?: boolean;
  onPhase?: GenerateOptions['onPhase'];
}

/**
 * The unchanged run before extraction: when the stamp recorded the extraction's inputs with the
 * same salt and none of them changed, the extraction would give the IR the stamp was made from,
 * so the answer is the stamp's (with what the extraction reported then). Undefined otherwise: run
 * the extraction and `generateDocs`.
 */
export async function reuseUnchanged(
  options: ReuseUnchangedOptions,
): Promise<{ result: GenerateResult; extract: StampInputs['extract'] } | undefined> {
  const outputDir = resolve(options.cwd, options.outputDir);
  const stamp = readStamp(outputDir);
  const salt = stamp?.inputs && options.salt(stamp.inputs.extract.orm);
  // Stryker disable next-line LogicalOperator,ConditionalExpression: an undefined salt never equals the recorded one, so inputsUnchanged is false for it too
  if (!stamp?.inputs || salt === undefined || !inputsUnchanged(stamp.inputs, salt, options.cwd, outputDir))
    return undefined;
  const check = options.check ?? false;
  const result = await reuseStamp(outputDir, stamp, check, {
    cwd: options.cwd,
    ...(options.onPhase ? { onPhase: options.onPhase } : {}),
  });
  return result && { result, extract: stamp.inputs.extract };
}

/** The unchanged run: the answer from the stamp, or undefined when a document differs (see `write/stamp.ts`). */
export async function reuseStamp(
  outputDir: string,
  stamp: Stamp,
  check: boolean,
  options: Pick<GenerateOptions, 'cwd' | 'onPhase'>,
): Promise<GenerateResult | undefined> {
  const started = performance.now();
  const found = verifyStamp(outputDir, stamp);
  if (!found) return undefined;
  await assertOutputDir(outputDir, options.cwd);
  if (!check) await removeStaleTempFiles(outputDir);
  const files: RenderedFile[] = found.map(({ path, target, text }) => ({
    path,
    get content() {
      return text ?? readFileSync(target, 'utf8');
    },
  }));
  const rendered: RenderResult = { files, findings: stamp.findings, diagnostics: stamp.diagnostics };
  options.onPhase?.({ phase: 'render', ms: Math.round(performance.now() - started), rendered });
  // In the writer's order: by path.
  // Stryker disable next-line EqualityOperator: the paths are distinct (a stamp's files), so `<=`/`>=` compare as `<`/`>`
  const byPath = [...found].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const paths = byPath.map((f) => f.path);
  const todos = byPath.flatMap((f) => (f.text === undefined ? [] : findTodos(f.path, f.text)));
  // Documents kept last time for a person's text in them are still stale, and still named.
  // Stryker disable next-line ArrayDeclaration: an entry that is no [path, digest] pair is skipped by findOrphans
  const kept = findOrphans(outputDir, { ...stamp, files: [] }, paths);
  const stale = check ? kept.map(orphanStale) : [];
  const written: WriteResult = { written: [], unchanged: paths, stale, todos };
  options.onPhase?.({ phase: 'write', ms: 0, check, written });
  return {
    outputDir,
    files,
    written: [],
    unchanged: paths,
    removed: [],
    stale,
    todos,
    findings: stamp.findings,
    diagnostics: [...stamp.diagnostics, ...kept.map((o) => orphanWarning(o.path))],
    reused: true,
  };
}

export { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
export { inputsSalt, recordInputs, type StampInputs } from './inputs.js';
export { codeDigest, ormdocDigest } from './stamp.js';
