import { existsSync } from 'node:fs';
import path from 'node:path';
import { conformanceCases, renderDdl, runConformanceCase } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { CONFORMANCE_DIR, exportJson, HAS_PYTHON, sqlalchemyDdl } from './helpers/python.js';

/**
 * Every shared conformance case has a SQLAlchemy/SQLModel fixture. Each is exported by the real
 * exporter (real SQLAlchemy), converted to IR and checked by the case; then SQLAlchemy's own DDL
 * (metadata.create_all) and ormdoc's DDL from the IR are executed on PostgreSQL (PGlite) and the
 * two databases compared by introspection, names included.
 */
describe.runIf(HAS_PYTHON)('conformance fixtures (real SQLAlchemy, PGlite)', () => {
  for (const c of conformanceCases) {
    const file = `${c.id}.py`;
    const skip = c.skip?.sqlmodel ?? c.skip?.sqlalchemy;
    it.skipIf(skip !== undefined)(`${c.id}: ${c.title}${skip ? ` (skipped: ${skip})` : ''}`, async () => {
      expect(existsSync(path.join(CONFORMANCE_DIR, file)), `fixture ${file}`).toBe(true);
      const [json, expectedDdl] = await Promise.all([
        exportJson(CONFORMANCE_DIR, file),
        sqlalchemyDdl(CONFORMANCE_DIR, file),
      ]);
      const { ir, diagnostics } = fromSqlmodelExport(json, { file });
      expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(runConformanceCase(c, ir, ir.source.orm)).toEqual([]);

      const db = await startPglite();
      const expected = await shapeOfDdl(db, expectedDdl);
      const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
      expect(compareShapes(expected, actual)).toEqual([]);
    });
  }
});
