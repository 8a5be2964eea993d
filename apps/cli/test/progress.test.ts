import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './_harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const run = (argv: string[], cwd: string) => runMain(argv, cwd);

describe('progress lines: one per phase, render and write reported by core generateDocs', () => {
  it('generate, then check, print load, extract, render and write/check in order', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ormdoc-progress-'));
    dirs.push(cwd);
    writeFileSync(
      join(cwd, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n',
    );
    const generate = await run(['generate', '--verbose', '--template', 'overview,schema'], cwd);
    expect(generate.code).toBe(0);
    const lines = generate.stderr.split('\n').filter((l) => l.startsWith('✔'));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^✔ load {4}config \(none: defaults and flags\) \(\d+ ms\)$/);
    expect(lines[1]).toMatch(/^✔ extract prisma \(schema\.prisma\): 2 tables, 0 enums \(\d+ ms\)$/);
    expect(lines[2]).toMatch(/^✔ render {2}\d+ files, \d+ findings? \(\d+ ms\)$/);
    expect(lines[3]).toMatch(/^✔ write {3}\d+ written, 0 unchanged in docs\/database \(\d+ ms\)$/);
    const files = Number(/render {2}(\d+) files/.exec(lines[2] ?? '')?.[1]);
    expect(lines[3]).toContain(`${files} written`);

    const check = await run(['check', '--verbose', '--template', 'overview,schema'], cwd);
    expect(check.code).toBe(0);
    const checkLines = check.stderr.split('\n').filter((l) => l.startsWith('✔'));
    expect(checkLines.map((l) => l.slice(2, 9).trim())).toEqual(['load', 'extract', 'render', 'check']);
    expect(checkLines[3]).toMatch(
      new RegExp(`^✔ check {3}0 stale files, ${files} current in docs/database \\(\\d+ ms\\)$`),
    );
  });

  it('prints no progress line without --verbose outside a terminal', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ormdoc-progress-'));
    dirs.push(cwd);
    writeFileSync(
      join(cwd, 'schema.prisma'),
      'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n}\n',
    );
    const quiet = await run(['generate'], cwd);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
