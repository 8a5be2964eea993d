import { describe, expect, it } from 'vitest';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';

/** A long ON DELETE CASCADE chain t0 <- t1 <- ... plus a cycle back to t0, every FK indexed. */
function chain(n: number): Table[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `t${String(i).padStart(4, '0')}`;
    const parent = i === 0 ? `t${String(n - 1).padStart(4, '0')}` : `t${String(i - 1).padStart(4, '0')}`;
    return aTable(name, {
      columns: [
        aColumn('id', 'integer'),
        aColumn('parent_id', 'integer', { nullable: i === 0 }),
        aColumn('created_at', 'timestamptz'),
        aColumn('updated_at', 'timestamptz'),
      ],
      primaryKey: aPrimaryKey(name, ['id']),
      indexes: [anIndex(name, ['parent_id'])],
      foreignKeys: [aForeignKey(name, ['parent_id'], parent, ['id'], { onDelete: 'CASCADE' })],
    });
  });
}

describe('analyze at scale', () => {
  it('handles a 1,000-table cascade chain with a cycle quickly and with bounded messages', () => {
    const started = Date.now();
    const found = analyze(anIr({ tables: chain(1000) }));
    expect(Date.now() - started).toBeLessThan(10_000);
    const cascades = found.filter((f) => f.ruleId === 'cascade-chain');
    expect(cascades).toHaveLength(1000);
    expect(cascades[0]?.message).toContain('cascades through 999 tables (t0001, t0002');
    expect(cascades[0]?.message).toContain('and 991 more');
    expect(Math.max(...cascades.map((f) => f.message.length))).toBeLessThan(1000);
    expect(found.filter((f) => f.ruleId === 'fk-without-index')).toEqual([]);
  });
});
