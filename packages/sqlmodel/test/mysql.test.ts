import { existsSync } from 'node:fs';
import path from 'node:path';
import { conformanceCases, renderDdl } from '@ormdoc/core';
import {
  compareShapes,
  type MysqlHarness,
  mysqlShapeMismatches,
  mysqlSkip,
  shapeOfMysqlDdl,
  startMysql,
} from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { runExporter } from '../src/load/run.js';
import { CONFORMANCE_DIR, HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

/**
 * MySQL: SQLAlchemy's own `create_all` DDL for the MySQL dialect (mock engine, no driver) and
 * ormdoc's MySQL DDL from the exporter's `--dialect mysql` JSON, both executed on MariaDB and
 * compared by introspection, constraint and index names included.
 */
const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };

async function both(cwd: string, target: string) {
  const [json, ddl] = await Promise.all([
    runExporter({ cwd, interpreter, target, dialect: 'mysql' }),
    runExporter({ cwd, interpreter, target, dialect: 'mysql', extraArgs: ['--ddl'] }),
  ]);
  return { json: JSON.parse(json) as unknown, sqlalchemyDdl: ddl };
}

const gate = mysqlSkip();
const cases = conformanceCases.filter((c) => c.dialects.includes('mysql'));

describe.skipIf(gate.skip || !HAS_PYTHON)(
  `MySQL: ormdoc DDL creates the database SQLAlchemy create_all() creates ${gate.title}`,
  () => {
    let h: MysqlHarness;
    beforeAll(async () => {
      h = await startMysql();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('covers the MySQL conformance cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(5);
    });

    // The example models use PostgreSQL-only types (postgresql.UUID, JSONB): SQLAlchemy cannot
    // compile them for this dialect, so only the conformance fixtures are compared here.
    const targets = [...cases.map((c) => ({ id: c.id, cwd: CONFORMANCE_DIR, file: `${c.id}.py` }))];
    for (const t of targets) {
      it(t.id, async () => {
        expect(existsSync(path.join(t.cwd, t.file)), t.file).toBe(true);
        const { json, sqlalchemyDdl } = await both(t.cwd, t.file);
        const { ir } = fromSqlmodelExport(json, { file: t.file });
        expect(ir.dialect).toBe('mysql');
        const expected = await shapeOfMysqlDdl(h, sqlalchemyDdl);
        expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
        const actual = await shapeOfMysqlDdl(h, renderDdl(ir, { dialect: 'mysql' }));
        expect(compareShapes(expected, actual)).toEqual([]);
        expect(mysqlShapeMismatches(ir, actual)).toEqual([]);
      });
    }
  },
);
