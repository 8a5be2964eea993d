import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type OrmdocConfig,
  type OrmdocConfigInput,
  OrmdocError,
  relativePosix,
  resolveConfig,
} from '@ormdoc/core';
import type { CliFlags } from '../args.js';
import { mergeFlags, mergeLayers } from './merge.js';

export interface LoadedConfig {
  config: OrmdocConfig;
  /** Config file the values came from, relative to cwd (undefined: defaults and flags only). */
  file?: string;
  /** The config as read, before flags and validation (kept to merge the ORM's own options below it). */
  raw: unknown;
  /** The ORM's file that also gave ormdoc options (drizzle.config.ts with `withOrmdoc`), relative to cwd. */
  ormFile?: string;
}

/** This package's own entry, so `import { defineConfig } from 'ormdoc'` works in any config file. */
function selfEntry(): string {
  const here = fileURLToPath(import.meta.url);
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  return resolve(here, '..', '..', `index${ext}`);
}

/** Read the raw config with c12: `--config`, `ormdoc.config.*`, `.ormdocrc`, package.json `ormdoc`. */
export async function readRawConfig(
  cwd: string,
  configFlag?: string,
): Promise<{ raw: unknown; file?: string }> {
  let configFile: string | undefined;
  if (configFlag) {
    configFile = resolve(cwd, configFlag);
    if (!existsSync(configFile)) {
      throw new OrmdocError('CONFIG_NOT_FOUND', `Config file ${configFlag} does not exist.`, {
        file: configFlag,
        hint: 'Check the --config path (it is relative to --cwd), or run `ormdoc init` to write one.',
      });
    }
  }
  if (!configFile && !mayHaveConfig(cwd)) return { raw: {} };
  let result: Awaited<ReturnType<typeof import('c12').loadConfig>>;
  try {
    // Loaded only when there may be a config to read: c12 (and the TypeScript loader it brings) is
    // a noticeable part of the start-up time.
    const { loadConfig: c12LoadConfig } = await import('c12');
    result = await c12LoadConfig({
      name: 'ormdoc',
      cwd,
      ...(configFile ? { configFile } : {}),
      rcFile: '.ormdocrc',
      globalRc: false,
      dotenv: false,
      packageJson: true,
      envName: false,
      extend: false,
      giget: false,
      jitiOptions: { alias: { ormdoc: selfEntry() } },
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new OrmdocError('CONFIG_INVALID', `Could not load the ormdoc config: ${message}`, {
      ...(configFile ? { file: relative(cwd, configFile) } : {}),
      cause,
      hint: 'Fix the syntax error in the config file; it must `export default defineConfig({...})`.',
    });
  }
  const file = configSource(cwd, result);
  return { raw: result.config, ...(file ? { file } : {}) };
}

/**
 * Whether c12 could find a config in `cwd`: an `ormdoc.config.*` or `.ormdocrc*` file, a `.config/`
 * folder, or an `ormdoc` key in package.json. False only when none of these can exist, so that
 * reading no config at all skips loading c12.
 */
function mayHaveConfig(cwd: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(cwd);
  } catch {
    return true; // let c12 report it
  }
  if (entries.some((e) => e.startsWith('ormdoc.config') || e.startsWith('.ormdocrc') || e === '.config'))
    return true;
  if (!entries.includes('package.json')) return false;
  try {
    return readFileSync(resolve(cwd, 'package.json'), 'utf8').includes('"ormdoc"');
  } catch {
    return true;
  }
}

/** Which file the config came from: the config file, else `.ormdocrc`, else package.json. */
function configSource(
  cwd: string,
  result: { _configFile?: string; layers?: Array<{ configFile?: string; config?: unknown }> },
): string | undefined {
  const nonEmpty = (c: unknown) => typeof c === 'object' && c !== null && Object.keys(c).length > 0;
  if (result._configFile && existsSync(resolve(cwd, result._configFile))) {
    return relativePosix(cwd, resolve(cwd, result._configFile));
  }
  const layer = result.layers?.find((l) => nonEmpty(l.config) && l.configFile);
  return layer?.configFile;
}

/** Load, merge flags over, and validate the config. */
export async function loadCliConfig(cwd: string, flags: CliFlags): Promise<LoadedConfig> {
  const { raw, file } = await readRawConfig(cwd, flags.config);
  const config = resolveConfig(mergeFlags(raw, flags), file);
  return { config, raw, ...(file ? { file } : {}) };
}

/**
 * Put ormdoc options found in the ORM's own config (the `withOrmdoc(defineConfig(...), {...})`
 * options of drizzle.config.ts) below the ormdoc config file and the flags:
 * flags > ormdoc.config.* > drizzle.config.ts > defaults.
 */
export function withOrmConfig(
  loaded: LoadedConfig,
  flags: CliFlags,
  orm: { input: OrmdocConfigInput; file: string } | undefined,
): LoadedConfig {
  if (!orm) return loaded;
  // Validated on its own first, so a bad key is reported in the file that holds it.
  resolveConfig(orm.input, orm.file);
  const merged = mergeLayers(orm.input, loaded.raw);
  const config = resolveConfig(mergeFlags(merged, flags), loaded.file ?? orm.file);
  return { ...loaded, config, ormFile: orm.file };
}
