import { isOrmdocError } from '@ormdoc/core';
import type { DatabaseTarget } from '../connection/url.js';
import { databaseError } from './errors.js';

export interface SessionOptions {
  /** Per-statement limit, ms (default 30 s). */
  statementTimeoutMs?: number;
  /** Limit for connecting, ms (default 10 s). */
  connectTimeoutMs?: number;
}

/** Run a parameterised query in the session: the rows. */
export type Query = <R>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/**
 * Open one connection and run `work` in ONE read-only transaction (REPEATABLE READ, so every
 * catalog query sees the same snapshot) with a local statement timeout, then roll back. The
 * database refuses any write in it (SQLSTATE 25006). Errors come back as redacted OrmdocErrors.
 */
export async function withReadOnlySession<T>(
  target: Extract<DatabaseTarget, { kind: 'postgresql' }>,
  options: SessionOptions,
  work: (query: Query) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: target.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'ormdoc',
  });
  // A socket error after connecting is reported by the failing query; without a listener it would crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw databaseError(error, target);
  }
  const query: Query = async <R>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, params as unknown[])).rows as R[];
  try {
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SELECT set_config('statement_timeout', $1, true)`, [
      String(options.statementTimeoutMs ?? 30_000),
    ]);
    return await work(query);
  } catch (error) {
    throw isOrmdocError(error) ? error : databaseError(error, target);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end().catch(() => {});
  }
}
