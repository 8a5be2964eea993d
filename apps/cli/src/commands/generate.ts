import { commonArgs, outputArgs, sourceArgs } from '../args.js';
import { say } from '../context.js';
import { runDocsPipeline } from '../pipeline/docs.js';
import { generateSummary } from '../summary.js';
import { defineOrmdocCommand } from './_define.js';

export const generateCommand = defineOrmdocCommand({
  name: 'generate',
  description: 'Write or refresh the documents (text outside ormdoc markers is kept)',
  args: { ...commonArgs, ...sourceArgs, ...outputArgs },
  run: async (ctx) => {
    const run = await runDocsPipeline(ctx, false);
    say(ctx, generateSummary(ctx, run));
    return 0;
  },
});
