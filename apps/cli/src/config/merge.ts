import { TEMPLATE_IDS } from '@ormdoc/core';
import type { CliFlags } from '../args.js';

type RawConfig = Record<string, unknown>;

const isRecord = (value: unknown): value is RawConfig =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `--template` value: a built-in template id, or the path of a user template file. */
export function templateEntry(value: string): string | { path: string } {
  return (TEMPLATE_IDS as readonly string[]).includes(value) ? value : { path: value };
}

/**
 * Apply command-line flags over the raw (not yet validated) config: flags override the config,
 * the config overrides the defaults (filled in later by `resolveConfig`). Other keys, including
 * unknown ones, are passed through untouched so validation can name them.
 */
export function mergeFlags(raw: unknown, flags: CliFlags): unknown {
  if (raw !== undefined && raw !== null && !isRecord(raw)) return raw;
  const config: RawConfig = { ...(raw ?? {}) };
  const source: RawConfig = isRecord(config.source) ? { ...config.source } : {};
  const output: RawConfig = isRecord(config.output) ? { ...config.output } : {};

  const sourceFlags: Array<[keyof CliFlags, string]> = [
    ['orm', 'orm'],
    ['drizzleConfig', 'drizzleConfig'],
    ['dataSource', 'dataSource'],
    ['module', 'module'],
    ['json', 'json'],
    ['python', 'python'],
    ['dialect', 'dialect'],
    ['tsconfig', 'tsconfig'],
  ];
  for (const [flag, key] of sourceFlags) {
    if (flags[flag] !== undefined) source[key] = flags[flag];
  }
  if (flags.schema) source.schema = flags.schema.length === 1 ? flags.schema[0] : flags.schema;
  if (flags.out !== undefined) output.dir = flags.out;
  if (flags.templates) output.templates = flags.templates.map(templateEntry);

  if (Object.keys(source).length > 0 || config.source !== undefined) config.source = source;
  if (Object.keys(output).length > 0 || config.output !== undefined) config.output = output;
  return config;
}

/**
 * Two raw config layers merged: `over` wins; objects are merged key by key, anything else (arrays
 * included) is replaced. Used to put the ORM's own ormdoc options (drizzle.config.ts `withOrmdoc`)
 * below the ormdoc config file.
 */
export function mergeLayers(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const merged: RawConfig = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeLayers(base[key], value);
  return merged;
}
