// Cases found by mutation testing (pnpm mutation, see CONTRIBUTING.md): each states a fact about
// deriveRelationships that a surviving mutant broke without any test noticing.
import { describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { deriveRelationships, junctionForeignKeys, uniqueKeys } from './derive.js';

const users = aTable('users', { primaryKey: aPrimaryKey('users', ['id']) });
const tags = aTable('tags', { primaryKey: aPrimaryKey('tags', ['id']) });
const cols = (...names: string[]) => names.map((n) => aColumn(n, 'integer'));

describe('uniqueKeys: only indexes on whole plain columns guarantee uniqueness', () => {
  it('a unique index with a prefix length (MySQL `title(10)`) is no unique key', () => {
    const t = aTable('posts', {
      columns: cols('id', 'author_id', 'title'),
      indexes: [
        anIndex('posts', ['author_id', 'title'], {
          unique: true,
          parts: [{ column: 'author_id' }, { column: 'title', length: 10 }],
        }),
      ],
      foreignKeys: [aForeignKey('posts', ['author_id', 'title'], 'users', ['id', 'name'])],
    });
    expect(uniqueKeys(t)).toEqual([]);
    expect(deriveRelationships(anIr({ tables: [users, t] }))[0]?.kind).toBe('one-to-many');
  });

  it('a unique index with an expression part is no unique key', () => {
    const t = aTable('posts', {
      columns: cols('id', 'author_id'),
      indexes: [
        anIndex('posts', ['author_id'], {
          unique: true,
          parts: [{ column: 'author_id' }, { expression: 'lower(slug)' }],
        }),
      ],
    });
    expect(uniqueKeys(t)).toEqual([]);
  });
});

describe('junctionForeignKeys: the two foreign keys must form exactly a unique key', () => {
  const fks = [aForeignKey('links', ['user_id'], 'users'), aForeignKey('links', ['tag_id'], 'tags')];

  it('a unique key of one FK column only is not the pair', () => {
    const t = aTable('links', {
      columns: cols('id', 'user_id', 'tag_id'),
      primaryKey: aPrimaryKey('links', ['id']),
      uniques: [{ name: 'links_user', nameExplicit: false, columns: ['user_id'] }],
      foreignKeys: fks,
    });
    expect(junctionForeignKeys(t)).toBeUndefined();
  });

  it('a two-column key sharing one column with the pair is not the pair', () => {
    const t = aTable('links', {
      columns: cols('user_id', 'tag_id', 'slot'),
      primaryKey: aPrimaryKey('links', ['user_id', 'slot']),
      foreignKeys: fks,
    });
    expect(junctionForeignKeys(t)).toBeUndefined();
  });

  it('a two-column key of other columns is not the pair', () => {
    const t = aTable('links', {
      columns: cols('user_id', 'tag_id', 'a', 'b'),
      primaryKey: aPrimaryKey('links', ['a', 'b']),
      foreignKeys: fks,
    });
    expect(junctionForeignKeys(t)).toBeUndefined();
  });

  it('a view is never a junction table', () => {
    const v = aTable('links', {
      kind: 'view',
      columns: cols('user_id', 'tag_id'),
      primaryKey: aPrimaryKey('links', ['user_id', 'tag_id']),
      foreignKeys: fks,
    });
    expect(junctionForeignKeys(v)).toBeUndefined();
    expect(deriveRelationships(anIr({ tables: [users, tags, v] })).map((r) => r.kind)).toEqual([
      'one-to-many',
      'one-to-many',
    ]);
  });
});

describe('deriveRelationships on incomplete or unusual tables', () => {
  it('a foreign key column the table does not list is not optional, and nothing throws', () => {
    const t = aTable('posts', {
      columns: cols('id'),
      foreignKeys: [aForeignKey('posts', ['author_id'], 'users')],
    });
    expect(deriveRelationships(anIr({ tables: [users, t] }))[0]).toMatchObject({ optional: false });
  });

  it('a junction with no primary key (only the unique pair) keeps every other column as payload', () => {
    const t = aTable('links', {
      columns: [...cols('user_id', 'tag_id'), aColumn('note', 'text')],
      uniques: [{ name: 'links_pair', nameExplicit: false, columns: ['user_id', 'tag_id'] }],
      foreignKeys: [aForeignKey('links', ['user_id'], 'users'), aForeignKey('links', ['tag_id'], 'tags')],
    });
    const m2m = deriveRelationships(anIr({ tables: [users, tags, t] })).find(
      (r) => r.kind === 'many-to-many',
    );
    expect(m2m).toMatchObject({ payloadColumns: ['note'] });
  });

  it('a composite primary key of non-FK columns is no surrogate key: its columns are payload', () => {
    const t = aTable('links', {
      columns: cols('id', 'version', 'user_id', 'tag_id'),
      primaryKey: aPrimaryKey('links', ['id', 'version']),
      uniques: [{ name: 'links_pair', nameExplicit: false, columns: ['user_id', 'tag_id'] }],
      foreignKeys: [aForeignKey('links', ['user_id'], 'users'), aForeignKey('links', ['tag_id'], 'tags')],
    });
    const m2m = deriveRelationships(anIr({ tables: [users, tags, t] })).find(
      (r) => r.kind === 'many-to-many',
    );
    expect(m2m).toMatchObject({ payloadColumns: ['id', 'version'] });
  });

  it('ids are unique: `table.fk` for foreign keys, the junction table name for many-to-many', () => {
    const t = aTable('post_tags', {
      columns: cols('user_id', 'tag_id'),
      primaryKey: aPrimaryKey('post_tags', ['user_id', 'tag_id']),
      foreignKeys: [
        aForeignKey('post_tags', ['user_id'], 'users'),
        aForeignKey('post_tags', ['tag_id'], 'tags'),
      ],
    });
    const rels = deriveRelationships(anIr({ tables: [users, tags, t] }));
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
    expect(rels.find((r) => r.kind === 'many-to-many')?.id).toBe(qualifiedName(t));
    expect(rels.filter((r) => r.kind !== 'many-to-many').map((r) => r.id)).toEqual([
      `${qualifiedName(t)}.post_tags_user_id_fkey`,
      `${qualifiedName(t)}.post_tags_tag_id_fkey`,
    ]);
  });
});
