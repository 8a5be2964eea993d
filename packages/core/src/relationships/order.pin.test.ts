import { describe, expect, it } from 'vitest';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { dependencyOrder, pinDependencyOrder } from './order.js';

const ir = () =>
  anIr({
    tables: [
      aTable('posts', {
        columns: [aColumn('id', 'integer'), aColumn('user_id', 'integer')],
        foreignKeys: [aForeignKey('posts', ['user_id'], 'users')],
      }),
      aTable('users', { columns: [aColumn('id', 'integer')] }),
    ],
  });
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name);

describe('pinDependencyOrder (one order per render)', () => {
  it('answers dependencyOrder of the pinned tables with the same result a fresh computation gives', () => {
    const schema = ir();
    const fresh = dependencyOrder(schema);
    const pin = pinDependencyOrder(schema.tables);
    try {
      expect(dependencyOrder(schema)).toBe(pin.order);
      expect(pin.order).toEqual(fresh);
      expect(dependencyOrder({ tables: [...schema.tables] })).not.toBe(pin.order);
    } finally {
      pin.release();
    }
  });

  it('keeps nothing after release: tables edited in place afterwards are ordered afresh', () => {
    const schema = ir();
    const pin = pinDependencyOrder(schema.tables);
    pin.release();
    const users = schema.tables[1];
    if (!users) throw new Error('fixture');
    users.columns.push(aColumn('post_id', 'integer'));
    users.foreignKeys.push(aForeignKey('users', ['post_id'], 'posts'));
    schema.tables[0]?.foreignKeys.splice(0, 1);
    expect(dependencyOrder(schema)).not.toBe(pin.order);
    expect(names(dependencyOrder(schema).order)).toEqual(['posts', 'users']);
  });

  it('a nested pin of the same tables leaves the outer one in place', () => {
    const schema = ir();
    const outer = pinDependencyOrder(schema.tables);
    const inner = pinDependencyOrder(schema.tables);
    inner.release();
    expect(dependencyOrder(schema)).toBe(outer.order);
    outer.release();
    expect(dependencyOrder(schema)).not.toBe(outer.order);
  });
});
