import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

const SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER
}

/// People who sign in.
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  role      Role     @default(MEMBER)
  createdAt DateTime @default(now()) @map("created_at")
  posts     Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String @db.VarChar(200)
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@map("posts")
}
`;

/** What `prisma migrate diff --from-empty` writes for SCHEMA on PostgreSQL. */
const PRISMA_DDL = `
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MEMBER');
CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, "role" "Role" NOT NULL DEFAULT 'MEMBER',
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT "users_pkey" PRIMARY KEY ("id"));
CREATE TABLE "posts" ("id" SERIAL NOT NULL, "title" VARCHAR(200) NOT NULL, "author_id" INTEGER NOT NULL,
  CONSTRAINT "posts_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "posts_author_id_idx" ON "posts"("author_id");
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;

const projects: string[] = [];
const project = (files: Record<string, string> = { 'prisma/schema.prisma': SCHEMA }) => {
  const dir = makeProject(files);
  projects.push(dir);
  return dir;
};
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

let db: Awaited<ReturnType<typeof startPglite>>;
beforeAll(async () => {
  ensureBuilt();
  db = await startPglite();
});
afterAll(async () => {
  await db?.close();
  for (const dir of projects) removeProject(dir);
});

describe('ormdoc inspect (Prisma, auto-detected)', () => {
  it('prints the IR as JSON by default', () => {
    const run = runCli(['inspect'], { cwd: project() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const ir = JSON.parse(run.stdout) as {
      source: { orm: string };
      tables: Array<{ name: string; codeName?: string }>;
    };
    expect(ir.source.orm).toBe('prisma');
    expect(ir.tables.map((t) => [t.name, t.codeName]).sort()).toEqual([
      ['posts', 'Post'],
      ['users', 'User'],
    ]);
  });

  it('prints PostgreSQL DDL that creates what Prisma creates (compared on PGlite)', async () => {
    const run = runCli(['inspect', '--format', 'sql'], { cwd: project() });
    expect(run.code).toBe(0);
    const expected = await shapeOfDdl(db, PRISMA_DDL);
    const actual = await shapeOfDdl(db, run.stdout);
    // Prisma's migrations carry no COMMENT ON; ormdoc adds the `///` description as one.
    expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
    const comments = actual.tables['public.users']?.lines
      .filter((l) => l.kind === 'comment')
      .map((l) => l.text);
    expect(comments?.join('\n')).toContain('People who sign in.');
  });

  it('prints MySQL DDL with --dialect mysql', () => {
    const run = runCli(['inspect', '--format=sql', '--dialect=mysql'], { cwd: project() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/CREATE TABLE `?users`? \(/);
    expect(run.stdout).toMatch(/AUTO_INCREMENT/);
    expect(run.stdout).toMatch(/enum\('ADMIN',\s*'MEMBER'\)/i);
    expect(run.stdout).not.toMatch(/CREATE TYPE/);
  });

  it('prints a Mermaid ER diagram', () => {
    const run = runCli(['inspect', '--format', 'mermaid'], { cwd: project() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/erDiagram/);
    expect(run.stdout).toMatch(/users/);
    expect(run.stdout).toMatch(/posts/);
  });

  it('reads a multi-file prisma/schema/ folder', () => {
    const [head, rest] = SCHEMA.split('/// People who sign in.');
    const dir = project({
      'prisma/schema/base.prisma': head!,
      'prisma/schema/models.prisma': `/// People who sign in.${rest}`,
    });
    const run = runCli(['inspect'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { tables: unknown[] }).tables).toHaveLength(2);
  });

  it('points at the schema file and line for an invalid schema (exit 1)', () => {
    const dir = project({
      'prisma/schema.prisma': `${SCHEMA}\nmodel Broken {\n  id Int @id\n  owner Nope\n}\n`,
    });
    const run = runCli(['inspect'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toMatch(/schema\.prisma/);
  });
});

describe('ormdoc generate and check (Prisma)', () => {
  it('writes the documents, then reports them unchanged on the next run', () => {
    const dir = project();
    const first = runCli(['generate'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(''); // not a TTY: no progress
    expect(first.stdout).toMatch(
      /documents in docs\/database: (\d+) written, 0 unchanged, 2 tables, \d+ findings?, \d+ TODOs?/,
    );
    for (const doc of ['overview.md', 'schema.md', 'design.md', 'target-state.md', 'architecture.md']) {
      expect(existsSync(join(dir, 'docs/database', doc)), doc).toBe(true);
    }
    expect(read(dir, 'docs/database/schema.md')).toContain('users');
    const second = runCli(['generate'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: 0 written, \d+ unchanged, 2 tables/);
  });

  it('lists the TODOs left as file:line', () => {
    const run = runCli(['generate'], { cwd: project() });
    const count = Number(/(\d+) TODOs?/.exec(run.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(run.stdout).toContain('TODOs left for a person to fill in:');
    expect(run.stdout).toMatch(/^ {2}docs\/database\/[\w-]+\.md:\d+ {2}\S/m);
  });

  it('check: exit 0 when current, exit 1 with a diff and a one-line summary when stale, writing nothing', () => {
    const dir = project();
    expect(runCli(['generate'], { cwd: dir }).code).toBe(0);
    const current = runCli(['check'], { cwd: dir });
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/^ormdoc check: ok, \d+ documents in docs\/database up to date\.$/m);

    writeFileSync(
      join(dir, 'prisma/schema.prisma'),
      SCHEMA.replace('name      String?', 'name      String?\n  nickname  String?'),
    );
    const before = read(dir, 'docs/database/schema.md');
    const stale = runCli(['check'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^stale: docs\/database\/schema\.md$/m);
    expect(stale.stdout).toMatch(/^--- a\/schema\.md/m);
    expect(stale.stdout).toMatch(/^\+.*nickname/m);
    expect(stale.stdout).toMatch(
      /^ormdoc check: failed, \d+ of \d+ documents in docs\/database stale \(.*docs\/database\/schema\.md.*\); run `ormdoc generate`/m,
    );
    expect(read(dir, 'docs/database/schema.md')).toBe(before);

    const quiet = runCli(['check', '--quiet'], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('check on a project never generated: every document is stale', () => {
    const run = runCli(['check'], { cwd: project() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/--- \/dev\/null/);
    expect(existsSync(join(projects.at(-1)!, 'docs'))).toBe(false);
  });

  it('keeps text written outside the markers across regeneration', () => {
    const dir = project();
    runCli(['generate'], { cwd: dir });
    const file = join(dir, 'docs/database/overview.md');
    writeFileSync(
      file,
      `${read(dir, 'docs/database/overview.md')}\n## Notes from the team\n\nHand-written.\n`,
    );
    writeFileSync(
      join(dir, 'prisma/schema.prisma'),
      SCHEMA.replace('name      String?', 'name      String?\n  bio       String?'),
    );
    expect(runCli(['generate'], { cwd: dir }).code).toBe(0);
    expect(read(dir, 'docs/database/overview.md')).toContain('## Notes from the team\n\nHand-written.\n');
  });

  it('honours --out and --template over the config, and the config over defaults', () => {
    const dir = project({
      'prisma/schema.prisma': SCHEMA,
      'ormdoc.config.ts':
        "import { defineConfig } from 'ormdoc';\nexport default defineConfig({ output: { dir: 'cfg-docs', templates: ['design'] } });\n",
    });
    expect(runCli(['generate'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'cfg-docs/design.md'))).toBe(true);
    expect(existsSync(join(dir, 'cfg-docs/overview.md'))).toBe(false);

    const run = runCli(['generate', '--out', 'flag-docs', '--template', 'schema,overview'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'flag-docs/schema.md'))).toBe(true);
    expect(existsSync(join(dir, 'flag-docs/overview.md'))).toBe(true);
    expect(existsSync(join(dir, 'flag-docs/design.md'))).toBe(false);
  });

  it('--cwd runs on another folder; --verbose shows each phase with counts and timings; --quiet prints nothing', () => {
    const dir = project();
    const parent = join(dir, '..');
    const rel = dir.slice(parent.length + 1);
    const verbose = runCli(['generate', '--cwd', rel, '--verbose'], { cwd: parent });
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/✔ load +config \(none: defaults and flags\) \(\d+ ms\)/);
    expect(verbose.stderr).toMatch(
      /✔ extract +prisma \(prisma\/schema\.prisma\): 2 tables, 1 enum \(\d+ ms\)/,
    );
    expect(verbose.stderr).toMatch(/✔ render +\d+ files, \d+ findings? \(\d+ ms\)/);
    expect(verbose.stderr).toMatch(/✔ write +\d+ written, 0 unchanged in docs\/database \(\d+ ms\)/);
    expect(existsSync(join(dir, 'docs/database/schema.md'))).toBe(true);
    const quiet = runCli(['generate', '--quiet'], { cwd: dir });
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('a schema without tables: exit 1 saying there is nothing to document, writing nothing', () => {
    const dir = project({ 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n' });
    for (const command of ['generate', 'check']) {
      const run = runCli([command], { cwd: dir });
      expect(run.code, command).toBe(1);
      expect(run.stderr).toMatch(
        /^error: No tables or views found in prisma\/schema\.prisma: there is nothing to document\.$/m,
      );
      expect(run.stderr).toMatch(/^hint: /m);
    }
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });

  it('reports an unwritable output directory as a user error', () => {
    const dir = project();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/database'), 'a file, not a folder');
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code).toBe(1);
    // core names the problem (e.g. "... docs/database is a file, not a directory"); never a crash
    expect(run.stderr).toMatch(/^error: .*docs\/database/);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/hint: .*(output|--out)/);
  });
});

describe('ormdoc init (Prisma)', () => {
  it('writes a commented ormdoc.config.ts that generate then uses, and refuses to overwrite without --force', () => {
    const dir = project();
    const run = runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote ormdoc.config.ts for prisma');
    const config = read(dir, 'ormdoc.config.ts');
    expect(config).toContain("import { defineConfig } from 'ormdoc';");
    expect(config).toContain("orm: 'prisma',");
    expect(config).toContain("schema: 'prisma/schema.prisma',");
    expect(config).toMatch(/^\s+\/\/ hosting: /m);

    const again = runCli(['init'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: A config file already exists: ormdoc.config.ts.');
    expect(again.stderr).toContain('--force');

    const forced = runCli(['init', '--force', '--out', 'docs/db', '--template', 'schema'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(read(dir, 'ormdoc.config.ts')).toContain("dir: 'docs/db',");

    const gen = runCli(['generate', '--verbose'], { cwd: dir });
    expect(gen.code).toBe(0);
    expect(gen.stderr).toMatch(/config ormdoc\.config\.ts/);
    expect(existsSync(join(dir, 'docs/db/schema.md'))).toBe(true);
    expect(existsSync(join(dir, 'docs/db/overview.md'))).toBe(false);
  });
});
