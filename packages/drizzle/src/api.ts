import { createRequire } from 'node:module';
import * as orm from 'drizzle-orm';
import * as casing from 'drizzle-orm/casing';
import * as mysql from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as sqlite from 'drizzle-orm/sqlite-core';
import type { DrizzleApi } from './types.js';

let bundled: DrizzleApi | undefined;

/** The drizzle-orm that ormdoc itself resolves (a peer dependency: normally the project's own copy). */
export function bundledDrizzleApi(): DrizzleApi {
  if (!bundled) {
    let version: string | undefined;
    try {
      version = (createRequire(import.meta.url)('drizzle-orm/package.json') as { version?: string }).version;
    } catch {
      version = undefined;
    }
    bundled = { orm, casing, pg, mysql, sqlite, ...(version ? { version } : {}) };
  }
  return bundled;
}
