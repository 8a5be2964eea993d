import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OrmdocError, toPosixPath } from '@ormdoc/core';
import { globSync } from 'tinyglobby';

const MODULE_EXT = /\.(ts|js|mjs|cjs|mts|cts)$/;

/**
 * drizzle-kit's `prepareFilenames`: each entry is a file, a folder (its files, not recursive) or a
 * glob, resolved against the working directory; only TS/JS modules count. Sorted, absolute.
 */
export function resolveSchemaFiles(patterns: string[], cwd: string, origin?: string): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    const matches = globSync(toPosixPath(p), {
      cwd,
      absolute: true,
      onlyFiles: false,
      expandDirectories: false,
      dot: true,
    });
    for (const m of matches) {
      const abs = path.resolve(m);
      if (statSync(abs).isDirectory()) {
        for (const f of readdirSync(abs)) {
          const child = path.join(abs, f);
          if (!statSync(child).isDirectory()) out.add(child);
        }
      } else out.add(abs);
    }
  }
  const files = [...out].filter((f) => MODULE_EXT.test(f) && !f.endsWith('.d.ts')).sort();
  if (files.length === 0)
    throw new OrmdocError(
      'INPUT_NOT_FOUND',
      `No drizzle schema files found for ${patterns.map((p) => `'${p}'`).join(', ')} (relative to ${cwd}).`,
      {
        ...(origin ? { file: origin } : {}),
        hint: 'Point "schema" at your table files (a .ts file, a folder or a glob such as "./src/db/schema/*.ts"), relative to the directory you run drizzle-kit from.',
      },
    );
  return files;
}
