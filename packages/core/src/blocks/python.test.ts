import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDdl } from '../ddl/index.js';
import type { Ir } from '../ir/types.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { compareShapes, shapeOfDdl, startPglite } from '../testing/pg.js';
import { alembicMigration, modelDefinitions } from './index.js';

/**
 * Python outputs are checked with the system interpreter: they must parse, and (with SQLAlchemy
 * installed) the Alembic revision and the declarative models are executed by a harness that prints
 * the PostgreSQL DDL they create, which must build the same database as ormdoc's own DDL.
 */
const PYTHON = '/usr/bin/python3';
const HARNESS = fileURLToPath(new URL('./__fixtures__/sqla_harness.py', import.meta.url));
const python = (args: string[], input: string) => execFileSync(PYTHON, args, { input, encoding: 'utf8' });
const hasSqlalchemy = (() => {
  try {
    python(['-c', 'import sqlalchemy'], '');
    return true;
  } catch {
    return false;
  }
})();

let db: PGlite;
beforeAll(async () => {
  db = await startPglite();
});
afterAll(async () => {
  await db.close();
});

async function sameDatabase(ir: Ir, ddl: string) {
  const expected = await shapeOfDdl(db, renderDdl(ir));
  const actual = await shapeOfDdl(db, ddl);
  return compareShapes(expected, actual, { ignoreNames: true, ignoreComments: true });
}

describe('python outputs', () => {
  it('runs on a machine with python3', () => {
    expect(existsSync(PYTHON)).toBe(true);
  });

  for (const [name, ir] of [
    ['example', exampleIr()],
    ['kitchen sink', kitchenSinkIr()],
  ] as const) {
    it(`the ${name} Alembic revision and SQLAlchemy models parse as Python`, () => {
      const check = 'import ast,sys; ast.parse(sys.stdin.read())';
      expect(() => python(['-c', check], alembicMigration(ir))).not.toThrow();
      expect(() => python(['-c', check], modelDefinitions(ir, 'sqlalchemy'))).not.toThrow();
    });

    it.runIf(hasSqlalchemy)(
      `the ${name} Alembic upgrade() builds the same PostgreSQL database as the DDL`,
      async () => {
        const ddl = python([HARNESS, 'alembic'], alembicMigration(ir));
        expect(await sameDatabase(ir, ddl)).toEqual([]);
      },
    );

    it.runIf(hasSqlalchemy)(`the ${name} SQLAlchemy models map and create the same tables`, async () => {
      const ddl = python([HARNESS, 'models'], modelDefinitions(ir, 'sqlalchemy'));
      // ORM-side defaults and views are not part of the models' metadata.
      const views = ir.tables.filter((t) => t.kind !== 'table').map((t) => t.name);
      const diff = (await sameDatabase(ir, ddl)).filter(
        (l) => !views.some((v) => new RegExp(`[ .]${v}[ :]`).test(l)),
      );
      expect(diff).toEqual([]);
    });
  }

  it('downgrade() drops in reverse order of creation', () => {
    const text = alembicMigration(exampleIr());
    const created = [...text.matchAll(/op\.create_table\(\n\s+'(\w+)'/g)].map((m) => m[1]);
    const dropped = [...text.matchAll(/op\.drop_table\('(\w+)'/g)].map((m) => m[1]);
    expect(created.length).toBe(12);
    expect(dropped).toEqual([...created].reverse());
    expect(created.indexOf('users')).toBeLessThan(created.indexOf('posts'));
    expect(created.indexOf('posts')).toBeLessThan(created.indexOf('comments'));
    expect(text).toContain(
      "member_role_enum = postgresql.ENUM('owner', 'admin', 'member', name='member_role', create_type=False)",
    );
  });
});
