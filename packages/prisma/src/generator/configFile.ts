import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, OrmdocError } from '@ormdoc/core';

/** The config files `ormdoc generate` looks for (c12's names and order). */
export const PROJECT_CONFIG_NAMES = [
  'ormdoc.config.js',
  'ormdoc.config.ts',
  'ormdoc.config.mjs',
  'ormdoc.config.cjs',
  'ormdoc.config.mts',
  'ormdoc.config.cts',
  'ormdoc.config.json',
];

/**
 * The project's ormdoc.config.* (used when the generator block names no `config`), so that
 * `prisma generate` and `ormdoc generate` write the same documents. A TypeScript config is only
 * read when `jiti` can be resolved from the project; otherwise it is skipped with a warning.
 */
export function findProjectConfig(root: string): { file?: string; skipped?: Diagnostic } | undefined {
  const name = PROJECT_CONFIG_NAMES.find((n) => existsSync(path.join(root, n)));
  if (!name) return undefined;
  const file = path.join(root, name);
  if (!/\.[cm]?ts$/.test(name)) return { file };
  try {
    createRequire(path.join(root, 'package.json')).resolve('jiti');
    return { file };
  } catch {
    return {
      skipped: {
        severity: 'warning',
        code: 'prisma/config-not-read',
        message: `${name} was not read by the Prisma generator: loading TypeScript needs \`jiti\` installed in the project.`,
        hint: 'Install jiti (or ormdoc) in the project, use ormdoc.config.json/.mjs, or name the file with the generator option `config`.',
      },
    };
  }
}

/** Read an ormdoc config file named in the generator block: JSON, JS, or TS (through jiti, when installed). */
export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new OrmdocError('CONFIG_NOT_FOUND', `The ormdoc config file ${file} does not exist.`, {
      file,
      cause,
      hint: 'The `config` option of the ormdoc generator is resolved relative to the schema file.',
    });
  }
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new OrmdocError('CONFIG_INVALID', `${file} is not valid JSON: ${(cause as Error).message}`, {
        file,
        cause,
        hint: 'Fix the JSON syntax of the config file.',
      });
    }
  }
  try {
    if (/\.(m|c)?js$/.test(file)) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      return mod.default ?? mod;
    }
    const require = createRequire(path.join(path.dirname(file), 'package.json'));
    const { createJiti } = (await import(pathToFileURL(require.resolve('jiti')).href)) as {
      createJiti(from: string): { import(id: string, opts?: { default?: boolean }): Promise<unknown> };
    };
    return await createJiti(file).import(file, { default: true });
  } catch (cause) {
    throw new OrmdocError(
      'MODULE_LOAD_FAILED',
      `Could not load the ormdoc config ${file}: ${(cause as Error).message}`,
      {
        file,
        cause,
        hint: file.endsWith('ts')
          ? 'TypeScript configs need `jiti` installed in the project; or use a .json/.mjs config.'
          : 'Fix the error in the config module.',
      },
    );
  }
}
