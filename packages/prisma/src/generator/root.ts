import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root for relative paths: the nearest folder above the schema with a package.json. */
export function projectRoot(schemaPath: string): string {
  let dir = path.dirname(path.resolve(schemaPath));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(path.resolve(schemaPath));
    dir = parent;
  }
}
