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
import { parseRegions } from '../write/regions.js';
import { readObjects, tryGit } from './git.js';
import { CHANGELOG_REGION, type Changelog, type ChangelogRow, THIS_VERSION } from './types.js';

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
  if (history.changelog === 'off') return undefined;
  const where = await tryGit(options.cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  const [root, shallow] = (where ?? '').trim().split('\n');
  if (!root || shallow !== 'false') return kept(options);
  const file = relativePosix(root, join(real(options.outputDir), 'schema.json'));
  if (file.startsWith('../')) return undefined;
  const versions = await listVersions(root, file, history.changelog);
  if (versions === undefined) return kept(options);
  const rows = await rowsOf(root, file, versions, options.ir, history.rows);
  if (rows.length === 0) return undefined;
  return { kind: 'rows', rows, file, by: history.changelog, limit: history.rows };
}

/** The real path of `dir` (git answers with real paths), through the nearest folder that exists. */
function real(dir: string): string {
  let existing = resolve(dir);
  while (!existsSync(existing) && resolve(existing, '..') !== existing) existing = resolve(existing, '..');
  return join(realpathSync(existing), relative(existing, resolve(dir)));
}

/** No history here: the Changelog region the document has, if any. */
function kept(options: ChangelogOptions): Changelog | undefined {
  const path = join(options.outputDir, options.schemaDocument);
  try {
    const text = readFileSync(path, 'utf8');
    for (const seg of parseRegions(text, path))
      if (seg.kind === 'region' && seg.id === CHANGELOG_REGION) return { kind: 'kept', body: seg.body };
  } catch {
    // No document yet, or markers a person broke (the write step reports those).
  }
  return undefined;
}

/** Commits that changed `file` (or tagged commits), newest first, reachable from HEAD; undefined without a HEAD. */
async function listVersions(
  root: string,
  file: string,
  by: 'commits' | 'tags',
): Promise<Version[] | undefined> {
  const args =
    by === 'commits'
      ? ['log', '--decorate-refs=refs/tags/', `--format=${FORMAT}%x1e`, 'HEAD', '--', file]
      : ['log', '--simplify-by-decoration', '--decorate-refs=refs/tags/', `--format=${FORMAT}%x1e`, 'HEAD'];
  const out = await tryGit(root, args);
  if (out === undefined) return undefined;
  const versions: Version[] = [];
  for (const record of out.split(RECORD)) {
    const [sha, date, author, refs] = record.trim().split(FIELD);
    if (!sha) continue;
    const short = sha.slice(0, 7);
    const tags = (refs ?? '')
      .split(', ')
      .filter((r) => r.startsWith('tag: '))
      .map((r) => r.slice(5))
      .sort();
    if (by === 'tags' && tags.length === 0) continue;
    versions.push({ sha, short, date: date ?? '', author: author ?? '', tags });
  }
  return versions;
}

/**
 * The IRs of the versions, read on demand in batches (one `git cat-file --batch` per batch), each
 * distinct blob parsed once. A version whose schema.json is missing (the documents deleted) is left
 * out; one this ormdoc cannot read ends the readable history.
 */
class VersionIrs {
  private readonly irs: Array<Ir | 'missing' | 'unreadable' | undefined> = [];
  private readonly byOid = new Map<string, Ir | 'unreadable'>();

  constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly versions: readonly Version[],
    private readonly batch: number,
  ) {}

  async at(i: number): Promise<Ir | 'missing' | 'unreadable' | undefined> {
    if (i >= this.versions.length) return undefined;
    if (!(i in this.irs)) {
      const slice = this.versions.slice(i, i + this.batch);
      const blobs = await readObjects(
        this.root,
        slice.map((v) => `${v.sha}:${this.file}`),
      );
      blobs.forEach((blob, k) => {
        if (!blob) {
          this.irs[i + k] = 'missing';
          return;
        }
        let ir = this.byOid.get(blob.oid);
        if (ir === undefined) {
          try {
            ir = readIr(JSON.parse(blob.data.toString('utf8')));
          } catch {
            ir = 'unreadable';
          }
          this.byOid.set(blob.oid, ir);
        }
        this.irs[i + k] = ir;
      });
    }
    return this.irs[i];
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

async function rowsOf(
  root: string,
  file: string,
  all: readonly Version[],
  current: Ir,
  limit: number,
): Promise<ChangelogRow[]> {
  const irs = new VersionIrs(root, file, all, limit + 2);
  // The readable versions, newest first, with their IRs (loaded as the walk needs them).
  const versions: Array<{ version: Version; ir: Ir }> = [];
  let readable = true;
  let skipped = 0;
  const next = async (): Promise<boolean> => {
    for (let i = versions.length + skipped; readable; i++) {
      const ir = await irs.at(i);
      if (ir === undefined) return false;
      if (ir === 'unreadable') {
        readable = false;
        return false;
      }
      if (ir === 'missing') {
        skipped++;
        continue;
      }
      versions.push({ version: all[i]!, ir });
      return true;
    }
    return false;
  };
  const has = async (k: number) => {
    while (versions.length <= k) if (!(await next())) return false;
    return true;
  };
  const summary = (before: Ir, after: Ir): string | undefined => {
    const changes = diffIr(before, after);
    return changes.length === 0
      ? undefined
      : changesOneLine(changes, classifyChanges(changes, after.dialect));
  };
  const first = (ir: Ir) => {
    const tables = ir.tables.length;
    const enums = ir.enums.length;
    const what = `${tables} table${tables === 1 ? '' : 's'}${enums ? `, ${enums} enum${enums === 1 ? '' : 's'}` : ''}`;
    return readable
      ? `Initial schema: ${what}`
      : `Schema of ${what} (older schema.json not readable by this ormdoc)`;
  };

  const rows: ChangelogRow[] = [];
  // 1. This version: against the newest committed version, or, when that is this IR, the change
  //    that made it (the newest version that differs from the one before it).
  if (!(await has(0))) return rows;
  let start: number;
  const pending = summary(versions[0]!.ir, current);
  if (pending !== undefined) {
    rows.push({ version: THIS_VERSION, date: '', author: '', changes: pending });
    start = 0;
  } else {
    let j = 0;
    let made: string | undefined;
    while (await has(j + 1)) {
      made = summary(versions[j + 1]!.ir, versions[j]!.ir);
      if (made !== undefined) break;
      j++;
    }
    // The first version of all is this one: there is no change to show yet.
    if (made === undefined) return rows;
    rows.push({ version: THIS_VERSION, date: '', author: '', changes: made });
    start = j + 1;
  }
  // 2. Each older version that differs from the one before it, newest first.
  for (let k = start; rows.length < limit && (await has(k)); k++) {
    const { version, ir } = versions[k]!;
    const changes = (await has(k + 1)) ? summary(versions[k + 1]!.ir, ir) : first(ir);
    if (changes === undefined) continue;
    rows.push({
      version: version.tags.length ? version.tags.join(', ') : version.short,
      date: version.date,
      author: version.author,
      changes,
    });
  }
  return rows.slice(0, limit);
}
