import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { conformanceCases, renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfSqliteDdl } from '@ormdoc/core/testing';
import { findSchemaFiles, loadPrisma, readMigrations } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { conformanceSchema } from './helpers/fixtures.js';
import { prismaMigrateDdl } from './helpers/prismaDdl.js';

/**
 * SQLite: Prisma's own DDL (schema engine diff) vs ormdoc's, both executed on sql.js. A fixture
 * with a migration history (hand-written CHECKs live inline in CREATE TABLE on SQLite) is
 * compared with its migrations instead.
 */
describe("ormdoc's DDL creates the database Prisma Migrate creates (SQLite, sql.js)", () => {
  for (const c of conformanceCases.filter((x) => x.dialects.includes('sqlite'))) {
    it(c.id, async () => {
      const where = conformanceSchema(c.id, 'sqlite');
      const { ir } = await loadPrisma(where);
      const files = await findSchemaFiles(where.cwd, where.schema);
      const migrations = await readMigrations(
        where.cwd,
        files.map((f) => f.absolute),
      );
      const prismaDdl = migrations.length
        ? migrations.map((m) => m.content).join('\n')
        : await prismaMigrateDdl(
            await Promise.all(
              files.map(async (f) => ({ path: f.path, content: await readFile(f.absolute, 'utf8') })),
            ),
            'sqlite',
          );
      const ormdocDdl = renderDdl(ir, { dialect: 'sqlite' });
      const differences = compareShapes(await shapeOfSqliteDdl(prismaDdl), await shapeOfSqliteDdl(ormdocDdl));
      expect(differences, `Prisma:\n${prismaDdl}\normdoc:\n${ormdocDdl}`).toEqual([]);
    });
  }

  it('the migration history of the check-constraint fixture matches what Prisma generates for its schema', async () => {
    const where = conformanceSchema('check-constraint', 'sqlite');
    const files = await findSchemaFiles(where.cwd, where.schema);
    const content = await readFile(files[0]!.absolute, 'utf8');
    const engine = await shapeOfSqliteDdl(
      await prismaMigrateDdl([{ path: 'schema.prisma', content }], 'sqlite'),
    );
    const migration = await shapeOfSqliteDdl(
      await readFile(path.join(where.cwd, 'migrations/20250101000000_init/migration.sql'), 'utf8'),
    );
    expect(compareShapes(engine, migration).filter((d) => !d.includes('check'))).toEqual([]);
  });
});
