import type { ExtractResult, NavigationRelation } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { exportDoc, lazyExports } from '../../test/helpers/mutationExports.js';
import { fromSqlmodelExport } from '../index.js';

/**
 * relationship() -> navigation relations, one row per relationship of
 * test/fixtures/mutation/models.py as SQLAlchemy exported it: direction and uselist, the foreign
 * key it follows, back_populates/backref, secondary, cascade, passive_deletes, lazy, doc.
 */
const R = lazyExports();
const rel = (r: ExtractResult, table: string, field: string) => {
  const found = r.ir.relations.find((x) => x.from.name === table && x.from.field === field);
  if (!found) throw new Error(`no relation ${table}.${field}`);
  return found;
};

const DEFAULT = 'passive_deletes: rows not loaded are left to the database ON DELETE';
const ALL = 'passive_deletes="all": the ORM never deletes nor nulls child rows';

describe('each relationship', () => {
  it.each<[string, string, Omit<NavigationRelation, 'from'>]>([
    [
      'children',
      'other', // many-to-one over a nullable column, cascade="delete", no back-reference
      {
        to: { schema: null, name: 'parents' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'children_other_id_fkey',
        ormCascade: ['delete'],
        ormOnDelete: 'delete',
      },
    ],
    [
      'children',
      'parent', // the default cascade (merge, save-update) is not repeated
      {
        to: { schema: null, name: 'parents', field: 'children' },
        cardinality: 'one',
        nullable: false,
        foreignKey: 'children_parent_id_fkey',
      },
    ],
    [
      'children',
      'tags', // many-to-many: through the secondary table, no foreign key of its own
      {
        to: { schema: null, name: 'tags', field: 'children' },
        cardinality: 'many',
        through: { schema: null, name: 'tag_links' },
      },
    ],
    [
      'notes',
      'parent', // made by backref=
      {
        to: { schema: null, name: 'parents', field: 'notes' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'notes_parent_id_fkey',
      },
    ],
    [
      'parents',
      'children', // one-to-many: the child table's foreign key; "all, delete-orphan", passive_deletes=True
      {
        to: { schema: null, name: 'children', field: 'parent' },
        cardinality: 'many',
        foreignKey: 'children_parent_id_fkey',
        ormCascade: ['delete', 'delete-orphan', 'expunge', 'merge', 'refresh-expire', 'save-update'],
        ormOnDelete: `delete, delete-orphan; ${DEFAULT}`,
      },
    ],
    [
      'parents',
      'loose', // passive_deletes="all", lazy="selectin"
      {
        to: { schema: null, name: 'looses' },
        cardinality: 'many',
        foreignKey: 'looses_parent_id_fkey',
        ormOnDelete: ALL,
        eager: true,
      },
    ],
    [
      'parents',
      'notes', // backref="parent", lazy="joined", doc=
      {
        to: { schema: null, name: 'notes', field: 'parent' },
        cardinality: 'many',
        foreignKey: 'notes_parent_id_fkey',
        eager: true,
        description: 'Notes of the parent.',
      },
    ],
    [
      'profiles',
      'tag',
      {
        to: { schema: null, name: 'tags', field: 'one' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'profiles_tag_id_fkey',
      },
    ],
    [
      'tags',
      'children', // the backref side of a many-to-many
      {
        to: { schema: null, name: 'children', field: 'tags' },
        cardinality: 'many',
        through: { schema: null, name: 'tag_links' },
      },
    ],
    [
      'tags',
      'one', // uselist=False on the one-to-many side: one, and no nullable (it holds no column)
      {
        to: { schema: null, name: 'profiles', field: 'tag' },
        cardinality: 'one',
        foreignKey: 'profiles_tag_id_fkey',
      },
    ],
  ])('%s.%s', (table, field, expected) => {
    expect(rel(R.pg, table, field)).toEqual({ from: { schema: null, name: table, field }, ...expected });
  });

  it('the foreign key is the one the database has: MySQL names it {table}_ibfk_{n}', () => {
    expect(rel(R.my, 'children', 'parent').foreignKey).toBe('children_ibfk_1');
    expect(rel(R.my, 'children', 'other').foreignKey).toBe('children_ibfk_2');
  });

  it('every relationship is converted, none twice', () => {
    expect(R.pg.ir.relations).toHaveLength(10);
  });
});

describe('what the export may leave out', () => {
  const doc = exportDoc('postgresql') as { relationships: Array<Record<string, unknown>> };
  const convert = (change: (r: Record<string, unknown>) => Record<string, unknown>) => {
    const copy = structuredClone(doc);
    copy.relationships = copy.relationships.map((r) =>
      r.key === 'parent' && (r.table as { name: string }).name === 'children' ? change(r) : r,
    );
    return rel(fromSqlmodelExport(copy), 'children', 'parent');
  };

  it('no foreign-key columns, or columns of another table: no foreign key', () => {
    expect(convert((r) => ({ ...r, foreignKeyColumns: [] })).foreignKey).toBeUndefined();
    expect(convert(({ foreignKeyColumns: _f, ...r }) => r).foreignKey).toBeUndefined();
    expect(convert((r) => ({ ...r, foreignKeyColumns: ['notes.parent_id'] })).foreignKey).toBeUndefined();
    expect(
      convert((r) => ({ ...r, foreignKeyColumns: ['children.parent_id', 'children.other_id'] })).foreignKey,
    ).toBeUndefined();
    // the holding table looked up by schema and name: children in schema x is not exported
    expect(convert((r) => ({ ...r, table: { schema: 'x', name: 'children' } })).foreignKey).toBeUndefined();
  });

  it("a column of another table whose name is as long as the holding table's is not its column", () => {
    // profiles.parent_id with the `profiles.` prefix cut as if it were `children.`: parent_id
    expect(convert((r) => ({ ...r, foreignKeyColumns: ['profiles.parent_id'] })).foreignKey).toBeUndefined();
  });

  it("a composite key: all its columns must be the relationship's; nullable when any of them is", () => {
    const doc2 = structuredClone(doc) as typeof doc & {
      tables: Array<{ name: string; columns: Array<Record<string, unknown>> }>;
    };
    // pairs.pb NOT NULL, pairs.pa nullable
    doc2.tables = doc2.tables.map((t) =>
      t.name === 'pairs'
        ? { ...t, columns: t.columns.map((c) => (c.name === 'pb' ? { ...c, nullable: false } : c)) }
        : t,
    );
    const toPairs = (cols: string[]) => {
      const copy = structuredClone(doc2);
      copy.relationships = copy.relationships.map((r) =>
        r.key === 'parent' && (r.table as { name: string }).name === 'children'
          ? {
              ...r,
              table: { schema: null, name: 'pairs' },
              targetTable: { schema: null, name: 'profiles' },
              foreignKeyColumns: cols,
            }
          : r,
      );
      return rel(fromSqlmodelExport(copy), 'pairs', 'parent');
    };
    expect(toPairs(['pairs.pa', 'pairs.id']).foreignKey).toBeUndefined();
    const both = toPairs(['pairs.pb', 'pairs.pa']);
    expect(both.foreignKey).toMatch(/^pairs_p[ab]_p[ab]_fkey1?$/);
    expect(both.nullable).toBe(true);
  });

  it('no delete cascade and no passive_deletes: no ormOnDelete at all', () => {
    expect(rel(R.pg, 'children', 'parent')).not.toHaveProperty('ormOnDelete');
  });

  it('a relationship whose table is not exported: no relation', () => {
    const copy = structuredClone(doc);
    copy.relationships = copy.relationships.map((r) => ({ ...r, targetTable: null }));
    expect(fromSqlmodelExport(copy).ir.relations).toEqual([]);
  });

  it('an eager lazy= other than joined/selectin: subquery and immediate are eager, dynamic is not', () => {
    expect(convert((r) => ({ ...r, lazy: 'subquery' })).eager).toBe(true);
    expect(convert((r) => ({ ...r, lazy: 'immediate' })).eager).toBe(true);
    expect(convert((r) => ({ ...r, lazy: 'dynamic' })).eager).toBeUndefined();
  });

  it('cascade="delete" without delete-orphan, passive_deletes=True alone', () => {
    expect(convert((r) => ({ ...r, cascade: ['save-update', 'delete'] }))).toMatchObject({
      ormCascade: ['delete', 'save-update'],
      ormOnDelete: 'delete',
    });
    expect(convert((r) => ({ ...r, passiveDeletes: true })).ormOnDelete).toBe(DEFAULT);
    expect(convert((r) => ({ ...r, cascade: ['merge'] })).ormCascade).toEqual(['merge']);
  });
});
