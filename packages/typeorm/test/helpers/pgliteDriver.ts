import type { PGlite } from '@electric-sql/pglite';

type Callback = (error: Error | null, result?: PgResult) => void;
interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

/**
 * A `pg`-shaped module backed by PGlite, handed to TypeORM as its `driver` option: TypeORM's real
 * PostgresDriver and PostgresQueryRunner then run their own schema synchronisation on a real
 * PostgreSQL (PGlite) with no server and no `pg` package. Queries without parameters may hold several
 * statements (TypeORM sends `CREATE TABLE ...; COMMENT ON ...` as one), as with pg's simple protocol.
 */
export function pgliteAsPg(db: PGlite) {
  const run = async (text: string, params?: unknown[]): Promise<PgResult> => {
    const command = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '';
    if (params && params.length > 0) {
      const r = await db.query(text, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, command };
    }
    const results = await db.exec(text);
    const last = results[results.length - 1];
    return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0, command };
  };
  const client = {
    query(
      text: string | { text: string; values?: unknown[] },
      a?: unknown,
      b?: unknown,
    ): Promise<PgResult> | undefined {
      const sql = typeof text === 'string' ? text : text.text;
      const params = typeof text === 'string' ? (Array.isArray(a) ? a : undefined) : text.values;
      const cb = (typeof a === 'function' ? a : typeof b === 'function' ? b : undefined) as
        | Callback
        | undefined;
      const p = run(sql, params);
      if (!cb) return p;
      p.then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
      return undefined;
    },
    on() {
      return client;
    },
    removeListener() {
      return client;
    },
    release() {},
  };
  class Pool {
    on() {
      return this;
    }
    connect(cb?: (e: Error | null, c: typeof client, release: () => void) => void) {
      if (cb) cb(null, client, () => {});
      else return Promise.resolve(client);
      return undefined;
    }
    end(cb?: () => void) {
      cb?.();
      return Promise.resolve();
    }
  }
  return { Pool, Client: Pool, defaults: {} };
}
