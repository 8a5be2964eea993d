import type { Dialect, Ir, Table } from '../ir/types.js';
import { code } from './markdown.js';

/** Facts derived from the IR alone (never from a person): engine, ORM, migration tool, naming. */

export function databaseEngine(dialect: Dialect): string {
  switch (dialect) {
    case 'postgresql':
      return 'PostgreSQL';
    case 'mysql':
      return 'MySQL';
    case 'sqlite':
      return 'SQLite';
    case 'sqlserver':
      return 'Microsoft SQL Server';
    case 'cockroachdb':
      return 'CockroachDB';
  }
}

export function engineDocsUrl(dialect: Dialect): string {
  switch (dialect) {
    case 'postgresql':
      return 'https://www.postgresql.org/docs/';
    case 'mysql':
      return 'https://dev.mysql.com/doc/';
    case 'sqlite':
      return 'https://www.sqlite.org/docs.html';
    case 'sqlserver':
      return 'https://learn.microsoft.com/sql/sql-server/';
    case 'cockroachdb':
      return 'https://www.cockroachlabs.com/docs/';
  }
}

export function ormName(ir: Ir): string {
  const version = ir.source.ormVersion ? ` ${ir.source.ormVersion}` : '';
  switch (ir.source.orm) {
    case 'prisma':
      return `Prisma${version}`;
    case 'drizzle':
      return `Drizzle ORM${version}`;
    case 'typeorm':
      return `TypeORM${version}`;
    case 'sqlmodel':
      return `SQLModel${version} (SQLAlchemy)`;
    case 'sqlalchemy':
      return `SQLAlchemy${version}`;
  }
}

export interface MigrationTool {
  name: string;
  /** Command that creates a migration from a schema change. */
  create: string;
  /** Command that applies pending migrations. */
  apply: string;
  /** How a migration is undone with this tool. */
  rollback: string;
  /** Language the tool writes migrations in. */
  format: string;
}

export function migrationTool(ir: Ir): MigrationTool {
  switch (ir.source.orm) {
    case 'prisma':
      return {
        name: 'Prisma Migrate',
        create: 'npx prisma migrate dev --name <change>',
        apply: 'npx prisma migrate deploy',
        rollback:
          'Prisma Migrate has no down migrations: write a new migration that reverts the change (`prisma migrate diff` can produce its SQL), or mark a failed one with `npx prisma migrate resolve --rolled-back <migration>`.',
        format: 'SQL files under `prisma/migrations/`',
      };
    case 'drizzle':
      return {
        name: 'drizzle-kit',
        create: 'npx drizzle-kit generate --name <change>',
        apply: 'npx drizzle-kit migrate',
        rollback:
          'drizzle-kit has no down migrations: generate a new migration that reverts the change after editing the schema back.',
        format: 'SQL files in the `out` folder of drizzle.config.ts',
      };
    case 'typeorm':
      return {
        name: 'TypeORM migrations',
        create: 'npx typeorm migration:generate -d <data-source> <migrations>/<Change>',
        apply: 'npx typeorm migration:run -d <data-source>',
        rollback:
          'Each migration class has a `down()`: `npx typeorm migration:revert -d <data-source>` undoes the last one.',
        format: 'TypeScript classes with `up()`/`down()`',
      };
    case 'sqlmodel':
    case 'sqlalchemy':
      return {
        name: 'Alembic',
        create: 'alembic revision --autogenerate -m "<change>"',
        apply: 'alembic upgrade head',
        rollback: 'Each revision has a `downgrade()`: `alembic downgrade -1` undoes the last one.',
        format: 'Python revision files under `alembic/versions/`',
      };
  }
}

/**
 * What the schema says about data access: only the ORM the schema is written for. Which clients
 * the application uses (the ORM's own, other generators such as Kysely or zod types, raw SQL) is
 * not in the IR, so it is left to a person (the `dataAccessLayer` TODO).
 */
export function dataAccessPattern(ir: Ir): string {
  return `the schema is defined with ${ormName(ir)}; which clients query it (the ORM's own, types from other generators, raw SQL) is not recorded in the schema.`;
}

export type NamingStyle = 'snake_case' | 'camelCase' | 'PascalCase' | 'lowercase' | 'UPPER_CASE' | 'other';

export function namingStyle(name: string): NamingStyle {
  if (/^[a-z][a-z0-9]*$/.test(name)) return 'lowercase';
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/.test(name)) return 'PascalCase';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(name)) return 'UPPER_CASE';
  return 'other';
}

/** A convention dominates when at least this share of the names follow it. */
export const DOMINANT_SHARE = 0.8;

/** Exceptions named at most in a naming summary; the rest are counted. */
const MAX_EXCEPTIONS = 10;

/** A name, and where it is (its table, for a column). */
export interface NamedThing {
  name: string;
  where?: string;
}

/**
 * The naming convention a list of names actually follows: "snake_case (all 12)"; with a dominant
 * convention (≥ 80 %), its exceptions counted and named where they are ("camelCase (92 of 100);
 * 8 exceptions, in `Account`: `access_token`, …"); "mixed: snake_case 10, camelCase 8" otherwise.
 * One-word lower-case names fit both snake_case and camelCase.
 */
export function describeNaming(things: Array<NamedThing | string>): string {
  const names = things.map((t) => (typeof t === 'string' ? { name: t } : t));
  if (names.length === 0) return 'none';
  const styleOf = names.map((n) => namingStyle(n.name));
  const counts = new Map<NamingStyle, number>();
  for (const s of styleOf) counts.set(s, (counts.get(s) ?? 0) + 1);
  const lower = counts.get('lowercase') ?? 0;
  if (lower === names.length) return `lower-case single words (all ${names.length})`;
  const fits = (s: NamingStyle) =>
    (counts.get(s) ?? 0) + (s === 'snake_case' || s === 'camelCase' ? lower : 0);
  const candidates: NamingStyle[] = ['snake_case', 'camelCase', 'PascalCase', 'UPPER_CASE'];
  const best = candidates.reduce((a, b) => (fits(b) > fits(a) ? b : a));
  const n = fits(best);
  if (n === names.length) return `${best} (all ${names.length})`;
  if (n >= DOMINANT_SHARE * names.length) {
    const follows = (s: NamingStyle) =>
      s === best || (s === 'lowercase' && (best === 'snake_case' || best === 'camelCase'));
    const exceptions = names.filter((_, i) => !follows(styleOf[i] as NamingStyle));
    return `${best} (${n} of ${names.length}); ${exceptions.length} ${exceptions.length === 1 ? 'exception' : 'exceptions'}${exceptionList(exceptions)}`;
  }
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s, k]) => `${s} ${k}`);
  return `mixed: ${parts.join(', ')}`;
}

/** `, in `users`: `a`, `b`; in `posts`: `c` and 3 more` (names grouped by where they are). */
function exceptionList(exceptions: NamedThing[]): string {
  const shown = exceptions.slice(0, MAX_EXCEPTIONS);
  const groups = new Map<string, string[]>();
  for (const e of shown) groups.set(e.where ?? '', [...(groups.get(e.where ?? '') ?? []), code(e.name)]);
  const text = [...groups]
    .map(([where, list]) => (where ? `in ${code(where)}: ${list.join(', ')}` : list.join(', ')))
    .join('; ');
  const more = exceptions.length - shown.length;
  return `${groups.has('') && groups.size === 1 ? ': ' : ', '}${text}${more > 0 ? ` and ${more} more` : ''}`;
}

export function namingSummary(ir: Ir): {
  tables: string;
  columns: string;
  codeTables?: string;
  codeColumns?: string;
} {
  const tables = ir.tables.map((t) => t.name);
  const columns = ir.tables.flatMap((t) => t.columns.map((c) => ({ name: c.name, where: t.name })));
  const codeTables = ir.tables.filter((t) => t.codeName).map((t) => t.codeName as string);
  const codeColumns = ir.tables.flatMap((t) =>
    t.columns
      .filter((c) => c.codeName)
      .map((c) => ({ name: c.codeName as string, where: t.codeName ?? t.name })),
  );
  return {
    tables: describeNaming(tables),
    columns: describeNaming(columns),
    ...(codeTables.length ? { codeTables: describeNaming(codeTables) } : {}),
    ...(codeColumns.length ? { codeColumns: describeNaming(codeColumns) } : {}),
  };
}

/** Tables with a nullable timestamp column named like a soft-delete marker. */
export function softDeleteColumns(tables: Table[]): Array<{ table: Table; column: string }> {
  const out: Array<{ table: Table; column: string }> = [];
  for (const t of tables)
    for (const c of t.columns)
      if (c.nullable && /^(deleted_?at|deletedAt|archived_?at|archivedAt)$/i.test(c.name))
        out.push({ table: t, column: c.name });
  return out;
}
