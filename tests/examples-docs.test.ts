import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../apps/cli/src/index.js';
import { ensureBuilt } from '../apps/cli/test/_harness.js';
import { type ExampleOrm, exampleDir } from './examples.js';

/**
 * The committed documents of every example (examples/<orm>/docs/database) are exactly what
 * `ormdoc generate --cwd examples/<orm>` writes: this runs the CLI's own `main` in check mode, so CI
 * fails when they are stale. `ORMDOC_UPDATE_EXAMPLES=1` regenerates them instead (then review the diff).
 */

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a test-only switch, never read by a turbo task
const UPDATE = process.env.ORMDOC_UPDATE_EXAMPLES === '1';

interface Example {
  orm: ExampleOrm;
  /** The document title (drizzle: from the `withOrmdoc` options in drizzle.config.ts). */
  title: string;
  /** A fact the example's ormdoc config fills in, and the `project.*` key it fills. */
  fact: { key: string; text: string };
}

const EXAMPLES: Example[] = [
  {
    orm: 'prisma',
    title: 'Publishing platform (Prisma)',
    fact: { key: 'rpo', text: '5 minutes' },
  },
  {
    orm: 'drizzle',
    title: 'Publishing platform (Drizzle)',
    fact: { key: 'hosting', text: 'Neon serverless PostgreSQL 16' },
  },
  {
    orm: 'typeorm',
    title: 'Publishing platform (TypeORM)',
    fact: { key: 'backups', text: 'Cloud SQL automated daily backups' },
  },
  {
    orm: 'sqlmodel',
    title: 'Publishing platform (SQLModel)',
    fact: { key: 'compliance', text: 'GDPR: personal data' },
  },
];

function captureIo(): { io: CliIo; output: () => string } {
  let text = '';
  const io: CliIo = {
    stdout: (t) => {
      text += t;
    },
    stderr: (t) => {
      text += t;
    },
    stderrIsTTY: false,
    stdoutIsTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  return { io, output: () => text };
}

const docsDir = (orm: ExampleOrm) => join(exampleDir(orm), 'docs', 'database');

beforeAll(() => {
  // The examples' ormdoc.config.ts import `defineConfig` from 'ormdoc', which the CLI maps to its
  // own entry; loaded outside vitest (by c12), that entry reads the built @ormdoc packages.
  ensureBuilt();
});

for (const { orm, title, fact } of EXAMPLES) {
  describe(`examples/${orm}/docs/database`, () => {
    it(`is current: \`ormdoc check --cwd examples/${orm}\` exits 0 (ORMDOC_UPDATE_EXAMPLES=1 regenerates)`, async () => {
      const { io, output } = captureIo();
      const code = await main([UPDATE ? 'generate' : 'check', '--cwd', exampleDir(orm)], io);
      expect(
        code,
        `${output()}\nRegenerate with ORMDOC_UPDATE_EXAMPLES=1 (or \`pnpm ormdoc generate --cwd examples/${orm}\`) and review the diff.`,
      ).toBe(0);
      if (!UPDATE)
        expect(output()).toMatch(/^ormdoc check: ok, \d+ documents in docs\/database up to date\.$/m);
    });

    it('shows the facts its config gives and counts a TODO for each one it does not', () => {
      const files = readdirSync(docsDir(orm)).filter((f) => f.endsWith('.md'));
      expect(files).toEqual(
        expect.arrayContaining([
          'overview.md',
          'schema.md',
          'design.md',
          'target-state.md',
          'architecture.md',
        ]),
      );
      const docs = files.map((f) => readFileSync(join(docsDir(orm), f), 'utf8')).join('\n');
      expect(docs).toContain(`# ${title}`);
      expect(docs).toContain(fact.text);
      // A fact that is set is never asked for; the ones left out are TODOs a person fills in.
      expect(docs).not.toContain(`set \`project.${fact.key}\``);
      expect(docs).toMatch(/TODO\(ormdoc\):.*set `project\.tuning`/);
    });
  });
}
