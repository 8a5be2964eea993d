import { execFile } from 'node:child_process';
import { posix, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Ir, type OrmdocConfig, OrmdocError, readIr, relativePosix, toPosixPath } from '@ormdoc/core';
import type { Orm } from '../args.js';
import { notInstalled } from '../pipeline/extractors.js';

/**
 * The IR of a project at a git revision, read from git itself (one `git` process per file, no
 * shell, no checkout of the user's tree): the committed `schema.json` of the documents first, then
 * for Prisma the schema text at that revision, for the other ORMs the project's files at that
 * revision re-extracted in a temporary folder (`_diff-tree.ts`); otherwise an error naming what is missing.
 */

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

async function tryGit(root: string, args: string[]): Promise<string | undefined> {
  try {
    return await git(root, args);
  } catch {
    return undefined;
  }
}

/** The top of the work tree holding `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  const out = await tryGit(cwd, ['rev-parse', '--show-toplevel']);
  if (out === undefined)
    throw new OrmdocError(
      'INPUT_NOT_FOUND',
      `${cwd} is not inside a git repository: ormdoc diff compares git revisions.`,
      {
        hint: 'Run it in a clone of the project (git init / git clone), or use --cwd to point at one.',
      },
    );
  return out.trim();
}

const isShallow = async (root: string) =>
  (await tryGit(root, ['rev-parse', '--is-shallow-repository']))?.trim() === 'true';

const SHALLOW_HINT =
  'This clone is shallow: fetch more history with `git fetch --deepen=100` (or `git fetch --unshallow`); on GitHub Actions, set `fetch-depth: 0` on actions/checkout.';

/** The commit a ref names, or an error that says why not. */
export async function resolveRef(root: string, ref: string): Promise<string> {
  const sha = await tryGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (sha?.trim()) return sha.trim();
  const shallow = await isShallow(root);
  throw new OrmdocError('INPUT_NOT_FOUND', `Unknown git revision "${ref}".`, {
    hint: shallow
      ? `${SHALLOW_HINT} Otherwise check the name with \`git log --oneline ${ref}\`.`
      : `Check the name (a branch, tag or commit: \`git branch -a\`, \`git log --oneline\`), or fetch it first (\`git fetch origin ${ref}\`).`,
  });
}

/** The merge base of HEAD with the default branch (origin/HEAD, else main or master). */
export async function defaultBase(root: string): Promise<{ ref: string; sha: string }> {
  const candidates: string[] = [];
  const originHead = (await tryGit(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']))?.trim();
  if (originHead) candidates.push(originHead.replace(/^refs\/remotes\//, ''));
  candidates.push('main', 'master', 'origin/main', 'origin/master');
  for (const branch of candidates) {
    const exists = await tryGit(root, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`]);
    if (!exists?.trim()) continue;
    const base = await tryGit(root, ['merge-base', 'HEAD', branch]);
    if (base?.trim()) return { ref: `merge-base(HEAD, ${branch})`, sha: base.trim() };
    throw new OrmdocError('INPUT_NOT_FOUND', `HEAD and ${branch} have no common commit in this clone.`, {
      hint: (await isShallow(root)) ? SHALLOW_HINT : `Pass the base revision with --base <ref>.`,
    });
  }
  throw new OrmdocError(
    'INPUT_NOT_FOUND',
    'Found no default branch to compare with (origin/HEAD, main, master).',
    {
      hint: 'Pass the base revision with --base <ref> (e.g. --base origin/develop).',
    },
  );
}

/** A file's text at a commit, or undefined when the commit has no such file. `path` is relative to the repository root. */
export async function showFile(root: string, sha: string, path: string): Promise<string | undefined> {
  return tryGit(root, ['show', `${sha}:${path}`]);
}

async function listFiles(root: string, sha: string, dir: string): Promise<string[]> {
  const out = await tryGit(root, ['ls-tree', '-r', '--name-only', sha, '--', dir === '' ? '.' : dir]);
  return (out ?? '').split('\n').filter((f) => f.length > 0);
}

export interface RevisionSource {
  root: string;
  cwd: string;
  /** The documents' output directory (config `output.dir`), relative to cwd. */
  outDir: string;
  orm: Orm;
  /** Prisma schema path(s) from the config or flags, relative to cwd. */
  schema?: string | string[];
  /** The config's `source` (flags over it), for re-extracting the other ORMs. */
  source?: OrmdocConfig['source'];
}

const inRepo = (src: RevisionSource, path: string) => relativePosix(src.root, resolve(src.cwd, path));

/** The IR at `sha` (`label` is how the user named it). */
export async function irAtRevision(src: RevisionSource, sha: string, label: string): Promise<Ir> {
  const jsonPath = inRepo(src, posix.join(src.outDir, 'schema.json'));
  const json = await showFile(src.root, sha, jsonPath);
  if (json !== undefined) {
    try {
      return readIr(JSON.parse(json));
    } catch (error) {
      throw new OrmdocError(
        'SCHEMA_INVALID',
        `The committed ${jsonPath} at ${label} no longer loads: ${(error as Error).message}`,
        {
          file: jsonPath,
          hint: `It was written by another ormdoc version or edited by hand. Compare with another base (--base <ref>), or regenerate and commit it on the base branch (ormdoc generate).`,
          cause: error,
        },
      );
    }
  }
  if (src.orm === 'prisma') return prismaAt(src, sha, label, jsonPath);
  const { extractAtRevision } = await import('./_diff-tree.js');
  return extractAtRevision({ ...src, orm: src.orm, source: src.source ?? {} }, sha, label);
}

async function prismaAt(src: RevisionSource, sha: string, label: string, jsonPath: string): Promise<Ir> {
  const given = src.schema === undefined ? [] : Array.isArray(src.schema) ? src.schema : [src.schema];
  const places = given.length ? given : ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema', 'prisma'];
  const files: Array<{ path: string; content: string }> = [];
  for (const place of places) {
    const path = inRepo(src, place);
    if (path.endsWith('.prisma')) {
      const content = await showFile(src.root, sha, path);
      if (content !== undefined) files.push({ path: relative(src.cwd, resolve(src.root, path)), content });
    } else {
      for (const file of (await listFiles(src.root, sha, path)).filter((f) => f.endsWith('.prisma'))) {
        const content = await showFile(src.root, sha, file);
        if (content !== undefined) files.push({ path: relative(src.cwd, resolve(src.root, file)), content });
      }
    }
    if (files.length > 0) break;
  }
  if (files.length === 0)
    throw new OrmdocError(
      'INPUT_NOT_FOUND',
      `${label} has neither ${jsonPath} nor a Prisma schema (looked for ${places.join(', ')}).`,
      {
        hint: 'Pass the schema path with --schema, or a base revision that has the schema (--base <ref>).',
      },
    );
  let prisma: typeof import('@ormdoc/prisma');
  try {
    prisma = await import('@ormdoc/prisma');
  } catch {
    throw notInstalled('prisma', src.cwd);
  }
  const migrations = await migrationsAt(src, sha, files[0]!.path);
  try {
    return (await prisma.fromPrismaSchema({ files, cwd: src.cwd, migrations })).ir;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OrmdocError('SCHEMA_INVALID', `The Prisma schema at ${label} no longer loads: ${message}`, {
      file: files[0]?.path,
      hint: 'Compare with another base revision (--base <ref>), or commit the generated documents (schema.json) on the base branch.',
      cause: error,
    });
  }
}

/**
 * The `migration.sql` files at `sha`, where `loadPrisma` looks for them in the work tree: the
 * `migrations` folder beside the first schema file, else one level up. Their hand-written CHECK
 * constraints are part of the IR, so the base must have them too.
 */
async function migrationsAt(
  src: RevisionSource,
  sha: string,
  firstSchema: string,
): Promise<Array<{ path: string; content: string }>> {
  const dir = posix.dirname(toPosixPath(firstSchema));
  for (const candidate of [posix.join(dir, 'migrations'), posix.join(posix.dirname(dir), 'migrations')]) {
    const base = inRepo(src, candidate);
    const files = (await listFiles(src.root, sha, base))
      .filter((f) => f.startsWith(`${base}/`) && /^[^/]+\/migration\.sql$/.test(f.slice(base.length + 1)))
      .sort();
    if (files.length === 0) continue;
    const out: Array<{ path: string; content: string }> = [];
    for (const file of files) {
      const content = await showFile(src.root, sha, file);
      if (content !== undefined) out.push({ path: relativePosix(src.cwd, resolve(src.root, file)), content });
    }
    return out;
  }
  return [];
}
