import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OrmdocError } from '@ormdoc/core';
import type { DriverLike, EntityMetadataLike, TypeormDialect } from '../types.js';
import { driverStubFor } from './driverStubs.js';
import { ensureDriver, settle } from './initialize.js';
import { entitiesWithoutPrimaryColumn } from './primaryless.js';

/** A DataSource instance (any copy or fork of TypeORM), recognised by shape. */
export interface DataSourceLike {
  options: Record<string, unknown> & { type?: string; entities?: unknown };
  driver: DriverLike;
  entityMetadatas: EntityMetadataLike[];
  namingStrategy?: unknown;
  buildMetadatas(): Promise<void>;
}
type DataSourceClass = new (options: Record<string, unknown>) => DataSourceLike;

export function isDataSourceLike(value: unknown): value is DataSourceLike {
  const v = value as Partial<DataSourceLike> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.options === 'object' &&
    v.options !== null &&
    typeof (v as { buildMetadatas?: unknown }).buildMetadatas === 'function'
  );
}

/** DataSource options (`{ type, entities, ... }`) as some projects export them instead of an instance. */
export function isDataSourceOptionsLike(value: unknown): value is Record<string, unknown> & { type: string } {
  const v = value as { type?: unknown; entities?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && 'entities' in v;
}

const DIALECT_OF_TYPE: Record<string, TypeormDialect> = {
  postgres: 'postgresql',
  'aurora-postgres': 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  'aurora-mysql': 'mysql',
  'better-sqlite3': 'sqlite',
  sqljs: 'sqlite',
  capacitor: 'sqlite',
  cordova: 'sqlite',
  expo: 'sqlite',
  nativescript: 'sqlite',
  'react-native': 'sqlite',
};

const TYPE_OF_DIALECT: Record<TypeormDialect, string> = {
  postgresql: 'postgres',
  mysql: 'mysql',
  sqlite: 'better-sqlite3',
};

/** The ormdoc dialect of a TypeORM DataSource `type`, or undefined when ormdoc does not support it. */
export function dialectOfType(type: string | undefined): TypeormDialect | undefined {
  return type === undefined ? undefined : DIALECT_OF_TYPE[type];
}

export interface BuildOptions {
  /** The DataSource class to instantiate (the user's copy of TypeORM). */
  DataSource: DataSourceClass;
  /** The user's options (from their DataSource), if any. */
  baseOptions?: Record<string, unknown>;
  entities: unknown[];
  dialect?: TypeormDialect;
  /** For messages: the file the options came from. */
  file?: string;
}

/**
 * Build entity metadata without a database: a DataSource with the entities and a stub driver
 * module (nothing is connected), then its protected `buildMetadatas()`, as TypeORM's own
 * `initialize()` does before connecting.
 */
export async function buildEntityMetadatas(
  options: BuildOptions,
): Promise<{ dataSource: DataSourceLike; dialect: TypeormDialect }> {
  const base = options.baseOptions ?? {};
  const baseType = typeof base.type === 'string' ? base.type : undefined;
  const baseDialect = dialectOfType(baseType);
  if (baseType && !baseDialect && !options.dialect)
    throw new OrmdocError(
      'UNSUPPORTED',
      `TypeORM data source type "${baseType}" is not supported by ormdoc.`,
      {
        ...(options.file ? { file: options.file } : {}),
        hint: 'ormdoc documents PostgreSQL, MySQL/MariaDB and SQLite schemas; pass dialect to read the entities as one of them.',
      },
    );
  const dialect = options.dialect ?? baseDialect ?? 'postgresql';
  const type = baseDialect === dialect && baseType ? baseType : TYPE_OF_DIALECT[dialect];
  const dsOptions: Record<string, unknown> = {
    ...(baseDialect === dialect ? base : {}),
    type,
    entities: options.entities,
    subscribers: [],
    migrations: [],
    synchronize: false,
    migrationsRun: false,
    logging: false,
    driver: driverStubFor(type),
    ...(dialect === 'sqlite' && baseDialect !== 'sqlite' ? { database: ':memory:' } : {}),
  };
  // MySQL's driver insists on a database name; nothing connects to it.
  if (dialect === 'mysql' && !dsOptions.database) dsOptions.database = 'ormdoc';
  if (base.namingStrategy !== undefined) dsOptions.namingStrategy = base.namingStrategy;
  let dataSource: DataSourceLike;
  try {
    await settle();
    dataSource = new options.DataSource(dsOptions);
    await ensureDriver(dataSource);
    await dataSource.buildMetadatas();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const primaryless = error instanceof TypeError ? entitiesWithoutPrimaryColumn(options.entities) : [];
    if (primaryless.length > 0)
      throw new OrmdocError(
        'SCHEMA_INVALID',
        `TypeORM cannot build the entities (${message}): these entities have no primary column: ${primaryless.slice(0, 10).join(', ')}${primaryless.length > 10 ? ` and ${primaryless.length - 10} more` : ''}.`,
        {
          ...(options.file ? { file: options.file } : {}),
          cause: error,
          hint: "Give each entity a primary column (@PrimaryColumn, @PrimaryGeneratedColumn). If your application adds them at start-up (a framework id strategy, as Vendure does), TypeORM's CLI cannot read these entities either.",
        },
      );
    throw new OrmdocError('SCHEMA_INVALID', `TypeORM rejected the entities: ${message}`, {
      ...(options.file ? { file: options.file } : {}),
      cause: error,
      hint: 'Fix the entity definition TypeORM names above; the same error would stop your application at startup.',
    });
  }
  return { dataSource, dialect };
}

/** TypeORM and the forks published under other names, in the order they are looked for. */
export const TYPEORM_PACKAGES = ['typeorm', '@n8n/typeorm'];

/**
 * Resolve TypeORM from the user's project (their copy's decorators and metadata storage are the
 * ones read): the copy the entities already loaded when there is one (a project with a fork may
 * have `typeorm` too), else the first one installed.
 */
export function requireTypeorm(fromFile: string): { DataSource: DataSourceClass; version?: string } {
  const require = createRequire(fromFile);
  const installed = TYPEORM_PACKAGES.flatMap((name) => {
    try {
      return [{ name, file: require.resolve(name) }];
    } catch {
      return [];
    }
  });
  const loaded = installed.filter((p) => require.cache[p.file] !== undefined);
  for (const { name } of [...loaded, ...installed]) {
    const mod = require(name) as { DataSource?: DataSourceClass };
    if (typeof mod.DataSource !== 'function') continue;
    return { DataSource: mod.DataSource, ...versionOf(require, name) };
  }
  throw new OrmdocError(
    'DEPENDENCY_MISSING',
    `Neither TypeORM nor a fork of it (${TYPEORM_PACKAGES.join(', ')}) is installed where ${path.basename(fromFile)} can load it (${path.dirname(fromFile)}).`,
    {
      file: fromFile,
      hint: 'Install the project dependencies (npm i typeorm reflect-metadata, or your fork) so ormdoc reads the same copy as your entities.',
    },
  );
}

/** The installed version of a package, read from the package.json above its entry point. */
export function versionOf(require: NodeJS.Require, name: string): { version?: string } {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ? { version: pkg.version } : {};
      }
      const up = path.dirname(dir);
      if (up === dir) return {};
      dir = up;
    }
  } catch {
    return {};
  }
}

/** Make `Reflect.getMetadata` exist before any entity is evaluated. */
export function ensureReflectMetadata(cwd: string): void {
  if (typeof (Reflect as unknown as { getMetadata?: unknown }).getMetadata === 'function') return;
  for (const from of [path.join(cwd, 'noop.js'), import.meta.url]) {
    try {
      createRequire(from)('reflect-metadata');
      return;
    } catch {
      // try the next location
    }
  }
  throw new OrmdocError('DEPENDENCY_MISSING', 'reflect-metadata is not installed.', {
    hint: 'Install reflect-metadata in the project (TypeORM needs it: npm i reflect-metadata).',
  });
}
