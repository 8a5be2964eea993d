import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import {
  type MysqlHarness,
  mysqlShapeMismatches,
  mysqlSkip,
  shapeOfMysqlDdl,
  startMysql,
} from '@ormdoc/core/testing';
import { loadPrisma } from '@ormdoc/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceSchema, fixturesDir } from './helpers/fixtures.js';

/**
 * MySQL: Prisma's schema engine has no offline MySQL diff, so there is no ground truth from Prisma
 * here. What is checked: ormdoc's MySQL DDL executes on MariaDB and the database it creates holds
 * exactly the IR's facts (types, nullability, defaults, keys, indexes, FK actions, checks).
 */
const ids = readdirSync(path.join(fixturesDir, 'conformance-mysql'))
  .map((f) => f.replace(/\.prisma$/, ''))
  .sort();

const gate = mysqlSkip();

describe.skipIf(gate.skip)(`ormdoc's MySQL DDL for Prisma MySQL schemas ${gate.title}`, () => {
  let h: MysqlHarness;
  beforeAll(async () => {
    h = await startMysql();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('has MySQL fixtures', () => {
    expect(ids.length).toBeGreaterThanOrEqual(6);
  });

  for (const id of ids) {
    it(id, async () => {
      const { ir } = await loadPrisma(conformanceSchema(id, 'mysql'));
      expect(ir.dialect).toBe('mysql');
      const ddl = renderDdl(ir);
      const shape = await shapeOfMysqlDdl(h, ddl);
      expect(Object.keys(shape.tables).length).toBe(ir.tables.filter((t) => t.kind === 'table').length);
      expect(mysqlShapeMismatches(ir, shape), ddl).toEqual([]);
    });
  }

  it("keeps Prisma's MySQL referential actions and its default names", async () => {
    const { ir } = await loadPrisma(conformanceSchema('one-to-many', 'mysql'));
    const shape = await shapeOfMysqlDdl(h, renderDdl(ir));
    expect(shape.tables.books?.lines).toContainEqual({
      kind: 'fk',
      text: 'fk (author_id) -> authors(id) ON DELETE CASCADE ON UPDATE CASCADE',
      name: 'books_author_id_fkey',
    });
  });
});
