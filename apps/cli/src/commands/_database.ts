import type { Ir } from '@ormdoc/core';
import { OrmdocError } from '@ormdoc/core';
import type { ArgsDef } from 'citty';
import type { CommandContext } from '../context.js';

/** The environment variable read when --database-url is not given (the safer way: no password in `ps`). */
export const DATABASE_URL_ENV = 'ORMDOC_DATABASE_URL';

/** Flags that point at a live database. */
export const databaseArgs = {
  'database-url': {
    type: 'string',
    description: `Live database: postgres://user@host:5432/db (?sslmode=...), or a SQLite file (default: $${DATABASE_URL_ENV})`,
    valueHint: 'url',
  },
  'database-schema': {
    type: 'string',
    description: 'PostgreSQL schemas to read, comma-separated (default: every user schema)',
    valueHint: 'names',
  },
  'database-timeout': {
    type: 'string',
    description: 'Statement timeout of the catalog queries, in ms (default 30000)',
    valueHint: 'ms',
  },
} as const satisfies ArgsDef;

export type DatabaseModule = typeof import('@ormdoc/database');

/** The database URL from the flag or the environment, or undefined. */
export function databaseUrlOf(ctx: CommandContext, args: Record<string, unknown>): string | undefined {
  const flag = args['database-url'];
  if (typeof flag === 'string' && flag.trim()) return flag;
  const env = ctx.io.env[DATABASE_URL_ENV];
  return env?.trim() ? env : undefined;
}

/**
 * Read the live database into the IR (imported on demand: commands without a database never load
 * the driver). Every failure is an OrmdocError whose text holds no password.
 */
export async function readDatabase(
  ctx: CommandContext,
  args: Record<string, unknown>,
  url: string,
  orm: Ir['source']['orm'],
): Promise<{
  ir: Ir;
  server: Awaited<ReturnType<DatabaseModule['introspectDatabase']>>['server'];
  db: DatabaseModule;
}> {
  const db = await import('@ormdoc/database');
  const target = db.parseDatabaseUrl(url, ctx.cwd);
  const timeout = args['database-timeout'];
  let statementTimeoutMs: number | undefined;
  if (typeof timeout === 'string' && timeout) {
    statementTimeoutMs = Number(timeout);
    if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs <= 0)
      throw new OrmdocError('CONFIG_INVALID', `--database-timeout ${timeout}: not a positive number of ms.`, {
        hint: 'e.g. --database-timeout 60000',
      });
  }
  const schemaFlag = args['database-schema'];
  const schemas =
    typeof schemaFlag === 'string' && schemaFlag
      ? schemaFlag
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  const { ir, server } = await ctx.progress.phase(
    'load',
    () =>
      db.introspectDatabase(target, {
        orm,
        ...(schemas ? { schemas } : {}),
        ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
      }),
    (r) => `database: ${r.ir.tables.length} tables read from ${r.server.label}`,
  );
  return { ir, server, db };
}
