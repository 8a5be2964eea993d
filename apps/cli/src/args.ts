import type { ArgsDef } from 'citty';

export const ORMS = ['prisma', 'drizzle', 'typeorm', 'sqlmodel'] as const;
export type Orm = (typeof ORMS)[number];
export const DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** Flags every command accepts (before or after the command name). */
export const commonArgs = {
  cwd: {
    type: 'string',
    description: 'Project directory (default: the current directory)',
    valueHint: 'dir',
  },
  config: {
    type: 'string',
    description: 'Config file (default: ormdoc.config.*, .ormdocrc, package.json "ormdoc")',
    valueHint: 'file',
  },
  verbose: { type: 'boolean', description: 'Show every phase, diagnostics and stacks' },
  quiet: { type: 'boolean', description: 'Print errors only' },
  color: {
    type: 'boolean',
    default: true,
    description: 'Colour output',
    negativeDescription: 'Disable colours',
  },
} as const satisfies ArgsDef;

/** Flags that say where the schema is (they override `source.*` in the config). */
export const sourceArgs = {
  orm: { type: 'enum', options: [...ORMS], description: 'Skip auto-detection' },
  schema: {
    type: 'string',
    description:
      'Prisma schema file/folder, Drizzle schema files, TypeORM entity files, or SQLModel module/JSON (repeatable)',
    valueHint: 'path',
  },
  'drizzle-config': { type: 'string', description: 'Drizzle: path of drizzle.config.ts', valueHint: 'file' },
  'data-source': { type: 'string', description: 'TypeORM: module exporting a DataSource', valueHint: 'file' },
  module: {
    type: 'string',
    description: 'SQLModel/SQLAlchemy: package.module[:attr] or file.py[:attr]',
    valueHint: 'module',
  },
  json: {
    type: 'string',
    description: 'SQLModel/SQLAlchemy: JSON written earlier by the exporter',
    valueHint: 'file',
  },
  python: { type: 'string', description: 'SQLModel/SQLAlchemy: Python interpreter', valueHint: 'path' },
  dialect: { type: 'enum', options: [...DIALECTS], description: 'SQL dialect when the schema does not say' },
  tsconfig: {
    type: 'string',
    description: 'tsconfig.json used to load TypeScript schemas',
    valueHint: 'file',
  },
} as const satisfies ArgsDef;

/** Flags that shape the documents (they override `output.*` in the config). */
export const outputArgs = {
  out: { type: 'string', description: 'Output directory (default: docs/database)', valueHint: 'dir' },
  template: {
    type: 'string',
    description:
      'Templates to render: overview, schema, design, target-state, architecture, or a file path (repeatable or comma list)',
    valueHint: 'ids',
  },
  full: {
    type: 'boolean',
    description:
      'Extract and render even when nothing changed since the last run (environment variables the schema reads are not tracked)',
  },
} as const satisfies ArgsDef;

/** Every flag value parsed, in the CLI's own terms. */
export interface CliFlags {
  cwd?: string;
  config?: string;
  verbose: boolean;
  quiet: boolean;
  color: boolean;
  orm?: Orm;
  schema?: string[];
  drizzleConfig?: string;
  dataSource?: string;
  module?: string;
  json?: string;
  python?: string;
  dialect?: Dialect;
  tsconfig?: string;
  out?: string;
  templates?: string[];
  /** --full: no unchanged run (extract and render even when the stamp says nothing changed). */
  full?: boolean;
}

/**
 * All values of a repeatable string flag (`--x a --x b`, `--x=a,b`). citty keeps only the last one,
 * so repeatable flags are read from the raw arguments.
 */
export function collectRepeated(rawArgs: readonly string[], name: string, splitCommas: boolean): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    if (arg === '--') break;
    let value: string | undefined;
    if (arg === `--${name}`) {
      value = rawArgs[i + 1];
      i++;
    } else if (arg.startsWith(`--${name}=`)) {
      value = arg.slice(name.length + 3);
    } else continue;
    if (value === undefined) continue;
    const parts = splitCommas ? value.split(',') : [value];
    values.push(...parts.map((p) => p.trim()).filter((p) => p.length > 0));
  }
  return values;
}

type ParsedValues = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Turn citty's parsed values (plus the raw arguments, for repeatable flags) into CliFlags. */
export function toCliFlags(args: ParsedValues, rawArgs: readonly string[]): CliFlags {
  const schema = collectRepeated(rawArgs, 'schema', false);
  const templates = collectRepeated(rawArgs, 'template', true);
  const flags: CliFlags = {
    verbose: args.verbose === true,
    quiet: args.quiet === true,
    color: args.color !== false,
  };
  const set = <K extends keyof CliFlags>(key: K, value: CliFlags[K] | undefined) => {
    if (value !== undefined) flags[key] = value;
  };
  set('cwd', str(args.cwd));
  set('config', str(args.config));
  set('orm', str(args.orm) as Orm | undefined);
  set('schema', schema.length ? schema : undefined);
  set('drizzleConfig', str(args['drizzle-config']));
  set('dataSource', str(args['data-source']));
  set('module', str(args.module));
  set('json', str(args.json));
  set('python', str(args.python));
  set('dialect', str(args.dialect) as Dialect | undefined);
  set('tsconfig', str(args.tsconfig));
  set('out', str(args.out));
  set('templates', templates.length ? templates : undefined);
  set('full', args.full === true ? true : undefined);
  return flags;
}
