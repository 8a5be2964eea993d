import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, ROOT, removeProject, runCli } from './_harness.js';

const projects: string[] = [];
const project = (files: Record<string, string>) => {
  const dir = makeProject(files);
  projects.push(dir);
  return dir;
};

beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const dir of projects) removeProject(dir);
});

const version = (JSON.parse(readFileSync(join(ROOT, 'apps/cli/package.json'), 'utf8')) as { version: string })
  .version;

describe('ormdoc: help, version, exit codes', () => {
  it('prints the version from package.json', () => {
    const run = runCli(['--version'], { cwd: ROOT });
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('lists the commands and global flags in --help, without colour when piped', () => {
    const run = runCli(['--help'], { cwd: ROOT });
    expect(run.code).toBe(0);
    for (const word of [
      'generate',
      'check',
      'init',
      'inspect',
      '--cwd',
      '--config',
      '--verbose',
      '--quiet',
      '--no-color',
    ]) {
      expect(run.stdout).toContain(word);
    }
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('shows per-command help with its own flags', () => {
    const run = runCli(['inspect', '--help'], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--format=<json\|sql\|mermaid\|tbls\|dbml>/);
    expect(run.stdout).toMatch(/--dialect=<postgresql\|mysql\|sqlite>/);
    const gen = runCli(['generate', '--help'], { cwd: ROOT });
    for (const flag of ['--orm', '--schema', '--out', '--template']) expect(gen.stdout).toContain(flag);
  });

  it('prints usage and exits 1 when no command is given', () => {
    const run = runCli([], { cwd: ROOT });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('USAGE');
  });

  it('exits 1 with a hint for an unknown command', () => {
    const run = runCli(['generat'], { cwd: ROOT });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Unknown command "generat".');
    expect(run.stderr).toMatch(
      /hint: Did you mean `ormdoc generate`\? Commands: generate, check, init, inspect/,
    );
  });

  it('exits 1 for a bad enum flag value', () => {
    const run = runCli(['inspect', '--format', 'yaml'], { cwd: project({}) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: Invalid value for argument: --format \(yaml\)/);
  });

  it('exits 1 when --cwd does not exist', () => {
    const run = runCli(['generate', '--cwd', 'no/such/dir'], { cwd: project({}) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: --cwd no\/such\/dir: no such directory/);
  });

  it('exits 2 with the stack and where to report it on an internal error (ORMDOC_TEST_CRASH, test only)', () => {
    const run = runCli(['generate'], { cwd: project({}), env: { ORMDOC_TEST_CRASH: '1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('internal error:');
    expect(run.stderr).toMatch(/Error: forced crash[\s\S]*at main \(file:/);
    expect(run.stderr).toMatch(/please report this as an issue in the ormdoc repository/i);
    expect(run.stderr).not.toMatch(/https?:\/\//);
  });
});

describe('ormdoc: auto-detection errors', () => {
  it('exits 1 when no ORM is found, saying how to point at one', () => {
    const run = runCli(['generate'], { cwd: project({ 'README.md': '# hi' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: No ORM schema found in /);
    expect(run.stderr).toMatch(/hint: .*--orm prisma\|drizzle\|typeorm\|sqlmodel/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack without --verbose
  });

  it('exits 1 listing every ORM found when there is more than one', () => {
    const dir = project({
      'prisma/schema.prisma': 'model A { id Int @id }\n',
      'drizzle.config.ts': 'export default {}\n',
    });
    const run = runCli(['inspect'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error: More than one ORM found: .*prisma \(.*prisma\/schema\.prisma.*\); drizzle \(drizzle\.config\.ts\)/,
    );
    expect(run.stderr).toMatch(
      /hint: Pass --orm prisma\|drizzle or set `source\.orm` in ormdoc\.config\.ts\./,
    );
  });

  it('shows the stack of a user error only with --verbose', () => {
    const run = runCli(['generate', '--verbose'], { cwd: project({}) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/OrmdocError: No ORM schema found[\s\S]*\n\s+at /);
  });
});

describe('ormdoc: config loading and validation', () => {
  it('names an unknown key in ormdoc.config.ts (which imports defineConfig from ormdoc)', () => {
    const dir = project({
      'ormdoc.config.ts':
        "import { defineConfig } from 'ormdoc';\nexport default defineConfig({ outptu: { dir: 'x' } } as never);\n",
    });
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Invalid ormdoc configuration in ormdoc.config.ts:');
    expect(run.stderr).toContain('unknown key "outptu"');
    expect(run.stderr).toContain('at ormdoc.config.ts');
    expect(run.stderr).toMatch(/hint: /);
  });

  it('names the key, the value and the accepted values for a wrong type in package.json "ormdoc"', () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'x', ormdoc: { source: { orm: 'sequelize' } } }),
    });
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/source\.orm: .*"prisma".*"drizzle".*"typeorm".*"sqlmodel"/);
  });

  it('reports a wrong type in a --config file', () => {
    const dir = project({
      'conf/docs.config.json': JSON.stringify({ mermaid: { maxTablesPerDiagram: 'many' } }),
    });
    const run = runCli(['inspect', '--config', 'conf/docs.config.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/mermaid\.maxTablesPerDiagram: .*number/i);
  });

  it('exits 1 when --config names a missing file', () => {
    const run = runCli(['generate', '--config', 'nope.config.ts'], { cwd: project({}) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: Config file nope\.config\.ts does not exist\./);
  });

  it('reports a config file that does not load as a user error, not a crash', () => {
    const dir = project({ 'ormdoc.config.ts': 'export default {{{\n' });
    const run = runCli(['generate'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: Could not load the ormdoc config/);
  });

  it('lets --orm override source.orm from the config (and detection)', () => {
    const dir = project({ '.ormdocrc': 'source.orm=drizzle\n', 'schema.prisma': '' });
    // drizzle chosen by config: detection (which would say prisma) is skipped.
    const fromConfig = runCli(['inspect', '--verbose'], { cwd: dir });
    expect(fromConfig.stderr).not.toMatch(/More than one ORM/);
    expect(fromConfig.stderr).toMatch(/config \.ormdocrc/);
    const fromFlag = runCli(['inspect', '--orm', 'sqlmodel', '--json', 'missing.json'], { cwd: dir });
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stderr).toMatch(/missing\.json|sqlmodel/);
  });
});
