import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  postgresUnavailable,
  startDebianPostgres,
  type TestServer,
  USER,
} from '../../../packages/database/test/_postgres.js';
import { writeSqliteFile } from '../../../packages/database/test/_sqlite.js';
import { ROOT, runMain } from './_harness.js';

/**
 * `ormdoc drift` end to end through `main`, against Debian's PostgreSQL started on a private unix
 * socket: the Prisma example's migrations applied, then drift made by hand. Every failure is exit 1
 * with a message that names the problem, holds no password, and has no stack without --verbose.
 */

const PRISMA = join(ROOT, 'examples/prisma');
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD)];

function expectNoSecret(run: { stdout: string; stderr: string }) {
  for (const s of SECRETS) {
    expect(run.stdout).not.toContain(s);
    expect(run.stderr).not.toContain(s);
  }
}

function expectCleanFailure(run: { code: number; stdout: string; stderr: string }, says: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expectNoSecret(run);
}

describe('ormdoc drift: input that needs no server', () => {
  it('without a URL names the flag and the environment variable', async () => {
    const run = await runMain(['drift'], PRISMA);
    expectCleanFailure(run, /needs a database[\s\S]*ORMDOC_DATABASE_URL/);
  });

  it('a PostgreSQL schema against a SQLite file: the dialects differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ormdoc-drift-'));
    try {
      await writeSqliteFile(join(dir, 'dev.db'), 'CREATE TABLE t (id integer PRIMARY KEY)');
      const run = await runMain(['drift', '--database-url', join(dir, 'dev.db')], PRISMA);
      expectCleanFailure(
        run,
        /The schema is written for postgresql, but sqlite:.*dev\.db is a sqlite database/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['mysql://root:hunter2@db/app', /MySQL and MariaDB databases are not yet supported/],
    ['ftp://me:hunter2@host/db', /Unsupported database URL scheme "ftp"/],
  ])('%s: exit 1, password redacted', async (url, says) => {
    const run = await runMain(['drift', '--database-url', url], PRISMA);
    expectCleanFailure(run, says);
    expect(run.stderr).not.toContain('hunter2');
  });
});

const unavailable = postgresUnavailable();
describe.skipIf(unavailable)(
  `ormdoc drift on Debian's PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let server: TestServer;
    const migrations = readdirSync(join(PRISMA, 'migrations'))
      .filter((d) => !d.endsWith('.toml'))
      .sort()
      .map((d) => readFileSync(join(PRISMA, 'migrations', d, 'migration.sql'), 'utf8'))
      .join('\n');

    beforeAll(async () => {
      server = await startDebianPostgres();
      await server.exec('CREATE DATABASE app');
      await server.exec(migrations, 'app');
    });
    afterAll(() => server?.stop());

    it('an untouched database: no drift, exit 0 even with --fail-on-drift', async () => {
      const run = await runMain(['drift', '--fail-on-drift'], PRISMA, {
        ORMDOC_DATABASE_URL: server.url('app'),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('No drift: the database matches the prisma schema.');
      expectNoSecret(run);
    });

    describe('after hand-made drift', () => {
      beforeAll(async () => {
        await server.exec(
          'CREATE INDEX hand_made ON users (display_name); ALTER TABLE users ALTER COLUMN is_active SET DEFAULT false;',
          'app',
        );
      });

      it('Markdown by table, each difference classed; --fail-on-drift exits 1', async () => {
        const run = await runMain(['drift', '--database-url', server.url('app'), '--fail-on-drift'], PRISMA);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('# Drift: prisma schema vs postgresql://localhost/app');
        expect(run.stdout).toContain('## `users`');
        expect(run.stdout).toMatch(/\| only in the database \| index dropped `hand_made` \|.*🟢 harmless/);
        expect(run.stdout).toMatch(
          /\| differs \| column default changed `is_active` \| `false` \| `true` \|.*needs migration/,
        );
        expectNoSecret(run);
      });

      it('JSON carries the same items, and the label has no credentials', async () => {
        const run = await runMain(['drift', '--format', 'json'], PRISMA, {
          ORMDOC_DATABASE_URL: server.url('app'),
        });
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout);
        expect(report.database).toBe('postgresql://localhost/app');
        expect(report.summary).toMatchObject({
          differences: 2,
          harmless: 1,
          'needs-migration': 1,
          dangerous: 0,
        });
        expectNoSecret(run);
      });
    });

    describe('bad input: exit 1, clear and redacted', () => {
      const url = (over: { user?: string; password?: string; database?: string; host?: string }) =>
        `postgresql://${over.user ?? USER}:${encodeURIComponent(over.password ?? PASSWORD)}@localhost/${over.database ?? 'app'}?host=${encodeURIComponent(over.host ?? new URL(server.url()).searchParams.get('host')!)}`;

      it('unreachable host', async () => {
        const run = await runMain(
          ['drift', '--database-url', `postgresql://me:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/app`],
          PRISMA,
        );
        expectCleanFailure(
          run,
          /Cannot reach the database server of postgresql:\/\/127\.0\.0\.1\/app \(ECONNREFUSED\)/,
        );
      });

      it('wrong password (the wrong one is not printed either)', async () => {
        const run = await runMain(
          ['drift', '--database-url', url({ password: 'not-the-password-42' })],
          PRISMA,
        );
        expectCleanFailure(run, /Authentication failed for postgresql:\/\/localhost\/app/);
        expect(run.stderr).not.toContain('not-the-password-42');
      });

      it('database missing', async () => {
        const run = await runMain(['drift', '--database-url', url({ database: 'nope' })], PRISMA);
        expectCleanFailure(run, /The database of postgresql:\/\/localhost\/nope does not exist/);
      });

      it('no permission on the catalog', async () => {
        await server.exec('CREATE DATABASE locked');
        await server.exec(`CREATE ROLE reader LOGIN PASSWORD '${PASSWORD}'`);
        await server.exec('REVOKE SELECT ON pg_catalog.pg_proc FROM PUBLIC;', 'locked');
        const run = await runMain(
          ['drift', '--database-url', url({ user: 'reader', database: 'locked' })],
          PRISMA,
        );
        expectCleanFailure(run, /No permission to read the catalog of postgresql:\/\/localhost\/locked/);
      });

      it('statement timeout', async () => {
        // Another session holds a view locked: reading its definition waits until the timeout.
        await server.exec('CREATE VIEW active_users AS SELECT id FROM users;', 'app');
        const holder = await server.connect('app');
        try {
          await holder.query('BEGIN; LOCK TABLE active_users IN ACCESS EXCLUSIVE MODE;');
          const run = await runMain(
            ['drift', '--database-url', server.url('app'), '--database-timeout', '300'],
            PRISMA,
          );
          expectCleanFailure(run, /hit the statement timeout[\s\S]*--database-timeout/);
        } finally {
          await holder.query('ROLLBACK');
          await holder.end();
        }
      });

      it('--verbose adds the stack, still without the password', async () => {
        const run = await runMain(
          ['drift', '--verbose', '--database-url', url({ password: 'wrong-again' })],
          PRISMA,
        );
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/\n\s+at .+:\d+:\d+/);
        expectNoSecret(run);
        expect(run.stderr).not.toContain('wrong-again');
      });
    });
  },
);
