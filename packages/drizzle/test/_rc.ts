import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES } from './_kit.js';

/**
 * Test helpers for the drizzle 1.0 release-candidate fixture project (test/fixtures/rc1): it has
 * its own package.json with drizzle-orm and drizzle-kit 1.0.0-rc.5, so its schema files import the RC.
 */

export const RC_DIR = path.join(FIXTURES, 'rc1');
export const RC_EXAMPLE_DIR = path.join(RC_DIR, 'example');
export const RC_VERSION = '1.0.0-rc.5';

const rcRequire = createRequire(path.join(RC_DIR, 'package.json'));

interface RcKitPostgres {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string): Promise<{ id: string }>;
  generateMigration(prev: unknown, cur: unknown): Promise<string[]>;
}

let kit: Promise<RcKitPostgres> | undefined;

/** drizzle-kit 1.0 RC's own PostgreSQL DDL for these exports, from an empty database (offline). */
export async function rcKitDdl(exports: Record<string, unknown>): Promise<string> {
  kit ??= import(pathToFileURL(rcRequire.resolve('drizzle-kit/api-postgres')).href) as Promise<RcKitPostgres>;
  const api = await kit;
  const prev = await api.generateDrizzleJson({});
  const cur = await api.generateDrizzleJson(exports, prev.id);
  return (await api.generateMigration(prev, cur))
    .map((s) => (s.trimEnd().endsWith(';') ? s : `${s};`))
    .join('\n');
}
