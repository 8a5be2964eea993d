import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PGlite, startPglite } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectUserError, listFiles, project, removeProjects, runCliAsync } from './_cli.js';

/**
 * Issue 10, bad-input matrix (config, output, schema shape): config keys and types, an output
 * directory that is a file, broken markers in an edited document, output names that try to leave
 * the output directory, and tables with the same name in two PostgreSQL schemas.
 */

let db: PGlite;
beforeAll(async () => {
  ensureBuilt();
  db = await startPglite();
});
afterAll(() => removeProjects());

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  @@map("users")
}
`;

const prismaProject = (extra: Record<string, string> = {}) =>
  project({ 'prisma/schema.prisma': SCHEMA, ...extra });

/** Every file under the project's docs folder with its content. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    listFiles(join(dir, 'docs')).map((f) => [f, readFileSync(join(dir, 'docs', f), 'utf8')]),
  );

describe('config keys and value types', () => {
  it('an unknown key in ormdoc.config.mjs is named with its path', async () => {
    const dir = prismaProject({
      'ormdoc.config.mjs': "export default { source: { orm: 'prisma', unknownKey: true } };\n",
    });
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toMatch(
      /Invalid ormdoc configuration in ormdoc\.config\.mjs:\n {2}unknown key "source\.unknownKey"/,
    );
    expect(err).toMatch(/^ {2}at ormdoc\.config\.mjs$/m);
    expect(listFiles(join(dir, 'docs'))).toEqual([]);
  });

  it('a misspelt top-level key in package.json "ormdoc" is named', async () => {
    const dir = prismaProject({
      'package.json': JSON.stringify({ name: 'app', ormdoc: { outptu: { dir: 'x' } } }),
    });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/unknown key "outptu"/);
    expect(listFiles(join(dir, 'docs'))).toEqual([]);
  });

  it('wrong value types are each named with the key, what was given and what is expected', async () => {
    const dir = prismaProject({
      'ormdoc.config.mjs':
        "export default { output: { dir: 42 }, mermaid: { maxTablesPerDiagram: 'ten' } };\n",
    });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/^ {2}output\.dir: expected string, got 42$/m);
    expect(err).toMatch(/^ {2}mermaid\.maxTablesPerDiagram: expected number, got "ten"$/m);
    expect(listFiles(join(dir, 'docs'))).toEqual([]);
  });

  it('a config file that does not parse is a user error naming the file', async () => {
    const dir = prismaProject({ 'ormdoc.config.mjs': 'export default { output: { dir: "docs" }\n' });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/Could not load the ormdoc config/);
    expect(err).toMatch(/ormdoc\.config\.mjs/);
  });
});

describe('output directory', () => {
  it('--out is an existing file: exit 1, the file is left as it was', async () => {
    const dir = prismaProject({ notes: 'my notes\n' });
    const err = await expectUserError(['generate', '--out', 'notes'], dir, { verbose: true });
    expect(err).toMatch(/notes/);
    expect(err).toMatch(/not a directory/i);
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('my notes\n');
  });

  it('--out is under a file (notes/docs): exit 1, nothing created', async () => {
    const dir = prismaProject({ notes: 'my notes\n' });
    const err = await expectUserError(['generate', '--out', 'notes/docs'], dir);
    expect(err).toMatch(/notes\/docs/);
    expect(err).toMatch(/not a directory/i);
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('my notes\n');
  });

  it('a document path taken by a folder: exit 1, the documents already there are untouched', async () => {
    const dir = prismaProject();
    expect((await runCliAsync(['generate'], dir)).code).toBe(0);
    const before = snapshot(dir);
    writeFileSync(
      join(dir, 'prisma/schema.prisma'),
      SCHEMA.replace('email String', 'email String\n  name String?'),
    );
    // schema.md became a folder: the run must stop before writing any other document.
    const schemaMd = join(dir, 'docs/database/schema.md');
    rmSync(schemaMd);
    mkdirSync(schemaMd);
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/schema\.md/);
    const after = snapshot(dir);
    delete before['database/schema.md'];
    expect(after).toEqual(before);
  });

  it('a broken marker in an edited document: exit 1 naming file:line, no document written', async () => {
    const dir = prismaProject();
    expect((await runCliAsync(['generate'], dir)).code).toBe(0);
    const overview = join(dir, 'docs/database/overview.md');
    const text = readFileSync(overview, 'utf8');
    const lines = text.split('\n');
    const endLine = lines.findIndex((l) => l.startsWith('<!-- ormdoc:end '));
    expect(endLine).toBeGreaterThan(0);
    lines.splice(endLine, 1); // the person deleted an end marker
    writeFileSync(overview, lines.join('\n'));
    writeFileSync(
      join(dir, 'prisma/schema.prisma'),
      SCHEMA.replace('email String', 'email String\n  name String?'),
    );
    const before = snapshot(dir);
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toMatch(/overview\.md:\d+: "ormdoc:begin \S+" (inside region|has no "ormdoc:end)/);
    expect(err).toMatch(/hint: Restore the ormdoc:begin\/ormdoc:end marker pair/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a custom template named "../escape.md" cannot write outside the output directory', async () => {
    const dir = prismaProject({
      'tpl.md': '# Custom\n',
      'ormdoc.config.mjs':
        "export default { output: { templates: ['overview', { path: 'tpl.md', name: '../escape.md' }] } };\n",
    });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/Refusing to write "\.\.\/escape\.md": it is outside the output directory/);
    expect(listFiles(dir).filter((f) => f.includes('escape'))).toEqual([]);
    expect(listFiles(join(dir, 'docs'))).toEqual([]);
  });
});

describe('schema shape', () => {
  it('the same table name in two PostgreSQL schemas is fine: both documented, the DDL runs', async () => {
    const dir = project(
      {
        'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/schema.ts' };\n",
        'src/schema.ts': [
          "import { integer, pgSchema, pgTable, text } from 'drizzle-orm/pg-core';",
          "export const auth = pgSchema('auth');",
          "export const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });",
          "export const authUsers = auth.table('users', { id: integer('id').primaryKey(), hash: text('hash').notNull() });",
          '',
        ].join('\n'),
      },
      ['drizzle-orm'],
    );
    const run = await runCliAsync(['generate', '--template', 'schema'], dir);
    expect(run.code, run.stderr).toBe(0);
    const schemaMd = readFileSync(join(dir, 'docs/database/schema.md'), 'utf8');
    expect(schemaMd).toMatch(/auth\.users/);
    expect(schemaMd).toMatch(/\bhash\b/);
    expect(schemaMd).toMatch(/\bname\b/);
    const ddl = readFileSync(join(dir, 'docs/database/schema.sql'), 'utf8');
    await db.exec('DROP SCHEMA IF EXISTS auth CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.exec(ddl);
    const { rows } = await db.query<{ t: string }>(
      "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_name = 'users' ORDER BY 1",
    );
    expect(rows.map((r) => r.t)).toEqual(['auth.users', 'public.users']);
  });
});
