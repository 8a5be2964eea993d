import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectDatabase, parseDatabaseUrl, redact, secretsOf } from '../src/index.js';
import { withReadOnlySession } from '../src/postgres/session.js';
import {
  PASSWORD,
  postgresUnavailable,
  startDebianPostgres,
  startPgliteServer,
  type TestServer,
} from './_postgres.js';

/** ormdoc never writes to a database, and never shows a password. */

async function failure(p: Promise<unknown>): Promise<OrmdocError> {
  try {
    await p;
  } catch (e) {
    if (isOrmdocError(e)) return e;
    throw e;
  }
  throw new Error('expected an OrmdocError');
}

const textOf = (e: OrmdocError) => [e.message, e.hint ?? '', ...e.details, e.stack ?? ''].join('\n');

describe('redact', () => {
  it.each([
    ['postgres://me:hunter2@db/app', 'postgres://me:***@db/app'],
    ['connect to postgresql://u:p%40ss@h:5432/x failed', 'connect to postgresql://u:***@h:5432/x failed'],
    ['host=db password=hunter2 user=me', 'host=db password=*** user=me'],
    [
      'postgres://db/app?user=me&password=hunter2&sslmode=require',
      'postgres://db/app?user=me&password=***&sslmode=require',
    ],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it("masks the URL's password wherever a message quotes it, encoded or decoded", () => {
    const url = 'postgres://me:p%40ss%20word@db/app';
    expect(secretsOf(url)).toEqual(['p%40ss%20word', 'p@ss word']);
    expect(redact('password "p@ss word" rejected; p%40ss%20word', secretsOf(url))).toBe(
      'password "***" rejected; ***',
    );
  });

  it('labels hold host and database only', () => {
    const t = parseDatabaseUrl(
      `postgresql://me:${encodeURIComponent(PASSWORD)}@db.example.com:6543/app?sslmode=require`,
      '/',
    );
    expect(t.label).toBe('postgresql://db.example.com/app');
    expect(JSON.stringify({ ...t, url: undefined, secrets: undefined })).not.toContain(PASSWORD);
  });
});

/** The TLS options pg.Client takes from a URL (it parses sslmode with pg-connection-string). */
const sslOf = (url: string) =>
  (new pg.Client({ connectionString: url }) as unknown as { connectionParameters: { ssl: unknown } })
    .connectionParameters.ssl;

describe('sslmode in the URL, as pg.Client reads it', () => {
  it.each([
    ['disable', false],
    ['no-verify', { rejectUnauthorized: false }],
    ['verify-full', {}],
    ['require', {}], // pg 8: an alias of verify-full (a process warning says so, without the URL)
  ])('sslmode=%s', (mode, ssl) => {
    expect(sslOf(`postgres://u@h/db?sslmode=${mode}`)).toEqual(ssl);
  });

  it('require: TLS without certificate checks only with uselibpqcompat=true (libpq semantics)', () => {
    expect(sslOf('postgres://u@h/db?sslmode=require&uselibpqcompat=true')).toEqual({
      rejectUnauthorized: false,
    });
  });
});

const SERVERS: Array<{ name: string; start: () => Promise<TestServer>; unavailable?: string }> = [
  { name: "Debian's PostgreSQL", start: startDebianPostgres, unavailable: postgresUnavailable() },
  { name: 'PGlite', start: startPgliteServer },
];

for (const s of SERVERS)
  describe.skipIf(s.unavailable)(`read-only session on ${s.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await s.start();
      await server.exec('CREATE TABLE kept (id int); INSERT INTO kept VALUES (1);');
    });
    afterAll(() => server?.stop());

    it.each([
      'CREATE TABLE written (id int)',
      'INSERT INTO kept VALUES (2)',
      'UPDATE kept SET id = 3',
      'DROP TABLE kept',
    ])('%s is refused by the database, and nothing changes', async (sql) => {
      const target = parseDatabaseUrl(server.url(), '/');
      if (target.kind !== 'postgresql') throw new Error('expected a PostgreSQL target');
      const e = await failure(withReadOnlySession(target, {}, (query) => query(sql)));
      expect(e.code).toBe('DATABASE_ERROR');
      expect(e.message).toMatch(/refused a write in ormdoc's read-only transaction/);
      const owner = await server.connect();
      try {
        const { rows } = await owner.query(
          "SELECT (SELECT count(*) FROM kept)::int AS n, (SELECT max(id) FROM kept) AS max, to_regclass('written') IS NULL AS absent",
        );
        expect(rows[0]).toEqual({ n: 1, max: 1, absent: true });
      } finally {
        await owner.end();
      }
    });
  });

describe.skipIf(postgresUnavailable())('TLS and errors that could echo the URL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startDebianPostgres();
  });
  afterAll(() => server?.stop());

  it('sslmode=verify-full against a server without TLS: a TLS error, redacted', async () => {
    const e = await failure(introspectDatabase(parseDatabaseUrl(`${server.url()}&sslmode=verify-full`, '/')));
    expect(e.message).toMatch(/TLS connection to postgresql:\/\/localhost\/postgres failed/);
    expect(textOf(e)).not.toContain(PASSWORD);
    expect(textOf(e)).not.toContain(encodeURIComponent(PASSWORD));
  });
});
