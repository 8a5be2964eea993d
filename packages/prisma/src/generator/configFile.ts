import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OrmdocError } from '@ormdoc/core';

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
