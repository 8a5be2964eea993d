import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, shapeOfSqliteDdl, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './_kit.js';

/**
 * The peer range, proven: ormdoc's DDL against the DDL of the drizzle-kit installed next to each
 * drizzle-orm version, for every conformance fixture, on PGlite and sql.js.
 *
 * `ORMDOC_DRIZZLE_PEERS` lists folders (separated by the path delimiter), each with its own
 * node_modules/drizzle-orm and node_modules/drizzle-kit, e.g. made by `test/peers.sh` (the install
 * matrix runs it with the oldest supported pair and the newest). Without it, nothing runs here:
 * the package's own devDependency versions are covered by the other tests.
 */
const dirs = (process.env.ORMDOC_DRIZZLE_PEERS ?? '').split(path.delimiter).filter(Boolean);

const fixtures = readdirSync(path.join(FIXTURES, 'conformance'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.mysql.ts'))
  .map((f) => path.join('conformance', f))
  .concat(readdirSync(path.join(FIXTURES, 'pg')).map((f) => path.join('pg', f)))
  // written in the style of drizzle-orm before 0.36 (every column named, extra config as an object)
  .concat(readdirSync(path.join(FIXTURES, 'legacy')).map((f) => path.join('legacy', f)));

interface Kit {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string): unknown | Promise<unknown>;
  generateMigration(prev: unknown, cur: unknown): Promise<string[]>;
  generateSQLiteDrizzleJson(imports: Record<string, unknown>, prevId?: string): Promise<unknown>;
  generateSQLiteMigration(prev: unknown, cur: unknown): Promise<string[]>;
}

function version(dir: string, pkg: string): string {
  return (
    JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

async function kitDdlOf(kit: Kit, exports: Record<string, unknown>, sqlite: boolean): Promise<string> {
  if (sqlite) {
    const prev = await kit.generateSQLiteDrizzleJson({});
    const sql = await kit.generateSQLiteMigration(prev, await kit.generateSQLiteDrizzleJson(exports));
    return sql.join('\n').replaceAll('--> statement-breakpoint', '');
  }
  const prev = await kit.generateDrizzleJson({});
  return (await kit.generateMigration(prev, await kit.generateDrizzleJson(exports))).join('\n');
}

describe.skipIf(dirs.length === 0)(
  'drizzle-orm peers: ormdoc DDL creates the database drizzle-kit creates',
  () => {
    for (const dir of dirs) {
      const label = existsSync(path.join(dir, 'node_modules/drizzle-orm'))
        ? `drizzle-orm ${version(dir, 'drizzle-orm')} + drizzle-kit ${version(dir, 'drizzle-kit')}`
        : dir;
      describe(label, () => {
        const schemas = path.join(dir, 'ormdoc-peer-schemas');
        mkdirSync(schemas, { recursive: true });
        const req = createRequire(path.join(dir, 'package.json'));
        const jiti = createJiti(path.join(dir, 'index.js'), { moduleCache: false, fsCache: false });
        for (const fixture of fixtures) {
          it(fixture, async (ctx) => {
            const file = path.join(schemas, fixture);
            mkdirSync(path.dirname(file), { recursive: true });
            cpSync(path.join(FIXTURES, fixture), file);
            const sqlite = fixture.endsWith('.sqlite.ts');
            const kit = (await import(pathToFileURL(req.resolve('drizzle-kit/api')).href)) as Kit;
            let kitDdl: string;
            try {
              const exports = (await jiti.import(file)) as Record<string, unknown>;
              kitDdl = await kitDdlOf(kit, exports, sqlite);
            } catch (e) {
              // a fixture written for a newer drizzle (key-named columns, checks): this drizzle-kit
              // cannot read it either. Every version still runs the legacy fixtures.
              if (fixture.startsWith('legacy')) throw e;
              ctx.skip(
                `drizzle-kit ${version(dir, 'drizzle-kit')} refuses it: ${(e as Error).message.split('\n')[0]}`,
              );
              return;
            }
            const { ir } = await loadDrizzle({
              cwd: dir,
              schema: path.relative(dir, file),
              dialect: sqlite ? 'sqlite' : 'postgresql',
            });
            const ddl = renderDdl(ir);
            if (sqlite) {
              const expected = await shapeOfSqliteDdl(kitDdl);
              expect(compareShapes(expected, await shapeOfSqliteDdl(ddl), { ignoreComments: true })).toEqual(
                [],
              );
            } else {
              const db = await startPglite();
              const expected = await shapeOfDdl(db, kitDdl);
              expect(compareShapes(expected, await shapeOfDdl(db, ddl), { ignoreComments: true })).toEqual(
                [],
              );
            }
          });
        }
      });
    }
  },
);
