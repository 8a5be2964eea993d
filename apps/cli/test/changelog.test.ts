import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commit, git, initRepo, write } from './_git.js';
import { type Linkable, makeProject, runMain } from './_harness.js';

/**
 * The schema reference's Changelog from git, end to end on real repositories: one row per commit
 * that changed the committed schema.json (newest first, "This version" on top), `check` stable
 * across the commit of the documents, a person's rows kept, and the section left alone without
 * history.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const run = (argv: string[], cwd: string) => runMain(argv, cwd, { CHECKPOINT_DISABLE: '1' });

/**
 * `ormdoc check` as CI runs it in a fresh clone: without the unchanged-run stamp of the last
 * generate (which would answer without rendering), so the Changelog is read from git again.
 */
async function check(dir: string) {
  rmSync(join(dir, 'docs/database/.ormdoc-stamp'), { force: true });
  return run(['check'], dir);
}

const ALICE = { name: 'Alice Admin', email: 'alice@example.com', date: '2026-01-05T10:00:00Z' };
const BOB = { name: 'Bob Builder', email: 'bob@example.com', date: '2026-02-10T10:00:00Z' };
const CAROL = { name: 'Carol Coder', email: 'carol@example.com', date: '2026-03-15T10:00:00Z' };

/** The Changelog rows of the schema reference: [version, date, changes, author]. */
function rows(dir: string): string[][] {
  const doc = readFileSync(join(dir, 'docs/database/schema.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Changelog'));
  const region = /<!-- ormdoc:begin changelog -->\n([\s\S]*?)\n<!-- ormdoc:end changelog -->/.exec(section);
  if (!region) return [];
  return region[1]!
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Version') && !l.startsWith('| ---'))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

const section = (dir: string) => {
  const doc = readFileSync(join(dir, 'docs/database/schema.md'), 'utf8');
  return doc.slice(doc.indexOf('## Changelog'));
};

const PRISMA_V1 = `datasource db {
  provider = "postgresql"
}

enum Status {
  ACTIVE
  BANNED
}

model User {
  id     Int    @id @default(autoincrement())
  email  String @unique
  status Status @default(ACTIVE)
  posts  Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id])

  @@map("posts")
}
`;
const PRISMA_V2 = PRISMA_V1.replace('  title    String\n', '  title    String\n  body     String?\n');
const PRISMA_V3 = PRISMA_V2.replace('  BANNED\n', '').replace(
  'model Post {',
  'model Tag {\n  id Int @id\n\n  @@map("tags")\n}\n\nmodel Post {',
);

function prismaRepo(config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-changelog-'));
  dirs.push(dir);
  initRepo(dir);
  write(dir, { 'prisma/schema.prisma': PRISMA_V1 });
  if (config) write(dir, { 'ormdoc.config.json': JSON.stringify(config) });
  return dir;
}

/** Generate the documents and commit them with the schema, as a team does. */
async function generateAndCommit(
  dir: string,
  files: Record<string, string>,
  message: string,
  author: typeof ALICE,
): Promise<string> {
  write(dir, files);
  const gen = await run(['generate'], dir);
  expect(gen.stderr).toBe('');
  expect(gen.code).toBe(0);
  return commit(dir, {}, message, author);
}

describe('the Changelog of a Prisma project, from the committed schema.json', () => {
  it('one row per schema change, newest first; check passes before and after each commit', async () => {
    const dir = prismaRepo();
    // First commit: no history yet, the section stays as a person left it.
    const c1 = await generateAndCommit(dir, {}, 'initial schema', ALICE);
    expect(rows(dir)).toEqual([]);
    expect(section(dir)).toContain('ormdoc never edits this section');
    expect((await check(dir)).code).toBe(0);

    // A change generated before its commit: "This version" against the last committed version.
    write(dir, { 'prisma/schema.prisma': PRISMA_V2 });
    expect((await run(['generate'], dir)).code).toBe(0);
    const pending = rows(dir);
    expect(pending).toEqual([
      ['This version', '—', 'Added column `posts.body`', '—'],
      [c1.slice(0, 7), '2026-01-05', 'Initial schema: 2 tables, 1 enum', 'Alice Admin'],
    ]);
    const c2 = commit(dir, {}, 'posts.body', BOB);
    // After the commit the same rows come out: check is current.
    const checked = await check(dir);
    expect(checked.stdout + checked.stderr).not.toContain('stale');
    expect(checked.code).toBe(0);
    expect(rows(dir)).toEqual(pending);

    // A commit that does not touch the schema adds no row.
    commit(dir, { 'README.md': 'hello\n' }, 'readme', CAROL);
    expect((await check(dir)).code).toBe(0);

    // The next change: the previous one gets its commit, author and date.
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V3 }, 'tags, no BANNED', CAROL);
    expect(rows(dir)).toEqual([
      [
        'This version',
        '—',
        'Added table `tags`; dropped value `BANNED` from `Status` (risks: 1 destructive)',
        '—',
      ],
      [c2.slice(0, 7), '2026-02-10', 'Added column `posts.body`', 'Bob Builder'],
      [c1.slice(0, 7), '2026-01-05', 'Initial schema: 2 tables, 1 enum', 'Alice Admin'],
    ]);
    expect((await check(dir)).code).toBe(0);

    // The commit rows the document shows are taken from it (their versions are not parsed again);
    // read from the history alone, into an empty folder, the rows are the same.
    const shown = rows(dir);
    rmSync(join(dir, 'docs'), { recursive: true });
    expect((await run(['generate'], dir)).code).toBe(0);
    expect(rows(dir)).toEqual(shown);
  });

  it('Version is the tag when the commit is tagged; rows per tag with history.changelog = tags', async () => {
    const dir = prismaRepo();
    const c1 = await generateAndCommit(dir, {}, 'v1', ALICE);
    git(dir, 'tag', 'v1.0.0', c1);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V2 }, 'v2', BOB);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V3 }, 'v3', CAROL);
    expect(rows(dir).map((r) => r[0])).toEqual([
      'This version',
      expect.stringMatching(/^[0-9a-f]{7}$/),
      'v1.0.0',
    ]);

    write(dir, { 'ormdoc.config.json': JSON.stringify({ history: { changelog: 'tags' } }) });
    git(dir, 'tag', 'v2.0.0', 'HEAD');
    expect((await run(['generate'], dir)).code).toBe(0);
    // Per tag: v2.0.0 is this version (v1 → v3 in one row), v1.0.0 the initial one.
    expect(rows(dir)).toEqual([
      [
        'This version',
        '—',
        'Added column `posts.body`; added table `tags`; dropped value `BANNED` from `Status` (risks: 1 destructive)',
        '—',
      ],
      ['v1.0.0', '2026-01-05', 'Initial schema: 2 tables, 1 enum', 'Alice Admin'],
    ]);
  });

  it('history.rows caps the rows; history.changelog = off leaves the section to a person', async () => {
    const dir = prismaRepo({ history: { rows: 2 } });
    await generateAndCommit(dir, {}, 'v1', ALICE);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V2 }, 'v2', BOB);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V3 }, 'v3', CAROL);
    expect(rows(dir).map((r) => r[3])).toEqual(['—', 'Bob Builder']);

    // A new config file (the in-process runs of these tests cache a config module by its path).
    rmSync(join(dir, 'ormdoc.config.json'));
    write(dir, { 'package.json': JSON.stringify({ name: 'x', ormdoc: { history: { changelog: 'off' } } }) });
    expect((await run(['generate'], dir)).code).toBe(0);
    expect(rows(dir)).toEqual([]);
    expect(section(dir)).toContain('ormdoc never edits this section');
  });

  it("a person's rows below the markers survive regeneration", async () => {
    const dir = prismaRepo();
    await generateAndCommit(dir, {}, 'v1', ALICE);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V2 }, 'v2', BOB);
    const own =
      '\n| Release | Date | Notes | Who |\n| --- | --- | --- | --- |\n| 2.0 | 2026-02-11 | Launched | Dana |\n';
    const file = join(dir, 'docs/database/schema.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n$/, `\n${own}`));
    commit(dir, {}, 'release notes', BOB);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V3 }, 'v3', CAROL);
    expect(rows(dir)).toHaveLength(3);
    expect(section(dir)).toContain('| 2.0 | 2026-02-11 | Launched | Dana |');
  });

  it('a shallow clone (CI) keeps the rows as committed: check passes', async () => {
    const dir = prismaRepo();
    await generateAndCommit(dir, {}, 'v1', ALICE);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V2 }, 'v2', BOB);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V3 }, 'v3', CAROL);
    const clone = mkdtempSync(join(tmpdir(), 'ormdoc-changelog-shallow-'));
    dirs.push(clone);
    git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    const committed = rows(clone);
    expect(committed).toHaveLength(3);
    expect((await check(clone)).code).toBe(0);
    expect(rows(clone)).toEqual(committed);
  });

  it('outside a git repository the section stays: kept as written, or as before when it has no rows', async () => {
    const dir = prismaRepo();
    await generateAndCommit(dir, {}, 'v1', ALICE);
    await generateAndCommit(dir, { 'prisma/schema.prisma': PRISMA_V2 }, 'v2', BOB);
    const copy = mkdtempSync(join(tmpdir(), 'ormdoc-changelog-nogit-'));
    dirs.push(copy);
    cpSync(dir, copy, { recursive: true, filter: (src) => !src.endsWith('.git') });
    const committed = rows(copy);
    expect(committed).toHaveLength(2);
    expect((await check(copy)).code).toBe(0);
    write(copy, { 'prisma/schema.prisma': PRISMA_V3 });
    expect((await run(['generate'], copy)).code).toBe(0);
    expect(rows(copy)).toEqual(committed);

    const fresh = makeProject({ 'prisma/schema.prisma': PRISMA_V1 });
    dirs.push(fresh);
    expect((await run(['generate'], fresh)).code).toBe(0);
    expect(rows(fresh)).toEqual([]);
    expect(section(fresh)).toContain('ormdoc never edits this section');
  });
});

/** v1 → v2 (a column added) → v3 (a table added, a column dropped), committed with the documents. */
const OTHER_ORMS: Array<{
  orm: string;
  link: Linkable[];
  files: (v: 1 | 2 | 3) => Record<string, string>;
  v2: string;
  v3: string;
}> = [
  {
    orm: 'drizzle',
    link: ['drizzle-orm', 'drizzle-kit'],
    files: (v) => ({
      'package.json': '{ "name": "shop", "type": "module" }\n',
      'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './schema.ts' };\n",
      'schema.ts': `import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial().primaryKey(),
  name: text().notNull(),${v >= 2 ? '\n  bio: text(),' : ''}${v < 3 ? '\n  legacy: text(),' : ''}
});
${v >= 3 ? "\nexport const orders = pgTable('orders', { id: serial().primaryKey(), userId: integer('user_id').references(() => users.id) });\n" : ''}`,
    }),
    v2: 'Added column `users.bio`',
    v3: 'Added table `orders`; dropped column `users.legacy` (risks: 1 destructive)',
  },
  {
    orm: 'typeorm',
    link: ['typeorm', 'reflect-metadata'],
    files: (v) => ({
      'package.json': '{ "name": "shop", "private": true }\n',
      'tsconfig.json': JSON.stringify({
        compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, module: 'CommonJS' },
      }),
      'ormdoc.config.json': JSON.stringify({ source: { orm: 'typeorm', entities: ['src/*.ts'] } }),
      'src/user.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('text')
  name: string;
${v >= 2 ? "\n  @Column('text', { nullable: true })\n  bio: string;\n" : ''}${v < 3 ? "\n  @Column('text', { nullable: true })\n  legacy: string;\n" : ''}}
`,
      ...(v >= 3
        ? {
            'src/order.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn()
  id: number;
}
`,
          }
        : {}),
    }),
    v2: 'Added column `users.bio`',
    v3: 'Added table `orders`; dropped column `users.legacy` (risks: 1 destructive)',
  },
  {
    orm: 'sqlmodel',
    link: [],
    files: (v) => ({
      'ormdoc.config.json': JSON.stringify({
        source: { orm: 'sqlmodel', module: 'models.py', python: '/usr/bin/python3' },
      }),
      'models.py': `from typing import Optional

from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
${v >= 2 ? '    bio: Optional[str] = None\n' : ''}${v < 3 ? '    legacy: Optional[str] = None\n' : ''}${v >= 3 ? '\n\nclass Order(SQLModel, table=True):\n    __tablename__ = "orders"\n    id: Optional[int] = Field(default=None, primary_key=True)\n' : ''}`,
    }),
    v2: 'Added column `users.bio`',
    v3: 'Added table `orders`; dropped column `users.legacy` (risks: 1 destructive)',
  },
];

describe.each(OTHER_ORMS)(
  'the Changelog of a $orm project (real extractor, real git)',
  ({ link, files, v2, v3 }) => {
    it('a row per schema change with its commit, date and author; check passes after each commit', async () => {
      const dir = makeProject({ ...files(1), '.gitignore': 'node_modules\n' }, { link });
      dirs.push(dir);
      initRepo(dir);
      const c1 = await generateAndCommit(dir, {}, 'v1', ALICE);
      const c2 = await generateAndCommit(dir, files(2), 'v2', BOB);
      expect((await check(dir)).code).toBe(0);
      const removed = Object.keys(files(2)).filter((f) => !(f in files(3)));
      for (const f of removed) rmSync(join(dir, f));
      await generateAndCommit(dir, files(3), 'v3', CAROL);
      expect(rows(dir)).toEqual([
        ['This version', '—', v3, '—'],
        [c2.slice(0, 7), '2026-02-10', v2, 'Bob Builder'],
        [c1.slice(0, 7), '2026-01-05', 'Initial schema: 1 table', 'Alice Admin'],
      ]);
      expect((await check(dir)).code).toBe(0);
    });
  },
);
