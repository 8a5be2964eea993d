import { conformanceCases, runConformanceCase } from '@ormdoc/core';
import { loadPrisma } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { conformanceSchema } from './helpers/fixtures.js';

for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
  describe(`conformance (${dialect})`, () => {
    for (const c of conformanceCases.filter((x) => x.dialects.includes(dialect))) {
      const skip = c.skip?.prisma;
      it.skipIf(skip !== undefined)(`${c.id}: ${c.title}${skip ? ` (skipped: ${skip})` : ''}`, async () => {
        const { ir } = await loadPrisma(conformanceSchema(c.id, dialect));
        expect(ir.dialect).toBe(dialect);
        expect(runConformanceCase(c, ir, 'prisma')).toEqual([]);
      });
    }
  });
}
