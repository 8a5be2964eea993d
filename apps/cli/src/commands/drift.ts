import { OrmdocError } from '@ormdoc/core';
import type { ArgsDef } from 'citty';
import { commonArgs, sourceArgs } from '../args.js';
import { loadAndExtract } from '../pipeline/extract.js';
import { DATABASE_URL_ENV, databaseArgs, databaseUrlOf, readDatabase } from './_database.js';
import { defineOrmdocCommand } from './_define.js';

export const DRIFT_FORMATS = ['markdown', 'json'] as const;

/** The flags of `ormdoc drift` (run.ts must not read the value of a value flag as the command). */
export const driftArgs = {
  ...databaseArgs,
  format: {
    type: 'enum',
    options: [...DRIFT_FORMATS],
    default: 'markdown',
    description: 'markdown or json',
  },
  'fail-on-drift': { type: 'boolean', description: 'Exit 1 when the database differs from the schema' },
} as const satisfies ArgsDef;

export const driftCommand = defineOrmdocCommand({
  name: 'drift',
  description:
    "Compare the ORM's schema with a live database: only in the database, only in the ORM, what differs (reads only)",
  args: { ...commonArgs, ...sourceArgs, ...driftArgs },
  run: async (ctx, args) => {
    const url = databaseUrlOf(ctx, args);
    if (!url)
      throw new OrmdocError('INPUT_NOT_FOUND', '`ormdoc drift` needs a database to compare with.', {
        hint: `Set ${DATABASE_URL_ENV}=postgres://user@host:5432/db (or pass --database-url).`,
      });
    const { extracted } = await loadAndExtract(ctx, { ...ctx.flags });
    const orm = extracted.ir;
    const { ir: database, server, db } = await readDatabase(ctx, args, url, orm.source.orm, 'drift');
    if (orm.dialect !== database.dialect)
      throw new OrmdocError(
        'CONFIG_INVALID',
        `The schema is written for ${orm.dialect}, but ${server.label} is a ${database.dialect} database.`,
        {
          hint: 'Point --database-url at the database this schema deploys to (or set the dialect with --dialect).',
        },
      );
    const report = db.driftReport(orm, database, { database: server.label });
    if (args.format === 'json') ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else ctx.io.stdout(db.renderDriftMarkdown(report));
    return args['fail-on-drift'] === true && report.items.length > 0 ? 1 : 0;
  },
});
