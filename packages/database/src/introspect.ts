import type { DatabaseTarget } from './connection/url.js';
import { type Introspection, type IntrospectOptions, introspectPostgres } from './postgres/introspect.js';

/** Read a live database (PostgreSQL server or SQLite file) into the IR. */
export async function introspectDatabase(
  target: DatabaseTarget,
  options: IntrospectOptions = {},
): Promise<Introspection> {
  if (target.kind === 'postgresql') return introspectPostgres(target, options);
  const { introspectSqlite } = await import('./sqlite/introspect.js');
  return introspectSqlite(target, options);
}
