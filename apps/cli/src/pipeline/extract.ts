import type { OrmdocConfig } from '@ormdoc/core';
import type { CliFlags, Orm } from '../args.js';
import { type LoadedConfig, loadCliConfig, withOrmConfig } from '../config/load.js';
import type { CommandContext } from '../context.js';
import { chooseOrm, type Detection } from '../detect/detect.js';
import { detectSqlmodelFiles } from '../detect/fallbacks.js';
import { plural } from '../progress.js';
import { type ExtractorResult, type LoadOptionsByOrm, requireExtractor } from './extractors.js';

type Source = OrmdocConfig['source'];

const toArray = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The options each extractor gets from `source` (config merged with flags). `source.schema` is the
 * generic "where the schema is": Prisma schema path(s), Drizzle schema files, TypeORM entity files,
 * or a SQLModel module / exported JSON.
 */
export function loadOptionsFor<O extends Orm>(orm: O, source: Source, cwd: string): LoadOptionsByOrm[O] {
  const schema = source.schema;
  switch (orm as Orm) {
    case 'prisma':
      return defined({ cwd, schema }) as LoadOptionsByOrm[O];
    case 'drizzle':
      return defined({
        cwd,
        drizzleConfig: source.drizzleConfig,
        schema,
        dialect: source.dialect,
        tsconfig: source.tsconfig,
      }) as LoadOptionsByOrm[O];
    case 'typeorm':
      return defined({
        cwd,
        dataSource: source.dataSource,
        entities: source.entities ?? toArray(schema),
        tsconfig: source.tsconfig,
        dialect: source.dialect,
      }) as LoadOptionsByOrm[O];
    case 'sqlmodel': {
      const schemaPath = toArray(schema)?.[0];
      let json = source.json ?? (schemaPath?.endsWith('.json') ? schemaPath : undefined);
      let module = source.module ?? (schemaPath && !schemaPath.endsWith('.json') ? schemaPath : undefined);
      if (json === undefined && module === undefined) {
        const found = detectSqlmodelFiles(cwd);
        json = found.json;
        module = found.json ? undefined : found.module;
      }
      return defined({
        cwd,
        module,
        json,
        python: source.python,
        dialect: source.dialect,
      }) as LoadOptionsByOrm[O];
    }
    default: {
      const never: never = orm as never;
      return never;
    }
  }
}

export interface ExtractOutcome extends ExtractorResult {
  detection: Detection;
}

/** Pick the ORM (config/flag or auto-detection) and run its extractor. */
export async function extractIr(config: OrmdocConfig, cwd: string): Promise<ExtractOutcome> {
  const detection = await chooseOrm(cwd, config.source.orm);
  const extractor = await requireExtractor(detection.orm, cwd);
  const result = await extractor.load(loadOptionsFor(detection.orm, config.source, cwd));
  return { ...result, detection };
}

/** The `load` phase: the config file with the flags over it. */
export function loadPhase(ctx: CommandContext, flags: CliFlags = ctx.flags): Promise<LoadedConfig> {
  return ctx.progress.phase(
    'load',
    () => loadCliConfig(ctx.cwd, flags),
    (r) => `config ${r.file ?? '(none: defaults and flags)'}`,
  );
}

/**
 * The `extract` phase: extract the IR, then merge ormdoc options the ORM's own config carried
 * (drizzle.config.ts) below the config file and the flags.
 */
export async function extractPhase(
  ctx: CommandContext,
  first: LoadedConfig,
  flags: CliFlags = ctx.flags,
): Promise<{ loaded: LoadedConfig; extracted: ExtractOutcome }> {
  const extracted = await ctx.progress.phase(
    'extract',
    () => extractIr(first.config, ctx.cwd),
    (r) =>
      `${r.detection.orm}${r.detection.evidence.length ? ` (${r.detection.evidence.join(', ')})` : ''}: ` +
      `${plural(r.ir.tables.length, 'table')}, ${plural(r.ir.enums.length, 'enum')}` +
      (r.config ? `; ormdoc options from ${r.config.file}` : ''),
  );
  return { loaded: withOrmConfig(first, flags, extracted.config), extracted };
}

/** The `load` and `extract` phases every command shares. */
export async function loadAndExtract(
  ctx: CommandContext,
  flags: CliFlags = ctx.flags,
): Promise<{ loaded: LoadedConfig; extracted: ExtractOutcome }> {
  return extractPhase(ctx, await loadPhase(ctx, flags), flags);
}
