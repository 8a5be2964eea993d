import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { type Ir, type OrmdocConfig, OrmdocError, readObjects, relativePosix, tryGit } from '@ormdoc/core';
import type { Orm } from '../args.js';
import { loadOptionsFor } from '../pipeline/extract.js';
import { requireExtractor } from '../pipeline/extractors.js';

/**
 * Re-extract a Drizzle, TypeORM or SQLModel schema as it was at a git revision, without touching
 * the user's tree: the project's source files at that revision are read from git (one `git ls-tree`
 * and one `git cat-file --batch`) into a temporary folder, whose `node_modules` are links to the
 * project's own (and Python runs with the project's interpreter), and the ORM's extractor runs on
 * that folder. The folder is removed whatever happens.
 */

/** Files an extractor may read: code, its configs, and (SQLModel) a saved export. */
const WANTED: Record<Exclude<Orm, 'prisma'>, RegExp> = {
  drizzle: /\.(?:[cm]?[jt]sx?|json)$/i,
  typeorm: /\.(?:[cm]?[jt]sx?|json)$/i,
  sqlmodel: /\.(?:pyi?|json|toml|cfg)$/i,
};

export interface TreeSource {
  root: string;
  cwd: string;
  outDir: string;
  orm: Exclude<Orm, 'prisma'>;
  /** `source` of the ormdoc config (paths relative to cwd), as `generate` uses it. */
  source: OrmdocConfig['source'];
}

interface TreeFile {
  path: string;
  oid: string;
}

/**
 * The files of the revision to write: everything wanted under the project folder, plus the files
 * directly in each folder above it (package.json, tsconfig*.json, pyproject.toml a project extends).
 */
async function filesAt(src: TreeSource, sha: string): Promise<TreeFile[]> {
  const listing = await tryGit(src.root, ['ls-tree', '-r', '-z', '--full-tree', sha]);
  if (listing === undefined) throw new Error(`git ls-tree ${sha} failed`);
  const project = relativePosix(src.root, src.cwd);
  const docs = relativePosix(src.root, resolve(src.cwd, src.outDir));
  const ancestors = new Set<string>(['']);
  for (
    let dir = project;
    dir !== '' && dir !== '.';
    dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir)
  )
    ancestors.add(dir);
  const wanted = WANTED[src.orm];
  const files: TreeFile[] = [];
  for (const entry of listing.split('\0')) {
    // `<mode> <type> <oid>\t<path>`: blobs only (no symlinks or submodules).
    const match = /^(100644|100755) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!match) continue;
    const path = match[3]!;
    if (!wanted.test(path) || path.split('/').includes('node_modules')) continue;
    if (docs && (path === docs || path.startsWith(`${docs}/`))) continue;
    const inProject = project === '' || path.startsWith(`${project}/`);
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    if (inProject || ancestors.has(dir)) files.push({ path, oid: match[2]! });
  }
  return files;
}

/** Link each folder's node_modules in the copy to the working tree's, where the working tree has one. */
async function linkDependencies(root: string, copy: string, folders: Iterable<string>): Promise<void> {
  for (const folder of folders) {
    const real = join(root, folder, 'node_modules');
    if (!existsSync(real)) continue;
    const link = join(copy, folder, 'node_modules');
    await mkdir(dirname(link), { recursive: true });
    await symlink(real, link, process.platform === 'win32' ? 'junction' : 'dir');
  }
}

/** The IR at `sha` by re-extraction (see the module comment); `label` is how the user named it. */
export async function extractAtRevision(src: TreeSource, sha: string, label: string): Promise<Ir> {
  const extractor = await requireExtractor(src.orm, src.cwd);
  const files = await filesAt(src, sha);
  const project = relativePosix(src.root, src.cwd);
  if (!files.some((f) => project === '' || f.path.startsWith(`${project}/`))) {
    const json = relativePosix(src.root, resolve(src.cwd, src.outDir, 'schema.json'));
    throw new OrmdocError(
      'INPUT_NOT_FOUND',
      `${label} has neither ${json} nor ${src.orm} schema files under ${project || 'the repository root'}.`,
      { hint: 'Pass a revision that has the schema (--base <ref>).' },
    );
  }
  const copy = await mkdtemp(join(tmpdir(), 'ormdoc-rev-'));
  try {
    const blobs = await readObjects(
      src.root,
      files.map((f) => f.oid),
    );
    const folders = new Set<string>(['']);
    for (const [i, file] of files.entries()) {
      const target = join(copy, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, blobs[i]?.data ?? '');
      for (let dir = posix.dirname(file.path); dir !== '.'; dir = posix.dirname(dir)) folders.add(dir);
    }
    await linkDependencies(src.root, copy, folders);
    const cwd = join(copy, project);
    const source = { ...src.source };
    if (src.orm === 'sqlmodel' && !source.json) {
      // The project's interpreter, chosen in the working tree (its virtualenv is not in git).
      const { chooseInterpreter } = await import('@ormdoc/sqlmodel');
      source.python = chooseInterpreter(src.cwd, source.python).command;
    }
    try {
      const result = await extractor.load(loadOptionsFor(src.orm, source, cwd) as never);
      return result.ir;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error))
        .split(`${copy}/`)
        .join('')
        .split(copy)
        .join('.');
      throw new OrmdocError(
        'SCHEMA_INVALID',
        `The ${src.orm} schema at ${label} no longer loads: ${message}`,
        {
          hint: `Compare with another base revision (--base <ref>), or commit the generated documents (${relative(src.cwd, resolve(src.cwd, src.outDir, 'schema.json'))}) on the base branch so ormdoc reads them instead.`,
          cause: error,
        },
      );
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
