import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './_harness.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A Prisma project the CLI could document, so a run that ignored the bad flag would write files. */
function prismaProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-flags-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'schema.prisma'),
    'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n}\n',
  );
  return dir;
}

/** `main` end to end, in process, with its output captured. */
async function run(argv: string[], cwd = prismaProject()) {
  return { ...(await runMain(argv, cwd)), cwd };
}

describe('unknown flags are user errors (exit 1) naming the flag and the closest known one', () => {
  const cases: Array<{ argv: string[]; flag: string; suggestion: string; command: string }> = [
    {
      argv: ['generate', '--ouput', 'docs'],
      flag: '--ouput',
      suggestion: '--out',
      command: 'ormdoc generate',
    },
    { argv: ['generate', '--outt=docs'], flag: '--outt', suggestion: '--out', command: 'ormdoc generate' },
    {
      argv: ['check', '--tempalte', 'schema'],
      flag: '--tempalte',
      suggestion: '--template',
      command: 'ormdoc check',
    },
    {
      argv: ['generate', '--no-colour'],
      flag: '--no-colour',
      suggestion: '--no-color',
      command: 'ormdoc generate',
    },
    { argv: ['generate', '--verbos'], flag: '--verbos', suggestion: '--verbose', command: 'ormdoc generate' },
    {
      argv: ['inspect', '--fromat', 'sql'],
      flag: '--fromat',
      suggestion: '--format',
      command: 'ormdoc inspect',
    },
    { argv: ['init', '--froce'], flag: '--froce', suggestion: '--force', command: 'ormdoc init' },
    { argv: ['--verbos', 'generate'], flag: '--verbos', suggestion: '--verbose', command: 'ormdoc generate' },
    {
      argv: ['generate', '--data-sorce', 'x.ts'],
      flag: '--data-sorce',
      suggestion: '--data-source',
      command: 'ormdoc generate',
    },
  ];
  for (const c of cases) {
    it(`ormdoc ${c.argv.join(' ')}`, async () => {
      const r = await run(c.argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error: Unknown flag ${c.flag} for \`${c.command}\`.`);
      expect(r.stderr).toContain(`hint: Did you mean ${c.suggestion}?`);
      expect(readdirSync(r.cwd)).toEqual(['schema.prisma']); // nothing written
    });
  }

  it('names a flag another command has but this one does not', async () => {
    const r = await run(['init', '--schema', 'schema.prisma']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Unknown flag --schema for `ormdoc init`.');
  });

  it('gives no suggestion when nothing is close, but points at --help', async () => {
    const r = await run(['generate', '--zzzzzz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Unknown flag --zzzzzz for `ormdoc generate`.');
    expect(r.stderr).not.toContain('Did you mean');
    expect(r.stderr).toContain('hint: Run `ormdoc generate --help` for its flags.');
  });

  it('rejects an unknown short flag and a stray word', async () => {
    const short = await run(['generate', '-x']);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('Unknown flag -x');
    const stray = await run(['generate', 'docs']);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain('error: Unexpected argument "docs" for `ormdoc generate`.');
  });

  it('names a misspelt flag before an unknown command word rather than the word', async () => {
    const r = await run(['--ouput', 'docs', 'generate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Unknown flag --ouput for `ormdoc`.');
  });

  it('accepts every spelling citty accepts: --x=v, camelCase, --no-x, -h', async () => {
    const cwd = prismaProject();
    const r = await run(
      [
        'generate',
        '--out=docs/db',
        '--no-color',
        '--quiet',
        '--template',
        'schema',
        '--dialect',
        'postgresql',
      ],
      cwd,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'docs/db'))).toContain('schema.md');
    const inspect = await run(['inspect', '--format=json', '--drizzleConfig=unused.ts', '--no-verbose'], cwd);
    expect(inspect.stderr).toBe('');
    expect(inspect.code).toBe(0);
    expect((await run(['generate', '-h'], cwd)).code).toBe(0);
    expect((await run(['--verbose', '--version'], cwd)).code).toBe(0);
  });
});

describe('unknown commands', () => {
  it('suggests the closest command', async () => {
    const r = await run(['genrate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Unknown command "genrate".');
    expect(r.stderr).toContain('hint: Did you mean `ormdoc generate`?');
  });

  it('lists the commands when nothing is close', async () => {
    const r = await run(['publish']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Did you mean');
    expect(r.stderr).toMatch(/Commands: generate, check, init, inspect/);
  });
});
