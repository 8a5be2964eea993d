import { spawn } from 'node:child_process';
import {
  type Dirent,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { BIN, type CliRun, ROOT } from '../../apps/cli/test/_harness.js';

export type { CliRun } from '../../apps/cli/test/_harness.js';
export { BIN, ensureBuilt, ROOT, runCli } from '../../apps/cli/test/_harness.js';

/** A Node stack frame (`    at fn (file:1:2)`): what a user must never see without --verbose. */
export const STACK_FRAME = /\n\s+at .+\(.+:\d+:\d+\)/;

/** ORM packages a throwaway project may import, linked from the workspace into its node_modules. */
const LINKABLE: Record<string, string> = {
  'drizzle-orm': 'packages/drizzle/node_modules/drizzle-orm',
  typeorm: 'packages/typeorm/node_modules/typeorm',
  'reflect-metadata': 'packages/typeorm/node_modules/reflect-metadata',
};

const made: string[] = [];

/**
 * A throwaway project in the system temp dir (outside the repo) with the given files written
 * inline and, when asked, the ORM packages linked into its node_modules (as a user would have them
 * installed).
 */
export function project(files: Record<string, string>, link: Array<keyof typeof LINKABLE> = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-robustness-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  for (const pkg of link) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(join(ROOT, LINKABLE[pkg]!), join(dir, 'node_modules', pkg), 'dir');
  }
  return dir;
}

/** Remove every project made by `project()` in this test file. */
export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative, posix), node_modules excluded; [] when dir is missing. */
export function listFiles(dir: string, base = dir): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(path, base));
    else out.push(relative(base, path).split('\\').join('/'));
  }
  return out.sort();
}

/** `ormdoc <args>` in `cwd` as a child process (asynchronous, so runs can overlap). */
export function runCliAsync(args: string[], cwd: string): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['FORCE_COLOR', 'CI', 'GITHUB_ACTIONS']) delete env[key];
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

/**
 * Run `ormdoc <args>` in `cwd` and assert the user-error contract: exit 1, `error:` first, no stack
 * frame, not an internal error. With `verbose: true` (one row per error family, to keep CI time
 * down) it also runs with --verbose, side by side, and asserts exit 1 with the stack shown.
 * Returns the plain stderr for the row's own assertions.
 */
export async function expectUserError(
  args: string[],
  cwd: string,
  options: { verbose?: boolean } = {},
): Promise<string> {
  const [plain, verbose] = await Promise.all([
    runCliAsync(args, cwd),
    options.verbose ? runCliAsync([...args, '--verbose'], cwd) : undefined,
  ]);
  const shown = `exit ${plain.code}\n--- stdout ---\n${plain.stdout}\n--- stderr ---\n${plain.stderr}`;
  expect(plain.code, shown).toBe(1);
  expect(plain.stderr, shown).toMatch(/^error: /);
  expect(plain.stderr, shown).not.toMatch(STACK_FRAME);
  expect(plain.stderr, shown).not.toMatch(/internal error/i);
  if (verbose) {
    expect(verbose.code, verbose.stderr).toBe(1);
    expect(verbose.stderr, 'with --verbose the stack is shown').toMatch(STACK_FRAME);
  }
  return plain.stderr;
}
