import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Orm } from '../args.js';

/**
 * The CLI's own evidence that a project uses an ORM: cheap file-system checks that complement the
 * extractors' `detect*` functions (and work when an extractor package cannot be loaded).
 * Every function returns paths relative to cwd, forward slashes, sorted.
 */

const IGNORED_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  '.venv',
  'venv',
  '__pycache__',
  '.next',
]);

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Files under `dir` (relative paths), at most `depth` folders deep, skipping dependency/build folders. */
export function listFiles(
  cwd: string,
  dir: string,
  depth: number,
  accept: (name: string) => boolean,
): string[] {
  const root = join(cwd, dir);
  if (!isDir(root)) return [];
  const out: string[] = [];
  const walk = (rel: string, level: number) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(cwd, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (level < depth && !IGNORED_DIRS.has(entry.name) && !entry.name.startsWith('.'))
          walk(child, level + 1);
      } else if (entry.isFile() && accept(entry.name)) out.push(child);
    }
  };
  walk(dir === '.' ? '' : dir, 0);
  return out.sort();
}

export function detectPrismaFiles(cwd: string): string[] {
  const found: string[] = [];
  for (const file of ['schema.prisma', 'prisma/schema.prisma', 'prisma.config.ts', 'prisma.config.mts']) {
    if (isFile(join(cwd, file))) found.push(file);
  }
  if (listFiles(cwd, 'prisma/schema', 2, (n) => n.endsWith('.prisma')).length > 0)
    found.push('prisma/schema/');
  return found.sort();
}

export function detectDrizzleFiles(cwd: string): string[] {
  return [
    'drizzle.config.ts',
    'drizzle.config.js',
    'drizzle.config.mjs',
    'drizzle.config.cjs',
    'drizzle.config.mts',
  ]
    .filter((file) => isFile(join(cwd, file)))
    .sort();
}

function packageDependencies(cwd: string): Set<string> {
  try {
    const pkg = JSON.parse(readText(join(cwd, 'package.json'))) as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
      const deps = pkg[key];
      if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
    }
    return names;
  } catch {
    return new Set();
  }
}

const TS_SOURCE = (name: string) => /\.(ts|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts');

export function detectTypeormFiles(cwd: string): string[] {
  const found: string[] = [];
  for (const file of [
    'data-source.ts',
    'data-source.js',
    'src/data-source.ts',
    'src/data-source.js',
    'src/db/data-source.ts',
    'ormconfig.ts',
    'ormconfig.js',
    'ormconfig.json',
    'ormconfig.yml',
    'ormconfig.yaml',
  ]) {
    if (isFile(join(cwd, file))) found.push(file);
  }
  if (found.length > 0) return found.sort();
  const deps = packageDependencies(cwd);
  if (![...deps].some((name) => name === 'typeorm' || name.endsWith('/typeorm'))) return [];
  const entities = listFiles(cwd, '.', 4, TS_SOURCE).filter((file) => {
    if (/\.entity\.(ts|js|mts|mjs)$/.test(file)) return true;
    return /@Entity\s*\(/.test(readText(join(cwd, file)));
  });
  return entities.length > 0 ? ['package.json', ...entities.slice(0, 5)] : [];
}

/** The exporter's JSON (an object with `formatVersion`) at a conventional path. */
export function isSqlmodelExport(cwd: string, file: string): boolean {
  if (!isFile(join(cwd, file))) return false;
  try {
    const value = JSON.parse(readText(join(cwd, file))) as unknown;
    return typeof value === 'object' && value !== null && 'formatVersion' in value;
  } catch {
    return false;
  }
}

export const SQLMODEL_JSON_FILES = ['schema.json', 'ormdoc.schema.json', 'sqlmodel.json'];
const PY_MODELS =
  /^\s*(from\s+sqlmodel\s+import|import\s+sqlmodel|from\s+sqlalchemy(\.orm)?\s+import[^\n]*(DeclarativeBase|declarative_base|Mapped))/m;

export function detectSqlmodelFiles(cwd: string): { evidence: string[]; json?: string; module?: string } {
  const json = SQLMODEL_JSON_FILES.find((file) => isSqlmodelExport(cwd, file));
  const modules = listFiles(cwd, '.', 2, (n) => n.endsWith('.py')).filter((file) =>
    PY_MODELS.test(readText(join(cwd, file))),
  );
  const evidence = [...(json ? [json] : []), ...modules.slice(0, 5)].sort();
  const preferred =
    modules.find((m) => /(^|\/)models?\.py$/.test(m)) ?? (modules.length === 1 ? modules[0] : undefined);
  return { evidence, ...(json ? { json } : {}), ...(preferred ? { module: preferred } : {}) };
}

export function fallbackEvidence(cwd: string, orm: Orm): string[] {
  switch (orm) {
    case 'prisma':
      return detectPrismaFiles(cwd);
    case 'drizzle':
      return detectDrizzleFiles(cwd);
    case 'typeorm':
      return detectTypeormFiles(cwd);
    case 'sqlmodel':
      return detectSqlmodelFiles(cwd).evidence;
    default: {
      const never: never = orm;
      return never;
    }
  }
}
