import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { drizzleKitDdl, FIXTURES, importSchema, PACKAGE_DIR } from './_kit.js';

/**
 * Correctness against drizzle-kit: for every PostgreSQL fixture, drizzle-kit's own migration SQL
 * and ormdoc's DDL (from the IR) are executed on a real PostgreSQL (PGlite) and the two databases
 * are compared by introspection, constraint and index names included.
 */
const pgFixtures = readdirSync(path.join(FIXTURES, 'conformance'))
  .filter((f) => f.endsWith('.ts') && !/\.(mysql|sqlite)\.ts$/.test(f))
  .map((f) => path.join('conformance', f));
const extra = readdirSync(path.join(FIXTURES, 'pg'))
  .map((f) => path.join('pg', f))
  .concat(
    readdirSync(path.join(FIXTURES, 'legacy'))
      .filter((f) => !/\.(mysql|sqlite)\.ts$/.test(f))
      .map((f) => path.join('legacy', f)),
  );

describe('PostgreSQL: ormdoc DDL creates the database drizzle-kit creates', () => {
  for (const fixture of [...pgFixtures, ...extra]) {
    it(fixture, async () => {
      const file = path.join(FIXTURES, fixture);
      const expected = await drizzleKitDdl('postgresql', await importSchema([file]));
      const { ir } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, file),
        dialect: 'postgresql',
      });
      const db = await startPglite();
      const kitShape = await shapeOfDdl(db, expected);
      const ormdocShape = await shapeOfDdl(db, renderDdl(ir));
      expect(Object.keys(kitShape.tables).length).toBeGreaterThan(0);
      expect(compareShapes(kitShape, ormdocShape, { ignoreComments: true })).toEqual([]);
    });
  }
});
