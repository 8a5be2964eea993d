import path from 'node:path';
import type { Ir } from '@ormdoc/core';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PACKAGE_DIR } from './_kit.js';
import { RC_DIR, RC_VERSION } from './_rc.js';

/**
 * The same schema file read with drizzle-orm 0.45 (test/fixtures/conformance) and with the 1.0 RC
 * (a copy inside test/fixtures/rc1) gives the same IR, apart from provenance. MySQL and SQLite
 * here; PostgreSQL is held to drizzle-kit 1.0 RC's own DDL in rc.drizzleKit.test.ts.
 */
async function load(file: string, dialect: 'mysql' | 'sqlite' | 'postgresql'): Promise<Ir> {
  const { ir, diagnostics } = await loadDrizzle({
    cwd: PACKAGE_DIR,
    schema: path.relative(PACKAGE_DIR, file),
    dialect,
  });
  expect(diagnostics).toEqual([]);
  return ir;
}

const withoutProvenance = (ir: Ir, from: string) =>
  JSON.parse(JSON.stringify({ ...ir, source: { orm: ir.source.orm } }).replaceAll(from, 'FIXTURE/'));

describe('drizzle-orm 1.0 RC reads like 0.45 (MySQL, SQLite)', () => {
  const cases = [
    ['composite-keys.mysql.ts', 'mysql'],
    ['one-to-one.mysql.ts', 'mysql'],
    ['composite-keys.sqlite.ts', 'sqlite'],
    ['enums.sqlite.ts', 'sqlite'],
  ] as const;
  for (const [file, dialect] of cases) {
    it(`${file} [${dialect}]`, async () => {
      const old = await load(path.join(FIXTURES, 'conformance', file), dialect);
      const rc = await load(path.join(RC_DIR, 'other', file), dialect);
      expect(old.source.ormVersion).toBe('0.45.4');
      expect(rc.source.ormVersion).toBe(RC_VERSION);
      expect(rc.tables.length).toBeGreaterThan(0);
      expect(withoutProvenance(rc, 'test/fixtures/rc1/other/')).toEqual(
        withoutProvenance(old, 'test/fixtures/conformance/'),
      );
    });
  }
});

describe('0.x relations() on drizzle-orm 1.0 RC (from drizzle-orm/_relations)', () => {
  it('reads them as with 0.45', async () => {
    const rc = await load(path.join(RC_DIR, 'legacy', 'self-relation.ts'), 'postgresql');
    const old = await load(path.join(FIXTURES, 'conformance', 'self-relation.ts'), 'postgresql');
    expect(rc.relations.map(({ foreignKey, ...r }) => r)).toEqual(
      old.relations.map(({ foreignKey, ...r }) => r),
    );
    expect(rc.relations).toHaveLength(2);
    // drizzle-kit 1.0 names the foreign key `_fkey` (0.31: `_fk`); each relation points at its own.
    expect(rc.relations.map((r) => r.foreignKey)).toEqual([
      'employees_manager_id_employees_id_fkey',
      'employees_manager_id_employees_id_fkey',
    ]);
  });
});
