import path from 'node:path';
import { conformanceCases } from '@ormdoc/core';
import { startPglite } from '@ormdoc/core/testing';
import { loadPrisma } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { compareWithPrisma } from './helpers/compare.js';
import { conformanceSchema, fixturesDir } from './helpers/fixtures.js';

describe("ormdoc's DDL creates the database Prisma Migrate creates (PostgreSQL, PGlite)", () => {
  for (const c of conformanceCases.filter((x) => x.dialects.includes('postgresql'))) {
    it(c.id, async () => {
      const where = conformanceSchema(c.id);
      const { ir } = await loadPrisma(where);
      const db = await startPglite();
      const { differences, prismaDdl, ormdocDdl } = await compareWithPrisma(db, { ...where, ir });
      expect(differences, `Prisma:\n${prismaDdl}\normdoc:\n${ormdocDdl}`).toEqual([]);
    });
  }

  for (const fixture of ['omitted', 'prisma6', 'relation-mode', 'native-types', 'numeric-defaults']) {
    it(`fixture ${fixture}`, async () => {
      const where = { cwd: path.join(fixturesDir, fixture) };
      const { ir } = await loadPrisma(where);
      const db = await startPglite();
      const { differences, prismaDdl, ormdocDdl } = await compareWithPrisma(db, { ...where, ir });
      expect(differences, `Prisma:\n${prismaDdl}\normdoc:\n${ormdocDdl}`).toEqual([]);
    });
  }
});
