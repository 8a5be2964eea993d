import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiffReport } from '@ormdoc/core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, runMain } from './_harness.js';

/**
 * `ormdoc diff` end to end through `main`, on real git repositories built in temporary folders:
 * revisions are read with git (committed schema.json first, then the Prisma schema text).
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const V1 = `datasource db {
  provider = "postgresql"
}

enum Status {
  ACTIVE
  BANNED
  DELETED
}

model User {
  id        Int     @id @default(autoincrement())
  email     String  @db.VarChar(255)
  nickname  String?
  legacy    String? @db.VarChar(20)
  status    Status  @default(ACTIVE)
  posts     Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@map("posts")
}
`;

/** Every kind of risk: a dropped column and enum value, a NOT NULL column without default, a narrowed type, a unique (Prisma: a unique index), an index, an FK action, a rename guess. */
const V2 = V1.replace('  legacy    String? @db.VarChar(20)\n', '  country   String  @db.Char(2)\n')
  .replace('  email     String  @db.VarChar(255)', '  email     String  @db.VarChar(100) @unique')
  .replace('  nickname  String?', '  handle    String?')
  .replace('  DELETED\n', '')
  .replace('onDelete: Cascade)', 'onDelete: Restrict)\n\n  @@index([authorId])');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function commit(dir: string, files: Record<string, string>, message: string): string {
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A git repository on branch main with V1 committed, and a feature branch checked out. */
function repo(files: Record<string, string> = { 'prisma/schema.prisma': V1 }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-diff-'));
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commit(dir, files, 'v1');
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

const run = (argv: string[], cwd: string, env: Record<string, string> = {}) =>
  runMain(argv, cwd, { CHECKPOINT_DISABLE: '1', ...env });

const json = (stdout: string) => JSON.parse(stdout) as DiffReport;
const rules = (r: DiffReport) => [...new Set(r.risks.map((x) => x.rule))].sort();

describe('ormdoc diff on a Prisma project (schema text re-extracted at the base)', () => {
  it('compares the working tree with the merge base of main and classifies every change', async () => {
    const dir = repo();
    write(dir, { 'prisma/schema.prisma': V2 });
    const { code, stdout, stderr } = await run(['diff', '--format', 'json'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = json(stdout);
    expect(report.base).toMatch(/^merge-base\(HEAD, main\) \([0-9a-f]{7}\)$/);
    expect(report.head).toBe('working tree');
    const kinds = report.changes.map(
      (c) => `${c.kind} ${c.table ?? c.enum}${c.column ? `.${c.column}` : ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'column-dropped users.legacy',
        'column-added users.country',
        'column-renamed users.handle',
        'column-type-changed users.email',
        'index-added users',
        'index-added posts',
        'foreign-key-action-changed posts',
        'enum-value-dropped Status',
      ]),
    );
    expect(rules(report)).toEqual([
      'BC101',
      'BC102',
      'DS102',
      'DS103',
      'MF101',
      'MF103',
      'MF105',
      'PG101',
      'PG102',
    ]);
  });

  it.each([
    ['destructive', 1],
    ['data-dependent', 1],
    ['any', 1],
  ] as const)('--fail-on %s exits %i on risky changes, 0 without changes', async (failOn, expected) => {
    const dir = repo();
    expect((await run(['diff', '--fail-on', failOn], dir)).code).toBe(0);
    write(dir, { 'prisma/schema.prisma': V2 });
    const risky = await run(['diff', '--fail-on', failOn], dir);
    expect(risky.code).toBe(expected);
    expect(risky.stdout).toContain('### Risks');
  });

  it('reads the migrations at the base too: a hand-written CHECK in a migration is no change', async () => {
    const check = 'ALTER TABLE "posts" ADD CONSTRAINT "posts_title_check" CHECK (length(title) > 0);\n';
    const dir = repo({ 'prisma/schema.prisma': V1, 'prisma/migrations/0001_init/migration.sql': check });
    const { code, stdout } = await run(['diff', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(json(stdout).changes).toEqual([]);
  });

  it('--fail-on destructive passes a change that only adds', async () => {
    const dir = repo();
    write(dir, {
      'prisma/schema.prisma': V1.replace('  title    String\n', '  title    String\n  body     String?\n'),
    });
    const { code, stdout } = await run(['diff', '--fail-on', 'destructive'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('none of them risky');
  });

  it('works for a project in a subfolder of the repository (a monorepo package)', async () => {
    const dir = repo({ 'packages/db/prisma/schema.prisma': V1, 'README.md': 'monorepo\n' });
    write(dir, { 'packages/db/prisma/schema.prisma': V2 });
    const { code, stdout } = await run(['diff', '--cwd', 'packages/db', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(rules(json(stdout))).toContain('DS102');
  });

  it('--base/--head compare two commits and ignore the working tree', async () => {
    const dir = repo();
    const v2 = commit(dir, { 'prisma/schema.prisma': V2 }, 'v2');
    write(dir, {
      'prisma/schema.prisma': V1.replace('model Post', 'model Extra {\n  id Int @id\n}\n\nmodel Post'),
    });
    const { code, stdout } = await run(
      ['diff', '--base', 'main', '--head', v2.slice(0, 10), '--format', 'json'],
      dir,
    );
    expect(code).toBe(0);
    const report = json(stdout);
    expect(report.head).toBe(`${v2.slice(0, 10)} (${v2.slice(0, 7)})`);
    expect(report.changes.some((c) => c.table === 'Extra')).toBe(false);
    expect(rules(report)).toContain('DS102');
  });

  it('--format github appends the Markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const dir = repo();
    write(dir, { 'prisma/schema.prisma': V2 });
    const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
    dirs.push(summary);
    const { code, stdout } = await run(['diff', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('## Database schema changes');
    expect(text).toContain('```mermaid');
    expect(stdout).toContain('report written to $GITHUB_STEP_SUMMARY');
  });
});

describe('ormdoc diff reads the committed schema.json first', () => {
  it('uses the documents at the base even when the schema text differs', async () => {
    const dir = repo();
    // The documents of v1, generated and committed as a team would.
    git(dir, 'checkout', '-q', 'main');
    expect((await run(['generate'], dir)).code).toBe(0);
    const ir = JSON.parse(readFileSync(join(dir, 'docs/database/schema.json'), 'utf8'));
    ir.tables.push({ ...ir.tables[0], name: 'only_in_json', source: undefined });
    writeFileSync(join(dir, 'docs/database/schema.json'), `${JSON.stringify(ir, null, 2)}\n`);
    commit(dir, {}, 'docs');
    git(dir, 'checkout', '-q', '-b', 'feature2');
    const { code, stdout } = await run(['diff', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect(json(stdout).changes).toEqual([
      { kind: 'table-dropped', table: 'only_in_json', before: expect.any(String) },
    ]);
  });
});

describe('bad input: exit 1, the problem and the way out, nothing written', () => {
  const untouched = (dir: string) => git(dir, 'status', '--porcelain');

  it('an unknown ref', async () => {
    const dir = repo();
    const { code, stderr } = await run(['diff', '--base', 'no-such-branch'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown git revision "no-such-branch"');
    expect(stderr).toContain('git branch -a');
    expect(untouched(dir)).toBe('');
  });

  it('no git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ormdoc-diff-nogit-'));
    dirs.push(dir);
    write(dir, { 'prisma/schema.prisma': V1 });
    const { code, stderr } = await run(['diff'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('not inside a git repository');
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });

  it('a shallow clone without the base commit says how to deepen it', async () => {
    const origin = repo();
    const first = git(origin, 'rev-parse', 'HEAD');
    commit(origin, { 'prisma/schema.prisma': V2 }, 'v2');
    const dir = mkdtempSync(join(tmpdir(), 'ormdoc-diff-shallow-'));
    dirs.push(dir);
    git(tmpdir(), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, dir);
    const { code, stderr } = await run(['diff', '--base', first], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('shallow');
    expect(stderr).toContain('git fetch --deepen');
    expect(stderr).toContain('fetch-depth: 0');
  });

  it('a base whose Prisma schema no longer loads', async () => {
    const dir = repo({ 'prisma/schema.prisma': `${V1}\nmodel Broken {\n  id Int @id\n  user Usr\n}\n` });
    write(dir, { 'prisma/schema.prisma': V1 });
    const { code, stderr } = await run(['diff'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The Prisma schema at merge-base\(HEAD, main\) \([0-9a-f]{7}\) no longer loads/);
    expect(stderr).toContain('--base');
  });

  it('a base whose committed schema.json no longer loads', async () => {
    const dir = repo({ 'prisma/schema.prisma': V1, 'docs/database/schema.json': '{"irVersion": 0}\n' });
    const { code, stderr } = await run(['diff', '--base', 'main'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('docs/database/schema.json at main');
    expect(stderr).toContain('no longer loads');
  });

  it('a non-Prisma base without committed documents names the ref and what is missing', async () => {
    const dir = repo({ 'prisma/schema.prisma': V1 });
    git(dir, 'rm', '-q', '-r', 'prisma');
    commit(dir, { 'app/models.py': 'x = 1\n' }, 'no schema');
    // The working tree is Prisma again, but the base (HEAD) has no schema at all.
    write(dir, { 'prisma/schema.prisma': V1 });
    const { code, stderr } = await run(['diff', '--base', 'HEAD'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('HEAD');
    expect(stderr).toContain('docs/database/schema.json');
  });
});

const DRIZZLE = `import { index, integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial().primaryKey(),
  email: varchar({ length: 255 }).notNull(),
  nickname: text(),
});

export const posts = pgTable('posts', {
  id: serial().primaryKey(),
  authorId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  title: text().notNull(),
});
`;

/** A Drizzle project (drizzle-orm linked from the workspace) in a git repository, schema at v1. */
function drizzleRepo(): string {
  const dir = makeProject(
    {
      'schema.ts': DRIZZLE,
      'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './schema.ts' };\n",
      'package.json': '{ "name": "shop", "type": "module" }\n',
      '.gitignore': 'node_modules\n',
    },
    { link: ['drizzle-orm', 'drizzle-kit'] },
  );
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

describe('ormdoc diff on a Drizzle project (the base comes from the committed documents)', () => {
  it('diffs the working tree against the schema.json committed on main', async () => {
    const dir = drizzleRepo();
    expect((await run(['generate'], dir)).code).toBe(0);
    commit(dir, {}, 'v1 with documents');
    git(dir, 'checkout', '-q', '-b', 'feature');
    write(dir, {
      'schema.ts': DRIZZLE.replace('  nickname: text(),\n', '').replace(
        "{ onDelete: 'cascade' }),",
        "{ onDelete: 'set null' }),",
      ),
    });
    const { code, stdout, stderr } = await run(['diff', '--format', 'json', '--fail-on', 'destructive'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = json(stdout);
    expect(report.changes.map((c) => c.kind)).toEqual(['foreign-key-action-changed', 'column-dropped']);
    expect(rules(report)).toEqual(['BC102', 'DS102']);
  });

  it('a base with neither documents nor schema files: exit 1 naming the ref and what is missing', async () => {
    const dir = drizzleRepo();
    git(dir, 'add', '.gitignore');
    git(dir, 'commit', '-q', '-m', 'empty start');
    const { code, stderr } = await run(['diff', '--base', 'main'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('main');
    expect(stderr).toContain('has neither docs/database/schema.json nor drizzle schema files');
  });
});
