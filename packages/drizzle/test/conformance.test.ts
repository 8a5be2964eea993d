import { existsSync } from 'node:fs';
import path from 'node:path';
import { conformanceCases, runConformanceCase } from '@ormdoc/core';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PACKAGE_DIR } from './_kit.js';

const SUFFIX = { postgresql: '', mysql: '.mysql', sqlite: '.sqlite' } as const;

describe('conformance cases (drizzle)', () => {
  for (const c of conformanceCases) {
    for (const dialect of c.dialects) {
      if (dialect !== 'postgresql' && dialect !== 'mysql' && dialect !== 'sqlite') continue;
      const skip = c.skip?.drizzle;
      const title = `${c.id} [${dialect}]`;
      if (skip) {
        it.skip(`${title} — skipped by the case: ${skip}`, () => {});
        continue;
      }
      it(title, async () => {
        const file = path.join(FIXTURES, 'conformance', `${c.id}${SUFFIX[dialect]}.ts`);
        expect(existsSync(file), `fixture ${file}`).toBe(true);
        const { ir } = await loadDrizzle({
          cwd: PACKAGE_DIR,
          schema: path.relative(PACKAGE_DIR, file),
          dialect,
        });
        expect(ir.dialect).toBe(dialect);
        expect(runConformanceCase(c, ir, 'drizzle')).toEqual([]);
      });
    }
  }
});
