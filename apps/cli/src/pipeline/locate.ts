import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where an extractor package is installed. The user's project comes first: `npx ormdoc` runs from
 * npm's cache, so a package the project installed cannot be found from ormdoc's own location, and
 * the project's copy is the one that sees the project's own ORM. Then ormdoc's own location
 * (`npx -p ormdoc -p @ormdoc/prisma ...`, a global install, this monorepo).
 */
export type Located =
  | { where: 'project'; entry: string; root: string }
  | { where: 'self'; root: string }
  | { where: 'nowhere' };

/** The real folder of `pkg` as resolved from `base` (a file path or URL), or undefined. */
function packageRoot(base: string | URL, pkg: string): string | undefined {
  try {
    return realpathSync(dirname(createRequire(base).resolve(`${pkg}/package.json`)));
  } catch {
    return undefined;
  }
}

export function locatePackage(pkg: string, cwd: string, self: string | URL): Located {
  const own = packageRoot(self, pkg);
  const project = packageRoot(join(cwd, 'package.json'), pkg);
  if (project && project !== own) {
    const entry = createRequire(join(project, 'package.json')).resolve(pkg);
    return { where: 'project', entry: pathToFileURL(entry).href, root: project };
  }
  if (own) return { where: 'self', root: own };
  return { where: 'nowhere' };
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The project's package manager, from its lock file (the nearest one up from cwd); npm by default. */
export function packageManagerOf(cwd: string): PackageManager {
  let dir = cwd;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm';
    if (existsSync(join(dir, 'yarn.lock'))) return 'yarn';
    if (existsSync(join(dir, 'bun.lockb')) || existsSync(join(dir, 'bun.lock'))) return 'bun';
    if (existsSync(join(dir, 'package-lock.json'))) return 'npm';
    const parent = dirname(dir);
    if (parent === dir) return 'npm';
    dir = parent;
  }
}

/** The command that adds `pkg` as a dev dependency with that package manager. */
export function addDevCommand(manager: PackageManager, pkg: string): string {
  switch (manager) {
    case 'npm':
      return `npm i -D ${pkg}`;
    case 'pnpm':
      return `pnpm add -D ${pkg}`;
    case 'yarn':
      return `yarn add -D ${pkg}`;
    case 'bun':
      return `bun add -d ${pkg}`;
    default: {
      const never: never = manager;
      return never;
    }
  }
}
