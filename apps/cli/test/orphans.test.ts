import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

// Documents ormdoc no longer generates (packages/core/src/write/orphans.ts), as a user meets them.
// The built CLI in its own process per run: the config file changes between runs.

beforeAll(() => ensureBuilt());

const model = (name: string, table: string) => `model ${name} {\n  id Int @id\n\n  @@map("${table}")\n}\n`;
const SCHEMA = `datasource db {\n  provider = "postgresql"\n}\n\n${model('User', 'users')}`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeProject(d);
});

function project(): string {
  const dir = makeProject({
    'package.json': '{ "name": "p", "private": true }\n',
    'prisma/schema.prisma': SCHEMA,
    'ormdoc.config.json': '{ "output": { "templates": ["overview", "schema", "design"] } }\n',
  });
  dirs.push(dir);
  return dir;
}

const dropDesign = (cwd: string) =>
  writeFileSync(join(cwd, 'ormdoc.config.json'), '{ "output": { "templates": ["overview", "schema"] } }\n');

describe('a document that is no longer generated', () => {
  it('is stale for check, then removed by generate, which says how many it removed', () => {
    const cwd = project();
    expect(runCli(['generate'], { cwd }).code).toBe(0);
    dropDesign(cwd);
    const checked = runCli(['check'], { cwd });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('docs/database/design.md');
    const generated = runCli(['generate'], { cwd });
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/1 removed \(no longer generated\)/);
    expect(existsSync(join(cwd, 'docs/database/design.md'))).toBe(false);
    expect(runCli(['check'], { cwd }).code).toBe(0);
  });

  it("with a person's text in it: kept, a warning, and check says to move the text and delete the file", () => {
    const cwd = project();
    runCli(['generate'], { cwd });
    const design = join(cwd, 'docs/database/design.md');
    appendFileSync(design, '\n## Our decisions\n\nWe never delete users.\n');
    dropDesign(cwd);
    const generated = runCli(['generate', '--verbose'], { cwd });
    expect(generated.code).toBe(0);
    expect(existsSync(design)).toBe(true);
    expect(generated.stdout + generated.stderr).toContain('output/orphaned-document');
    const checked = runCli(['check'], { cwd });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      'docs/database/design.md is no longer generated and holds your text: move it, then delete the file.',
    );
    expect(checked.stdout).not.toContain('run `ormdoc generate`'); // generate would not fix it
  });
});
