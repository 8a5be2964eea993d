import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { exportJson, FIXTURES, HAS_PYTHON, sqlalchemyDdl } from './helpers/python.js';

const DIR = path.join(FIXTURES, 'features');

/** SQLAlchemy's DDL vs ormdoc's DDL on PostgreSQL, constraint and index names included. */
async function sameDatabase(target: string) {
  const [json, expectedDdl] = await Promise.all([exportJson(DIR, target), sqlalchemyDdl(DIR, target)]);
  const { ir } = fromSqlmodelExport(json, { file: target });
  const db = await startPglite();
  const expected = await shapeOfDdl(db, expectedDdl);
  const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
  return { ir, diff: compareShapes(expected, actual), expected };
}

describe.runIf(HAS_PYTHON)('SQLAlchemy features (real SQLAlchemy, PGlite)', () => {
  it('naming convention, identity, computed, expression and partial indexes, deferrable FK, long names', async () => {
    const { ir, diff, expected } = await sameDatabase('models.py:metadata');
    expect(Object.keys(expected.tables).sort()).toEqual([
      'app.accounts',
      'public.a_very_long_table_name_that_goes_on_and_on_for_ever',
    ]);
    expect(diff).toEqual([]);
    const accounts = ir.tables.find((t) => t.name === 'accounts')!;
    expect(accounts.primaryKey).toEqual({ name: 'pk_accounts', nameExplicit: false, columns: ['id'] });
    expect(accounts.columns.find((c) => c.name === 'id')?.default).toEqual({
      kind: 'sequence',
      style: 'identity-always',
    });
    expect(accounts.columns.find((c) => c.name === 'price_with_tax')?.generated).toEqual({
      expression: 'price * 2',
      stored: true,
    });
    expect(accounts.columns.find((c) => c.name === 'nick')?.default).toMatchObject({
      kind: 'literal',
      value: 'anon',
    });
    expect(accounts.uniques.map((u) => u.name)).toEqual(['uq_accounts_email']);
    expect(accounts.checks.map((c) => c.name)).toEqual(['ck_accounts_age_positive']);
    expect(accounts.indexes.find((i) => i.name === 'ix_accounts_lower_email')).toMatchObject({
      unique: true,
      parts: [{ expression: 'lower(email)' }],
    });
    expect(accounts.indexes.find((i) => i.name === 'ix_accounts_active_price')).toMatchObject({
      method: 'btree',
      where: 'price > 0',
      parts: [{ column: 'price', order: 'desc' }],
    });
    expect(ir.enums).toEqual([
      expect.objectContaining({ schema: 'app', name: 'level', codeName: 'Level', native: true }),
    ]);
    expect(accounts.columns.find((c) => c.name === 'level')?.type).toMatchObject({
      category: 'enum',
      enum: { schema: 'app', name: 'level' },
    });
    const long = ir.tables.find((t) => t.name.startsWith('a_very'))!;
    expect(long.foreignKeys[0]).toMatchObject({
      deferrable: 'initially-deferred',
      references: { schema: 'app' },
    });
  });

  it('PostgreSQL default names for constraints SQLAlchemy leaves unnamed', async () => {
    const { ir, diff } = await sameDatabase('models.py:plain');
    expect(diff).toEqual([]);
    const t = ir.tables[0]!;
    expect(t.uniques.map((u) => u.name)).toEqual(['unnamed_things_code_key']);
    expect(t.checks.map((c) => c.name).sort()).toEqual([
      'unnamed_things_qty_check',
      'unnamed_things_qty_check1',
    ]);
    expect(t.foreignKeys.map((f) => f.name)).toEqual(['unnamed_things_parent_id_fkey']);
  });
});
