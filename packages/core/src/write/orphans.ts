import { readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic } from '../diagnostics.js';
import { isMarkdown } from './files.js';
import { parseRegions } from './regions.js';
import { digestOf, type Stamp } from './stamp.js';
import type { StaleFile } from './types.js';

/*
 * Documents ormdoc no longer writes. A table, domain or diagram part that left the schema leaves
 * its file behind; a newcomer would read it as current. The last run's stamp lists what ormdoc
 * wrote (with a digest of each file as written): a file it listed that this run does not render is
 * an orphan. An orphan that still holds only what ormdoc wrote is removed (`check` reports it as
 * stale); one with a person's text in it is kept and named in a warning, so hand-written text is
 * never lost, and stays stale for `check` until the person moves the text and deletes the file.
 */

export interface Orphan {
  /** Path relative to the output directory. */
  path: string;
  target: string;
  content: string;
  /** It holds only what ormdoc wrote: removing it loses nothing. */
  removable: boolean;
}

/** The files the previous run wrote (or kept as orphans) that this run does not render, as they are on disk. */
export function findOrphans(
  outputDir: string,
  previous: Stamp | undefined,
  rendered: readonly string[],
): Orphan[] {
  if (!previous) return [];
  const now = new Set(rendered);
  const root = resolve(outputDir);
  const digests = new Map<string, string | undefined>();
  for (const entry of previous.files)
    if (Array.isArray(entry) && typeof entry[0] === 'string') digests.set(entry[0], entry[1]);
  // Stryker disable next-line ArrayDeclaration: a junk path names no file in the output folder, and a path that is no file is skipped
  for (const path of previous.orphans ?? [])
    if (typeof path === 'string' && !digests.has(path)) digests.set(path, undefined);
  const out: Orphan[] = [];
  for (const [path, digest] of digests) {
    if (now.has(path)) continue;
    const target = resolve(root, path);
    if (!target.startsWith(root + sep)) continue;
    let content: string;
    try {
      content = readFileSync(target, 'utf8');
    } catch {
      continue; // already gone
    }
    out.push({
      path,
      target,
      content,
      // Stryker disable next-line ConditionalExpression: no digest never equals a file's digest either
      removable: digest !== undefined && onlyOrmdocs(path, content, digest),
    });
  }
  // Stryker disable next-line EqualityOperator,ConditionalExpression: the paths are distinct (map keys), so only whether a comparison is negative matters
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Outside the markers ormdoc writes a document's skeleton only: comments, blank lines, headings
 * and unfilled `TODO(ormdoc)` lines. Any other line there is a person's (a filled-in TODO, notes).
 */
const SKELETON_LINE = /^\s*(?:#{1,6}\s.*|>\s*\*\*TODO\(ormdoc\):\*\*.*)?$/;

/** Whether the file holds what ormdoc wrote and nothing of a person's (see `SKELETON_LINE`). */
function onlyOrmdocs(path: string, content: string, digest: string): boolean {
  try {
    if (digestOf(path, content) !== digest) return false;
    if (!isMarkdown(path)) return true;
    return parseRegions(content, path).every(
      (seg) =>
        seg.kind === 'region' ||
        seg.text
          .replace(/<!--[\s\S]*?-->/g, '')
          .split('\n')
          .every((line) => SKELETON_LINE.test(line)),
    );
  } catch {
    return false; // broken markers: a person has been at it
  }
}

/** The warning that names a kept orphan and says what to do. */
export function orphanWarning(path: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'output/orphaned-document',
    message: `ormdoc no longer writes ${path} (what it documented left the schema, or the documents' layout changed), and it holds text ormdoc did not write, so it was kept.`,
    file: path,
    hint: `Move what you wrote in ${path} to a current document, then delete the file.`,
  };
}

/** An orphan as `check` reports it: a stale file whose fix is its removal. */
export function orphanStale(orphan: Orphan): StaleFile {
  return {
    path: orphan.path,
    // Stryker disable next-line ObjectLiteral: every line is removed, so the context lines asked for change nothing
    diff: createTwoFilesPatch(`a/${orphan.path}`, '/dev/null', orphan.content, '', undefined, undefined, {
      context: 3,
    }),
  };
}

/** Remove the removable orphans (and the folders they leave empty inside the output directory); returns their paths. */
export function removeOrphans(outputDir: string, orphans: readonly Orphan[]): string[] {
  const root = resolve(outputDir);
  const removed: string[] = [];
  for (const o of orphans) {
    if (!o.removable) continue;
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was read just before; force only matters if it vanished meanwhile
    rmSync(o.target, { force: true });
    removed.push(o.path);
    for (let dir = dirname(o.target); dir.startsWith(root + sep); dir = dirname(dir)) {
      try {
        // Stryker disable next-line ConditionalExpression: rmdirSync refuses a folder that is not empty, and the catch below stops there too
        if (readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      } catch {
        break;
      }
    }
  }
  return removed;
}
