import { TEMPLATE_IDS } from '@ormdoc/core';
import type { Orm } from '../args.js';
import type { Detection } from '../detect/detect.js';

const q = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The `source` lines of the config for the detected ORM: the key that points at the schema. */
function sourceLines(orm: Orm, evidence: string[]): string[] {
  const first = (re: RegExp) => evidence.find((e) => re.test(e));
  switch (orm) {
    case 'prisma': {
      const schema = first(/\.prisma$|^prisma\/schema\/$/);
      return [
        '    // Prisma schema file or folder (a multi-file `prisma/schema/` folder works too).',
        `    ${schema ? '' : '// '}schema: ${q(schema ? schema.replace(/\/$/, '') : 'prisma/schema.prisma')},`,
      ];
    }
    case 'drizzle': {
      const file = first(/^drizzle\.config\./) ?? 'drizzle.config.ts';
      return [
        '    // drizzle.config.ts: its dialect, schema globs, casing and filters are read from it.',
        `    drizzleConfig: ${q(file)},`,
      ];
    }
    case 'typeorm': {
      const dataSource = first(/data-source\.|ormconfig\./);
      const entity = first(/\.entity\.(ts|js|mts|mjs)$/);
      const entityGlob = entity
        ? `${entity.slice(0, entity.lastIndexOf('/') + 1)}*.entity.ts`
        : 'src/**/*.entity.ts';
      return dataSource
        ? [
            '    // A module exporting a DataSource (or DataSourceOptions) with the entities.',
            `    dataSource: ${q(dataSource)},`,
            '    // Or list the entity files instead:',
            `    // entities: [${q(entityGlob)}],`,
          ]
        : [
            '    // Entity files or globs (or `dataSource`: a module exporting a DataSource).',
            `    entities: [${q(entityGlob)}],`,
          ];
    }
    case 'sqlmodel': {
      const json = first(/\.json$/);
      const module = first(/\.py$/);
      return [
        '    // `module`: package.module[:attr] or path/to/models.py, run with `python` (needs SQLModel/SQLAlchemy).',
        `    ${module && !json ? '' : '// '}module: ${q(module ?? 'app/models.py')},`,
        "    // python: '.venv/bin/python',",
        '    // `json`: the exporter JSON written earlier (no Python needed).',
        `    ${json ? '' : '// '}json: ${q(json ?? 'schema.json')},`,
      ];
    }
    default: {
      const never: never = orm;
      return never;
    }
  }
}

export interface InitOptions {
  detection: Detection;
  outDir?: string;
  templates?: Array<string | { path: string }>;
}

/** A commented `ormdoc.config.ts` for the detected ORM. Deterministic: same project, same file. */
export function renderInitConfig(options: InitOptions): string {
  const { orm, evidence } = options.detection;
  const templates = options.templates ?? [...TEMPLATE_IDS];
  const templateList = templates
    .map((t) => (typeof t === 'string' ? q(t) : `{ path: ${q(t.path)} }`))
    .join(', ');
  const detected = evidence.length ? `Detected from ${evidence.join(', ')}.` : 'Chosen with --orm.';
  return `// ormdoc configuration. Every key is optional; flags on the command line override them.
// Reference: the "Config file" section of the ormdoc package's README (node_modules/ormdoc/README.md).
import { defineConfig } from 'ormdoc';

export default defineConfig({
  source: {
    // ${detected} Remove \`orm\` to auto-detect on every run.
    orm: ${q(orm)},
${sourceLines(orm, evidence).join('\n')}
  },
  output: {
${outputLines(orm, options, templateList).join('\n')}
  },
  // Facts only a person knows. Each one left out stays a counted TODO in the documents.
  project: {
    // name: 'My app',
    // hosting: 'PostgreSQL 16 on AWS RDS, eu-west-1',
    // backups: 'daily snapshots, 7 days of point-in-time recovery',
    // rpo: '5 minutes',
    // rto: '1 hour',
    // owners: 'platform team',
  },
  // Descriptions and tags per table and column, merged over the ORM's own comments:
  // overlay: { users: { description: 'People who sign in', columns: { email: { tags: ['pii'] } } } },
});
`;
}

/**
 * The `output` keys. For Drizzle, keys not given as flags stay commented out: set here they would
 * hide the `withOrmdoc(..., { output })` of drizzle.config.ts (this file wins over it).
 */
function outputLines(orm: Orm, options: InitOptions, templateList: string): string[] {
  const viaDrizzle = orm === 'drizzle';
  const line = (given: boolean, text: string) => (viaDrizzle && !given ? `    // ${text}` : `    ${text}`);
  return [
    '    // Where the documents are written, relative to the project folder.',
    ...(viaDrizzle && !options.outDir
      ? ['    // Unset: the `output` of withOrmdoc(...) in drizzle.config.ts, else docs/database.']
      : []),
    line(options.outDir !== undefined, `dir: ${q(options.outDir ?? 'docs/database')},`),
    `    // Built-in templates: ${TEMPLATE_IDS.join(', ')}; or your own: { path: 'docs/my-template.md' }.`,
    line(options.templates !== undefined, `templates: [${templateList}],`),
  ];
}
