import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../src/io.js';
import { main } from '../src/run.js';

/** The monorepo root and the built CLI entry the end-to-end tests run. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const BIN = join(ROOT, 'apps/cli/dist/bin.js');

/** Packages the CLI needs built (dependencies first), each built with its own tsconfig.build.json. */
const PACKAGES = [
  'packages/core',
  'packages/prisma',
  'packages/drizzle',
  'packages/typeorm',
  'packages/sqlmodel',
  'packages/database',
  'apps/cli',
];

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(pkg: string): boolean {
  const dir = join(ROOT, pkg);
  if (!existsSync(join(dir, 'src/index.ts'))) return false; // not written yet: nothing to build
  const built = join(dir, 'dist/index.js');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs);
  return sources > statSync(built).mtimeMs;
}

function withLock<T>(fn: () => T): T {
  const lock = join(ROOT, 'apps/cli/.ormdoc-tmp-build-lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 5 minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 250)']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Build the CLI and the packages it loads when their dist is missing or older than their sources
 * (after `pnpm build` this does nothing). TypeScript still emits when another package has type
 * errors, so one unfinished package does not block the CLI's tests.
 */
export function ensureBuilt(): void {
  withLock(() => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    for (const pkg of PACKAGES) {
      if (!isStale(pkg)) continue;
      spawnSync(process.execPath, [tsc, '-p', join(ROOT, pkg, 'tsconfig.build.json')], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      if (!existsSync(join(ROOT, pkg, 'dist/index.js')))
        throw new Error(`building ${pkg} produced no dist/index.js`);
    }
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node apps/cli/dist/bin.js ...args` in `cwd`, outside CI, without colours unless asked. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): CliRun {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    CI: undefined,
    GITHUB_ACTIONS: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Packages a throwaway project may have installed: linked from where the workspace installed them. */
export const LINKABLE = {
  'drizzle-orm': 'packages/drizzle/node_modules/drizzle-orm',
  'drizzle-kit': 'packages/drizzle/node_modules/drizzle-kit',
  '@ormdoc/drizzle': 'packages/drizzle',
  typeorm: 'packages/typeorm/node_modules/typeorm',
  'reflect-metadata': 'packages/typeorm/node_modules/reflect-metadata',
} as const;
export type Linkable = keyof typeof LINKABLE;

/**
 * A throwaway project folder with the given files. `link` installs packages into its node_modules
 * (symlinks to the workspace's copies, as a package manager would), so TypeScript schemas can import
 * the ORM. `inRepo` puts it inside the monorepo (git-ignored `.ormdoc-tmp-*`) instead of the temp dir.
 */
export function makeProject(
  files: Record<string, string>,
  options: { inRepo?: string; link?: Linkable[] } = {},
): string {
  const base = options.inRepo ? join(ROOT, options.inRepo) : tmpdir();
  const dir = mkdtempSync(join(base, '.ormdoc-tmp-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  for (const pkg of options.link ?? []) {
    const target = join(dir, 'node_modules', pkg);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(ROOT, LINKABLE[pkg]), target, 'dir');
  }
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function hasPackage(pkg: string): boolean {
  return existsSync(join(ROOT, pkg, 'src/index.ts'));
}

/**
 * `main` end to end, in process (no build needed), with its output captured: no colour, no TTY,
 * `env` added to `NO_COLOR=1`.
 */
export async function runMain(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: false,
    stdoutIsTTY: false,
    env: { NO_COLOR: '1', ...env },
    cwd,
  };
  return { code: await main(argv, io), stdout, stderr };
}
