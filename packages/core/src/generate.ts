import { resolve } from 'node:path';
import type { OrmdocConfig } from './config/schema.js';
import type { Diagnostic } from './diagnostics.js';
import { OrmdocError } from './errors.js';
import type { Finding } from './findings/index.js';
import { readChangelog } from './history/changelog.js';
import type { Ir } from './ir/types.js';
import { renderDocuments } from './render/index.js';
import type { RenderedFile, RenderResult } from './render/types.js';
import { writeDocuments } from './write/index.js';
import { type StampInputs, sameInputs } from './write/inputs.js';
import { insertMeasured, type MeasuredSection } from './write/measured.js';
import { findOrphans, orphanStale, orphanWarning, removeOrphans } from './write/orphans.js';
import { reuseStamp, writeStamp } from './write/reuse.js';
import { readStamp, stampKey } from './write/stamp.js';
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
  /**
   * Answer from the stamp the last run left beside the documents when nothing they depend on
   * changed and they still hold what was written (default true; see `write/stamp.ts`).
   */
  reuse?: boolean;
  /**
   * The extraction's inputs (`write/inputs.ts`), kept in the stamp so that the next run can answer
   * without extracting when none of them changed (`reuseUnchanged`).
   */
  inputs?: StampInputs;
  /** Facts measured on a live database, in `measured:` regions (opt-in; never reused from the stamp). */
  measured?: readonly MeasuredSection[];
}

export interface GenerateResult {
  /** Absolute output directory. */
  outputDir: string;
  files: RenderedFile[];
  written: string[];
  unchanged: string[];
  /** Documents the last run wrote that this run no longer renders, removed (they held only ormdoc's text). */
  removed: string[];
  stale: StaleFile[];
  todos: Todo[];
  findings: Finding[];
  diagnostics: Diagnostic[];
  /**
   * Nothing was rendered: the schema, config, templates and ormdoc are those of the last run and
   * the documents still hold what it wrote, so the answer is the one a render would give. `files`
   * then read their content from disk (the documents as written).
   */
  reused?: true;
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
  const measured = options.measured ?? [];
  const key =
    options.reuse === false || measured.length > 0
      ? undefined
      : stampKey(options.ir, options.config, options.cwd);
  const stamp = key === undefined ? undefined : readStamp(outputDir);
  const reused = stamp?.key === key && stamp ? await reuseStamp(outputDir, stamp, check, options) : undefined;
  if (reused && stamp) {
    // Same IR from changed inputs (a comment in the schema): record them, so the next run skips the extraction.
    if (!check && options.inputs && !sameInputs(stamp.inputs, options.inputs))
      writeStamp(outputDir, { ...stamp, inputs: options.inputs });
    return reused;
  }
  // The Changelog from git, only when rendering: it changes only with the IR (history/changelog.ts).
  const changelog = await readChangelog({
    cwd: options.cwd,
    outputDir,
    ir: options.ir,
    config: options.config,
    schemaDocument: 'schema.md',
  });
  const rendered = await renderDocuments({
    ir: options.ir,
    config: options.config,
    cwd: options.cwd,
    ...(changelog ? { changelog } : {}),
  });
  if (measured.length > 0) rendered.files = insertMeasured(rendered.files, measured);
  options.onPhase?.({ phase: 'render', ms: elapsed(), rendered });
  started = performance.now();
  const digests = key === undefined || check ? undefined : new Map<string, string>();
  // The old stamp stays until the new one replaces it (a failed run changes nothing): a run cut
  // short leaves documents that no longer match its digests, so the next run is a full one.
  const written = await writeDocuments({
    outputDir,
    files: rendered.files,
    check,
    cwd: options.cwd,
    ...(digests ? { digests } : {}),
  });
  // What the last run wrote and this one does not (a table that left the schema): removed when it
  // holds only ormdoc's text, else kept with a warning; stale for `check` either way (write/orphans.ts).
  const orphans = findOrphans(
    outputDir,
    stamp ?? readStamp(outputDir),
    rendered.files.map((f) => f.path),
  );
  const kept = orphans.filter((o) => !o.removable).map((o) => o.path);
  if (check) written.stale.push(...orphans.map(orphanStale));
  const removed = check ? [] : removeOrphans(outputDir, orphans);
  written.removed = removed;
  const entries =
    digests && rendered.files.map((f): [string, string | undefined] => [f.path, digests.get(f.path)]);
  if (key !== undefined && entries?.every((e): e is [string, string] => e[1] !== undefined))
    writeStamp(outputDir, {
      key,
      files: entries,
      findings: rendered.findings,
      diagnostics: rendered.diagnostics,
      ...(options.inputs ? { inputs: options.inputs } : {}),
      ...(kept.length > 0 ? { orphans: kept } : {}),
    });
  options.onPhase?.({ phase: 'write', ms: elapsed(), check, written });
  return {
    outputDir,
    files: rendered.files,
    written: written.written,
    unchanged: written.unchanged,
    removed,
    stale: written.stale,
    todos: written.todos,
    findings: rendered.findings,
    diagnostics: [...rendered.diagnostics, ...kept.map(orphanWarning)],
  };
}
