import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Real git repositories for the tests of `ormdoc diff` and the Changelog: run git, write files, commit. */

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Write `files`, stage everything (node_modules is ignored by the test's .gitignore) and commit; the new commit's hash. */
export function commit(
  dir: string,
  files: Record<string, string>,
  message: string,
  author?: { name: string; email: string; date: string },
): string {
  write(dir, files);
  git(dir, 'add', '-A');
  const args = ['commit', '-q', '--allow-empty', '-m', message];
  if (author) args.push(`--author=${author.name} <${author.email}>`, `--date=${author.date}`);
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, ...(author ? { GIT_COMMITTER_DATE: author.date } : {}) },
  });
  return git(dir, 'rev-parse', 'HEAD');
}

/** `git init` on branch main with a committer configured (no signing). */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'config', 'tag.gpgsign', 'false');
}
