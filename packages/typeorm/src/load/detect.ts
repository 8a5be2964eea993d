import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';

const IGNORE = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/.*/**',
  '**/*.d.ts',
  '**/*.test.*',
  '**/*.spec.*',
];
export const DATA_SOURCE_GLOBS = [
  '{src/,}{data-source,datasource,dataSource,app-data-source,appDataSource,ormconfig,typeorm.config}.{ts,mts,cts,js,mjs,cjs}',
  'src/{db,database,config}/{data-source,datasource,dataSource}.{ts,mts,cts,js,mjs,cjs}',
];
export const ENTITY_GLOBS = [
  '**/*.entity.{ts,mts,cts,js,mjs,cjs}',
  '**/{entities,entity}/**/*.{ts,mts,cts,js,mjs,cjs}',
];

async function filesContaining(cwd: string, patterns: string[], needle: RegExp): Promise<string[]> {
  const files = (await glob(patterns, { cwd, ignore: IGNORE, deep: 6 })).sort();
  const out: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(cwd, file), 'utf8').catch(() => '');
    if (needle.test(text)) out.push(file);
  }
  return out;
}

/** Files declaring a TypeORM DataSource (relative to cwd, posix). */
export function findDataSourceFiles(cwd: string): Promise<string[]> {
  return filesContaining(
    cwd,
    DATA_SOURCE_GLOBS,
    /\bDataSource\b|\btype\s*:\s*['"](postgres|mysql|mariadb|better-sqlite3|sqljs)['"]/,
  );
}

/** Files declaring TypeORM entities (relative to cwd, posix). */
export function findEntityFiles(cwd: string): Promise<string[]> {
  return filesContaining(cwd, ENTITY_GLOBS, /@(Entity|ViewEntity|ChildEntity)\s*\(/);
}

/**
 * Evidence that the project in `cwd` uses TypeORM: its data source module(s), else its entity files,
 * else a package.json that depends on typeorm. Empty when TypeORM is not used there.
 */
export async function detectTypeorm(cwd: string): Promise<string[]> {
  const dataSources = await findDataSourceFiles(cwd);
  if (dataSources.length > 0) return dataSources;
  const entities = await findEntityFiles(cwd);
  if (entities.length > 0) return entities;
  const pkg = await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => '');
  return /"(typeorm|@n8n\/typeorm)"\s*:/.test(pkg) ? ['package.json'] : [];
}
