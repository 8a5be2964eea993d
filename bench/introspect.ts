/**
 * The cost of reading a live PostgreSQL catalog into the IR (issue 22): Debian's PostgreSQL is
 * started on a private unix socket (packages/database/test/_postgres.ts), N tables are created
 * (12 columns each: serial PK, varchar, text, enum, numeric, jsonb, timestamps with defaults; a
 * unique key, an index, a FK to an earlier table every other table, a CHECK), then
 * `introspectDatabase` reads them all: one connection, one read-only transaction, 11 catalog
 * queries. Prints the first (cold: driver import, connection) and warm (median) times.
 *
 *   node_modules/.bin/tsx bench/introspect.ts [tables=1000] [runs=5]
 */
import { introspectDatabase, parseDatabaseUrl } from '../packages/database/src/index.js';
import { startDebianPostgres } from '../packages/database/test/_postgres.js';

const count = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 5);

function table(i: number): string {
  const fk =
    i > 0 && i % 2 === 0 ? `,\n  parent_id integer REFERENCES t_${i - 1} (id) ON DELETE CASCADE` : '';
  return `CREATE TABLE t_${i} (
  id serial PRIMARY KEY,
  code varchar(32) NOT NULL UNIQUE,
  name varchar(200) NOT NULL,
  body text,
  state state NOT NULL DEFAULT 'active',
  amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  data jsonb NOT NULL DEFAULT '{}',
  tags text[],
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()${fk}
);
CREATE INDEX t_${i}_name_idx ON t_${i} (name, created_at DESC);
COMMENT ON TABLE t_${i} IS 'table ${i}';`;
}

const server = await startDebianPostgres();
try {
  const sql = [`CREATE TYPE state AS ENUM ('active', 'paused', 'closed');`];
  for (let i = 0; i < count; i++) sql.push(table(i));
  const started = performance.now();
  for (let i = 0; i < sql.length; i += 200) await server.exec(sql.slice(i, i + 200).join('\n'));
  console.log(`created ${count} tables in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const target = parseDatabaseUrl(server.url(), process.cwd());
  const times: number[] = [];
  let tables = 0;
  let columns = 0;
  for (let r = 0; r <= runs; r++) {
    const t0 = performance.now();
    const { ir } = await introspectDatabase(target);
    times.push(performance.now() - t0);
    tables = ir.tables.length;
    columns = ir.tables.reduce((n, t) => n + t.columns.length, 0);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? cold!;
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `introspected ${tables} tables, ${columns} columns: cold ${(cold! / 1000).toFixed(2)} s, warm median ${(median / 1000).toFixed(2)} s (${runs} runs), RSS ${rss} MiB`,
  );
  if (tables !== count) throw new Error(`expected ${count} tables, read ${tables}`);
} finally {
  await server.stop();
}
