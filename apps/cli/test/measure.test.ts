import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  postgresUnavailable,
  startDebianPostgres,
  type TestServer,
} from '../../../packages/database/test/_postgres.js';
import { makeProject, ROOT, removeProject, runMain } from './_harness.js';

/**
 * `generate --database-url`: the documents gain what only the database knows (server version,
 * row estimates, sizes, unused indexes, sequential-scan-heavy tables) in `measured:` regions, which
 * `check` and later runs without a database leave alone. Debian's PostgreSQL on a unix socket.
 */

const PRISMA = join(ROOT, 'examples/prisma');
const unavailable = postgresUnavailable();

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  // The stamp is the writer's bookkeeping (a measured run writes none), not a document.
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name !== '.ormdoc-stamp')
      out.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  return out;
}

describe.skipIf(unavailable)(
  `generate --database-url${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let server: TestServer;
    let project: string;
    const migration = readFileSync(join(PRISMA, 'migrations/20250101000000_init/migration.sql'), 'utf8');

    beforeAll(async () => {
      server = await startDebianPostgres();
      await server.exec('CREATE DATABASE app');
      await server.exec(migration, 'app');
      // Rows, statistics, and a workload: users read by sequential scans, the users_email index never used.
      await server.exec(
        `INSERT INTO users (email, display_name, updated_at)
         SELECT 'u' || i || '@example.com', 'User ' || i, now() FROM generate_series(1, 5000) i;
       ANALYZE;`,
        'app',
      );
      const client = await server.connect('app');
      try {
        await client.query('SET enable_indexscan = off; SET enable_bitmapscan = off;');
        for (let i = 0; i < 5; i++)
          await client.query(`SELECT count(*) FROM users WHERE display_name = 'User ${i}'`);
      } finally {
        await client.end();
      }
      project = makeProject({
        'schema.prisma': readFileSync(join(PRISMA, 'schema.prisma'), 'utf8'),
        'migrations/20250101000000_init/migration.sql': migration,
        'ormdoc.config.json': JSON.stringify({ history: { changelog: 'off' } }),
      });
    });
    afterAll(async () => {
      await server?.stop();
      if (project) removeProject(project);
    });

    it('adds measured regions; check and a run without a database keep them; no password anywhere', async () => {
      const run = await runMain(['generate', '--database-url', server.url('app')], project);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const docs = join(project, 'docs/database');
      const overview = readFileSync(join(docs, 'overview.md'), 'utf8');
      const architecture = readFileSync(join(docs, 'architecture.md'), 'utf8');

      const region =
        /<!-- ormdoc:begin measured:performance -->\n([\s\S]*?)\n<!-- ormdoc:end measured:performance -->/.exec(
          overview,
        )?.[1];
      expect(region).toMatch(/^_Measured on localhost \(unix socket\), \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(region).toMatch(/\| `users` \| ~5,000 \| \d+ kB \| \d+ kB \| \d+ kB \|/);
      expect(region).toMatch(/- `users_email_key`|Unused indexes\*\* \(never scanned/);
      expect(region).toMatch(/- `users`: \d+ sequential vs 0 index scans, ~5,000 rows/);
      // In the Performance section: after its heading, before the next one.
      const at = overview.indexOf('measured:performance');
      expect(overview.lastIndexOf('## Performance Considerations', at)).toBeGreaterThan(
        overview.lastIndexOf('\n## ', at) - 1,
      );
      expect(architecture).toMatch(
        /<!-- ormdoc:begin measured:server -->\n\*\*Server \(measured on localhost \(unix socket\), [^)]+\):\*\* PostgreSQL 1\d\.\d+/,
      );

      const written = readTree(docs);
      for (const [file, text] of written) {
        expect(text, file).not.toContain(PASSWORD);
        expect(text, file).not.toContain(encodeURIComponent(PASSWORD));
      }

      const check = await runMain(['check'], project);
      expect(check.code).toBe(0);
      const plain = await runMain(['generate'], project);
      expect(plain.code).toBe(0);
      expect(readTree(docs)).toEqual(written);
    });

    it('--measure without a database URL is a clear error', async () => {
      const run = await runMain(['generate', '--measure'], project);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/--measure needs a database[\s\S]*ORMDOC_DATABASE_URL/);
    });
  },
);
