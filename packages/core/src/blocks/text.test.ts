import { describe, expect, it } from 'vitest';
import { readingOrder } from '../render/parts/order.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr } from '../testing/exampleIr.js';
import { asciiRelationshipMap, typeReference } from './index.js';

describe('asciiRelationshipMap', () => {
  const map = asciiRelationshipMap(exampleIr());
  const lines = map.trimEnd().split('\n');

  it('draws one-to-many, one-to-one and many-to-many lines like the seed', () => {
    expect(lines).toContain('users         ──►  posts         (one-to-many, posts.author_id, optional)');
    expect(lines).toContain('posts         ◄──► tags          (many-to-many via post_tags)');
    expect(lines).toContain(
      'users         ◄──► organizations (many-to-many via memberships, with role, joined_at)',
    );
    expect(lines).toContain('users         ───  user_profiles (one-to-one, user_profiles.user_id)');
    expect(lines).toContain(
      'comments      ──►  comments      (one-to-many, comments.parent_id, optional, self)',
    );
  });

  it('aligns the columns, orders lines core tables first and shows junction tables only as many-to-many', () => {
    const open = new Set(lines.map((l) => l.indexOf('(')));
    expect(open.size).toBe(1);
    const lefts = [...new Set(lines.map((l) => l.split(/\s+/)[0]))];
    // Reading order: the most referenced tables first, each after the tables it references.
    expect(lefts).toEqual(['users', 'organizations', 'posts', 'comments']);
    const order = readingOrder(exampleIr()).map((t) => t.name);
    const ranks = lines.map((l) =>
      l
        .split(/\s+/)
        .filter((w) => /^[a-z_]+$/.test(w))
        .slice(0, 2)
        .map((n) => order.indexOf(n)),
    );
    const sorted = [...ranks].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
    expect(ranks).toEqual(sorted);
    expect(map).not.toContain('post_tags.post_id');
    expect(map).not.toContain('memberships.user_id');
    expect(lines).toHaveLength(14);
  });

  it('is empty without relationships', () => {
    expect(asciiRelationshipMap(anIr({ tables: [aTable('a')] }))).toBe('');
  });
});

describe('typeReference', () => {
  it('lists each distinct SQL type once with its columns and a note', () => {
    const ref = typeReference(exampleIr());
    const types = ref.map((r) => r.sqlType);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(
      [
        'bigint',
        'boolean',
        'integer',
        'jsonb',
        'member_role',
        'post_status',
        'text',
        'timestamptz(3)',
        'uuid',
        'varchar(10)',
        'varchar(100)',
        'varchar(200)',
        'varchar(255)',
        'varchar(32)',
        'varchar(320)',
        'varchar(45)',
        'varchar(50)',
        'varchar(64)',
      ].sort(),
    );
    const role = ref.find((r) => r.sqlType === 'member_role');
    expect(role).toMatchObject({ category: 'enum', columns: ['invitations.role', 'memberships.role'] });
    expect(role?.note).toContain('owner, admin, member');
    expect(ref.find((r) => r.sqlType === 'varchar(320)')?.note).toBe(
      'Variable-length text of at most 320 characters.',
    );
    expect(ref.find((r) => r.sqlType === 'timestamptz(3)')?.note).toContain('with time zone');
    expect(ref.find((r) => r.sqlType === 'integer')?.note).toContain(
      'Filled from a sequence (auto-increment) in api_keys.id',
    );
  });

  it('notes arrays', () => {
    const ir = anIr({
      tables: [
        aTable('t', {
          columns: [aColumn('id', 'integer'), aColumn('labels', 'text[]')],
          primaryKey: aPrimaryKey('t', ['id']),
        }),
      ],
    });
    expect(typeReference(ir).find((r) => r.sqlType === 'text[]')?.note).toMatch(
      /^Array of: variable-length text/,
    );
  });
});
