import { commonArgs, outputArgs, sourceArgs } from '../args.js';
import { say } from '../context.js';
import { runDocsPipeline } from '../pipeline/docs.js';
import { generateSummary } from '../summary.js';
import { measureArgs, measuredSource } from './_database.js';
import { defineOrmdocCommand } from './_define.js';

export const generateCommand = defineOrmdocCommand({
  name: 'generate',
  description: 'Write or refresh the documents (text outside ormdoc markers is kept)',
  args: { ...commonArgs, ...sourceArgs, ...outputArgs, ...measureArgs },
  run: async (ctx, args) => {
    const measured = measuredSource(ctx, args);
    const run = await runDocsPipeline(ctx, false, measured ? { measured } : {});
    say(ctx, generateSummary(ctx, run));
    return 0;
  },
});
