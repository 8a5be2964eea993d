import { OrmdocError } from '@ormdoc/core';
import type { DatabaseTarget } from '../connection/url.js';
import type { Introspection, IntrospectOptions } from '../postgres/introspect.js';

/** Read a SQLite file into the IR. */
export async function introspectSqlite(
  target: Extract<DatabaseTarget, { kind: 'sqlite' }>,
  _options: IntrospectOptions,
): Promise<Introspection> {
  throw new OrmdocError('UNSUPPORTED', `SQLite databases are not yet supported (${target.label}).`, {
    hint: 'ormdoc reads live PostgreSQL databases today (postgres://...).',
  });
}
