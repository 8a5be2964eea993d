import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import {
  compareShapes,
  type MysqlHarness,
  mysqlShapeMismatches,
  mysqlSkip,
  shapeOfMysqlDdl,
  startMysql,
} from '@ormdoc/core/testing';
import { loadDrizzle } from '@ormdoc/drizzle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, importSchema, PACKAGE_DIR } from './_kit.js';

/** MySQL: drizzle-kit's migration SQL and ormdoc's DDL executed on MariaDB and compared by introspection. */
const fixtures = readdirSync(path.join(FIXTURES, 'conformance')).filter((f) => f.endsWith('.mysql.ts'));

/** drizzle-kit's own MySQL DDL for these exports, from an empty database (its programmatic API, offline). */
async function drizzleKitMysqlDdl(exports: Record<string, unknown>): Promise<string> {
  const api = await import('drizzle-kit/api');
  const prev = await api.generateMySQLDrizzleJson({});
  const cur = await api.generateMySQLDrizzleJson(exports, prev.id);
  return (await api.generateMySQLMigration(prev, cur))
    .map((s) => `${s.trim().replace(/;$/, '')};`)
    .join('\n');
}

const gate = mysqlSkip();

describe.skipIf(gate.skip)(`MySQL: ormdoc DDL creates the database drizzle-kit creates ${gate.title}`, () => {
  let h: MysqlHarness;
  beforeAll(async () => {
    h = await startMysql();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('has MySQL fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      const file = path.join(FIXTURES, 'conformance', fixture);
      const kit = await drizzleKitMysqlDdl(await importSchema([file]));
      const { ir } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, file),
        dialect: 'mysql',
      });
      // MySQL takes drizzle-kit's `serial AUTO_INCREMENT`; MariaDB rejects the repeated AUTO_INCREMENT
      // (SERIAL already implies it), so that one spelling is adjusted before executing it.
      const expected = await shapeOfMysqlDdl(h, kit.replaceAll(' serial AUTO_INCREMENT ', ' serial '));
      const actual = await shapeOfMysqlDdl(h, renderDdl(ir));
      expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
      expect(compareShapes(expected, actual, { ignoreComments: true })).toEqual([]);
      expect(mysqlShapeMismatches(ir, actual)).toEqual([]);
    });
  }
});
