import type { Dialect, Ir, Table } from '../ir/types.js';

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

/** How application code reaches the database with this ORM. */
export function dataAccessPattern(ir: Ir): string {
  switch (ir.source.orm) {
    case 'prisma':
      return 'Query builder: the generated Prisma Client (typed models, nested reads and writes, `$transaction`).';
    case 'drizzle':
      return 'Query builder: Drizzle’s SQL-like builder and its relational queries (`db.query.<table>`), typed from the schema.';
    case 'typeorm':
      return 'Repository / Data Mapper: TypeORM repositories and the `EntityManager` over decorated entity classes.';
    case 'sqlmodel':
      return 'Data Mapper: SQLModel classes used through SQLAlchemy sessions (unit of work).';
    case 'sqlalchemy':
      return 'Data Mapper: SQLAlchemy ORM classes used through sessions (unit of work).';
  }
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

/**
 * The naming convention a list of names actually follows, e.g. "snake_case (12 of 12)" or
 * "mixed: snake_case 10, camelCase 2". One-word lower-case names fit both snake_case and camelCase.
 */
export function describeNaming(names: string[]): string {
  if (names.length === 0) return 'none';
  const counts = new Map<NamingStyle, number>();
  for (const n of names) counts.set(namingStyle(n), (counts.get(namingStyle(n)) ?? 0) + 1);
  const lower = counts.get('lowercase') ?? 0;
  const styled = [...counts.entries()].filter(([s]) => s !== 'lowercase').sort((a, b) => b[1] - a[1]);
  if (styled.length === 0) return `lower-case single words (${lower} of ${names.length})`;
  if (styled.length === 1) {
    const [style, n] = styled[0] as [NamingStyle, number];
    const fits = style === 'snake_case' || style === 'camelCase' ? n + lower : n;
    if (fits === names.length) return `${style} (all ${names.length})`;
  }
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`);
  return `mixed: ${parts.join(', ')}`;
}

export function namingSummary(ir: Ir): {
  tables: string;
  columns: string;
  codeTables?: string;
  codeColumns?: string;
} {
  const tables = ir.tables.map((t) => t.name);
  const columns = ir.tables.flatMap((t) => t.columns.map((c) => c.name));
  const codeTables = ir.tables.filter((t) => t.codeName).map((t) => t.codeName as string);
  const codeColumns = ir.tables.flatMap((t) =>
    t.columns.filter((c) => c.codeName).map((c) => c.codeName as string),
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
