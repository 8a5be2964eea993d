import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { OrmdocConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import { relativePosix } from '../paths.js';

/**
 * The inputs of an extraction, kept in the stamp so that an unchanged run can skip the ORM's own
 * parse as well as the render (issue 19). Only an extractor that can name every file its result
 * depends on reports inputs (Prisma: the schema files, the folders they are found in, the
 * migrations, the installed Prisma's package.json); the others always extract, and the stamp's IR
 * key decides from there.
 */
export interface StampInputs {
  /**
   * A hash of everything besides those files that decides the extraction: the ORM, the resolved
   * config, ormdoc's code and the extractor's code (`inputsSalt`).
   */
  salt: string;
  /** [path relative to the project, digest] of each input file or folder (`digestInput`). */
  entries: Array<[string, string]>;
  /** What the extraction reported, for the summary and the diagnostics of a run that reuses it. */
  extract: { orm: string; tables: number; enums: number; diagnostics: Diagnostic[] };
}

const sha = () => createHash('sha256');

/**
 * A file's digest is its bytes'; a folder's is its listing (names and kinds, sorted), so a file
 * added next to the schema or a new migration folder changes it; a path that does not exist is
 * 'missing' (one that appears later changes it too). `skip`: absolute paths left out of listings
 * (the output folder and the folders above it, which the run itself creates).
 */
export function digestInput(absolute: string, skip: ReadonlySet<string> = new Set()): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    return 'missing';
  }
  try {
    if (!isDirectory) return `file:${sha().update(readFileSync(absolute)).digest('hex')}`;
    const listing = readdirSync(absolute, { withFileTypes: true })
      .filter((e) => !skip.has(join(absolute, e.name)))
      .map(listed)
      .sort()
      .join('\u0000');
    return `dir:${sha().update(listing).digest('hex')}`;
  } catch {
    return 'unreadable';
  }
}

/** A listing entry: its kind and name. */
// Stryker disable next-line StringLiteral: only the two kind letters' difference counts, and '' still differs from the other
const listed = (e: Dirent) => `${e.isDirectory() ? 'd' : 'f'}:${e.name}`;

/** The salt of `StampInputs` from its parts (each a string: JSON, a digest, a name). */
export function inputsSalt(parts: readonly string[]): string {
  const h = sha();
  for (const p of parts) h.update(p).update('\u0001');
  return h.digest('hex');
}

/** The output folder and every folder above it inside the project: a run creates them, so listings leave them out. */
function outputFolders(cwd: string, outputDir: string): Set<string> {
  const root = resolve(cwd);
  const out = new Set<string>();
  for (
    let dir = resolve(cwd, outputDir);
    // Stryker disable next-line MethodExpression: the `\\` test is for Windows paths (no POSIX path resolved from the project has one there)
    dir.startsWith(`${root}/`) || dir.startsWith(`${root}\\`);
    dir = dirname(dir)
  )
    out.add(dir);
  return out;
}

/**
 * The record of an extraction's inputs (absolute paths in, project-relative paths kept). The
 * config's custom templates are inputs too (the render reads them), and its output folder is left
 * out of the folder listings.
 */
export function recordInputs(
  cwd: string,
  config: Pick<OrmdocConfig, 'output'>,
  salt: string,
  paths: readonly string[],
  extract: StampInputs['extract'],
): StampInputs {
  const skip = outputFolders(cwd, config.output.dir);
  const templates = config.output.templates.flatMap((t) => (typeof t === 'string' ? [] : [t.path]));
  // The documents are the run's output, never its input (a schema glob's folders may hold them).
  const output = resolve(cwd, config.output.dir);
  const unique = [...new Set([...paths, ...templates].map((p) => resolve(cwd, p)))]
    .filter((p) => p !== output && !p.startsWith(`${output}/`) && !p.startsWith(`${output}\\`))
    .sort();
  return {
    salt,
    entries: unique.map((p) => [relativePosix(cwd, p) || '.', digestInput(p, skip)]),
    extract,
  };
}

/** True when the stamp's inputs were recorded with this salt and every one still has its digest. */
export function inputsUnchanged(
  recorded: StampInputs | undefined,
  salt: string,
  cwd: string,
  outputDir: string,
): boolean {
  const skip = outputFolders(cwd, outputDir);
  if (
    !recorded ||
    recorded.salt !== salt ||
    !Array.isArray(recorded.entries) ||
    recorded.entries.length === 0
  )
    return false;
  for (const entry of recorded.entries) {
    // Stryker disable next-line ConditionalExpression: a digest that is no string never equals digestInput's
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return false;
    if (digestInput(resolve(cwd, entry[0]), skip) !== entry[1]) return false;
  }
  return true;
}

/** Same salt and the same digests, in the same order: the stamp need not be written again. */
export function sameInputs(a: StampInputs | undefined, b: StampInputs | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
