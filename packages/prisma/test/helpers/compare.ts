import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type Ir, renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl } from '@ormdoc/core/testing';
import { findSchemaFiles, stripDatasourceUrls } from '@ormdoc/prisma';
import { readMigrations } from '../../src/load/migrations.js';
import { prismaMigrateDdl } from './prismaDdl.js';

/** The hand-written CHECK statements of a migration history (Prisma never generates them). */
function checkStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => /ADD\s+CONSTRAINT[\s\S]+CHECK\s*\(/i.test(s))
    .map((s) => `${s};`);
}

/**
 * Prisma's own DDL for the schema at `cwd`/`schema` (plus the migrations' hand-written CHECKs)
 * and ormdoc's DDL for `ir`, each executed on PostgreSQL and compared by introspection.
 */
export async function compareWithPrisma(
  db: PGlite,
  options: { cwd: string; schema?: string; ir: Ir },
): Promise<{ differences: string[]; prismaDdl: string; ormdocDdl: string }> {
  const files = await findSchemaFiles(options.cwd, options.schema);
  const engineFiles = await Promise.all(
    files.map(async (f) => ({
      path: f.path,
      // the Prisma 7 engine rejects Prisma 6 `url`s, exactly like ormdoc's loader works around
      content: stripDatasourceUrls(await readFile(f.absolute, 'utf8')),
    })),
  );
  const migrations = await readMigrations(
    options.cwd,
    files.map((f) => path.resolve(options.cwd, f.path)),
  );
  const prismaDdl = [
    await prismaMigrateDdl(engineFiles),
    ...migrations.flatMap((m) => checkStatements(m.content)),
  ].join('\n');
  const ormdocDdl = renderDdl(options.ir, { dialect: 'postgresql' });
  const expected = await shapeOfDdl(db, prismaDdl);
  const actual = await shapeOfDdl(db, ormdocDdl);
  return { differences: compareShapes(expected, actual, { ignoreComments: true }), prismaDdl, ormdocDdl };
}
