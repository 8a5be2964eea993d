import { existsSync } from 'node:fs';
import path from 'node:path';
import { OrmdocError, relativePosix } from '@ormdoc/core';
import { glob } from 'tinyglobby';
import type { EntityMetadataLike, TypeormDialect } from '../types.js';
import {
  buildEntityMetadatas,
  type DataSourceLike,
  ensureReflectMetadata,
  isDataSourceLike,
  isDataSourceOptionsLike,
  requireTypeorm,
} from './dataSource.js';
import { typeormInputs } from './inputs.js';
import { loadUserModule } from './modules.js';
import { readProjectCompilerOptions } from './tsconfig.js';
import { type LoadRecord, withTsRequire } from './tsRequire.js';

export interface LoadTypeormOptions {
  cwd: string;
  /** A module exporting a DataSource instance or DataSource options (default or named export). */
  dataSource?: string;
  /** Entity file globs, relative to cwd (used when there is no data source file). */
  entities?: string[];
  tsconfig?: string;
  dialect?: TypeormDialect;
  /** The data source or entity files were found by looking for them (then the project's folders are inputs). */
  detected?: boolean;
}

export interface LoadedMetadata {
  dataSource: DataSourceLike;
  entityMetadatas: EntityMetadataLike[];
  dialect: TypeormDialect;
  typeormVersion?: string;
  /** Entity class -> absolute file that exported it. */
  entityFiles: Map<unknown, string>;
  /** Absolute schema source files: the data source module and the entity modules. */
  files: string[];
  /** What the load depended on, for the unchanged run (`typeormInputs`); undefined: unknown. */
  inputs?: string[];
}

const isEntitySchema = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  (v as Record<string, unknown>)['@instanceof'] === Symbol.for('EntitySchema');

/** Load the user's entities (TS or JS) and build TypeORM's entity metadata, without a database. */
export async function loadTypeormMetadata(options: LoadTypeormOptions): Promise<LoadedMetadata> {
  const cwd = path.resolve(options.cwd);
  const project = readProjectCompilerOptions(cwd, options.tsconfig);
  const dataSourceFile = options.dataSource ? path.resolve(cwd, options.dataSource) : undefined;
  if (dataSourceFile && !existsSync(dataSourceFile))
    throw new OrmdocError('INPUT_NOT_FOUND', `TypeORM data source file not found: ${options.dataSource}`, {
      file: options.dataSource,
      hint: 'Pass the path (relative to the project root) of the module that exports your DataSource.',
    });
  if (!dataSourceFile && (!options.entities || options.entities.length === 0))
    throw new OrmdocError('INPUT_EMPTY', 'No TypeORM data source or entity files were given.', {
      hint: 'Pass dataSource (e.g. src/data-source.ts) or entities globs (e.g. src/**/*.entity.ts).',
    });

  let loadRecord: LoadRecord | undefined;
  const patterns: string[] = [];
  const loaded = await withTsRequire(project, async (record) => {
    loadRecord = record;
    ensureReflectMetadata(cwd);
    let baseOptions: Record<string, unknown> | undefined;
    let UserDataSource: DataSourceLike | undefined;
    const entryFiles = record.entryFiles;
    let entities: unknown[] = [];
    if (dataSourceFile) {
      entryFiles.push(dataSourceFile);
      const mod = await loadUserModule(dataSourceFile, cwd);
      const candidates = [mod.default, ...Object.values(mod)];
      UserDataSource = candidates.find(isDataSourceLike);
      baseOptions = UserDataSource?.options ?? candidates.find(isDataSourceOptionsLike);
      if (!baseOptions)
        throw new OrmdocError(
          'INPUT_EMPTY',
          `${relativePosix(cwd, dataSourceFile)} exports no TypeORM DataSource.`,
          {
            file: relativePosix(cwd, dataSourceFile),
            hint: 'Export the DataSource (export default new DataSource({...}) or export const AppDataSource = ...), or its options object.',
          },
        );
      entities = await resolveEntityList(baseOptions.entities, cwd, entryFiles, patterns);
    }
    if (options.entities && options.entities.length > 0)
      entities = [...entities, ...(await resolveEntityList(options.entities, cwd, entryFiles, patterns))];
    if (entities.length === 0)
      throw new OrmdocError('INPUT_EMPTY', 'No TypeORM entities were found.', {
        ...(dataSourceFile ? { file: relativePosix(cwd, dataSourceFile) } : {}),
        hint: 'List your entity classes (or globs of their files) in the DataSource `entities` option, or pass entities globs.',
      });

    const typeorm = requireTypeorm(dataSourceFile ?? entryFiles[0] ?? path.join(cwd, 'noop.js'));
    const DataSource =
      (UserDataSource?.constructor as typeof typeorm.DataSource | undefined) ?? typeorm.DataSource;
    const { dataSource, dialect } = await buildEntityMetadatas({
      DataSource,
      entities,
      ...(baseOptions ? { baseOptions } : {}),
      ...(options.dialect ? { dialect: options.dialect } : {}),
      ...(dataSourceFile ? { file: relativePosix(cwd, dataSourceFile) } : {}),
    });
    const entityMetadatas = dataSource.entityMetadatas;
    if (entityMetadatas.length === 0)
      throw new OrmdocError('INPUT_EMPTY', 'The TypeORM data source has no entities.', {
        hint: 'Decorate the classes with @Entity() and list them in the DataSource `entities` option.',
      });
    const entityFiles = new Map<unknown, string>();
    for (const m of entityMetadatas) {
      const file = record.exportedFrom.get(m.target);
      if (file) entityFiles.set(m.target, file);
    }
    const files = [...new Set([...(dataSourceFile ? [dataSourceFile] : []), ...entityFiles.values()])];
    return {
      dataSource,
      entityMetadatas,
      dialect,
      ...(typeorm.version ? { typeormVersion: typeorm.version } : {}),
      entityFiles,
      files,
    };
  });
  const inputs =
    loadRecord &&
    typeormInputs({
      cwd,
      loaded: loadRecord.loaded,
      patterns,
      tsconfig: project.file,
      detected: options.detected === true,
    });
  return { ...loaded, ...(inputs ? { inputs } : {}) };
}

/**
 * TypeORM's `entities` option (classes, EntitySchemas, glob strings, or an object of them) as a list
 * of classes and schemas; globs are expanded from cwd and their files loaded.
 */
async function resolveEntityList(
  list: unknown,
  cwd: string,
  entryFiles: string[],
  patterns: string[],
): Promise<unknown[]> {
  if (list === undefined || list === null) return [];
  const items = Array.isArray(list) ? list : typeof list === 'object' ? Object.values(list) : [list];
  const out: unknown[] = [];
  for (const item of items) {
    if (typeof item === 'function' || isEntitySchema(item)) out.push(item);
    else if (typeof item === 'string') {
      const pattern = path.isAbsolute(item) ? relativePosix(cwd, item) : item;
      patterns.push(pattern);
      const files = (
        await glob(pattern, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] })
      ).sort();
      entryFiles.push(...files);
      for (const file of files) {
        const mod = await loadUserModule(file, cwd);
        for (const value of Object.values(mod))
          if (typeof value === 'function' || isEntitySchema(value)) out.push(value);
      }
    }
  }
  return [...new Set(out)];
}
