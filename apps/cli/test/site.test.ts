import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject, runMain } from './_harness.js';

/** Issue 23: `ormdoc site` end to end in process: where it writes, and bad input exits 1 with nothing written. */
const SCHEMA = `datasource db {
  provider = "postgresql"
}

/// People who sign in.
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]

  @@map("users")
}

model Post {
  id       Int  @id @default(autoincrement())
  authorId Int  @map("author_id")
  author   User @relation(fields: [authorId], references: [id])

  @@map("posts")
}
`;

let dir = '';
beforeAll(() => {
  dir = makeProject({ 'prisma/schema.prisma': SCHEMA });
});
afterAll(() => removeProject(dir));

describe('ormdoc site', () => {
  it('writes the site into the documents folder by default, and replaces it on the next run', async () => {
    const first = await runMain(['site', '--no-diagrams'], dir);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('docs/database/site/index.html (2 tables)');
    const site = join(dir, 'docs/database/site');
    expect(readdirSync(join(site, 'tables')).sort()).toEqual(['posts.html', 'users.html']);
    expect(existsSync(join(site, 'diagram.html'))).toBe(false);
    expect(readFileSync(join(site, 'tables/users.html'), 'utf8')).toContain('People who sign in.');
    const again = await runMain(['site', '--out', 'docs/database/site'], dir);
    expect(again.code).toBe(0);
    expect(existsSync(join(site, 'diagram.html'))).toBe(true);
    // `site` writes no Markdown documents: only `generate` does.
    expect(readdirSync(join(dir, 'docs/database'))).toEqual(['site']);
  });

  it('exits 1, naming the folder, when --out is a folder it did not write; the folder stays as it was', async () => {
    const mine = join(dir, 'notes');
    mkdirSync(mine);
    writeFileSync(join(mine, 'keep.md'), 'mine');
    const run = await runMain(['site', '--out', 'notes', '--no-diagrams'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Refusing to replace .*notes: it is not empty/);
    expect(run.stderr).toMatch(/hint: Choose an empty or new folder with --out/);
    expect(readdirSync(mine)).toEqual(['keep.md']);
  });

  it('exits 1 on a broken schema, and writes nothing', async () => {
    const broken = makeProject({
      'prisma/schema.prisma': `${SCHEMA}\nmodel Broken {\n  id Int @id\n  oops\n}\n`,
    });
    try {
      const run = await runMain(['site', '--no-diagrams'], broken);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/schema\.prisma/);
      expect(existsSync(join(broken, 'docs'))).toBe(false);
    } finally {
      removeProject(broken);
    }
  });

  it('is listed in the help', async () => {
    const run = await runMain(['--help'], dir);
    expect(run.stdout).toMatch(/site\s+Write a static HTML site/);
    const own = await runMain(['site', '--help'], dir);
    expect(own.stdout).toMatch(/--out/);
    expect(own.stdout).toMatch(/--no-diagrams/);
  });
});
