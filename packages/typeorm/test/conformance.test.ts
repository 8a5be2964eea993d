import { existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { conformanceCases, renderDdl, runConformanceCase } from '@ormdoc/core';
import { compareShapes } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeormMetadata } from '../src/index.js';
import { ddlShape, typeormShape } from './helpers/typeormShape.js';

const fixtures = 'packages/typeorm/test/fixtures/conformance';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ extensions: { uuid_ossp } });
});
afterAll(async () => {
  await db?.close();
});

describe('conformance (TypeORM)', () => {
  for (const c of conformanceCases) {
    const reason = c.skip?.typeorm;
    test.skipIf(reason !== undefined)(`${c.id}: ${c.title}`, async () => {
      const cwd = `${fixtures}/${c.id}`;
      expect(existsSync(`${cwd}/entities.ts`), `fixture ${cwd}/entities.ts`).toBe(true);
      const loaded = await loadTypeormMetadata({ cwd, entities: ['*.ts'], dialect: 'postgresql' });
      const { ir } = fromTypeormMetadata({
        dialect: loaded.dialect,
        entityMetadatas: loaded.entityMetadatas,
        driver: loaded.dataSource.driver,
        entityFiles: loaded.entityFiles,
        files: loaded.files,
        cwd,
      });
      expect(runConformanceCase(c, ir, 'typeorm')).toEqual([]);
      // Correctness against TypeORM itself: its synchronize and ormdoc's DDL build the same database.
      const expected = await typeormShape(db, loaded);
      expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
      const actual = await ddlShape(db, renderDdl(ir, { dialect: 'postgresql' }));
      expect(compareShapes(expected, actual)).toEqual([]);
    });
  }
});
