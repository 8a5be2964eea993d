import { describe, expect, it } from 'vitest';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { seedScriptSql } from './seedScript.js';

function t(name: string, target: string, nullable: boolean): Table {
  return aTable(name, {
    columns: [aColumn('id', 'integer'), aColumn('other_id', 'integer', { nullable })],
    primaryKey: aPrimaryKey(name, ['id']),
    foreignKeys: [aForeignKey(name, ['other_id'], target)],
  });
}

describe('seedScriptSql and the dependency order', () => {
  it('names a cycle of NOT NULL foreign keys at the top: no insert order can satisfy it', () => {
    const seed = seedScriptSql(anIr({ tables: [t('x', 'y', false), t('y', 'x', false)] }));
    expect(seed.split('\n').slice(0, 2)).toEqual([
      '-- These inserts fail as written: x.x_other_id_fkey, y.y_other_id_fkey form a cycle of NOT NULL foreign keys.',
      '-- Make one of them DEFERRABLE INITIALLY DEFERRED (and run this script in one transaction) or its column nullable.',
    ]);
  });

  it('a cycle with a nullable FK: NULL first, UPDATE at the end, no warning', () => {
    const seed = seedScriptSql(anIr({ tables: [t('x', 'y', false), t('y', 'x', true)] }));
    expect(seed).not.toContain('fail as written');
    expect(seed.indexOf('-- Seed y')).toBeLessThan(seed.indexOf('-- Seed x'));
    expect(seed).toContain(
      '-- Links that close a foreign key cycle\nUPDATE y SET other_id = 1 WHERE id = 1;',
    );
  });
});
