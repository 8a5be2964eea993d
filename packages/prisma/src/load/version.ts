import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The installed Prisma CLI version, as seen from the project: the first `node_modules/prisma`
 * from `cwd` upwards. Only the project's own folders count, not NODE_PATH (which pnpm points at
 * its own store when it runs ormdoc).
 */
export async function prismaVersion(cwd: string): Promise<string | undefined> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', 'prisma', 'package.json');
    if (existsSync(file)) {
      try {
        return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Where the project's Prisma major was read: the installed CLI, or a package.json range. */
export interface PrismaMajor {
  major: number;
  from: string;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * The major version of the Prisma the project itself runs: the installed `prisma` package
 * resolved from `cwd`, else the first `prisma` (then `@prisma/client`) dependency range found in
 * the package.json files from `cwd` up to the file system root (`"5.22.0"`, `"^6.3.1"`, `"~5"`,
 * `"npm:prisma@6.1.0"`). `undefined` when neither says (`"latest"`, `"catalog:"`, no Prisma at all).
 */
export async function projectPrismaMajor(cwd: string): Promise<PrismaMajor | undefined> {
  const installed = await prismaVersion(cwd);
  const major = installed ? majorOf(installed) : undefined;
  if (major !== undefined) return { major, from: `installed prisma ${installed}` };
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const found = await fromPackageJson(file);
      if (found) return { major: found.major, from: `${found.name} "${found.range}" in ${file}` };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function fromPackageJson(
  file: string,
): Promise<{ major: number; name: string; range: string } | undefined> {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const name of ['prisma', '@prisma/client'])
    for (const field of DEPENDENCY_FIELDS) {
      const range = (pkg[field] as Record<string, unknown> | undefined)?.[name];
      if (typeof range !== 'string') continue;
      const major = majorOf(range);
      if (major !== undefined) return { major, name, range };
    }
  return undefined;
}

/** The major of a version or a simple range: the first number after an optional `npm:name@` and operators. */
export function majorOf(range: string): number | undefined {
  const spec = range.trim().replace(/^npm:(@?[^@]+)@/, '');
  const m = /^(?:[\^~]|[<>]=?|=)?\s*v?(\d+)(?:[.\s]|$)/.exec(spec);
  return m ? Number(m[1]) : undefined;
}
