import type { ExtractResult, ForeignKey } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';

/**
 * Relations through Prisma's own parser: foreign keys as Prisma Migrate creates them (default
 * name `{table}_{cols}_fkey` or `map:`, actions and their defaults: Restrict for a required
 * relation, SetNull for an optional one, Cascade on update), implicit many-to-many junction tables
 * `_{relation}` (A and B in alphabetical order of the models), and navigation relations.
 */
const SCHEMA = `model User {
  id       Int       @id @map("user_id")
  posts    Post[]
  /// Posts the user liked.
  liked    Post[]    @relation("Likes")
  profile  Profile?
}

model Profile {
  id     Int  @id
  userId Int  @unique @map("user_ref")
  user   User @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "profile_owner")
}

model Post {
  id       Int      @id
  authorId Int?
  author   User?    @relation(fields: [authorId], references: [id])
  likedBy  User[]   @relation("Likes")
  tags     Tag[]
  editorA  Int
  editorB  Int?
  editor   Editor?  @relation(fields: [editorA, editorB], references: [a, b])
  @@map("posts")
}

model Tag {
  id    String @id
  posts Post[]
}

model Editor {
  a     Int
  b     Int
  posts Post[]
  @@id([a, b])
}

model Node {
  id       Int    @id
  parentId Int
  parent   Node   @relation("Tree", fields: [parentId], references: [id], onDelete: SetDefault, onUpdate: Restrict)
  children Node[] @relation("Tree")
  next     Node[] @relation("Links")
  prev     Node[] @relation("Links")
}
`;

const irOf = (provider: string) => once(() => schemaIr(`${datasource(provider)}\n${SCHEMA}`));
const fk = (r: ExtractResult, table: string, columns: string): ForeignKey => {
  const f = tableOf(r, table).foreignKeys.find((x) => x.columns.join() === columns);
  if (!f) throw new Error(`no FK ${table}(${columns})`);
  return f;
};

describe('foreign keys', () => {
  const pg = irOf('postgresql');
  it.each([
    // table, columns, name, nameExplicit, references, onDelete, onUpdate
    ['posts', 'authorId', 'posts_authorId_fkey', false, ['User', 'user_id'], 'SET NULL', 'CASCADE'], // optional
    // a composite key with one optional column: SetNull
    [
      'posts',
      'editorA,editorB',
      'posts_editorA_editorB_fkey',
      false,
      ['Editor', 'a,b'],
      'SET NULL',
      'CASCADE',
    ],
    ['Profile', 'user_ref', 'profile_owner', true, ['User', 'user_id'], 'CASCADE', 'NO ACTION'],
    ['Node', 'parentId', 'Node_parentId_fkey', false, ['Node', 'id'], 'SET DEFAULT', 'RESTRICT'],
  ] as const)('%s(%s): %s', async (table, columns, name, nameExplicit, [to, toCols], onDelete, onUpdate) => {
    expect(fk(await pg(), table, columns)).toEqual({
      name,
      nameExplicit,
      columns: columns.split(','),
      references: { schema: null, name: to, columns: toCols.split(',') },
      onDelete,
      onUpdate,
      enforcedBy: 'database',
    });
  });

  it('a required relation without actions: ON DELETE RESTRICT ON UPDATE CASCADE', async () => {
    const r = await schemaIr(
      `${datasource('postgresql')}\nmodel A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n`,
    );
    expect(fk(r, 'B', 'aId')).toMatchObject({ onDelete: 'RESTRICT', onUpdate: 'CASCADE' });
    expect(tableOf(r, 'A').foreignKeys).toEqual([]);
  });

  it('relationMode = "prisma": the same keys, enforced by the ORM (junctions too)', async () => {
    // relationMode = "prisma" allows Cascade, Restrict and SetNull only
    const schema = SCHEMA.replace('onUpdate: NoAction', 'onUpdate: Cascade').replace(
      'onDelete: SetDefault, ',
      '',
    );
    const r = await schemaIr(`${datasource('postgresql', '  relationMode = "prisma"\n')}\n${schema}`);
    expect(fk(r, 'posts', 'authorId').enforcedBy).toBe('orm');
    expect(tableOf(r, '_PostToTag').foreignKeys.map((f) => f.enforcedBy)).toEqual(['orm', 'orm']);
  });

  it('no foreign key to or from a view', async () => {
    const r = await schemaIr(
      `${datasource('postgresql')}\ngenerator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\nmodel A {\n  id Int @id\n  vs V[]\n}\nview V {\n  id Int @unique\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\nview W {\n  id Int @unique\n  bId Int\n  b B @relation(fields: [bId], references: [id])\n}\nmodel B {\n  id Int @id\n  ws W[]\n}\n`,
    );
    expect(tableOf(r, 'V').foreignKeys).toEqual([]);
    expect(tableOf(r, 'W').foreignKeys).toEqual([]);
  });

  it('no foreign key from a model to a view either (Prisma Migrate creates none)', async () => {
    const r = await schemaIr(
      `${datasource('postgresql')}\ngenerator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["views"]\n}\nmodel M {\n  id Int @id\n  vId Int\n  v V @relation(fields: [vId], references: [id])\n}\nview V {\n  id Int @unique\n  ms M[]\n}\n`,
    );
    expect(tableOf(r, 'M').foreignKeys).toEqual([]);
    expect(tableOf(r, 'V').foreignKeys).toEqual([]);
  });
});

describe('implicit many-to-many junction tables', () => {
  const pg = irOf('postgresql');
  const my = irOf('mysql');

  it('PostgreSQL: _{relation}, A and B by model name, a primary key, an index on B, cascading FKs', async () => {
    const t = tableOf(await pg(), '_PostToTag');
    expect(t).toEqual({
      kind: 'table',
      schema: null,
      name: '_PostToTag',
      tags: [],
      columns: [
        {
          name: 'A',
          type: { sql: 'integer', orm: 'Int', category: 'integer', isArray: false },
          nullable: false,
          tags: [],
        },
        {
          name: 'B',
          type: { sql: 'text', orm: 'String', category: 'string', isArray: false },
          nullable: false,
          tags: [],
        },
      ],
      primaryKey: { name: '_PostToTag_AB_pkey', nameExplicit: false, columns: ['A', 'B'] },
      uniques: [],
      indexes: [{ name: '_PostToTag_B_index', nameExplicit: false, unique: false, parts: [{ column: 'B' }] }],
      foreignKeys: [
        {
          name: '_PostToTag_A_fkey',
          nameExplicit: false,
          columns: ['A'],
          references: { schema: null, name: 'posts', columns: ['id'] },
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
          enforcedBy: 'database',
        },
        {
          name: '_PostToTag_B_fkey',
          nameExplicit: false,
          columns: ['B'],
          references: { schema: null, name: 'Tag', columns: ['id'] },
          onDelete: 'CASCADE',
          onUpdate: 'CASCADE',
          enforcedBy: 'database',
        },
      ],
      checks: [],
      implicit: true,
    });
  });

  it('a named relation: _Likes, A is Post (P < U), B the mapped id of User', async () => {
    const t = tableOf(await pg(), '_Likes');
    expect(t.foreignKeys.map((f) => [f.columns[0], f.references.name, f.references.columns[0]])).toEqual([
      ['A', 'posts', 'id'],
      ['B', 'User', 'user_id'],
    ]);
  });

  it('a self-relation: both sides on the same model', async () => {
    const t = tableOf(await pg(), '_Links');
    expect(t.foreignKeys.map((f) => f.references.name)).toEqual(['Node', 'Node']);
  });

  it('MySQL: a unique index on (A, B) instead of a primary key', async () => {
    const t = tableOf(await my(), '_PostToTag');
    expect(t.primaryKey).toBeUndefined();
    expect(t.indexes).toEqual([
      {
        name: '_PostToTag_AB_unique',
        nameExplicit: false,
        unique: true,
        parts: [{ column: 'A' }, { column: 'B' }],
      },
      { name: '_PostToTag_B_index', nameExplicit: false, unique: false, parts: [{ column: 'B' }] },
    ]);
  });

  it('a junction per implicit many-to-many relation, none for one-to-many ones', async () => {
    const names = (await pg()).ir.tables.map((t) => t.name).sort();
    expect(names.filter((n) => n.startsWith('_'))).toEqual(['_Likes', '_Links', '_PostToTag']);
  });
});

describe('navigation relations', () => {
  const pg = irOf('postgresql');
  const nav = async (table: string, field: string) => {
    const r = (await pg()).ir.relations.find((x) => x.from.name === table && x.from.field === field);
    if (!r) throw new Error(`no relation ${table}.${field}`);
    return r;
  };

  it.each([
    [
      'posts',
      'author',
      {
        name: 'PostToUser',
        to: { schema: null, name: 'User', field: 'posts' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'posts_authorId_fkey',
      },
    ],
    [
      'User',
      'posts',
      {
        name: 'PostToUser',
        to: { schema: null, name: 'posts', field: 'author' },
        cardinality: 'many',
        foreignKey: 'posts_authorId_fkey',
      },
    ],
    [
      'Profile',
      'user',
      {
        name: 'ProfileToUser',
        to: { schema: null, name: 'User', field: 'profile' },
        cardinality: 'one',
        nullable: false,
        foreignKey: 'profile_owner',
      },
    ],
    [
      'User',
      'profile',
      {
        name: 'ProfileToUser',
        to: { schema: null, name: 'Profile', field: 'user' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'profile_owner',
      },
    ],
    [
      'posts',
      'tags',
      {
        name: 'PostToTag',
        to: { schema: null, name: 'Tag', field: 'posts' },
        cardinality: 'many',
        through: { schema: null, name: '_PostToTag' },
      },
    ],
    [
      'User',
      'liked',
      {
        name: 'Likes',
        to: { schema: null, name: 'posts', field: 'likedBy' },
        cardinality: 'many',
        through: { schema: null, name: '_Likes' },
        description: 'Posts the user liked.',
      },
    ],
  ] as const)('%s.%s', async (table, field, expected) => {
    expect(await nav(table, field)).toEqual({ from: { schema: null, name: table, field }, ...expected });
  });

  it('every relation field has one navigation relation', async () => {
    // User 3, Profile 1, Post 4, Tag 1, Editor 1, Node 4
    expect((await pg()).ir.relations).toHaveLength(14);
  });
});
