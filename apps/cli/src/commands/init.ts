import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OrmdocError } from '@ormdoc/core';
import { commonArgs, outputArgs, sourceArgs } from '../args.js';
import { templateEntry } from '../config/merge.js';
import { say } from '../context.js';
import { chooseOrm } from '../detect/detect.js';
import { renderInitConfig } from '../init/template.js';
import { defineOrmdocCommand } from './_define.js';

export const CONFIG_FILE = 'ormdoc.config.ts';

/** Config files ormdoc would load (c12 names), so `init` never writes a second, shadowed one. */
async function existingConfigs(cwd: string): Promise<string[]> {
  const names = await readdir(cwd).catch(() => [] as string[]);
  return names
    .filter((n) => /^ormdoc\.config\.[cm]?[jt]s$|^ormdoc\.config\.json$|^\.ormdocrc$/.test(n))
    .sort();
}

export const initCommand = defineOrmdocCommand({
  name: 'init',
  description: 'Detect the ORM and write a commented ormdoc.config.ts',
  args: {
    ...commonArgs,
    orm: sourceArgs.orm,
    ...outputArgs,
    force: { type: 'boolean', description: 'Overwrite an existing config file' },
  },
  run: async (ctx, args) => {
    const { cwd, flags } = ctx;
    const existing = await existingConfigs(cwd);
    if (existing.length > 0 && args.force !== true) {
      throw new OrmdocError('CONFIG_INVALID', `A config file already exists: ${existing.join(', ')}.`, {
        file: existing[0],
        hint: 'Edit it, or run `ormdoc init --force` to replace it.',
      });
    }
    const detection = await chooseOrm(cwd, flags.orm);
    const content = renderInitConfig({
      detection,
      ...(flags.out ? { outDir: flags.out } : {}),
      ...(flags.templates ? { templates: flags.templates.map(templateEntry) } : {}),
    });
    const target = join(cwd, CONFIG_FILE);
    const replaced = existsSync(target);
    await writeFile(target, content, 'utf8');
    say(
      ctx,
      `${ctx.colors.green('ormdoc')}: ${replaced ? 'replaced' : 'wrote'} ${CONFIG_FILE} for ${detection.orm}.`,
    );
    say(ctx, 'Next: fill in `project` facts, then run `ormdoc generate`.');
    return 0;
  },
});
