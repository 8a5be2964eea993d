import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrmdocError } from '@ormdoc/core';
import type { DrizzleModule } from '../convert/fromDrizzleTables.js';
import type { DrizzleApi, DrizzleDialect } from '../types.js';
import type { ProjectLoader } from './loader.js';

/**
 * drizzle-orm as the user's schema sees it: resolved from the schema file's location and imported
 * through the same loader, so `is()` and the table classes are the user's own. With a `dialect`,
 * only that dialect's core is loaded (the others are only needed to guess it).
 */
export async function loadUserDrizzle(
  loader: ProjectLoader,
  schemaFile: string,
  cwd: string,
  dialect?: DrizzleDialect,
): Promise<{ api: DrizzleApi; guessDialect(modules: DrizzleModule[]): DrizzleDialect | undefined }> {
  const load = <T>(id: string): Promise<T> => loader.importFrom<T>(id, schemaFile);
  let orm: DrizzleApi['orm'];
  try {
    orm = await load<DrizzleApi['orm']>('drizzle-orm');
  } catch (e) {
    throw new OrmdocError(
      'DEPENDENCY_MISSING',
      `drizzle-orm could not be loaded from ${path.relative(cwd, schemaFile)}: ${(e as Error).message}`,
      {
        hint: 'Install drizzle-orm (0.32 or later) in the project that holds the schema (npm i drizzle-orm).',
        cause: e,
      },
    );
  }
  const optional = async <T>(id: string): Promise<T | undefined> => {
    try {
      return await load<T>(id);
    } catch {
      return undefined;
    }
  };
  const core = async <T>(d: DrizzleDialect, id: string): Promise<T | undefined> =>
    dialect === undefined || dialect === d ? optional<T>(id) : undefined;
  // drizzle-orm/casing: 0.34 and later (the `casing` option came with it)
  const casing = await optional<DrizzleApi['casing']>('drizzle-orm/casing');
  const [pg, mysql, sqlite] = await Promise.all([
    core<DrizzleApi['pg']>('postgresql', 'drizzle-orm/pg-core'),
    core<DrizzleApi['mysql']>('mysql', 'drizzle-orm/mysql-core'),
    core<DrizzleApi['sqlite']>('sqlite', 'drizzle-orm/sqlite-core'),
  ]);
  const version = drizzleVersion(loader, schemaFile);
  // drizzle-orm 1.0 RCs moved the 0.x relations() API from the root to drizzle-orm/_relations.
  const legacyRelations = orm.Relations
    ? undefined
    : await optional<DrizzleApi['legacyRelations']>('drizzle-orm/_relations');
  const api: DrizzleApi = {
    orm,
    ...(legacyRelations ? { legacyRelations } : {}),
    ...(casing ? { casing } : {}),
    ...(pg ? { pg } : {}),
    ...(mysql ? { mysql } : {}),
    ...(sqlite ? { sqlite } : {}),
    ...(version ? { version } : {}),
  };
  return {
    api,
    guessDialect(modules) {
      const values = modules.flatMap((m) => Object.values(m.exports));
      if (pg && values.some((v) => orm.is(v, pg.PgTable))) return 'postgresql';
      if (mysql && values.some((v) => orm.is(v, mysql.MySqlTable))) return 'mysql';
      if (sqlite && values.some((v) => orm.is(v, sqlite.SQLiteTable))) return 'sqlite';
      return undefined;
    },
  };
}

function drizzleVersion(loader: ProjectLoader, schemaFile: string): string | undefined {
  try {
    const entry = loader.resolveFrom('drizzle-orm', schemaFile);
    let dir = path.dirname(entry.startsWith('file:') ? fileURLToPath(entry) : entry);
    for (let i = 0; i < 5; i++) {
      const pkg = path.join(dir, 'package.json');
      if (existsSync(pkg)) {
        const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (json.name === 'drizzle-orm') return json.version;
      }
      dir = path.dirname(dir);
    }
  } catch {
    return undefined;
  }
  return undefined;
}
