import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { RenderedFile } from '../render/types.js';
import { isMarkdown, readIfExists, resolveInside, writeAtomic } from './files.js';
import { mergeDocument } from './merge.js';
import { assertOutputDir, removeStaleTempFiles } from './outputDir.js';
import { digestOf } from './stamp.js';
import { findTodos } from './todos.js';
import type { WriteResult } from './types.js';

export { mergeDocument } from './merge.js';
export { parseRegions } from './regions.js';
export { findTodos } from './todos.js';
export type { StaleFile, Todo, WriteResult } from './types.js';

export interface WriteOptions {
  outputDir: string;
  files: RenderedFile[];
  /** Write nothing; report the files that would change (with a unified diff) as `stale`. */
  check?: boolean;
  /** The project root, to show paths in errors relative to it. */
  cwd?: string;
  /** Filled with the digest (`digestOf`) of each file as written or found unchanged (not in check mode). */
  digests?: Map<string, string>;
}

/**
 * Write rendered files into `outputDir`. Markdown files that exist are merged region by region
 * (text outside markers kept byte for byte); other artefacts are replaced whole. Every file is
 * merged (and every marker checked) before anything is written, so a broken file stops the run
 * with nothing half-written. Writes are atomic.
 */
export async function writeDocuments(options: WriteOptions): Promise<WriteResult> {
  await assertOutputDir(options.outputDir, options.cwd);
  if (!options.check) await removeStaleTempFiles(options.outputDir);
  // Stryker disable next-line EqualityOperator: output paths are distinct, so `<=`/`>=` compare as `<`/`>`
  const files = [...options.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const targets = files.map((file) => resolveInside(options.outputDir, file.path));
  const befores = targets.map(readIfExists);
  const planned = files.map((file, i) => {
    const before = befores[i];
    const target = targets[i] as string;
    // Large artefacts come in pieces: compared and written piece by piece, never joined.
    if (file.chunks && !isMarkdown(file.path)) {
      const same = before !== undefined && sameText(before, file.chunks());
      return { path: file.path, target, before, after: file.chunks, same, file };
    }
    const after =
      before !== undefined && isMarkdown(file.path)
        ? mergeDocument(before, file.content, file.path)
        : file.content;
    return { path: file.path, target, before, after, same: before === after, file };
  });
  const result: WriteResult = { written: [], unchanged: [], stale: [], todos: [] };
  const toWrite: typeof planned = [];
  for (const p of planned) {
    if (isMarkdown(p.path) && typeof p.after === 'string') result.todos.push(...findTodos(p.path, p.after));
    if (p.same) {
      result.unchanged.push(p.path);
      if (options.digests && !options.check)
        options.digests.set(p.path, digestOf(p.path, p.before as string));
      continue;
    }
    if (options.check) {
      const diff = createTwoFilesPatch(
        p.before === undefined ? '/dev/null' : `a/${p.path}`,
        `b/${p.path}`,
        p.before ?? '',
        typeof p.after === 'string' ? p.after : p.file.content,
        undefined,
        undefined,
        { context: 3 },
      );
      result.stale.push({ path: p.path, diff });
      continue;
    }
    toWrite.push(p);
  }
  // In path order; the first failure stops the run (the files before it are written, each whole).
  const made = new Set<string>();
  const digests = options.digests;
  for (const p of toWrite) {
    if (typeof p.after === 'string') {
      writeAtomic(p.target, p.after, made);
      digests?.set(p.path, digestOf(p.path, p.after));
    } else writeAtomic(p.target, digests ? digesting(p.path, p.after(), digests) : p.after(), made);
  }
  result.written.push(...toWrite.map((p) => p.path));
  return result;
}

/** The pieces, unchanged; once all have been read, their digest is recorded for `path`. */
function* digesting(path: string, pieces: Iterable<string>, digests: Map<string, string>): Generator<string> {
  const hash = createHash('sha256');
  for (const piece of pieces) {
    hash.update(piece);
    yield piece;
  }
  digests.set(path, hash.digest('hex'));
}

/** Whether text given in pieces equals `text`, without joining the pieces. */
function sameText(text: string, pieces: Iterable<string>): boolean {
  let at = 0;
  for (const piece of pieces) {
    if (!text.startsWith(piece, at)) return false;
    at += piece.length;
  }
  return at === text.length;
}
