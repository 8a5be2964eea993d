import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, type ExtractResult, OrmdocError, relativePosix } from '@ormdoc/core';
import type { OrmdocDrizzleOptions } from '../config/plugin.js';
import {
  DRIZZLE_CONFIG_NAMES,
  type DrizzleConfigInfo,
  findDrizzleConfig,
  readDrizzleConfig,
} from '../config/readConfig.js';
import { type DrizzleModule, fromDrizzleTables } from '../convert/fromDrizzleTables.js';
import type { DrizzleDialect } from '../types.js';
import { loadUserDrizzle } from './drizzleApi.js';
import { drizzleInputs } from './inputs.js';
import { type LoadedFiles, withProjectLoader } from './loader.js';
import { withDrizzleMigrations } from './migrations.js';
import { moduleLoadError } from './moduleError.js';
import { resolveSchemaFiles } from './schemaFiles.js';

export interface LoadDrizzleOptions {
  cwd: string;
  /** drizzle.config path (default: drizzle.config.* in cwd). Ignored when `schema` and `dialect` are given without it. */
  drizzleConfig?: string;
  /** Schema files/folders/globs; overrides the config's. */
  schema?: string | string[];
  dialect?: DrizzleDialect;
  tsconfig?: string;
}

export interface DrizzleExtractResult extends ExtractResult {
  /** The drizzle config that was read, when one was. */
  config?: DrizzleConfigInfo;
  /** The options given to `withOrmdoc` in that config. */
  ormdoc?: OrmdocDrizzleOptions;
}

/** Load a drizzle project (config + schema modules, with the project's own drizzle-orm) into the IR. */
export async function loadDrizzle(options: LoadDrizzleOptions): Promise<DrizzleExtractResult> {
  const cwd = path.resolve(options.cwd);
  const schemaGiven =
    options.schema !== undefined && (!Array.isArray(options.schema) || options.schema.length > 0);
  let config: DrizzleConfigInfo | undefined;
  const configPath = options.drizzleConfig
    ? path.resolve(cwd, options.drizzleConfig)
    : schemaGiven
      ? undefined
      : findDrizzleConfig(cwd);
  // What the loads evaluate: the extraction's inputs (the unchanged run, `drizzleInputs`).
  const loaded: LoadedFiles = { files: new Set(), complete: true };
  if (configPath)
    config = await readDrizzleConfig(configPath, {
      cwd,
      loaded,
      ...(options.tsconfig ? { tsconfig: options.tsconfig } : {}),
    });
  else if (!schemaGiven)
    throw new OrmdocError(
      'INPUT_NOT_FOUND',
      `No drizzle config found in ${cwd} (looked for ${DRIZZLE_CONFIG_NAMES.join(', ')}).`,
      {
        hint: 'Run ormdoc where drizzle.config.ts is, pass --drizzle-config <path>, or pass the schema files with --schema.',
      },
    );
  const patterns = schemaGiven
    ? Array.isArray(options.schema)
      ? options.schema
      : [options.schema as string]
    : (config?.schema ?? []);
  const configRel = config ? relativePosix(cwd, config.path) : undefined;
  const files = resolveSchemaFiles(patterns, cwd, configRel);
  const tsconfig = options.tsconfig ?? config?.ormdoc?.tsconfig;
  const loadDiagnostics: Diagnostic[] = [];
  const loaderOptions = { cwd, tsconfig, diagnostics: loadDiagnostics, loaded };
  const { modules, api } = await withProjectLoader(loaderOptions, async (loader) => {
    const modules: DrizzleModule[] = [];
    for (const file of files) {
      let exports: Record<string, unknown>;
      try {
        exports = await loader.importFile(file);
      } catch (e) {
        throw moduleLoadError(e, file, cwd, 'schema');
      }
      modules.push({ file: relativePosix(cwd, file), exports });
    }
    const known = options.dialect ?? config?.dialect;
    return { modules, api: await loadUserDrizzle(loader, files[0]!, cwd, known) };
  });
  const dialect = options.dialect ?? config?.dialect ?? api.guessDialect(modules);
  if (!dialect)
    throw new OrmdocError(
      'CONFIG_INVALID',
      'Could not tell the SQL dialect of the drizzle schema (no tables found and no config).',
      {
        hint: 'Pass --dialect postgresql|mysql|sqlite, or run ormdoc with your drizzle.config.ts.',
      },
    );
  const sources = files.map((f) => ({
    path: relativePosix(cwd, f),
    content: readFileSync(f, 'utf8'),
  }));
  const result = fromDrizzleTables({
    dialect,
    modules,
    files: sources,
    api: api.api,
    ...(config?.casing ? { casing: config.casing } : {}),
    ...(config?.schemaFilter ? { schemaFilter: config.schemaFilter } : {}),
    ...(config?.tablesFilter ? { tablesFilter: config.tablesFilter } : {}),
  });
  result.diagnostics.unshift(...loadDiagnostics);
  if (result.ir.tables.length === 0)
    result.diagnostics.push({
      severity: 'warning',
      code: 'drizzle/no-tables',
      message: `No exported drizzle tables found in ${sources.map((s) => s.path).join(', ')}.`,
      hint: 'drizzle-kit (and ormdoc) only see tables that are exported from the schema files.',
    });
  const withMigrations = config
    ? await withDrizzleMigrations(result, { cwd, ...(config.out ? { out: config.out } : {}) })
    : result;
  const inputs = drizzleInputs({
    cwd,
    loaded,
    patterns,
    tsconfig,
    ...(config ? { config: { path: config.path, found: !options.drizzleConfig, out: config.out } } : {}),
  });
  return {
    ...withMigrations,
    ...(inputs ? { inputs } : {}),
    ...(config ? { config } : {}),
    ...(config?.ormdoc ? { ormdoc: config.ormdoc } : {}),
  };
}
