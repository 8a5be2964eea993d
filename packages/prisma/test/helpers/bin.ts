import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '../..');

/**
 * How the tests run the `ormdoc-prisma` bin without a build: the TypeScript source through jiti
 * (a devDependency), with `@ormdoc/core` aliased to its source. `dist/bin.js` (after
 * `pnpm build`) is what users run; it is the same code.
 */
export function binCommand(): { command: string; env: Record<string, string> } {
  const require = createRequire(import.meta.url);
  const jitiPkg = require.resolve('jiti/package.json');
  const jitiCli = path.join(path.dirname(jitiPkg), 'lib', 'jiti-cli.mjs');
  const bin = path.join(packageDir, 'src', 'bin.ts');
  return {
    command: `node ${JSON.stringify(jitiCli)} ${JSON.stringify(bin)}`,
    env: {
      JITI_ALIAS: JSON.stringify({
        '@ormdoc/core/reuse': path.resolve(packageDir, '../core/src/write/reuse.ts'),
        '@ormdoc/core': path.resolve(packageDir, '../core/src/index.ts'),
      }),
    },
  };
}

/** The Prisma CLI entry (prisma/build/index.js) of the installed devDependency. */
export function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
}
