import type { DatabaseTarget } from '../connection/url.js';
import { type SessionOptions, withReadOnlySession } from '../postgres/session.js';

/** What only the database knows, read from its statistics (all numbers are the server's estimates). */
export interface Measurement {
  server: { version: string; database: string; host: string; statsSince: string | null };
  tables: Array<{
    schema: string;
    name: string;
    /** pg_class.reltuples; null when the table was never analysed. */
    rows: number | null;
    tableBytes: number;
    indexBytes: number;
    totalBytes: number;
    seqScans: number | null;
    indexScans: number | null;
    liveRows: number | null;
  }>;
  indexes: Array<{
    schema: string;
    table: string;
    name: string;
    bytes: number;
    scans: number | null;
    unique: boolean;
  }>;
}

const inSchemas = `(CASE WHEN $1::text[] IS NULL THEN n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ELSE n.nspname = ANY($1::text[]) END)`;

const SERVER = `SELECT current_setting('server_version') AS version, current_database() AS database,
  (SELECT stats_reset::text FROM pg_stat_database WHERE datname = current_database()) AS stats_reset,
  pg_postmaster_start_time()::text AS started`;

const TABLES = `SELECT n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS rows,
       pg_relation_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes, pg_total_relation_size(c.oid) AS total_bytes,
       s.seq_scan, s.idx_scan, s.n_live_tup
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
 WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition AND ${inSchemas}
 ORDER BY pg_total_relation_size(c.oid) DESC, n.nspname, c.relname`;

const INDEXES = `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, pg_relation_size(i.oid) AS bytes,
       s.idx_scan AS scans, (x.indisunique OR x.indisprimary) AS unique
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
 WHERE ${inSchemas}
 ORDER BY n.nspname, t.relname, i.relname`;

const num = (v: unknown): number => Number(v ?? 0);
const maybe = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Sizes, row estimates and index usage of a PostgreSQL database, in one read-only transaction. */
export async function measurePostgres(
  target: Extract<DatabaseTarget, { kind: 'postgresql' }>,
  options: SessionOptions & { schemas?: readonly string[] } = {},
): Promise<Measurement> {
  const params = [options.schemas?.length ? [...options.schemas] : null];
  return withReadOnlySession(target, options, async (query) => {
    const [server] = await query<Record<string, string | null>>(SERVER);
    const tables = await query<Record<string, unknown>>(TABLES, params);
    const indexes = await query<Record<string, unknown>>(INDEXES, params);
    return {
      server: {
        version: String(server?.version ?? 'unknown'),
        database: String(server?.database ?? ''),
        host: target.host.startsWith('/') ? 'localhost (unix socket)' : target.host,
        statsSince: server?.stats_reset ?? server?.started ?? null,
      },
      tables: tables.map((t) => ({
        schema: String(t.schema),
        name: String(t.name),
        rows: num(t.rows) < 0 ? null : num(t.rows),
        tableBytes: num(t.table_bytes),
        indexBytes: num(t.index_bytes),
        totalBytes: num(t.total_bytes),
        seqScans: maybe(t.seq_scan),
        indexScans: maybe(t.idx_scan),
        liveRows: maybe(t.n_live_tup),
      })),
      indexes: indexes.map((i) => ({
        schema: String(i.schema),
        table: String(i.table),
        name: String(i.name),
        bytes: num(i.bytes),
        scans: maybe(i.scans),
        unique: i.unique === true,
      })),
    };
  });
}
