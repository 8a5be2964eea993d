import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject, runMain } from './_harness.js';

// The unchanged run before extraction (issue 19): when the stamp recorded the Prisma extraction's
// inputs and none changed, `generate` and `check` answer without reading the schema at all.

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

const REUSED = 'unchanged since the last run';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeProject(d);
});

function project(): string {
  const dir = makeProject({
    'package.json': '{ "name": "p", "private": true }\n',
    'prisma/schema.prisma': SCHEMA,
    'ormdoc.config.json': '{ "output": { "templates": ["overview", "schema", { "path": "custom.md" }] } }\n',
    'custom.md': '# Custom\n\n{{ormdoc:table users}}\n',
  });
  dirs.push(dir);
  return dir;
}

const generate = (cwd: string, ...args: string[]) => runMain(['generate', '--verbose', ...args], cwd);
const check = (cwd: string) => runMain(['check', '--verbose'], cwd);
const stamp = (cwd: string) => JSON.parse(readFileSync(join(cwd, 'docs/database/.ormdoc-stamp'), 'utf8'));
/** The summary without the written/unchanged counts, which differ between a first and a later run by design. */
const summary = (stdout: string) => stdout.replace(/\d+ written, \d+ unchanged, /, '');

describe('an unchanged Prisma project is answered from the stamp without extracting', () => {
  it('generate and check give the full run’s answer, and the stamp names every input', async () => {
    const cwd = project();
    const first = await generate(cwd);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain(REUSED);
    const recorded = stamp(cwd).inputs;
    expect(recorded.extract).toMatchObject({ orm: 'prisma', tables: 2, enums: 0 });
    const paths = recorded.entries.map(([p]: [string]) => p);
    expect(paths).toEqual(expect.arrayContaining(['prisma/schema.prisma', 'prisma', 'package.json', '.']));
    expect(paths).toEqual(expect.arrayContaining(['prisma/migrations', 'prisma/views']));

    const again = await generate(cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(REUSED);
    expect(again.stdout).toMatch(/0 written, \d+ unchanged, 2 tables/);
    expect(summary(again.stdout)).toBe(summary(first.stdout));
    const checked = await check(cwd);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(REUSED);
  });

  it.each([
    [
      'a model added to the schema',
      (cwd: string) =>
        writeFileSync(join(cwd, 'prisma/schema.prisma'), `${SCHEMA}\nmodel Tag {\n  id Int @id\n}\n`),
    ],
    [
      'a comment in the schema',
      (cwd: string) => writeFileSync(join(cwd, 'prisma/schema.prisma'), `// note\n${SCHEMA}`),
    ],
    [
      'a migration with a CHECK constraint',
      (cwd: string) => {
        mkdirSync(join(cwd, 'prisma/migrations/0001_check'), { recursive: true });
        writeFileSync(
          join(cwd, 'prisma/migrations/0001_check/migration.sql'),
          'ALTER TABLE "posts" ADD CONSTRAINT "posts_author_positive" CHECK ("author_id" > 0);\n',
        );
      },
    ],
    ['a file beside the schema', (cwd: string) => writeFileSync(join(cwd, 'prisma/notes.txt'), 'x\n')],
    ['the package.json', (cwd: string) => writeFileSync(join(cwd, 'package.json'), '{ "name": "q" }\n')],
    [
      'a custom template',
      (cwd: string) => writeFileSync(join(cwd, 'custom.md'), '# Custom, edited\n\n{{ormdoc:table users}}\n'),
    ],
  ])('%s makes the next run extract again', async (_what, change) => {
    const cwd = project();
    expect((await generate(cwd)).code).toBe(0);
    change(cwd);
    const next = await generate(cwd);
    expect(next.code).toBe(0);
    expect(next.stderr).not.toContain(REUSED);
    // ... and the run after it, with nothing changed, is answered from the stamp again.
    const after = await generate(cwd);
    expect(after.stderr).toContain(REUSED);
    expect(summary(after.stdout)).toBe(summary(next.stdout));
  });

  it('another config is part of the key', async () => {
    // (A new file: c12 caches a config module it has read within one process, as these runs are.)
    const cwd = project();
    await generate(cwd);
    writeFileSync(join(cwd, 'other.config.json'), '{ "project": { "name": "Another name" } }\n');
    const other = await generate(cwd, '--config', 'other.config.json');
    expect(other.code).toBe(0);
    expect(other.stderr).not.toContain(REUSED);
    expect(readFileSync(join(cwd, 'docs/database/overview.md'), 'utf8')).toContain('Another name');
    expect((await generate(cwd, '--config', 'other.config.json')).stderr).toContain(REUSED);
  });

  it('a flag that changes the config (--template) is part of the key', async () => {
    const cwd = project();
    await generate(cwd);
    const fewer = await generate(cwd, '--template', 'overview');
    expect(fewer.code).toBe(0);
    expect(fewer.stderr).not.toContain(REUSED);
    expect(stamp(cwd).files.map(([p]: [string]) => p)).not.toContain('schema.md');
  });

  it('a generated region edited by hand is not hidden: check fails as a full run would', async () => {
    const cwd = project();
    await generate(cwd);
    const file = join(cwd, 'docs/database/schema.md');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/(<!-- ormdoc:begin [^>]*-->\n)/, '$1hand edit inside a region\n');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const checked = await check(cwd);
    expect(checked.code).toBe(1);
    expect(checked.stderr).not.toContain(REUSED);
  });

  it('a project whose extraction had warnings reports them again when reused', async () => {
    const cwd = project();
    // A field of an unsupported type is documented with a warning.
    writeFileSync(
      join(cwd, 'prisma/schema.prisma'),
      SCHEMA.replace('email String @unique', 'email String @unique\n  geo   Unsupported("geometry")?'),
    );
    const first = await generate(cwd);
    const again = await generate(cwd);
    expect(again.stderr).toContain(REUSED);
    const warnings = (s: string) => s.split('\n').filter((l) => / warning /.test(l));
    expect(warnings(again.stderr)).toEqual(warnings(first.stderr));
  });
});
