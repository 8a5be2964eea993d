import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { ROOT, runCli } from '../../apps/cli/test/_harness.js';

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
  let entries: ReturnType<typeof readdirSync<{ withFileTypes: true }>>;
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

/**
 * Run `ormdoc <args>` twice in `cwd`: plainly and with --verbose. Assert the user-error contract
 * on both (exit 1, `error:` first), no stack frame without --verbose, and return the plain stderr
 * for the row's own assertions. `verboseStack` says whether --verbose must show a stack (true for
 * errors that have one: everything but argument and config-shape errors).
 */
export function expectUserError(
  args: string[],
  cwd: string,
  options: { verboseStack?: boolean } = {},
): string {
  const plain = runCli(args, { cwd });
  const shown = `exit ${plain.code}\n--- stdout ---\n${plain.stdout}\n--- stderr ---\n${plain.stderr}`;
  expect(plain.code, shown).toBe(1);
  expect(plain.stderr, shown).toMatch(/^error: /);
  expect(plain.stderr, shown).not.toMatch(STACK_FRAME);
  expect(plain.stderr, shown).not.toMatch(/internal error/i);
  const verbose = runCli([...args, '--verbose'], { cwd });
  expect(verbose.code, verbose.stderr).toBe(1);
  if (options.verboseStack ?? true) expect(verbose.stderr).toMatch(STACK_FRAME);
  return plain.stderr;
}
