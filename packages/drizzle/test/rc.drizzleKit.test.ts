import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { importSchema, PACKAGE_DIR } from './_kit.js';
import { RC_DIR, RC_VERSION, rcKitDdl } from './_rc.js';

/**
 * drizzle-orm 1.0 RC: for every PostgreSQL fixture of the RC project, drizzle-kit 1.0 RC's own
 * migration SQL and ormdoc's DDL run on a real PostgreSQL (PGlite) and the two databases are
 * compared by introspection, constraint and index names included (drizzle-kit 1.0 names keys
 * differently from 0.31: `_pkey`, `_key`, `_fkey`).
 */
const fixtures = ['conformance', 'pg'].flatMap((dir) =>
  readdirSync(path.join(RC_DIR, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f)),
);

describe('drizzle-orm 1.0 RC on PostgreSQL: ormdoc DDL creates the database drizzle-kit 1.0 RC creates', () => {
  for (const fixture of fixtures) {
    it(fixture, async () => {
      const file = path.join(RC_DIR, fixture);
      const expected = await rcKitDdl(await importSchema([file]));
      const { ir, diagnostics } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, file),
        dialect: 'postgresql',
      });
      expect(ir.source.ormVersion).toBe(RC_VERSION);
      expect(diagnostics).toEqual([]);
      const db = await startPglite();
      const kitShape = await shapeOfDdl(db, expected);
      const ormdocShape = await shapeOfDdl(db, renderDdl(ir));
      expect(Object.keys(kitShape.tables).length).toBeGreaterThan(0);
      expect(compareShapes(kitShape, ormdocShape, { ignoreComments: true })).toEqual([]);
    });
  }
});
