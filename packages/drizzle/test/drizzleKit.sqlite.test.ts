import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfSqliteDdl } from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { drizzleKitDdl, FIXTURES, importSchema, PACKAGE_DIR } from './_kit.js';

/** SQLite: drizzle-kit's migration SQL and ormdoc's DDL executed on sql.js and compared by introspection. */
const fixtures = readdirSync(path.join(FIXTURES, 'conformance'))
  .filter((f) => f.endsWith('.sqlite.ts'))
  .map((f) => path.join('conformance', f))
  .concat(
    readdirSync(path.join(FIXTURES, 'legacy'))
      .filter((f) => f.endsWith('.sqlite.ts'))
      .map((f) => path.join('legacy', f)),
  );

describe('SQLite: ormdoc DDL creates the database drizzle-kit creates', () => {
  for (const fixture of fixtures) {
    it(fixture, async () => {
      const file = path.join(FIXTURES, fixture);
      const kit = await drizzleKitDdl('sqlite', await importSchema([file]));
      const { ir } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, file),
        dialect: 'sqlite',
      });
      const expected = await shapeOfSqliteDdl(kit.replaceAll('--> statement-breakpoint', ''));
      const actual = await shapeOfSqliteDdl(renderDdl(ir));
      expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
      expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
    });
  }
});
