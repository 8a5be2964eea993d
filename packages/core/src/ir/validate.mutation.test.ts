// The reference checks of validateIr, one problem each, and the paths its messages use (cases
// found by mutation testing, see CONTRIBUTING.md).
import { describe, expect, it } from 'vitest';
import { aColumn, aForeignKey, anIndex, anIr, aTable } from '../testing/builders.js';
import { jsonPath, parseIr, validateIr } from './validate.js';

const problems = (tables: ReturnType<typeof aTable>[]) =>
  validateIr(anIr({ tables })).diagnostics.map((d) => `${d.path}: ${d.message}`);

describe('validateIr: every reference checked, one problem each', () => {
  const users = () => aTable('users', { columns: [aColumn('id', 'integer'), aColumn('email')] });

  it('a unique key on a column the table lacks', () => {
    expect(
      problems([users(), aTable('t', { uniques: [{ name: 'u', nameExplicit: true, columns: ['nope'] }] })]),
    ).toEqual(['tables[1].uniques[0]: unknown column nope in t']);
  });

  it('an index on a column the table lacks; expression parts are not columns', () => {
    const ix = anIndex('t', ['id'], { name: 'i' });
    ix.parts = [{ column: 'nope' }, { expression: 'lower(x)' }];
    expect(problems([aTable('t', { indexes: [ix] })])).toEqual([
      'tables[0].indexes[0]: unknown column nope in t',
    ]);
  });

  it('a foreign key with more columns than it references', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'integer'), aColumn('a', 'integer'), aColumn('b', 'integer')],
      foreignKeys: [{ ...aForeignKey('t', ['a', 'b'], 'users', ['id']), name: 'fk' }],
    });
    expect(problems([users(), t])).toEqual([
      'tables[1].foreignKeys[0]: foreign key fk has 2 column(s) but references 1',
    ]);
  });

  it('a foreign key to a column the referenced table lacks', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'integer'), aColumn('a', 'integer')],
      foreignKeys: [{ ...aForeignKey('t', ['a'], 'users', ['nope']), name: 'fk' }],
    });
    expect(problems([users(), t])).toEqual([
      'tables[1].foreignKeys[0].references: foreign key fk references unknown column users.nope',
    ]);
  });

  it('a valid IR has no problem, and parseIr returns it', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'integer'), aColumn('a', 'integer')],
      uniques: [{ name: 'u', nameExplicit: true, columns: ['a'] }],
      indexes: [anIndex('t', ['a'], { name: 'i' })],
      foreignKeys: [aForeignKey('t', ['a'], 'users', ['id'])],
    });
    expect(problems([users(), t])).toEqual([]);
    expect(parseIr(anIr({ tables: [users(), t] })).tables).toHaveLength(2);
  });

  it('parseIr throws IR_INVALID listing only the errors, for a structural and for a reference problem', () => {
    expect(() => parseIr({ irVersion: 1 })).toThrow(/The schema representation is invalid/);
    const bad = aTable('t', { uniques: [{ name: 'u', nameExplicit: true, columns: ['nope'] }] });
    expect(() => parseIr(anIr({ tables: [bad] }))).toThrow(
      expect.objectContaining({
        code: 'IR_INVALID',
        details: ['tables[0].uniques[0]: unknown column nope in t'],
      }),
    );
  });
});

describe('jsonPath', () => {
  it.each([
    [[], '(root)'],
    [['tables', 2, 'columns', 0, 'name'], 'tables[2].columns[0].name'],
    [[0, 'a'], '[0].a'],
    [['tables', 'x-y'], 'tables["x-y"]'],
    [['a b'], '["a b"]'],
    [['$ok', '_x1'], '$ok._x1'],
    [['1a'], '["1a"]'],
    [['a', 'b-'], 'a["b-"]'],
  ])('%j -> %s', (path, out) => {
    expect(jsonPath(path as PropertyKey[])).toBe(out);
  });
});
