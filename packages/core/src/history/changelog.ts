import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { OrmdocConfig } from '../config/schema.js';
import { diffIr } from '../diff/compare.js';
import { changesOneLine } from '../diff/oneline.js';
import { classifyChanges } from '../diff/report.js';
import { completeIr } from '../ir/complete.js';
import { IR_VERSION } from '../ir/schema.js';
import type { Ir } from '../ir/types.js';
import { parseIr } from '../ir/validate.js';
import { relativePosix } from '../paths.js';
import { escapeCell } from '../render/markdown.js';
import { parseRegions } from '../write/regions.js';
import { checkObjects, type GitObject, readObjects, tryGit } from './git.js';
import { CAPTION, CHANGELOG_REGION, type Changelog, type ChangelogRow, THIS_VERSION } from './types.js';

/**
 * The schema reference's Changelog, read from git. The versions of the schema are the committed
 * `schema.json` of the documents (exact for every ORM, no old code run): each commit that changed it
 * (or each tag), newest first. A row is a version whose IR differs from the one before it, with
 * the diff module's one-line summary of that difference.
 *
 * The first row is always "this version": the change that made the IR being documented, without a
 * commit, date or author, because the documents are generated before they are committed. That is
 * what keeps `check` stable: before the commit the row is the working tree against the last
 * committed version; after it, the commit that holds this IR is recognised as "this version"
 * (no diff to the IR) and the same row comes out. Rows depend only on commits that changed the
 * schema, never on unrelated commits.
 *
 * Without the history (not a git repository, a shallow clone as CI makes) the Changelog region the
 * document already has is kept as it is; when it has none, the section stays as a person left it.
 */

export interface ChangelogOptions {
  cwd: string;
  /** Absolute output directory (where `schema.json` is written). */
  outputDir: string;
  /** The IR being documented. */
  ir: Ir;
  config: OrmdocConfig;
  /** The schema reference's file name in the output directory (to keep its region without history). */
  schemaDocument: string;
}

interface Version {
  sha: string;
  short: string;
  date: string;
  author: string;
  tags: string[];
}

const FIELD = '\u001f';
const RECORD = '\u001e';
// The short hash is cut here, not by git (whose abbreviation grows with the repository).
const FORMAT = ['%H', '%as', '%an', '%D'].join('%x1f');

/** The Changelog, or undefined when the section stays as it is written (history off, or nothing to show). */
export async function readChangelog(options: ChangelogOptions): Promise<Changelog | undefined> {
  const history = options.config.history ?? { changelog: 'commits', rows: 50 };
  // Only the schema reference has a Changelog.
  if (history.changelog === 'off' || !options.config.output.templates.includes('schema')) return undefined;
  const where = await tryGit(options.cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  const [root, shallow] = (where ?? '').trim().split('\n');
  if (!root || shallow !== 'false') return kept(options);
  const file = relativePosix(root, join(real(options.outputDir), 'schema.json'));
  if (file.startsWith('../')) return undefined;
  const versions = await listVersions(root, file, history.changelog);
  if (versions === undefined) return kept(options);
  const known = knownRows(options, history.changelog);
  const rows = await rowsOf(root, file, versions, options.ir, history.rows, known);
  if (rows.length === 0) return undefined;
  return { kind: 'rows', rows, file, by: history.changelog, limit: history.rows };
}

/** The real path of `dir` (git answers with real paths), through the nearest folder that exists. */
function real(dir: string): string {
  let existing = resolve(dir);
  while (!existsSync(existing) && resolve(existing, '..') !== existing) existing = resolve(existing, '..');
  return join(realpathSync(existing), relative(existing, resolve(dir)));
}

/** The body of the Changelog region of the schema reference as it is on disk, if any. */
function writtenBody(options: ChangelogOptions): string | undefined {
  const path = join(options.outputDir, options.schemaDocument);
  try {
    const text = readFileSync(path, 'utf8');
    for (const seg of parseRegions(text, path))
      if (seg.kind === 'region' && seg.id === CHANGELOG_REGION) return seg.body;
  } catch {
    // No document yet, or markers a person broke (the write step reports those).
  }
  return undefined;
}

/** No history here: the Changelog region the document has, if any. */
function kept(options: ChangelogOptions): Changelog | undefined {
  const body = writtenBody(options);
  return body === undefined ? undefined : { kind: 'kept', body };
}

/**
 * The Changes of the commit rows the document already shows, by their Version cell (as written),
 * when they were made the same way (per commit or per tag: the caption says which).
 */
function knownRows(options: ChangelogOptions, by: 'commits' | 'tags'): Map<string, string> {
  const known = new Map<string, string>();
  const body = writtenBody(options);
  if (!body?.includes(by === 'tags' ? CAPTION.tags : CAPTION.commits)) return known;
  for (const line of body.split('\n')) {
    if (!line.startsWith('| ') || !line.endsWith(' |')) continue;
    const cells = line.slice(2, -2).split(' | ');
    const [version, , changes] = cells;
    if (cells.length !== 4 || !version || !changes || version === THIS_VERSION) continue;
    if (version === 'Version' || /^-+$/.test(version)) continue;
    known.set(version, changes);
  }
  return known;
}

/** Commits that changed `file` (or tagged commits), newest first, reachable from HEAD; undefined without a HEAD. */
async function listVersions(
  root: string,
  file: string,
  by: 'commits' | 'tags',
): Promise<Version[] | undefined> {
  // Commits: their name-status line says whether the file is still there (a deletion is no version).
  const args =
    by === 'commits'
      ? ['log', '--decorate-refs=refs/tags/', `--format=%x1e${FORMAT}`, '--name-status', 'HEAD', '--', file]
      : ['log', '--simplify-by-decoration', '--decorate-refs=refs/tags/', `--format=%x1e${FORMAT}`, 'HEAD'];
  const out = await tryGit(root, args);
  if (out === undefined) return undefined;
  const versions: Version[] = [];
  for (const record of out.split(RECORD)) {
    const [header = '', ...status] = record.split('\n');
    const [sha, date, author, refs] = header.split(FIELD);
    if (!sha) continue;
    if (status.some((line) => /^D\t/.test(line))) continue;
    const tags = (refs ?? '')
      .split(', ')
      .filter((r) => r.startsWith('tag: '))
      .map((r) => r.slice(5))
      .sort();
    if (by === 'tags' && tags.length === 0) continue;
    versions.push({ sha, short: sha.slice(0, 7), date: date ?? '', author: author ?? '', tags });
  }
  // Tags: keep those whose commit has the file (one `git cat-file --batch-check`).
  if (by === 'tags') {
    const found = await checkObjects(
      root,
      versions.map((v) => `${v.sha}:${file}`),
    );
    return versions.filter((_, i) => found[i]);
  }
  return versions;
}

/**
 * The versions' schema.json, read on demand in batches (one `git cat-file --batch` per batch, the
 * batches growing: most runs need the first two versions only) and parsed only when a row needs
 * them, each distinct blob once. A version whose schema.json is missing (the documents deleted) is
 * left out.
 */
class VersionIrs {
  private readonly blobs = new Map<number, GitObject | null>();
  private readonly byOid = new Map<string, Ir | null>();
  private batch = 2;

  constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly versions: readonly Version[],
  ) {}

  /** Whether there is a k-th version (0 = newest). */
  has(k: number): boolean {
    return k < this.versions.length;
  }

  version(k: number): Version {
    return this.versions[k]!;
  }

  /** Forget the k-th version's text and IR (the walk has passed it): memory stays flat over hundreds of versions. */
  release(k: number): void {
    const blob = this.blobs.get(k);
    if (blob) this.byOid.delete(blob.oid);
    this.blobs.set(k, null);
  }

  /** The k-th version's IR, or null when this ormdoc cannot read it. Its text is read with the next few versions'. */
  async ir(k: number): Promise<Ir | null> {
    if (!this.blobs.has(k)) {
      const slice = this.versions.slice(k, k + this.batch);
      const blobs = await readObjects(
        this.root,
        slice.map((v) => `${v.sha}:${this.file}`),
      );
      blobs.forEach((blob, i) => {
        if (!this.blobs.has(k + i)) this.blobs.set(k + i, blob ?? null);
      });
      this.batch = Math.min(this.batch * 2, 64);
    }
    const blob = this.blobs.get(k);
    if (!blob) return null;
    let ir = this.byOid.get(blob.oid);
    if (ir === undefined) {
      try {
        ir = readIr(JSON.parse(blob.data.toString('utf8')));
      } catch {
        ir = null;
      }
      this.byOid.set(blob.oid, ir);
    }
    return ir;
  }
}

/**
 * A committed schema.json: one this ormdoc's IR version wrote is completed without the zod pass
 * (ormdoc wrote it; validating 200 versions would cost seconds), an older one is validated.
 */
export function readIr(json: unknown): Ir {
  const version = (json as { irVersion?: unknown } | null)?.irVersion;
  return version === IR_VERSION ? completeIr(json as Parameters<typeof completeIr>[0]) : parseIr(json);
}

const label = (v: Version) => (v.tags.length ? v.tags.join(', ') : v.short);

const what = (ir: Ir) => {
  const tables = ir.tables.length;
  const enums = ir.enums.length;
  return `${tables} table${tables === 1 ? '' : 's'}${enums ? `, ${enums} enum${enums === 1 ? '' : 's'}` : ''}`;
};

/** The one-line summary of the change from `before` to `after`, undefined when there is none. */
function summary(before: Ir, after: Ir): string | undefined {
  try {
    const changes = diffIr(before, after);
    return changes.length === 0
      ? undefined
      : changesOneLine(changes, classifyChanges(changes, after.dialect));
  } catch {
    return 'Not comparable (a schema.json this ormdoc cannot read, edited by hand?)';
  }
}

/**
 * The rows (see the module comment). `known` holds the Changes of rows the document already shows,
 * by Version: a commit's row never changes (its diff is from the version before it, both fixed in
 * history), so those rows are taken as they are and their versions never parsed.
 */
async function rowsOf(
  root: string,
  file: string,
  all: readonly Version[],
  current: Ir,
  limit: number,
  known: ReadonlyMap<string, string>,
): Promise<ChangelogRow[]> {
  const v = new VersionIrs(root, file, all);
  const rows: ChangelogRow[] = [];
  /** The change that made version k: from the next older readable version, or its first state. */
  const madeBy = async (k: number): Promise<{ text: string | undefined; last: boolean }> => {
    const ir = await v.ir(k);
    if (!ir) return { text: 'Not readable by this ormdoc version', last: true };
    if (!v.has(k + 1)) return { text: `Initial schema: ${what(ir)}`, last: true };
    const before = await v.ir(k + 1);
    if (!before)
      return { text: `Schema of ${what(ir)} (older schema.json not readable by this ormdoc)`, last: true };
    return { text: summary(before, ir), last: false };
  };

  // 1. This version: against the newest committed version, or, when that is this IR, the change
  //    that made it (the newest version that differs from the one before it).
  if (!v.has(0)) return rows;
  let start: number;
  const newest = await v.ir(0);
  const pending = newest ? summary(newest, current) : 'Not comparable with the last committed schema.json';
  if (pending !== undefined) {
    rows.push({ version: THIS_VERSION, date: '', author: '', changes: pending });
    start = 0;
  } else {
    let j = 0;
    for (;;) {
      const made = await madeBy(j);
      if (made.text !== undefined) {
        // The first version of all is this one: there is no change to show yet.
        if (made.text.startsWith('Initial schema')) return rows;
        rows.push({ version: THIS_VERSION, date: '', author: '', changes: made.text });
        if (made.last) return rows;
        break;
      }
      v.release(j);
      j++;
    }
    start = j + 1;
  }
  // 2. Each older version that differs from the one before it, newest first.
  for (let k = start; rows.length < limit && v.has(k); k++) {
    const version = v.version(k);
    const cached = known.get(escapeCell(label(version)));
    const made = cached !== undefined ? { text: cached, last: false } : await madeBy(k);
    if (made.text !== undefined)
      rows.push({ version: label(version), date: version.date, author: version.author, changes: made.text });
    v.release(k);
    if (made.last) break;
  }
  return rows;
}
