import { type Ir, type MeasuredSection, OrmdocError } from '@ormdoc/core';
import type { ArgsDef } from 'citty';
import type { CommandContext } from '../context.js';
import { addDevCommand, locatePackage, packageManagerOf } from '../pipeline/locate.js';

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

const DATABASE_PACKAGE = '@ormdoc/database';

/**
 * @ormdoc/database (the PostgreSQL driver and SQLite reader: ~30 MB) is an optional peer, installed
 * only by those who read a live database. Found like an extractor: the project's copy first, then
 * ormdoc's own (`locatePackage`); neither is a clear exit 1 that says what to install.
 */
export async function importDatabase(ctx: CommandContext, command: string): Promise<DatabaseModule> {
  const located = locatePackage(DATABASE_PACKAGE, ctx.cwd, import.meta.url);
  if (located.where === 'project') return (await import(located.entry)) as DatabaseModule;
  if (located.where === 'self') return import('@ormdoc/database');
  throw databaseNotInstalled(ctx.cwd, command);
}

/**
 * The error for `@ormdoc/database` installed neither in the project nor beside ormdoc; `command`
 * is what was run after `ormdoc` (`drift`, `generate --database-url`).
 */
export function databaseNotInstalled(cwd: string, command: string): OrmdocError {
  const add = addDevCommand(packageManagerOf(cwd), DATABASE_PACKAGE);
  return new OrmdocError(
    'DEPENDENCY_MISSING',
    `\`ormdoc ${command}\` reads a live database with ${DATABASE_PACKAGE}, which is not installed (found neither in this project nor beside ormdoc).`,
    { hint: `${add} (or run once with npx -p ormdoc -p ${DATABASE_PACKAGE} ormdoc ${command} ...).` },
  );
}

/** --database-schema and --database-timeout, checked. */
function sessionOptions(args: Record<string, unknown>): { schemas?: string[]; statementTimeoutMs?: number } {
  const out: { schemas?: string[]; statementTimeoutMs?: number } = {};
  const timeout = args['database-timeout'];
  if (typeof timeout === 'string' && timeout) {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms <= 0)
      throw new OrmdocError('CONFIG_INVALID', `--database-timeout ${timeout}: not a positive number of ms.`, {
        hint: 'e.g. --database-timeout 60000',
      });
    out.statementTimeoutMs = ms;
  }
  const schemaFlag = args['database-schema'];
  if (typeof schemaFlag === 'string' && schemaFlag)
    out.schemas = schemaFlag
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return out;
}

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
  command: string,
): Promise<{
  ir: Ir;
  server: Awaited<ReturnType<DatabaseModule['introspectDatabase']>>['server'];
  db: DatabaseModule;
}> {
  const db = await importDatabase(ctx, command);
  const target = db.parseDatabaseUrl(url, ctx.cwd);
  const { schemas, statementTimeoutMs } = sessionOptions(args);
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

/** The flags of `generate` that add measurements of a live database (opt-in). */
export const measureArgs = {
  ...databaseArgs,
  'database-url': {
    type: 'string',
    description:
      'Add sizes, row estimates and index usage measured on this PostgreSQL database (postgres://user@host:5432/db)',
    valueHint: 'url',
  },
  measure: {
    type: 'boolean',
    description: `Add row estimates, sizes and index usage measured on the database of $${DATABASE_URL_ENV} (implied by --database-url)`,
  },
} as const satisfies ArgsDef;

/**
 * The measured sections of `generate`, when asked for: `--database-url`, or `--measure` with the
 * URL in the environment (the environment alone never changes what `generate` writes).
 */
export function measuredSource(
  ctx: CommandContext,
  args: Record<string, unknown>,
): (() => Promise<MeasuredSection[]>) | undefined {
  const flag = typeof args['database-url'] === 'string' && args['database-url'].trim() !== '';
  if (!flag && args.measure !== true) return undefined;
  const url = databaseUrlOf(ctx, args);
  if (!url)
    throw new OrmdocError('INPUT_NOT_FOUND', '--measure needs a database.', {
      hint: `Set ${DATABASE_URL_ENV}=postgres://user@host:5432/db (or pass --database-url).`,
    });
  return async () => {
    const db = await importDatabase(ctx, 'generate --database-url');
    const target = db.parseDatabaseUrl(url, ctx.cwd);
    if (target.kind !== 'postgresql')
      throw new OrmdocError(
        'UNSUPPORTED',
        `Measurements need a PostgreSQL server; ${target.label} is a SQLite file.`,
        {
          hint: 'Use `ormdoc drift` to compare a SQLite file with the schema.',
        },
      );
    const { schemas, statementTimeoutMs } = sessionOptions(args);
    const m = await db.measurePostgres(target, {
      ...(schemas ? { schemas } : {}),
      ...(statementTimeoutMs ? { statementTimeoutMs } : {}),
    });
    return db.measuredSections(m, new Date());
  };
}
