import path from 'node:path';
import { type ExtractResult, OrmdocError } from '@ormdoc/core';
import { fromTypeormMetadata } from '../convert/fromTypeormMetadata.js';
import { findDataSourceFiles, findEntityFiles } from './detect.js';
import { type LoadTypeormOptions, loadTypeormMetadata } from './loadMetadata.js';

export type { LoadTypeormOptions } from './loadMetadata.js';

/**
 * Load a TypeORM project's entities (from a DataSource module or entity globs; TypeScript compiled
 * with decorator metadata) and return its IR. With neither given, the data source module is looked
 * for in the usual places (src/data-source.ts, data-source.ts, ...), then `*.entity.ts` files.
 */
export async function loadTypeorm(options: LoadTypeormOptions): Promise<ExtractResult> {
  const cwd = path.resolve(options.cwd);
  const resolved = await withDefaults({ ...options, cwd });
  const loaded = await loadTypeormMetadata(resolved);
  const result = fromTypeormMetadata({
    dialect: loaded.dialect,
    entityMetadatas: loaded.entityMetadatas,
    files: loaded.files,
    entityFiles: loaded.entityFiles,
    driver: loaded.dataSource.driver,
    cwd,
    ...(loaded.typeormVersion ? { typeormVersion: loaded.typeormVersion } : {}),
  });
  return loaded.inputs ? { ...result, inputs: loaded.inputs } : result;
}

async function withDefaults(options: LoadTypeormOptions): Promise<LoadTypeormOptions> {
  if (options.dataSource || (options.entities && options.entities.length > 0)) return options;
  const dataSources = await findDataSourceFiles(options.cwd);
  if (dataSources.length > 1)
    throw new OrmdocError(
      'CONFIG_INVALID',
      `Several TypeORM data source files were found: ${dataSources.join(', ')}.`,
      {
        hint: 'Say which one to read with the dataSource option (--data-source).',
      },
    );
  if (dataSources[0]) return { ...options, dataSource: dataSources[0], detected: true };
  const entities = await findEntityFiles(options.cwd);
  if (entities.length > 0) return { ...options, entities, detected: true };
  throw new OrmdocError(
    'INPUT_NOT_FOUND',
    `No TypeORM data source or entity files found in ${options.cwd}.`,
    {
      hint: 'Pass dataSource (the module exporting your DataSource) or entities (globs of your entity files).',
    },
  );
}
