import { createRequire } from 'node:module';
import type { DrizzleApi } from './types.js';

let bundled: DrizzleApi | undefined;

/**
 * The drizzle-orm that ormdoc itself resolves (a peer dependency: normally the project's own copy),
 * for `fromDrizzleTables` without an `api`. Required on first use: `loadDrizzle` uses the copy the
 * schema imports, so a CLI run does not pay for loading a second drizzle-orm and its three cores.
 */
export function bundledDrizzleApi(): DrizzleApi {
  if (!bundled) {
    const require = createRequire(import.meta.url);
    let version: string | undefined;
    try {
      version = (require('drizzle-orm/package.json') as { version?: string }).version;
    } catch {
      version = undefined;
    }
    bundled = {
      orm: require('drizzle-orm') as DrizzleApi['orm'],
      casing: require('drizzle-orm/casing') as DrizzleApi['casing'],
      pg: require('drizzle-orm/pg-core') as NonNullable<DrizzleApi['pg']>,
      mysql: require('drizzle-orm/mysql-core') as NonNullable<DrizzleApi['mysql']>,
      sqlite: require('drizzle-orm/sqlite-core') as NonNullable<DrizzleApi['sqlite']>,
      ...(version ? { version } : {}),
    };
  }
  return bundled;
}
