import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

const SCHEMA = `import { index, integer, pgEnum, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const role = pgEnum('role', ['admin', 'member']);

/** People who sign in. */
export const users = pgTable('users', {
  id: serial().primaryKey(),
  /** Login e-mail, unique. */
  email: varchar({ length: 255 }).notNull().unique(),
  displayName: text(),
  role: role().notNull().default('member'),
  createdAt: timestamp().notNull().defaultNow(),
});

export const posts = pgTable(
  'posts',
  {
    id: serial().primaryKey(),
    authorId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar({ length: 200 }).notNull(),
  },
  (t) => [index('posts_author_id_idx').on(t.authorId)],
);
`;

/** drizzle.config.ts as a user writes it: drizzle-kit's config wrapped by withOrmdoc, with ormdoc options. */
const drizzleConfig = (
  ormdocOptions: string,
  casing: boolean,
) => `import { withOrmdoc } from '@ormdoc/drizzle/config';
import { defineConfig } from 'drizzle-kit';

export default withOrmdoc(
  defineConfig({ dialect: 'postgresql', schema: './src/db/schema.ts'${casing ? ", casing: 'snake_case'" : ''} }),
  ${ormdocOptions},
);
`;

const OPTIONS = `{
    title: 'Shop database',
    output: 'documentation/db',
    project: { hosting: 'Supabase (eu-central-1)' },
  }`;

const projects: string[] = [];
function project(
  extra: Record<string, string> = {},
  { options = OPTIONS, casing = true }: { options?: string; casing?: boolean } = {},
): string {
  const dir = makeProject(
    {
      'package.json': JSON.stringify({
        name: 'shop',
        private: true,
        type: 'module',
        dependencies: { 'drizzle-orm': '0.45.4' },
        devDependencies: { 'drizzle-kit': '0.31.11' },
      }),
      'drizzle.config.ts': drizzleConfig(options, casing),
      'src/db/schema.ts': SCHEMA,
      ...extra,
    },
    { link: ['drizzle-orm', 'drizzle-kit', '@ormdoc/drizzle'] },
  );
  projects.push(dir);
  return dir;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const allDocs = (dir: string, out: string) =>
  ['overview.md', 'schema.md', 'design.md', 'target-state.md', 'architecture.md']
    .filter((f) => existsSync(join(dir, out, f)))
    .map((f) => read(dir, join(out, f)))
    .join('\n');

let db: Awaited<ReturnType<typeof startPglite>>;
beforeAll(async () => {
  ensureBuilt();
  db = await startPglite();
});
afterAll(async () => {
  await db?.close();
  for (const dir of projects) removeProject(dir);
});

describe('ormdoc with a Drizzle project (auto-detected from drizzle.config.ts)', () => {
  it('generate honours the withOrmdoc options of drizzle.config.ts (output, title, project facts)', () => {
    const dir = project();
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/documents in documentation\/db: \d+ written, 0 unchanged, 2 tables/);
    expect(existsSync(join(dir, 'docs/database'))).toBe(false);
    const docs = allDocs(dir, 'documentation/db');
    expect(docs).toContain('# Shop database');
    expect(docs).toContain('Supabase (eu-central-1)');
    expect(docs).not.toContain('set `project.hosting`');
    // casing: 'snake_case' from drizzle.config.ts names the columns
    expect(read(dir, 'documentation/db/schema.sql')).toMatch(/^\s+display_name text,$/m);
  });

  it('ormdoc.config.ts wins over drizzle.config.ts, and flags win over both', () => {
    const dir = project({
      'ormdoc.config.ts': `import { defineConfig } from 'ormdoc';\n\nexport default defineConfig({ title: 'Shop (from ormdoc.config.ts)', output: { templates: ['overview'] } });\n`,
    });
    const run = runCli(['generate', '--out', 'flag-docs'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/documents in flag-docs:/);
    expect(existsSync(join(dir, 'documentation/db'))).toBe(false);
    expect(existsSync(join(dir, 'flag-docs/schema.md'))).toBe(false); // templates from ormdoc.config.ts
    const overview = read(dir, 'flag-docs/overview.md');
    expect(overview).toContain('Shop (from ormdoc.config.ts)');
    expect(overview).not.toContain('# Shop database');
    // keys the ormdoc config does not set still come from withOrmdoc
    expect(allDocs(dir, 'flag-docs')).not.toContain('set `project.hosting`');
  });

  it('init leaves output to withOrmdoc: generate after init still writes where drizzle.config.ts says', () => {
    const dir = project();
    const init = runCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const config = read(dir, 'ormdoc.config.ts');
    expect(config).toContain("orm: 'drizzle',");
    expect(config).toMatch(/^ {4}\/\/ dir: 'docs\/database',$/m);
    const run = runCli(['generate', '--template', 'overview'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/documents in documentation\/db:/);
  });

  it('check: exit 0 when current, exit 1 naming the stale file after a schema change', () => {
    const dir = project();
    expect(runCli(['generate'], { cwd: dir }).code).toBe(0);
    const current = runCli(['check'], { cwd: dir });
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/^ormdoc check: ok, \d+ documents in documentation\/db up to date\.$/m);

    writeFileSync(
      join(dir, 'src/db/schema.ts'),
      SCHEMA.replace('displayName: text(),', 'displayName: text(),\n  nickname: text(),'),
    );
    const before = read(dir, 'documentation/db/schema.md');
    const stale = runCli(['check'], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/^stale: documentation\/db\/schema\.md$/m);
    expect(stale.stdout).toMatch(/^\+.*nickname/m);
    expect(stale.stdout).toMatch(/^ormdoc check: failed, /m);
    expect(read(dir, 'documentation/db/schema.md')).toBe(before);
  });

  it('inspect --format sql creates the database `drizzle-kit export` creates (PGlite, names included)', async () => {
    // `drizzle-kit export` ignores `casing` (drizzle-kit 0.31): compare on a config without it.
    const dir = project({}, { casing: false });
    const run = runCli(['inspect', '--format', 'sql'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const kitBin = join(dir, 'node_modules/drizzle-kit/bin.cjs');
    const kitSql = execFileSync(process.execPath, [kitBin, 'export', '--config', 'drizzle.config.ts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(kitSql).toMatch(/CREATE TABLE "users"/);
    const expected = await shapeOfDdl(db, kitSql);
    const actual = await shapeOfDdl(db, run.stdout);
    // drizzle-kit has no comments; ormdoc turns the JSDoc into COMMENT ON
    expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
  });

  it('inspect prints the IR: column names from casing, code names and JSDoc descriptions beside them', () => {
    const run = runCli(['inspect'], { cwd: project() });
    expect(run.code, run.stderr).toBe(0);
    const ir = JSON.parse(run.stdout) as {
      source: { orm: string };
      tables: Array<{
        name: string;
        codeName?: string;
        description?: string;
        columns: Array<{ name: string; codeName?: string }>;
      }>;
    };
    expect(ir.source.orm).toBe('drizzle');
    const users = ir.tables.find((t) => t.name === 'users');
    expect(users?.description).toBe('People who sign in.');
    expect(users?.columns.find((c) => c.name === 'display_name')?.codeName).toBe('displayName');
  });

  it('an unknown key in the withOrmdoc options is a user error naming drizzle.config.ts', () => {
    const dir = project({}, { options: `{ output: 'docs', colour: 'blue' }` });
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Invalid ormdoc configuration in drizzle\.config\.ts/);
    expect(run.stderr).toMatch(/unknown key "colour"/);
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });
});
