import path from 'node:path';
import { globInputs, loadedModuleInputs, nodeProjectInputs, treeInputs, tsconfigChain } from '@ormdoc/core';
import { DRIZZLE_CONFIG_NAMES } from '../config/readConfig.js';
import type { LoadedFiles } from './loader.js';

export interface DrizzleInputsOptions {
  cwd: string;
  /** What the config and schema loads evaluated. */
  loaded: LoadedFiles;
  /** The schema patterns as given (flag or config), resolved against cwd. */
  patterns: readonly string[];
  /** The config that was read, if any, and whether it was found by looking for drizzle.config.* in cwd. */
  config?: { path: string; found: boolean; out?: string | undefined } | undefined;
  /** The tsconfig the loader was given (relative to cwd), if any. */
  tsconfig?: string | undefined;
}

/**
 * Every file and folder a Drizzle extraction depends on (`ExtractResult.inputs`), or undefined
 * when the loader could not list what it loaded:
 * - each file the loads evaluated (the config, the schema files and everything they import; a file
 *   in node_modules as its package's package.json);
 * - the schema patterns' files and folders (a new file a glob matches changes a folder's listing);
 * - the drizzle.config.* names looked for, the config's `.env` beside it (dotenv), the tsconfig
 *   and the files it extends, package.json files, lockfiles and the package manager's state up
 *   from the project;
 * - the migrations folder (`out`, default `drizzle`), which the PostgreSQL extraction reads.
 * Environment variables are not inputs (README: "The unchanged run").
 */
export function drizzleInputs(options: DrizzleInputsOptions): string[] | undefined {
  const { cwd, loaded, config } = options;
  if (!loaded.complete || loaded.files.size === 0) return undefined;
  const configDir = config ? path.dirname(config.path) : cwd;
  // The tsconfig given (resolved against the project, and against the config's folder for the
  // config's own load), else tsconfig.json in those folders, else the nearest one above the
  // process's directory (where tsx looks when it is given none).
  const tsconfigs = [
    ...(options.tsconfig
      ? [path.resolve(cwd, options.tsconfig), path.resolve(configDir, options.tsconfig)]
      : []),
    ...[cwd, configDir, process.cwd()].flatMap((dir) =>
      nodeProjectInputs(dir).filter((p) => path.basename(p) === 'tsconfig.json'),
    ),
  ];
  const out = [
    ...loadedModuleInputs(loaded.files),
    ...globInputs(cwd, options.patterns),
    ...nodeProjectInputs(cwd),
    path.join(cwd, '.env'),
  ];
  for (const file of new Set(tsconfigs)) {
    const chain = tsconfigChain(file);
    if (!chain) return undefined;
    out.push(...chain);
  }
  if (config) {
    out.push(config.path, path.join(configDir, '.env'));
    if (configDir !== cwd) out.push(...nodeProjectInputs(configDir));
    if (config.found) out.push(...DRIZZLE_CONFIG_NAMES.map((name) => path.join(cwd, name)));
    out.push(...treeInputs(path.resolve(cwd, config.out ?? 'drizzle')));
  }
  return out;
}
