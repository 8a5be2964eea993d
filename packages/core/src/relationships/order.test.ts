import { describe, expect, it } from 'vitest';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { dependencyOrder } from './order.js';

/** `name` with one FK per [column, target, nullable]. */
function t(name: string, fks: Array<[string, string, boolean?]> = []): Table {
  return aTable(name, {
    columns: [
      aColumn('id', 'integer'),
      ...fks.map(([c, , nullable]) => aColumn(c, 'integer', { nullable: !!nullable })),
    ],
    foreignKeys: fks.map(([c, target]) => aForeignKey(name, [c], target)),
  });
}
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name);

describe('dependencyOrder', () => {
  it('puts referenced tables first (most referenced first among the ready), self-references never block', () => {
    const ir = anIr({
      tables: [
        t('comments', [
          ['post_id', 'posts'],
          ['parent_id', 'comments', true],
        ]),
        t('posts', [['user_id', 'users']]),
        t('users'),
        t('audit'),
      ],
    });
    const result = dependencyOrder(ir);
    expect(names(result.order)).toEqual(['users', 'posts', 'comments', 'audit']);
    expect(result.cycleForeignKeys).toEqual([]);
    expect(result.selfReferences).toMatchObject([{ foreignKey: 'comments_parent_id_fkey', nullable: true }]);
    expect(result.unbreakable).toEqual([]);
  });

  it('issue 24: a.b_id→b, b.c_id→c, c.b_id→b postpones only an FK of the b–c cycle, never a→b', () => {
    const ir = anIr({
      tables: [t('a', [['b_id', 'b']]), t('b', [['c_id', 'c', true]]), t('c', [['b_id', 'b']])],
    });
    const result = dependencyOrder(ir);
    expect(result.cycleForeignKeys).toMatchObject([
      { table: { name: 'b' }, foreignKey: 'b_c_id_fkey', references: { name: 'c' }, nullable: true },
    ]);
    expect(names(result.order)).toEqual(['b', 'c', 'a']);
  });

  it('breaks a cycle at its nullable FK, whatever the names', () => {
    const ir = anIr({ tables: [t('a', [['b_id', 'b']]), t('b', [['a_id', 'a', true]])] });
    const result = dependencyOrder(ir);
    expect(names(result.order)).toEqual(['b', 'a']);
    expect(result.cycleForeignKeys).toMatchObject([
      { table: { name: 'b' }, foreignKey: 'b_a_id_fkey', nullable: true },
    ]);
    expect(result.unbreakable).toEqual([]);
  });

  it('prefers a DEFERRABLE NOT NULL FK over a plain NOT NULL one', () => {
    const a = t('a', [['b_id', 'b']]);
    const b = t('b', [['a_id', 'a']]);
    (b.foreignKeys[0] as Table['foreignKeys'][number]).deferrable = 'initially-deferred';
    const result = dependencyOrder(anIr({ tables: [a, b] }));
    expect(result.cycleForeignKeys).toMatchObject([
      { table: { name: 'b' }, nullable: false, deferrable: true },
    ]);
    expect(result.unbreakable).toEqual([]);
  });

  it('reports a cycle of NOT NULL FKs as unbreakable (still postponing one, for DDL) and a NOT NULL self-reference', () => {
    const ir = anIr({
      tables: [t('a', [['b_id', 'b']]), t('b', [['a_id', 'a']]), t('node', [['parent_id', 'node']])],
    });
    const result = dependencyOrder(ir);
    expect(result.cycleForeignKeys).toHaveLength(1);
    expect(result.cycleForeignKeys[0]?.nullable).toBe(false);
    expect(result.unbreakable).toEqual([
      {
        tables: [
          { schema: null, name: 'a' },
          { schema: null, name: 'b' },
        ],
        foreignKeys: [
          { table: { schema: null, name: 'a' }, foreignKey: 'a_b_id_fkey' },
          { table: { schema: null, name: 'b' }, foreignKey: 'b_a_id_fkey' },
        ],
        selfReference: false,
      },
      {
        tables: [{ schema: null, name: 'node' }],
        foreignKeys: [{ table: { schema: null, name: 'node' }, foreignKey: 'node_parent_id_fkey' }],
        selfReference: true,
      },
    ]);
  });

  it('postpones a minimal set: one FK of a 3-cycle with a chord, not two', () => {
    // a→b, b→c, c→a (nullable), a→c (nullable chord): postponing c→a alone breaks every cycle.
    const ir = anIr({
      tables: [
        t('a', [
          ['b_id', 'b'],
          ['c_id', 'c', true],
        ]),
        t('b', [['c_id', 'c']]),
        t('c', [['a_id', 'a', true]]),
      ],
    });
    const result = dependencyOrder(ir);
    expect(result.cycleForeignKeys.map((c) => c.foreignKey)).toEqual(['c_a_id_fkey']);
    expect(names(result.order)).toEqual(['c', 'b', 'a']);
  });

  it('ignores views and FKs to tables outside the IR, and returns fresh arrays', () => {
    const ir = anIr({
      tables: [
        t('a', [
          ['x_id', 'missing'],
          ['v_id', 'v'],
        ]),
        aTable('v', { kind: 'view' }),
      ],
    });
    const first = dependencyOrder(ir);
    expect(names(first.order)).toEqual(['a']);
    first.order.reverse();
    first.order.push({ schema: null, name: 'zz' });
    expect(names(dependencyOrder(ir).order)).toEqual(['a']);
  });
});
