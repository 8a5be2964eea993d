import { resolve } from 'node:path';
import { assertHasTables, relativePosix, renderSite, toPosixPath, writeSite } from '@ormdoc/core';
import { commonArgs, outputArgs, sourceArgs } from '../args.js';
import { say } from '../context.js';
import { loadAndExtract } from '../pipeline/extract.js';
import { plural } from '../progress.js';
import { defineOrmdocCommand } from './_define.js';

/** Where the site goes without `--out`: a `site/` folder inside the documents' folder. */
export const SITE_DIR = 'site';

export const siteCommand = defineOrmdocCommand({
  name: 'site',
  description:
    'Write a static HTML site (tables with search, per-table pages, diagrams, the documents) that opens from file://',
  args: {
    ...commonArgs,
    ...sourceArgs,
    out: {
      type: 'string',
      description: `Site folder, replaced as a whole (default: the documents' folder + /${SITE_DIR}, e.g. docs/database/${SITE_DIR})`,
      valueHint: 'dir',
    },
    template: outputArgs.template,
    diagrams: {
      type: 'boolean',
      default: true,
      description: "Embed the SVG ER diagrams (overview, parts, each table's neighbourhood)",
      negativeDescription: 'Leave the diagrams out (faster on very large schemas)',
    },
  },
  run: async (ctx, args) => {
    // `--out` here is the site's folder, not the documents' one: keep it out of the config.
    const flags = { ...ctx.flags };
    delete flags.out;
    const { loaded, extracted } = await loadAndExtract(ctx, flags);
    const { config } = loaded;
    assertHasTables(extracted.ir);
    const siteDir = resolve(ctx.cwd, ctx.flags.out ?? `${config.output.dir}/${SITE_DIR}`);
    const relative = relativePosix(ctx.cwd, siteDir) || '.';
    // A folder outside the project is named in full.
    const siteRel = relative.startsWith('../') ? toPosixPath(siteDir) : relative;
    const site = await ctx.progress.phase(
      'render',
      () =>
        renderSite({
          ir: extracted.ir,
          config,
          cwd: ctx.cwd,
          siteDir,
          ...(args.diagrams === false ? { diagrams: false as const } : {}),
        }),
      (r) => `${plural(r.files.length, 'file')}, ${plural(r.findings.length, 'finding')}`,
    );
    await ctx.progress.phase(
      'write',
      async () => writeSite(siteDir, site.files),
      () => `${siteRel}`,
    );
    say(
      ctx,
      `Wrote the site to ${siteRel}/index.html (${plural(extracted.ir.tables.length, 'table')}); open it in a browser.`,
    );
    return 0;
  },
});
