import { isAbsolute, resolve } from 'node:path';
import { OrmdocError } from '@ormdoc/core';
import { redact, secretsOf } from './redact.js';

/** The environment variable `--database-url` falls back to. */
export const DATABASE_URL_ENV = 'ORMDOC_DATABASE_URL';

/** Where a live database is: what ormdoc reads, with a label that never holds a password. */
export type DatabaseTarget =
  | { kind: 'postgresql'; url: string; label: string; host: string; secrets: string[] }
  | { kind: 'sqlite'; file: string; label: string; host: string; secrets: string[] };

const POSTGRES = new Set(['postgres:', 'postgresql:']);
const MYSQL = new Set(['mysql:', 'mariadb:', 'mysql2:']);

/**
 * Read a connection string: `postgres://` / `postgresql://` URLs, `sqlite:` URLs or a SQLite file
 * path. MySQL/MariaDB and other schemes are refused with an OrmdocError (exit 1) whose message
 * holds no password.
 */
export function parseDatabaseUrl(input: string, cwd: string): DatabaseTarget {
  const text = input.trim();
  const secrets = secretsOf(text);
  if (!text)
    throw new OrmdocError('INPUT_NOT_FOUND', 'The database URL is empty.', {
      hint: `Pass --database-url postgres://user@host/db or set ${DATABASE_URL_ENV}.`,
    });
  const scheme = /^([a-z][a-z0-9+.-]*:)(\/\/)?/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined || (scheme.length === 2 && /^[a-z]:$/.test(scheme))) {
    // A plain path (C:\... included): a SQLite file.
    const file = isAbsolute(text) ? text : resolve(cwd, text);
    return { kind: 'sqlite', file, label: `sqlite:${text}`, host: 'localhost', secrets };
  }
  if (POSTGRES.has(scheme)) {
    let host = 'localhost';
    let database = '';
    try {
      const parsed = new URL(text);
      // pg takes ?host= over the URL's host (a unix socket directory, e.g. ?host=/var/run/postgresql).
      host = parsed.searchParams.get('host') || decodeURIComponent(parsed.hostname) || 'localhost';
      database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    } catch {
      throw new OrmdocError(
        'INPUT_NOT_FOUND',
        `The database URL is not a valid URL: ${redact(text, secrets)}`,
        {
          hint: 'Write it as postgres://user:password@host:5432/database (percent-encode special characters).',
        },
      );
    }
    const label = `postgresql://${host.startsWith('/') ? 'localhost' : host}/${database}`;
    return { kind: 'postgresql', url: text, label, host, secrets };
  }
  if (scheme === 'sqlite:' || scheme === 'file:') {
    const rest = text.slice(scheme.length).replace(/^\/\//, '').replace(/\?.*$/, '');
    const file = isAbsolute(rest) ? rest : resolve(cwd, rest);
    return { kind: 'sqlite', file, label: `sqlite:${rest}`, host: 'localhost', secrets };
  }
  if (MYSQL.has(scheme))
    throw new OrmdocError('UNSUPPORTED', 'MySQL and MariaDB databases are not yet supported.', {
      hint: 'ormdoc reads live PostgreSQL (postgres://...) and SQLite (a file path) databases today.',
    });
  throw new OrmdocError('UNSUPPORTED', `Unsupported database URL scheme "${scheme.slice(0, -1)}".`, {
    hint: 'Use postgres://user@host:5432/database, postgresql://..., or a SQLite file path (sqlite:./dev.db).',
  });
}
