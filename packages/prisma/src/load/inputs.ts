import path from 'node:path';
import { treeInputs } from '@ormdoc/core';
import { besideSchema } from './beside.js';

/**
 * Every file and folder a Prisma extraction depends on, so that an unchanged run can skip it
 * (`StampInputs` in @ormdoc/core). A Prisma schema imports nothing, so the list is complete:
 * - the project folder, its `prisma/` folder and package.json (where the schema is looked for:
 *   prisma.config.*, the `prisma.schema` key, the default locations), and each prisma.config.*;
 * - the schema files and the folders they are in (a file added to a multi-file schema);
 * - everything under the `migrations/` and `views/` folders beside the schema or one level up
 *   (CHECK constraints, policies, triggers, functions and view SQL), folders included;
 * - the installed Prisma's package.json up the tree (the version changes which rules apply).
 */
export function prismaInputs(cwd: string, schemaFiles: readonly string[]): string[] {
  const root = path.resolve(cwd);
  const out = [
    root,
    path.join(root, 'prisma'),
    path.join(root, 'package.json'),
    ...['ts', 'mts', 'js', 'mjs', 'cjs'].map((ext) => path.join(root, `prisma.config.${ext}`)),
  ];
  for (const file of schemaFiles) out.push(file, path.dirname(file));
  for (const name of ['migrations', 'views'] as const)
    for (const dir of besideSchema(schemaFiles, name)) out.push(...treeInputs(dir));
  for (let dir = root; ; dir = path.dirname(dir)) {
    out.push(path.join(dir, 'node_modules', 'prisma', 'package.json'));
    if (path.dirname(dir) === dir) break;
  }
  return out;
}
