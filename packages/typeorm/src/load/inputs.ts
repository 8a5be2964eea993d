import path from 'node:path';
import { globInputs, loadedModuleInputs, nodeProjectInputs, tsconfigChain } from '@ormdoc/core';
import { globSync } from 'tinyglobby';
import { DATA_SOURCE_GLOBS, ENTITY_GLOBS } from './detect.js';

export interface TypeormInputsOptions {
  cwd: string;
  /** What the entry files loaded (`LoadRecord.loaded`). */
  loaded: { files: Set<string>; complete: boolean };
  /** Entity globs (the option's and the DataSource's string entries), relative to cwd. */
  patterns: readonly string[];
  /** The tsconfig that was read, if any. */
  tsconfig?: string | undefined;
  /** The data source or entity files were found by looking (no dataSource, no entities given). */
  detected: boolean;
}

/**
 * Every file and folder a TypeORM extraction depends on (`ExtractResult.inputs`), or undefined
 * when the load could not list what it loaded (an entry file imported as an ES module):
 * - each file in the module graph of the data source and entity files (a file in node_modules as
 *   its package's package.json);
 * - the entity globs' folders (a new matching file changes a listing); when nothing was named,
 *   every folder of the project and the files the detection reads (`findDataSourceFiles`);
 * - the tsconfig and the files it extends, tsconfig.json, package.json files, lockfiles and the
 *   install state up from the project, and `.env` (a data source may read it through dotenv).
 * Environment variables are not inputs (README: "The unchanged run").
 */
export function typeormInputs(options: TypeormInputsOptions): string[] | undefined {
  const { cwd, loaded } = options;
  if (!loaded.complete || loaded.files.size === 0) return undefined;
  const out = [
    ...loadedModuleInputs(loaded.files),
    ...globInputs(cwd, options.patterns),
    ...nodeProjectInputs(cwd),
    path.join(cwd, '.env'),
  ];
  const tsconfigs = nodeProjectInputs(cwd).filter((p) => path.basename(p) === 'tsconfig.json');
  if (options.tsconfig) tsconfigs.push(path.resolve(cwd, options.tsconfig));
  for (const file of new Set(tsconfigs)) {
    const chain = tsconfigChain(file);
    if (!chain) return undefined;
    out.push(...chain);
  }
  if (options.detected)
    out.push(
      ...globInputs(cwd, ['**']),
      ...globSync([...DATA_SOURCE_GLOBS, ...ENTITY_GLOBS], {
        cwd,
        absolute: true,
        ignore: ['**/node_modules/**'],
      }),
    );
  return out;
}
