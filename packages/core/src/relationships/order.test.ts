import { describe, expect, it } from 'vitest';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { dependencyOrder } from './order.js';

describe('dependencyOrder', () => {
  it('puts referenced tables first, ties by name, ignores self-references', () => {
    const ir = anIr({
      tables: [
        aTable('comments', {
          columns: [aColumn('id'), aColumn('post_id'), aColumn('parent_id')],
          foreignKeys: [
            aForeignKey('comments', ['post_id'], 'posts'),
            aForeignKey('comments', ['parent_id'], 'comments'),
          ],
        }),
        aTable('posts', {
          columns: [aColumn('id'), aColumn('user_id')],
          foreignKeys: [aForeignKey('posts', ['user_id'], 'users')],
        }),
        aTable('users'),
        aTable('audit'),
      ],
    });
    expect(dependencyOrder(ir)).toEqual({
      order: ['audit', 'users', 'posts', 'comments'].map((name) => ({ schema: null, name })),
      cycleForeignKeys: [],
    });
  });

  it('breaks cycles deterministically and reports the deferred foreign key', () => {
    const ir = anIr({
      tables: [
        aTable('a', {
          columns: [aColumn('id'), aColumn('b_id')],
          foreignKeys: [aForeignKey('a', ['b_id'], 'b')],
        }),
        aTable('b', {
          columns: [aColumn('id'), aColumn('a_id')],
          foreignKeys: [aForeignKey('b', ['a_id'], 'a')],
        }),
      ],
    });
    expect(dependencyOrder(ir)).toEqual({
      order: [
        { schema: null, name: 'a' },
        { schema: null, name: 'b' },
      ],
      cycleForeignKeys: [{ table: { schema: null, name: 'a' }, foreignKey: 'a_b_id_fkey' }],
    });
  });
});
