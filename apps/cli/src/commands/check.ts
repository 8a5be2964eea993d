import { commonArgs, outputArgs, sourceArgs } from '../args.js';
import { runDocsPipeline, todoPath } from '../pipeline/docs.js';
import { checkSummary, colorDiff } from '../summary.js';
import { defineOrmdocCommand } from './_define.js';

export const checkCommand = defineOrmdocCommand({
  name: 'check',
  description: 'Exit 1 with a diff when the committed documents are stale (writes nothing; for CI)',
  args: { ...commonArgs, ...sourceArgs, ...outputArgs },
  run: async (ctx) => {
    const run = await runDocsPipeline(ctx, true);
    const { stale } = run.written;
    if (!ctx.flags.quiet) {
      for (const file of stale) {
        ctx.io.stdout(`${ctx.colors.yellow(`stale: ${todoPath(run, file.path)}`)}\n`);
        ctx.io.stdout(`${colorDiff(ctx, file.diff.trimEnd())}\n\n`);
      }
    }
    // The one-line summary is printed even with --quiet: it is what a CI log needs.
    ctx.io.stdout(`${checkSummary(run)}\n`);
    return stale.length > 0 ? 1 : 0;
  },
});
