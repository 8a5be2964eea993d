import { existsSync } from 'node:fs';
import path from 'node:path';
import { conformanceCases, runConformanceCase } from '@ormdoc/core';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from './_kit.js';
import { RC_DIR, RC_VERSION } from './_rc.js';

/** The shared conformance cases (PostgreSQL) on fixtures written against drizzle-orm 1.0 RC. */
describe('conformance cases (drizzle-orm 1.0 RC, PostgreSQL)', () => {
  for (const c of conformanceCases) {
    if (!c.dialects.includes('postgresql')) continue;
    const skip = c.skip?.drizzle;
    if (skip) {
      it.skip(`${c.id} — skipped by the case: ${skip}`, () => {});
      continue;
    }
    it(c.id, async () => {
      const file = path.join(RC_DIR, 'conformance', `${c.id}.ts`);
      expect(existsSync(file), `fixture ${file}`).toBe(true);
      const { ir } = await loadDrizzle({
        cwd: PACKAGE_DIR,
        schema: path.relative(PACKAGE_DIR, file),
        dialect: 'postgresql',
      });
      expect(ir.source.ormVersion).toBe(RC_VERSION);
      expect(runConformanceCase(c, ir, 'drizzle')).toEqual([]);
    });
  }
});
