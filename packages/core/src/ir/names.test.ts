import { describe, expect, it } from 'vitest';
import { anEnum, anIr, aTable } from '../testing/builders.js';
import {
  compareRefs,
  findEnum,
  findTable,
  pinLookups,
  qualifiedName,
  tableSortKey,
  withLookups,
} from './names.js';

const ref = (schema: string | null, name: string) => ({ schema, name });

describe('findTable', () => {
  const ir = () =>
    anIr({
      tables: [aTable('users'), aTable('users', { schema: 'audit' }), aTable('orders'), aTable('users')],
    });

  it.each([
    ['unpinned', <R>(_: unknown, fn: () => R) => fn()],
    ['pinned', withLookups],
  ] as const)('%s: the first table with the same schema and name, as Array.find would', (_, run) => {
    const x = ir();
    run(x, () => {
      expect(findTable(x, ref(null, 'users'))).toBe(x.tables[0]);
      expect(findTable(x, ref('audit', 'users'))).toBe(x.tables[1]);
      expect(findTable(x, ref(null, 'orders'))).toBe(x.tables[2]);
      expect(findTable(x, ref('public', 'users'))).toBeUndefined();
      expect(findTable(x, ref(null, 'missing'))).toBeUndefined();
    });
  });

  it('a table replaced in place (same length, another name) is found afresh, the old one no more', () => {
    const x = ir();
    expect(findTable(x, ref(null, 'orders'))).toBe(x.tables[2]);
    const invoices = aTable('invoices');
    x.tables[2] = invoices;
    expect(findTable(x, ref(null, 'invoices'))).toBe(invoices);
    expect(findTable(x, ref(null, 'orders'))).toBeUndefined();
  });

  it('a table replaced in place by one of the same name is the one returned', () => {
    const x = ir();
    expect(findTable(x, ref(null, 'orders'))).toBe(x.tables[2]);
    const other = aTable('orders', { description: 'new' });
    x.tables[2] = other;
    expect(findTable(x, ref(null, 'orders'))).toBe(other);
  });

  it('a pin lasts until its release; a nested pin of the same arrays releases nothing', () => {
    const x = ir();
    const outer = pinLookups(x);
    const inner = pinLookups(x);
    inner.release();
    x.tables[2] = aTable('invoices');
    // Still pinned by the outer pin: answered from the index built before the edit.
    expect(findTable(x, ref(null, 'invoices'))).toBeUndefined();
    outer.release();
    expect(findTable(x, ref(null, 'invoices'))).toBe(x.tables[2]);
  });

  it('withLookups releases its pin when its function throws', () => {
    const x = ir();
    expect(() =>
      withLookups(x, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    x.tables[2] = aTable('invoices');
    expect(findTable(x, ref(null, 'invoices'))).toBe(x.tables[2]);
  });
});

describe('findEnum', () => {
  const ir = () =>
    anIr({
      enums: [
        anEnum('status', ['a'], { schema: 'app' }),
        anEnum('status', ['b']),
        anEnum('role', ['c'], { schema: 'x' }),
      ],
    });

  it.each([
    ['unpinned', <R>(_: unknown, fn: () => R) => fn()],
    ['pinned', withLookups],
  ] as const)('%s: exact schema and name first; loose falls back to the first of that name', (_, run) => {
    const x = ir();
    run(x, () => {
      expect(findEnum(x, ref(null, 'status'))).toBe(x.enums[1]);
      expect(findEnum(x, ref('app', 'status'))).toBe(x.enums[0]);
      expect(findEnum(x, ref(null, 'role'))).toBeUndefined();
      expect(findEnum(x, ref(null, 'role'), { loose: true })).toBe(x.enums[2]);
      expect(findEnum(x, ref('other', 'status'), { loose: true })).toBe(x.enums[0]);
      expect(findEnum(x, ref('app', 'status'), { loose: true })).toBe(x.enums[0]);
      expect(findEnum(x, ref(null, 'missing'), { loose: true })).toBeUndefined();
      expect(findEnum(x, undefined)).toBeUndefined();
    });
  });

  it('a pin indexes the enums too, until its release; a nested pin releases nothing', () => {
    const x = ir();
    const outer = pinLookups(x);
    pinLookups(x).release();
    x.enums[1] = anEnum('mood', ['ok']);
    // Still pinned: answered from the index built before the edit (which is why nothing may edit meanwhile).
    expect(findEnum(x, ref(null, 'mood'))).toBeUndefined();
    outer.release();
    expect(findEnum(x, ref(null, 'mood'))).toBe(x.enums[1]);
  });

  it('an enum replaced in place is found afresh', () => {
    const x = ir();
    expect(findEnum(x, ref(null, 'status'))).toBe(x.enums[1]);
    const mood = anEnum('mood', ['ok']);
    x.enums[1] = mood;
    expect(findEnum(x, ref(null, 'mood'))).toBe(mood);
    expect(findEnum(x, ref(null, 'status'))).toBeUndefined();
    expect(findEnum(x, ref(null, 'status'), { loose: true })).toBe(x.enums[0]);
  });
});

describe('names', () => {
  it('qualifiedName omits the default schema', () => {
    expect(qualifiedName(ref(null, 'users'))).toBe('users');
    expect(qualifiedName(ref('audit', 'users'))).toBe('audit.users');
  });

  it('tableSortKey: the default schema sorts first, then schema, then name; distinct refs, distinct keys', () => {
    const refs = [ref('b', 'a'), ref(null, 'z'), ref('a', 'z'), ref(null, 'a'), ref('a', 'a')];
    const sorted = [...refs].sort(compareRefs).map(qualifiedName);
    expect(sorted).toEqual(['a', 'z', 'a.a', 'a.z', 'b.a']);
    expect(new Set(refs.map(tableSortKey)).size).toBe(refs.length);
    // A schema named "0" or a name holding the separator cannot collide with the default schema.
    expect(tableSortKey(ref('0', 'x'))).not.toBe(tableSortKey(ref(null, 'x')));
    expect(compareRefs(ref(null, 'a'), ref(null, 'a'))).toBe(0);
  });
});
