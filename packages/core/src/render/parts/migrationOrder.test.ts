import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../config/resolve.js';
import type { Table } from '../../ir/types.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../../testing/builders.js';
import { renderDocuments } from '../index.js';

/** `name` referencing each of `fks` = [column, target, nullable]. */
function t(name: string, fks: Array<[string, string, boolean]>): Table {
  return aTable(name, {
    columns: [aColumn('id', 'integer'), ...fks.map(([c, , nullable]) => aColumn(c, 'integer', { nullable }))],
    primaryKey: aPrimaryKey(name, ['id']),
    foreignKeys: fks.map(([c, target]) => aForeignKey(name, [c], target)),
  });
}

describe('the FK-safe order in the design and architecture documents', () => {
  it('issue 17: lists only FKs of real cycles, says how to seed them, and names a NOT NULL cycle no order can insert', async () => {
    const ir = anIr({
      tables: [
        t('a', [['b_id', 'b', false]]),
        t('b', [['c_id', 'c', true]]),
        t('c', [['b_id', 'b', false]]),
        t('x', [['y_id', 'y', false]]),
        t('y', [['x_id', 'x', false]]),
      ],
    });
    const { files } = await renderDocuments({ ir, config: resolveConfig({}), cwd: process.cwd() });
    for (const path of ['design.md', 'architecture.md']) {
      const doc = files.find((f) => f.path === path)?.content ?? '';
      expect(doc).not.toContain('`a.a_b_id_fkey`');
      expect(doc).toContain('`b.b_c_id_fkey`');
      expect(doc).toContain(
        '`x.x_y_id_fkey`, `y.y_x_id_fkey` form a cycle of NOT NULL foreign keys: rows cannot be inserted one table at a time',
      );
    }
    const nullableOnly = anIr({ tables: [t('b', [['c_id', 'c', true]]), t('c', [['b_id', 'b', false]])] });
    const design = (
      await renderDocuments({ ir: nullableOnly, config: resolveConfig({}), cwd: process.cwd() })
    ).files.find((f) => f.path === 'design.md')?.content;
    expect(design).toContain(
      'Then add the foreign keys that close a cycle: `b.b_c_id_fkey` (rows: insert these columns as NULL, then set them with UPDATE)',
    );
  });
});
