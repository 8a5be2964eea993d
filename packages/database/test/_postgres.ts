import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/**
 * Real PostgreSQL servers for the tests: Debian's `postgresql` package (initdb + postgres, started
 * here on a unix socket in a private temp dir, password authentication) and PGlite behind
 * @electric-sql/pglite-socket on a loopback port. Both are reached with the `pg` driver, the way
 * ormdoc reaches a user's database.
 */

export const PASSWORD = 'S3cret-p@ss:w/rd';
export const USER = 'ormdoc_owner';

/** Debian's server binaries: the newest /usr/lib/postgresql/<n>/bin with initdb (or ORMDOC_PG_BIN). */
export function postgresBin(): string | undefined {
  const explicit = process.env.ORMDOC_PG_BIN;
  if (explicit) return explicit;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/**
 * Why the Debian server tests cannot run here, or undefined when they can. On CI (CI=true) a
 * missing server is an error, never a skip.
 */
export function postgresUnavailable(): string | undefined {
  if (postgresBin()) return undefined;
  const why =
    'PostgreSQL server binaries not found (/usr/lib/postgresql/<n>/bin; apt-get install postgresql)';
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${why}: CI must run these tests.`);
  return why;
}

export interface TestServer {
  /** A connection URL (with the password) for `database`. */
  url: (database?: string) => string;
  /** Run SQL as the owner (read-write, outside ormdoc). */
  exec: (sql: string, database?: string) => Promise<void>;
  /** An open session as the owner (the caller ends it). */
  connect: (database?: string) => Promise<pg.Client>;
  stop: () => Promise<void>;
}

async function execWith(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Start Debian's PostgreSQL on a private unix socket (as the `postgres` user when run as root). */
export async function startDebianPostgres(): Promise<TestServer> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresUnavailable() ?? 'no PostgreSQL binaries');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, `${PASSWORD}\n`);
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    // setpriv execs the command itself (no parent in between), so a signal reaches the server.
    asRoot
      ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--clear-groups', '--', cmd, ...args]]
      : [cmd, args];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const [initCmd, initArgs] = wrap(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    USER,
    `--pwfile=${pwfile}`,
    '-A',
    'scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const [cmd, args] = wrap(path.join(bin, 'postgres'), [
    '-D',
    data,
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'track_counts=on',
  ]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const url = (database = 'postgres') =>
    `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@localhost/${database}?host=${encodeURIComponent(dir)}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await execWith(url(), 'SELECT 1');
      break;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    exec: (sql, database) => execWith(url(database), sql),
    connect: async (database) => {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      return client;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PGlite (PostgreSQL compiled to WASM, in this process) served on a loopback port. */
export async function startPgliteServer(): Promise<TestServer & { db: PGlite }> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  if (!port) throw new Error('pglite-socket did not report its port');
  const url = (database = 'postgres') =>
    `postgresql://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  return {
    db,
    url,
    exec: async (sql) => {
      await db.exec(sql);
    },
    connect: async (database) => {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      return client;
    },
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
