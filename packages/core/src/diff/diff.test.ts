import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { shopAfter, shopBefore } from './_fixtures.js';
import { diffIr } from './compare.js';
import type { SchemaChange } from './schema.js';

const kinds = (changes: SchemaChange[]) =>
  changes.map((c) => `${c.kind} ${c.table ?? c.enum}${c.column ? `.${c.column}` : ''}`);

describe('diffIr', () => {
  it('finds nothing between an IR and its copy', () => {
    expect(diffIr(shopBefore(), shopBefore())).toEqual([]);
    expect(diffIr(shopAfter(), structuredClone(shopAfter()))).toEqual([]);
  });

  it('reports every change of the shop pull request, each with its table/column and before/after', () => {
    const changes = diffIr(shopBefore(), shopAfter());
    expect(kinds(changes)).toEqual([
      'table-dropped audit_log',
      'table-added coupons',
      'column-type-changed orders.total',
      'column-nullability-changed orders.note',
      'index-added orders',
      'foreign-key-action-changed orders',
      'check-added orders',
      'column-renamed users.display_name',
      'column-dropped users.legacy_code',
      'column-added users.phone',
      'column-added users.country',
      'column-type-changed users.email',
      'unique-added users',
      'description-changed users',
      'enum-value-dropped order_status',
      'enum-value-added order_status',
    ]);
    const find = (kind: string, column?: string) =>
      changes.find((c) => c.kind === kind && (!column || c.column === column));
    expect(find('column-type-changed', 'total')).toMatchObject({
      before: 'numeric(10,2)',
      after: 'numeric(8,2)',
    });
    expect(find('column-renamed')).toMatchObject({ before: 'name', after: 'display_name', guess: true });
    expect(find('column-added', 'country')).toMatchObject({
      nullable: false,
      hasDefault: false,
      existingTable: true,
    });
    expect(find('foreign-key-action-changed')).toMatchObject({
      before: 'ON DELETE CASCADE ON UPDATE NO ACTION',
      after: 'ON DELETE RESTRICT ON UPDATE NO ACTION',
    });
    expect(find('enum-value-dropped')).toMatchObject({ enum: 'order_status', name: 'cancelled' });
  });

  it('is the mirror image the other way round: every add becomes a drop', () => {
    const forward = diffIr(shopBefore(), shopAfter());
    const backward = diffIr(shopAfter(), shopBefore());
    const count = (cs: SchemaChange[], kind: string) => cs.filter((c) => c.kind === kind).length;
    expect(count(backward, 'table-added')).toBe(count(forward, 'table-dropped'));
    expect(count(backward, 'enum-value-dropped')).toBe(count(forward, 'enum-value-added'));
    expect(count(backward, 'index-dropped')).toBe(count(forward, 'index-added'));
  });

  it('matches tables by schema-qualified name: the same name in another schema is another table', () => {
    const a = anIr({ tables: [aTable('users', { schema: 'auth' })] });
    const b = anIr({ tables: [aTable('users', { schema: 'public' })] });
    expect(kinds(diffIr(a, b))).toEqual(['table-dropped auth.users', 'table-added public.users']);
  });

  it('calls a drop + add of the same type a probable rename, and of different types a drop and an add', () => {
    const base = (cols: ReturnType<typeof aColumn>[]) => anIr({ tables: [aTable('t', { columns: cols })] });
    const renamed = diffIr(base([aColumn('a', 'text')]), base([aColumn('b', 'text')]));
    expect(renamed).toEqual([
      { kind: 'column-renamed', table: 't', column: 'b', before: 'a', after: 'b', guess: true },
    ]);
    expect(kinds(diffIr(base([aColumn('a', 'text')]), base([aColumn('b', 'integer')])))).toEqual([
      'column-dropped t.a',
      'column-added t.b',
    ]);
    // A nullable column dropped and a NOT NULL one added is no rename: the drop stays visible (DS102).
    expect(
      kinds(diffIr(base([aColumn('a', 'text', { nullable: true })]), base([aColumn('b', 'text')]))),
    ).toEqual(['column-dropped t.a', 'column-added t.b']);
  });

  it('marks a key or FK on columns added empty in the same change (existing rows hold only NULLs)', () => {
    const before = anIr({ tables: [aTable('p'), aTable('c')] });
    const after = structuredClone(before);
    const c = after.tables[1]!;
    c.columns.push(
      aColumn('p_id', 'integer', { nullable: true }),
      aColumn('code', 'text', { default: { kind: 'sql', expression: "''" } }),
    );
    c.foreignKeys = [aForeignKey('c', ['p_id'], 'p')];
    c.uniques = [{ name: 'c_code_key', nameExplicit: false, columns: ['code'] }];
    const changes = diffIr(before, after);
    expect(changes.find((x) => x.kind === 'foreign-key-added')?.newEmptyColumns).toBe(true);
    // A new column with a default gives every row the same value: a unique on it can fail.
    expect(changes.find((x) => x.kind === 'unique-added')?.newEmptyColumns).toBeUndefined();
  });

  it('reports a constraint whose only change is its name as a rename, not a drop and an add', () => {
    const t = (name: string) =>
      anIr({ tables: [aTable('t', { indexes: [anIndex('t', ['id'], { name })] })] });
    expect(diffIr(t('a_idx'), t('b_idx'))).toEqual([
      { kind: 'constraint-renamed', table: 't', name: 'b_idx', before: 'a_idx', after: 'b_idx' },
    ]);
  });

  it('reports primary keys, FK enforcement, views, tags, defaults, enums added and dropped', () => {
    const before: Ir = anIr({
      tables: [
        aTable('p'),
        aTable('c', {
          columns: [
            aColumn('id', 'integer'),
            aColumn('p_id', 'integer', { default: { kind: 'literal', value: 0, sql: '0' } }),
          ],
          foreignKeys: [aForeignKey('c', ['p_id'], 'p', ['id'], { enforcedBy: 'orm' })],
        }),
        aTable('v', { kind: 'view', definition: 'SELECT 1' }),
      ],
      enums: [anEnum('old', ['x'])],
    });
    const after = structuredClone(before);
    const c = after.tables[1]!;
    c.primaryKey = aPrimaryKey('c', ['id']);
    c.foreignKeys[0]!.enforcedBy = 'database';
    c.columns[1] = { ...c.columns[1]!, default: undefined, tags: [{ name: 'pii' }] };
    after.tables[2]!.definition = 'SELECT 2';
    after.enums = [anEnum('new', ['y'])];
    expect(kinds(diffIr(before, after))).toEqual([
      'column-default-changed c.p_id',
      'tags-changed c.p_id',
      'primary-key-added c',
      'enforcement-changed c',
      'view-changed v',
      'enum-added new',
      'enum-dropped old',
    ]);
  });
});
