import { describe, expect, it } from 'vitest';
import type { Dialect, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { dropKeyFix, freshName, indexFix, namingOf, timestampFix, withFixMemo } from './_fixes.js';
import { keysOf } from './_util.js';
import { analyze } from './index.js';

// The fixes as code, per ORM and dialect, one row per case (mutation tests: see CONTRIBUTING.md,
// "Mutation testing"). The SQL of the fixes runs on PostgreSQL in the fix tests; here: the words.

type Orm = Ir['source']['orm'];
const irOf = (
  tables: Table[],
  orm: Orm = 'prisma',
  dialect: Dialect = 'postgresql',
  more: Partial<Ir> = {},
) => anIr({ tables, dialect, source: { orm, files: [] }, ...more });

const posts = (overrides: Partial<Table> = {}) =>
  aTable('posts', {
    codeName: 'Post',
    columns: [
      aColumn('id', 'integer'),
      aColumn('author_id', 'integer', { codeName: 'authorId' }),
      aColumn('slug', 'text'),
      aColumn('created', 'timestamptz'),
    ],
    primaryKey: aPrimaryKey('posts', ['id']),
    ...overrides,
  });

describe('freshName', () => {
  const t = posts({
    uniques: [{ name: 'posts_slug_key', nameExplicit: true, columns: ['slug'] }],
    indexes: [anIndex('posts', ['slug'], { name: 'taken_idx' })],
    foreignKeys: [aForeignKey('posts', ['author_id'], 'users', ['id'], { name: 'posts_author_fk' })],
    checks: [{ name: 'posts_check', nameExplicit: true, expression: 'id > 0' }],
  });
  const other = aTable('other', {
    schema: 'public',
    indexes: [anIndex('other', ['id'], { name: 'other_idx' })],
  });
  const elsewhere = aTable('far', {
    schema: 'archive',
    indexes: [anIndex('far', ['id'], { name: 'far_idx' })],
  });
  const ir = irOf([t, other, elsewhere], 'prisma', 'postgresql', {
    enums: [anEnum('mood', ['a']), anEnum('tone', ['a'], { schema: 'archive' })],
  });

  it.each([
    ['a free name', 'fresh_idx', 'relation', 'fresh_idx'],
    ['an index of the table', 'taken_idx', 'relation', 'taken_idx_2'],
    ['the table itself', 'posts', 'relation', 'posts_2'],
    ['the primary key', 'posts_pkey', 'relation', 'posts_pkey_2'],
    ['a unique constraint', 'posts_slug_key', 'relation', 'posts_slug_key_2'],
    ['an index of another table of the default schema', 'other_idx', 'relation', 'other_idx_2'],
    ['an enum of the default schema', 'mood', 'relation', 'mood_2'],
    ['an index in another schema', 'far_idx', 'relation', 'far_idx'],
    ['an enum in another schema', 'tone', 'relation', 'tone'],
    ['a column', 'slug', 'column', 'slug_2'],
    ['a column name as a relation', 'slug', 'relation', 'slug'],
    ['a foreign key', 'posts_author_fk', 'constraint', 'posts_author_fk_2'],
    ['a check', 'posts_check', 'constraint', 'posts_check_2'],
    ['the primary key, as a constraint', 'posts_pkey', 'constraint', 'posts_pkey_2'],
    ['a unique constraint, as a constraint', 'posts_slug_key', 'constraint', 'posts_slug_key_2'],
    ['an index, as a constraint', 'taken_idx', 'constraint', 'taken_idx'],
  ] as const)('%s: %s (%s) -> %s', (_what, base, kind, name) => {
    expect(freshName(ir, t, base, kind)).toBe(name);
  });

  it('counts on from _2 while the name is taken', () => {
    const taken = posts({ indexes: ['x', 'x_2', 'x_3'].map((name) => anIndex('posts', ['id'], { name })) });
    expect(freshName(irOf([taken]), taken, 'x', 'relation')).toBe('x_4');
  });

  it('cuts a long name to 63 bytes, keeping room for the suffix', () => {
    const long = 'n'.repeat(70);
    const t63 = posts({ indexes: [anIndex('posts', ['id'], { name: 'n'.repeat(63) })] });
    expect(freshName(irOf([posts()]), posts(), long, 'relation')).toBe('n'.repeat(63));
    expect(freshName(irOf([t63]), t63, long, 'relation')).toBe(`${'n'.repeat(61)}_2`);
  });

  it('a table in the schema named public is in the default schema', () => {
    const pub = aTable('public_t', {
      schema: 'public',
      indexes: [anIndex('public_t', ['id'], { name: 'pub_idx' })],
    });
    const t0 = posts();
    expect(freshName(irOf([t0, pub]), t0, 'pub_idx', 'relation')).toBe('pub_idx_2');
  });
});

describe('withFixMemo', () => {
  it('returns what the function returns, and reads the schema afresh after it ends (even by an error)', () => {
    const t = posts();
    const ir = irOf([t]);
    expect(withFixMemo(() => freshName(ir, t, 'a_idx', 'relation'))).toBe('a_idx');
    expect(() =>
      withFixMemo(() => {
        freshName(ir, t, 'a_idx', 'relation');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    t.indexes.push(anIndex('posts', ['id'], { name: 'a_idx' }));
    expect(freshName(ir, t, 'a_idx', 'relation')).toBe('a_idx_2');
  });

  it('computes the schema-wide facts once inside, and restores the outer memo after a nested one', () => {
    const t = posts();
    const ir = irOf([t]);
    withFixMemo(() => {
      expect(freshName(ir, t, 'b_idx', 'relation')).toBe('b_idx');
      withFixMemo(() => undefined);
      t.indexes.push(anIndex('posts', ['id'], { name: 'b_idx' }));
      // The outer memo is back: the names read before the edit stand until the analysis ends.
      expect(freshName(ir, t, 'b_idx', 'relation')).toBe('b_idx');
    });
    expect(freshName(ir, t, 'b_idx', 'relation')).toBe('b_idx_2');
  });
});

describe('indexFix', () => {
  const fix = (orm: Orm, where?: string, dialect: Dialect = 'postgresql') =>
    indexFix(irOf([posts()], orm, dialect), posts(), ['author_id', 'slug'], where);
  const sql = 'CREATE INDEX posts_author_id_slug_idx ON posts (author_id, slug);';
  const partialSql = "CREATE INDEX posts_author_id_slug_idx ON posts (author_id, slug) WHERE slug <> 'x';";

  it.each([
    ['prisma', undefined, { orm: '@@index([authorId, slug])', text: 'in model Post', sql }],
    ['prisma', "slug <> 'x'", { sql: partialSql }],
    [
      'drizzle',
      undefined,
      {
        orm: "index('posts_author_id_slug_idx').on(table.authorId, table.slug)",
        text: 'in the extra config of the Post table',
        sql,
      },
    ],
    [
      'drizzle',
      "slug <> 'x'",
      {
        orm: "index('posts_author_id_slug_idx').on(table.authorId, table.slug).where(sql`slug <> 'x'`)",
        text: 'in the extra config of the Post table',
        sql: partialSql,
      },
    ],
    ['typeorm', undefined, { orm: "@Index(['authorId', 'slug'])", text: 'on entity Post', sql }],
    [
      'typeorm',
      "slug <> 'x'",
      {
        orm: "@Index(['authorId', 'slug'], { where: 'slug <> \\'x\\'' })",
        text: 'on entity Post',
        sql: partialSql,
      },
    ],
    [
      'sqlalchemy',
      undefined,
      {
        orm: "Index('posts_author_id_slug_idx', 'author_id', 'slug')",
        text: 'in __table_args__ of Post',
        sql,
      },
    ],
    [
      'sqlmodel',
      "slug <> 'x'",
      {
        orm: "Index('posts_author_id_slug_idx', 'author_id', 'slug', postgresql_where=text('slug <> \\'x\\''))",
        text: 'in __table_args__ of Post',
        sql: partialSql,
      },
    ],
  ] as const)('%s, WHERE %s', (orm, where, expected) => {
    expect(fix(orm, where)).toEqual(expected);
  });

  it('writes the SQLite WHERE keyword for SQLAlchemy on SQLite, and quotes as the dialect does', () => {
    expect(fix('sqlalchemy', 'slug IS NULL', 'sqlite').orm).toBe(
      "Index('posts_author_id_slug_idx', 'author_id', 'slug', sqlite_where=text('slug IS NULL'))",
    );
    const camel = aTable('Post', { columns: [aColumn('authorId', 'integer')] });
    expect(indexFix(irOf([camel], 'prisma', 'mysql'), camel, ['authorId']).sql).toBe(
      'CREATE INDEX `Post_authorId_idx` ON `Post` (`authorId`);',
    );
  });

  it('names the model by its table name when it has no code name', () => {
    const bare = aTable('tags', { columns: [aColumn('id', 'integer')] });
    expect(indexFix(irOf([bare]), bare, ['id']).text).toBe('in model tags');
  });
});

describe('dropKeyFix', () => {
  const t = (schema: string | null = null) =>
    posts({
      schema,
      uniques: [{ name: 'posts_slug_key', nameExplicit: true, columns: ['slug'] }],
      indexes: [
        anIndex('posts', ['author_id'], { name: 'plain_idx' }),
        anIndex('posts', ['author_id'], { name: 'one_uq', unique: true }),
        anIndex('posts', ['author_id', 'slug'], { name: 'two_uq', unique: true }),
        anIndex('posts', [], { name: 'expr_uq', unique: true, parts: [{ expression: 'lower(slug)' }] }),
      ],
    });
  const fixOf = (name: string, orm: Orm, dialect: Dialect = 'postgresql', schema: string | null = null) => {
    const table = t(schema);
    const key = keysOf(table).find((k) => k.name === name);
    if (!key) throw new Error(name);
    return dropKeyFix(irOf([table], orm, dialect), table, key);
  };

  it.each([
    ['posts_slug_key', 'postgresql', null, 'ALTER TABLE posts DROP CONSTRAINT posts_slug_key;'],
    ['posts_slug_key', 'mysql', null, 'ALTER TABLE posts DROP CONSTRAINT posts_slug_key;'],
    ['plain_idx', 'postgresql', null, 'DROP INDEX plain_idx;'],
    ['plain_idx', 'postgresql', 'blog', 'DROP INDEX blog.plain_idx;'],
    ['one_uq', 'postgresql', 'blog', 'DROP INDEX blog.one_uq;'],
    ['plain_idx', 'mysql', 'blog', 'DROP INDEX plain_idx ON blog.posts;'],
    ['plain_idx', 'sqlite', null, 'DROP INDEX plain_idx;'],
  ] as const)('%s on %s (schema %s): %s', (name, dialect, schema, sql) => {
    expect(fixOf(name, 'prisma', dialect, schema).sql).toBe(sql);
  });

  it.each([
    ['prisma', 'plain_idx', '@@index([authorId])', 'from model Post'],
    ['prisma', 'one_uq', '@unique', 'from field authorId of model Post'],
    ['prisma', 'posts_slug_key', '@unique', 'from field slug of model Post'],
    ['prisma', 'two_uq', '@@unique([authorId, slug])', 'from model Post'],
    ['prisma', 'expr_uq', '@@unique([(lower(slug))])', 'from model Post'],
    ['drizzle', 'plain_idx', "index('plain_idx')", 'from the Post table'],
    ['drizzle', 'one_uq', '.unique()', 'from column authorId of the Post table'],
    ['drizzle', 'two_uq', "uniqueIndex('two_uq')", 'from the Post table'],
    ['typeorm', 'plain_idx', "@Index(['authorId'])", 'from entity Post'],
    ['typeorm', 'one_uq', 'unique: true', 'from the @Column of Post.authorId'],
    ['typeorm', 'two_uq', '@Index({ unique: true })', 'from entity Post'],
    ['sqlalchemy', 'plain_idx', "Index('plain_idx', ...)", 'from __table_args__ of Post'],
    ['sqlalchemy', 'one_uq', 'unique=True', 'from column authorId of Post'],
    ['sqlmodel', 'two_uq', "Index('two_uq', ...)", 'from __table_args__ of Post'],
  ] as const)('%s, %s: remove %s %s', (orm, name, code, text) => {
    expect(fixOf(name, orm)).toMatchObject({ orm: code, text, remove: true });
  });

  it('names a unique constraint on several columns UniqueConstraint for SQLAlchemy', () => {
    const table = posts({ uniques: [{ name: 'pair', nameExplicit: true, columns: ['author_id', 'slug'] }] });
    const key = keysOf(table).find((k) => k.name === 'pair')!;
    expect(dropKeyFix(irOf([table], 'sqlalchemy'), table, key)).toMatchObject({
      orm: 'UniqueConstraint(...)',
      text: 'from __table_args__ of Post',
    });
  });

  it('writes several columns of a TypeORM index as a list', () => {
    const table = posts({ indexes: [anIndex('posts', ['author_id', 'slug'], { name: 'pair_idx' })] });
    const key = keysOf(table).find((k) => k.name === 'pair_idx')!;
    expect(dropKeyFix(irOf([table], 'typeorm'), table, key).orm).toBe("@Index(['authorId', 'slug'])");
  });
});

describe('namingOf', () => {
  it.each([
    [['createdAt'], 'camel'],
    [['x1Y'], 'camel'],
    [['created_at'], 'snake'],
    [['createdAt', 'created_at'], 'snake'],
    [['createdAt', 'updatedAt', 'created_at'], 'camel'],
    [['createdAt', 'id', 'name', undefined], 'camel'],
    [['Created', 'a_', 'CreatedAt', '_at', 'createdAt'], 'camel'],
    [['created_at', 'createdAt_x', 'a__b'], 'snake'],
    [[], 'snake'],
  ] as const)('%j: %s', (names, naming) => {
    expect(namingOf([...names])).toBe(naming);
  });
  it('counts a snake_case name only when a word follows the underscore', () => {
    // Two camelCase names against two snake_case ones: a tie is snake_case; `a_` is no snake_case name.
    expect(namingOf(['aB', 'cD', 'a_b', 'a_'])).toBe('camel');
    expect(namingOf(['aB', 'cD', 'a_b', 'c_d'])).toBe('snake');
    expect(namingOf(['aB', '1_b'])).toBe('camel');
    expect(namingOf(['aB', 'Ab_c', 'a_b'])).toBe('snake');
  });
});

describe('timestampFix', () => {
  const snakeTable = (more: Parameters<typeof aColumn>[] = []) =>
    aTable('notes', {
      codeName: 'Note',
      columns: [aColumn('id', 'integer'), aColumn('body_text', 'text'), ...more.map((a) => aColumn(...a))],
    });
  const camelTable = aTable('Note', {
    columns: [aColumn('id', 'integer'), aColumn('bodyText', 'text'), aColumn('authorId', 'integer')],
  });
  const mapped = aTable('notes', {
    codeName: 'Note',
    columns: [
      aColumn('id', 'integer'),
      aColumn('body_text', 'text', { codeName: 'bodyText' }),
      aColumn('author_id', 'integer', { codeName: 'authorId' }),
    ],
  });

  it.each([
    [
      'prisma',
      mapped,
      'createdAt DateTime @default(now()) @map("created_at")\nupdatedAt DateTime @default(now()) @updatedAt @map("updated_at")',
      'in model Note',
    ],
    [
      'prisma',
      camelTable,
      'createdAt DateTime @default(now())\nupdatedAt DateTime @default(now()) @updatedAt',
      'in model Note',
    ],
    [
      'drizzle',
      mapped,
      "createdAt: timestamp('created_at').notNull().defaultNow()\nupdatedAt: timestamp('updated_at').notNull().defaultNow().$onUpdate(() => new Date())",
      'in Note',
    ],
    [
      'typeorm',
      mapped,
      "@CreateDateColumn({ name: 'created_at' }) createdAt: Date;\n@UpdateDateColumn({ name: 'updated_at' }) updatedAt: Date;",
      'on entity Note',
    ],
    [
      'typeorm',
      camelTable,
      '@CreateDateColumn() createdAt: Date;\n@UpdateDateColumn() updatedAt: Date;',
      'on entity Note',
    ],
    [
      'sqlalchemy',
      snakeTable(),
      'created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)\nupdated_at = Column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now(), nullable=False)',
      'in Note',
    ],
  ] as const)('%s: the ORM fields', (orm, table, code, text) => {
    const { fix, names } = timestampFix(irOf([table], orm), table, ['created', 'updated']);
    expect(fix?.orm).toBe(code);
    expect(fix?.text).toBe(text);
    expect(names).toEqual(table === camelTable ? ['createdAt', 'updatedAt'] : ['created_at', 'updated_at']);
  });

  it.each([
    ['postgresql', 'ALTER TABLE notes ADD COLUMN created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;'],
    [
      'cockroachdb',
      'ALTER TABLE notes ADD COLUMN created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    ],
    ['mysql', 'ALTER TABLE notes ADD COLUMN created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);'],
    ['sqlite', undefined],
    ['sqlserver', undefined],
  ] as const)('%s: %s', (dialect, sql) => {
    const t = snakeTable();
    const { fix } = timestampFix(irOf([t], 'prisma', dialect), t, ['created']);
    expect(fix?.sql).toBe(sql);
    expect(fix !== undefined && 'sql' in fix).toBe(sql !== undefined);
  });

  it('uses the timestamp type the schema uses most (ties by name), never an array type', () => {
    const t = snakeTable([
      ['seen', 'timestamp(6)'],
      ['read', 'timestamp(6)'],
      ['sent', 'timestamp(3)'],
      ['a', 'timestamp(3)'],
      ['b', 'date'],
      ['c', 'timestamptz[]'],
      ['d', 'timestamptz[]'],
      ['e', 'timestamptz[]'],
    ]);
    const sqlOf = (table: Table, dialect: Dialect = 'postgresql') =>
      timestampFix(irOf([table], 'prisma', dialect), table, ['created']).fix?.sql;
    expect(sqlOf(t)).toBe(
      'ALTER TABLE notes ADD COLUMN created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
    const six = snakeTable([
      ['seen', 'timestamp(6)'],
      ['read', 'timestamp(6)'],
      ['sent', 'timestamp(3)'],
    ]);
    expect(sqlOf(six)).toBe(
      'ALTER TABLE notes ADD COLUMN created_at timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
    expect(sqlOf(snakeTable([['seen', 'datetime']]), 'mysql')).toBe(
      'ALTER TABLE notes ADD COLUMN created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
  });

  it('adds only what is missing, under a name the table does not use yet', () => {
    const t = snakeTable([['updated_at', 'text']]);
    const { fix, names } = timestampFix(irOf([t]), t, ['updated']);
    expect(names).toEqual(['updated_at_2']);
    expect(fix?.sql).toBe(
      'ALTER TABLE notes ADD COLUMN updated_at_2 timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
    expect(fix?.orm).toBe('updated_at DateTime @default(now()) @updatedAt @map("updated_at_2")');
  });
});

describe('fixes within one analysis', () => {
  it('avoid the names taken in the fixed table’s own schema, each schema read apart', () => {
    const fkTable = (schema: string) =>
      aTable('t', {
        schema,
        columns: [aColumn('id', 'integer'), aColumn('author_id', 'integer')],
        primaryKey: { ...aPrimaryKey('t', ['id']), name: `${schema}_t_pkey` },
        foreignKeys: [aForeignKey('t', ['author_id'], 'users')],
      });
    const taken = aTable('u', { schema: 'b', indexes: [anIndex('u', ['id'], { name: 't_author_id_idx' })] });
    const found = analyze(irOf([fkTable('a'), fkTable('b'), taken])).filter(
      (f) => f.ruleId === 'fk-without-index',
    );
    expect(found.map((f) => [f.table?.schema, f.fix?.sql])).toEqual([
      ['a', 'CREATE INDEX t_author_id_idx ON a.t (author_id);'],
      ['b', 'CREATE INDEX t_author_id_idx_2 ON b.t (author_id);'],
    ]);
  });
});
