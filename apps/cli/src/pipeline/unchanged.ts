import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  codeDigest,
  configJson,
  globInputs,
  inputsSalt,
  type OrmdocConfig,
  ormdocDigest,
  recordInputs,
  type StampInputs,
} from '@ormdoc/core';
import type { Orm } from '../args.js';
import { SQLMODEL_JSON_FILES } from '../detect/fallbacks.js';
import { version } from '../meta.js';
import type { ExtractOutcome } from './extract.js';
import { EXTRACTOR_PACKAGES } from './extractors.js';
import { locatePackage } from './locate.js';

/**
 * The salt an extraction's inputs are recorded with (`StampInputs` in @ormdoc/core): the ORM, the
 * resolved config (flags included), and the code of ormdoc's CLI, core and the extractor that ran.
 * Undefined when the extractor's code cannot be found to digest (then every run extracts).
 */
export function extractionSalt(orm: Orm, config: OrmdocConfig, cwd: string): string | undefined {
  try {
    const located = locatePackage(EXTRACTOR_PACKAGES[orm], cwd, import.meta.url);
    if (located.where === 'nowhere') return undefined;
    const pkg = JSON.parse(readFileSync(join(located.root, 'package.json'), 'utf8')) as { version?: string };
    return inputsSalt([
      'ormdoc-inputs/1',
      orm,
      configJson(config),
      version(),
      ormdocDigest(),
      codeDigest(join(located.root, 'dist'), pkg.version),
    ]);
  } catch {
    return undefined;
  }
}

/** What to keep in the stamp of this run, when the extractor named its inputs. */
export function inputsOf(
  extracted: ExtractOutcome,
  config: OrmdocConfig,
  cwd: string,
): StampInputs | undefined {
  // ormdoc options from the ORM's own config (drizzle.config.ts) are not among any inputs yet.
  if (!extracted.inputs?.length || extracted.config) return undefined;
  const salt = extractionSalt(extracted.detection.orm, config, cwd);
  if (salt === undefined) return undefined;
  const inputs = [...extracted.inputs, ...detectionInputs(extracted.detection.orm, config, cwd)];
  return recordInputs(cwd, config, salt, inputs, {
    orm: extracted.detection.orm,
    tables: extracted.ir.tables.length,
    enums: extracted.ir.enums.length,
    diagnostics: extracted.diagnostics,
  });
}

/**
 * What the CLI's own search for the schema read, when the config named none (`loadOptionsFor`):
 * for SQLModel the saved exports it looks for and the Python files (up to three folders down) whose
 * text it reads, with every folder's listing (a new models file changes the choice).
 */
function detectionInputs(orm: Orm, config: OrmdocConfig, cwd: string): string[] {
  const { source } = config;
  if (orm !== 'sqlmodel' || source.schema !== undefined || source.module || source.json) return [];
  const folders = globInputs(cwd, ['**']);
  const depth = (dir: string) => relative(cwd, dir).split(sep).filter(Boolean).length;
  const python = folders
    .filter((dir) => depth(dir) <= 3)
    .flatMap((dir) => {
      try {
        return readdirSync(dir)
          .filter((name) => name.endsWith('.py'))
          .map((name) => join(dir, name));
      } catch {
        return [];
      }
    });
  return [...folders, ...python, ...SQLMODEL_JSON_FILES.map((name) => join(cwd, name))];
}
