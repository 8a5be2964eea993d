import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DRIZZLE_CONFIG_NAMES } from './config/readConfig.js';

/** Evidence that a directory uses Drizzle: its drizzle.config.* files and a drizzle-orm dependency. */
export async function detectDrizzle(cwd: string): Promise<string[]> {
  const evidence = DRIZZLE_CONFIG_NAMES.filter((name) => existsSync(path.join(cwd, name)));
  const pkgPath = path.join(cwd, 'package.json');
  if (existsSync(pkgPath)) {
    try {
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      if (
        ['dependencies', 'devDependencies', 'peerDependencies'].some(
          (k) => pkg[k]?.['drizzle-orm'] !== undefined,
        )
      )
        evidence.push('package.json (drizzle-orm)');
    } catch {
      // an unreadable package.json is no evidence either way
    }
  }
  return evidence;
}
