import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type Connection, createConnection } from 'mysql2/promise';
import { introspectMysql } from './mysqlIntrospect.js';
import type { DbShape } from './pg.js';

/**
 * Test harness: a private MariaDB server (Debian's `mariadb-server`, the MySQL family) on a unix
 * socket in a temp directory, one per test file. `shapeOfMysqlDdl` executes DDL in a fresh
 * database and reads back the same `DbShape` as the PostgreSQL harness, so `compareShapes` works.
 */

export interface MysqlHarness {
  /** A root connection with `multipleStatements: true`. */
  connection: Connection;
  /** The server's unix socket (for ORMs that open their own connections). */
  socketPath: string;
  /** `SELECT VERSION()`, e.g. `10.11.19-MariaDB-0+deb12u1`. */
  version: string;
  /** Close the connection, kill the server, remove its files. Safe to call twice. */
  stop(): Promise<void>;
}

/** The database `shapeOfMysqlDdl` creates and uses; its tables are keyed by bare name in the shape. */
export const MYSQL_TEST_DATABASE = 'ormdoc_test';

const SYSTEM_DATABASES = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/sbin'];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return undefined;
}

/** True when a MariaDB server binary (`mariadbd`) and `mariadb-install-db` are installed. */
export function mysqlAvailable(): boolean {
  return findBinary('mariadbd') !== undefined && findBinary('mariadb-install-db') !== undefined;
}

export const MYSQL_UNAVAILABLE_REASON =
  'MariaDB server not installed (mariadbd / mariadb-install-db not found): apt-get install -y mariadb-server';

/**
 * Whether a MySQL test file should be skipped. Without a server it is skipped with a reason locally,
 * but throws when `CI` is set, so a CI run without MariaDB fails instead of passing silently.
 */
export function mysqlSkip(): { skip: boolean; title: string } {
  if (mysqlAvailable()) return { skip: false, title: 'on MariaDB' };
  if (process.env.CI)
    throw new Error(`MySQL DDL tests cannot run in CI: ${MYSQL_UNAVAILABLE_REASON} before the tests.`);
  return { skip: true, title: `(skipped: ${MYSQL_UNAVAILABLE_REASON})` };
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

async function waitFor(
  check: () => boolean,
  child: ChildProcess,
  what: string,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`mariadbd exited before ${what} (code ${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`mariadbd: timed out waiting for ${what}; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start a private MariaDB server on a unix socket (no TCP) and connect to it as root. */
export async function startMysql(): Promise<MysqlHarness> {
  const mariadbd = findBinary('mariadbd');
  const installDb = findBinary('mariadb-install-db');
  if (!mariadbd || !installDb) throw new Error(MYSQL_UNAVAILABLE_REASON);
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-mariadb-'));
  const datadir = join(dir, 'data');
  const socketPath = join(dir, 'mysql.sock');
  const logFile = join(dir, 'error.log');
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  try {
    execFileSync(
      installDb,
      [
        '--no-defaults',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        `--datadir=${datadir}`,
        ...user,
      ],
      { stdio: 'pipe' },
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`mariadb-install-db failed: ${err.stderr?.toString() || err.message}`);
  }
  installExitHook();
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${socketPath}`,
      '--skip-networking',
      ...user,
      `--pid-file=${join(dir, 'mariadbd.pid')}`,
      `--log-error=${logFile}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
      '--innodb-flush-log-at-trx-commit=0',
      '--innodb-doublewrite=0',
      '--innodb-file-per-table=0',
      '--skip-log-bin',
      '--performance-schema=OFF',
    ],
    { stdio: 'ignore' },
  );
  live.add(child);
  let stopped = false;
  let connection: Connection | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await connection?.end().catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    live.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(() => existsSync(socketPath), child, 'its socket', logFile);
    connection = await createConnection({ socketPath, user: 'root', multipleStatements: true });
    const [rows] = await connection.query('SELECT VERSION() AS v');
    const version = String((rows as Array<{ v: string }>)[0]?.v);
    return { connection, socketPath, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Drop every user database, then create and select an empty `MYSQL_TEST_DATABASE`. */
export async function resetMysql(h: MysqlHarness): Promise<void> {
  const [rows] = await h.connection.query('SHOW DATABASES');
  const dbs = (rows as Array<{ Database: string }>)
    .map((r) => r.Database)
    .filter((d) => !SYSTEM_DATABASES.has(d));
  const drops = dbs.map((d) => `DROP DATABASE \`${d.replace(/`/g, '``')}\`;`).join('\n');
  // Databases may reference each other: drop them without FK checks.
  await h.connection.query(
    `SET FOREIGN_KEY_CHECKS = 0;\n${drops}\nSET FOREIGN_KEY_CHECKS = 1;\nCREATE DATABASE ${MYSQL_TEST_DATABASE}; USE ${MYSQL_TEST_DATABASE};`,
  );
}

/** Reset, execute `ddl`, and return the shape of what it created. Errors carry the failing DDL. */
export async function shapeOfMysqlDdl(h: MysqlHarness, ddl: string): Promise<DbShape> {
  await resetMysql(h);
  if (ddl.trim() !== '') {
    try {
      await h.connection.query(ddl);
    } catch (e) {
      throw new Error(`DDL failed on MariaDB ${h.version}: ${(e as Error).message}\n--- DDL ---\n${ddl}`);
    }
  }
  return introspectMysql(h);
}

export { canonicalMysqlType, introspectMysql, normalizeMysqlDefault } from './mysqlIntrospect.js';
export { expectedType as expectedMysqlType, mysqlShapeMismatches } from './mysqlIrFacts.js';

/**
 * MariaDB has no functional key parts (`CREATE INDEX i ON t ((lower(x)))`, MySQL 8.0.13+): the
 * statements are turned into comments so the rest of a MySQL 8 script can run on MariaDB.
 * Returns the script and the names of the indexes left out.
 */
export function withoutExpressionIndexes(ddl: string): { ddl: string; skipped: string[] } {
  const skipped: string[] = [];
  const out = ddl.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON .*\(\(.*$/gm, (line, _u, name: string) => {
    skipped.push(name);
    return `-- (MySQL 8 only) ${line}`;
  });
  return { ddl: out, skipped };
}
