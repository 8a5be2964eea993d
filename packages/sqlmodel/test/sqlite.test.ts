import { existsSync } from 'node:fs';
import path from 'node:path';
import { conformanceCases, renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfSqliteDdl } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { runExporter } from '../src/load/run.js';
import { CONFORMANCE_DIR, HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

/**
 * SQLite: SQLAlchemy's own `create_all` DDL for the SQLite dialect (mock engine, no driver) and
 * ormdoc's SQLite DDL from the exporter's `--dialect sqlite` JSON, both executed on sql.js and
 * compared by introspection, constraint and index names included.
 */
const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };

async function both(cwd: string, target: string) {
  const [json, ddl] = await Promise.all([
    runExporter({ cwd, interpreter, target, dialect: 'sqlite' }),
    runExporter({ cwd, interpreter, target, dialect: 'sqlite', extraArgs: ['--ddl'] }),
  ]);
  return { json: JSON.parse(json) as unknown, sqlalchemyDdl: ddl };
}

const cases = conformanceCases.filter((c) => c.dialects.includes('sqlite'));

describe.runIf(HAS_PYTHON)(
  'SQLite: ormdoc DDL creates the database SQLAlchemy create_all() creates (sql.js)',
  () => {
    it('covers the SQLite conformance cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(5);
    });

    // The example models use PostgreSQL-only types (postgresql.UUID, JSONB): SQLAlchemy cannot compile
    // them for this dialect, so only the conformance fixtures are compared here.
    const targets = [...cases.map((c) => ({ id: c.id, cwd: CONFORMANCE_DIR, file: `${c.id}.py` }))];
    for (const t of targets) {
      it(t.id, async () => {
        expect(existsSync(path.join(t.cwd, t.file)), t.file).toBe(true);
        const { json, sqlalchemyDdl } = await both(t.cwd, t.file);
        const { ir } = fromSqlmodelExport(json, { file: t.file });
        expect(ir.dialect).toBe('sqlite');
        const expected = await shapeOfSqliteDdl(sqlalchemyDdl);
        expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
        const actual = await shapeOfSqliteDdl(renderDdl(ir, { dialect: 'sqlite' }));
        expect(compareShapes(expected, actual)).toEqual([]);
      });
    }
  },
);
