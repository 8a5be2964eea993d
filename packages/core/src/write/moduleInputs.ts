import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * The inputs of an extraction that runs the project's own code (Drizzle, TypeORM: `StampInputs`
 * in inputs.ts). Such a schema may import anything, so its inputs are what the module loader
 * actually loaded, plus what decides which files it loads: the schema globs' folders, the
 * package.json and tsconfig files, and the package manager's record of what is installed.
 * A file inside node_modules is represented by its package's package.json (its version), and the
 * install as a whole by the lockfiles and the package manager's state files.
 */

/** Lockfiles and package managers' records of the installed tree, looked for in every folder up from the project. */
const INSTALL_STATE = [
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
  '.pnp.cjs',
  '.pnp.data.json',
  'node_modules/.package-lock.json',
  'node_modules/.modules.yaml',
  'node_modules/.pnpm/lock.yaml',
  'node_modules/.yarn-state.yml',
  'node_modules/.yarn-integrity',
];

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/**
 * What a module loader loaded, as inputs: each file outside node_modules itself, and for a file
 * inside node_modules the package.json of its package (`.../node_modules/@scope/name/package.json`).
 */
export function loadedModuleInputs(loaded: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const file of loaded) {
    const at = file.lastIndexOf(NODE_MODULES);
    if (at < 0) {
      out.add(file);
      continue;
    }
    const rest = file.slice(at + NODE_MODULES.length).split(path.sep);
    // Stryker disable next-line OptionalChaining: split gives at least one part
    const name = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
    out.add(path.join(file.slice(0, at + NODE_MODULES.length), ...name, 'package.json'));
  }
  return [...out];
}

/**
 * The files, in the project's folder and every folder above it, that decide which packages are
 * installed and how modules load: package.json ("type", "imports", workspaces), lockfiles, the
 * package managers' state files in node_modules, and tsconfig.json (found from the project up).
 */
export function nodeProjectInputs(cwd: string): string[] {
  const out: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of [...INSTALL_STATE, 'tsconfig.json']) out.push(path.join(dir, name));
    if (path.dirname(dir) === dir) return out;
  }
}

/**
 * A tsconfig and the files it extends, by relative path or through a package (resolved as Node
 * resolves it from the tsconfig's folder: a workspace package links outside node_modules).
 * Undefined when an `extends` cannot be followed (a package that is not installed).
 */
export function tsconfigChain(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return [];
  seen.add(file);
  // Stryker disable next-line StringLiteral: any text without "extends" gives the file alone
  let text = ''; // missing: no extends, and its digest says so (one that appears later changes it)
  try {
    // Stryker disable next-line StringLiteral: a Buffer read without an encoding matches the patterns as its UTF-8 text does
    text = readFileSync(file, 'utf8');
  } catch {
    // the file alone, below
  }
  const out = [file];
  const value = /"extends"\s*:\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])/.exec(text)?.[1];
  if (value === undefined) return /"extends"/.test(text) ? undefined : out;
  for (const [, entry] of value.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    if (!entry) continue;
    const target = extendedFile(file, entry);
    if (!target) return undefined;
    const chain = tsconfigChain(target, seen);
    if (!chain) return undefined;
    out.push(...chain);
  }
  return out;
}

/** The file an `extends` entry names: a path (`.json` added when it has none), or a package's file. */
function extendedFile(from: string, entry: string): string | undefined {
  if (entry.startsWith('.') || path.isAbsolute(entry)) {
    const target = path.resolve(path.dirname(from), entry);
    return target.endsWith('.json') ? target : `${target}.json`;
  }
  const spellings = [entry, `${entry}.json`, `${entry}/tsconfig.json`];
  const require = createRequire(from);
  for (const candidate of spellings) {
    try {
      return realpathSync(require.resolve(candidate));
    } catch {
      // the next spelling
    }
  }
  // a package whose "exports" leave its tsconfig out: TypeScript still finds the file
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    for (const candidate of spellings) {
      const file = path.join(dir, 'node_modules', candidate);
      try {
        if (statSync(file).isFile()) return realpathSync(file);
      } catch {
        // not here
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

const MAGIC = /[*?[\]{}()!+@]/;

/**
 * The folders whose listings decide what schema globs match, so that a new matching file makes
 * the next run a full one: a plain path is itself (a file's bytes, a folder's listing); a glob is
 * its static base folder and every folder below it (not node_modules, __pycache__ or hidden
 * folders: .git, .venv and the tools' caches change without changing a schema).
 */
export function globInputs(cwd: string, patterns: readonly string[]): string[] {
  const out: string[] = [];
  for (const pattern of patterns) {
    const parts = pattern.replace(/\\/g, '/').split('/');
    const magic = parts.findIndex((p) => MAGIC.test(p));
    if (magic < 0) {
      out.push(path.resolve(cwd, pattern));
      continue;
    }
    // Stryker disable next-line StringLiteral: resolving '' gives the project folder, as '.' does
    const base = path.resolve(cwd, parts.slice(0, magic).join('/') || '.');
    out.push(...folders(base));
  }
  return out;
}

function folders(dir: string): string[] {
  const out = [dir];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries)
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '__pycache__' && !e.name.startsWith('.'))
      out.push(...folders(path.join(dir, e.name)));
  return out;
}

/** A folder, every folder below it and their files (the folder alone when it does not exist). */
export function treeInputs(dir: string): string[] {
  const out = [dir];
  try {
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
      out.push(path.join(e.parentPath, e.name));
  } catch {
    // absent: its 'missing' digest records that
  }
  return out;
}
