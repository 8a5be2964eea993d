import type { ExtractResult } from '@ormdoc/core';
import { eq, relations, sql } from 'drizzle-orm';
import * as my from 'drizzle-orm/mysql-core';
import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDrizzleApi } from '../api.js';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * What fromDrizzleTables finds in a schema's exports (as drizzle-kit classifies them), how it names
 * tables, views and their columns, where each declaration is, and what the config's filters keep:
 * on real drizzle tables, views, enums, schemas and relations built here.
 */

const users = pg.pgTable('users', { id: pg.integer().primaryKey(), name: pg.text() });
const mood = pg.pgEnum('mood', ['sad', 'happy']);

describe('classifying exports', () => {
  const app = pg.pgSchema('app');
  const status = app.enum('status', ['on', 'off']);
  const orders = app.table('orders', {
    id: pg.integer().primaryKey(),
    userId: pg.integer('user_id').references(() => users.id),
    status: status(),
  });
  const activeUsers = pg.pgView('active_users').as((qb) => qb.select().from(users));
  const counts = pg.pgMaterializedView('counts').as((qb) => qb.select({ id: users.id }).from(users));
  const usersRelations = relations(users, ({ many }) => ({ orders: many(orders) }));
  const ordersRelations = relations(orders, ({ one }) => ({
    user: one(users, { fields: [orders.userId], references: [users.id] }),
  }));
  const counter = pg.pgSequence('counter');
  const admin = pg.pgRole('admin');
  const policy = pg.pgPolicy('own', { to: admin }).link(users);

  let ir: ExtractResult['ir'];
  let diagnostics: ExtractResult['diagnostics'];
  beforeAll(() => {
    ({ ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [
        {
          file: 'src/schema.ts',
          exports: {
            users,
            again: users, // the same table exported twice is one table
            app,
            orders,
            mood,
            status,
            activeUsers,
            counts,
            usersRelations,
            ordersRelations,
            counter,
            admin,
            policy,
            notDrizzle: { a: 1 },
            text: 'a string',
            n: 3,
            nothing: null,
            fn: () => 1,
          },
        },
      ],
    }));
  });

  it('every kind of export lands in the IR once', () => {
    expect(diagnostics).toEqual([]);
    expect(ir.tables.map((t) => [t.schema, t.name, t.kind])).toEqual(
      expect.arrayContaining([
        [null, 'users', 'table'],
        ['app', 'orders', 'table'],
        [null, 'active_users', 'view'],
        [null, 'counts', 'materialized-view'],
      ]),
    );
    expect(ir.tables).toHaveLength(4);
    expect(ir.namespaces).toEqual(['app']);
    expect(ir.enums.map((e) => [e.schema, e.name])).toEqual(
      expect.arrayContaining([
        [null, 'mood'],
        ['app', 'status'],
      ]),
    );
    expect(ir.enums).toHaveLength(2);
    expect(ir.relations.map((r) => `${r.from.name}.${r.from.field}`).sort()).toEqual([
      'orders.user',
      'users.orders',
    ]);
    expect(ir.sequences?.map((s) => s.name)).toEqual(['counter']);
    expect(ir.roles?.map((r) => r.name)).toEqual(['admin']);
    expect(ir.policies?.map((p) => p.name)).toEqual(['own']);
  });

  it('the first export name is the code name; none when it equals the database name', () => {
    const byName = (n: string) => ir.tables.find((t) => t.name === n)!;
    expect(byName('users').codeName).toBeUndefined();
    expect(byName('active_users').codeName).toBe('activeUsers');
    expect(byName('orders').codeName).toBeUndefined();
    expect(ir.enums.find((e) => e.name === 'mood')!.codeName).toBeUndefined();
  });

  it('the files the values came from are the sources', () => {
    expect(ir.source).toMatchObject({ orm: 'drizzle', files: ['src/schema.ts'] });
  });
});

describe('explicit lists', () => {
  it('tables, views, enums (functions), schemas and relations given as lists', () => {
    const app = pg.pgSchema('app');
    const v = pg.pgView('v').as((qb) => qb.select().from(users));
    const posts = pg.pgTable('posts', { id: pg.integer(), authorId: pg.integer('author_id') });
    const postsRelations = relations(posts, ({ one }) => ({
      author: one(users, { fields: [posts.authorId], references: [users.id] }),
    }));
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [users, posts, users],
      views: [v],
      enums: [mood, mood],
      schemas: [app],
      relations: [postsRelations],
      objects: [pg.pgSequence('s')],
    });
    expect(ir.tables.map((t) => t.name).sort()).toEqual(['posts', 'users', 'v']);
    expect(ir.enums.map((e) => e.name)).toEqual(['mood']);
    expect(ir.enums[0]!.codeName).toBeUndefined();
    expect(ir.namespaces).toEqual(['app']);
    expect(ir.relations.map((r) => r.from.field)).toEqual(['author']);
    expect(ir.sequences?.map((s) => s.name)).toEqual(['s']);
    expect(ir.source.files).toEqual([]);
  });

  it('a default export has no code name', () => {
    const t = pg.pgTable('t', { id: pg.integer() });
    const e = pg.pgEnum('e', ['x']);
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ exports: { default: t } }, { exports: { myEnum: e } }],
    });
    expect(ir.tables[0]!.codeName).toBeUndefined();
    expect(ir.enums[0]!.codeName).toBe('myEnum');
    expect(ir.source.files).toEqual([]);
  });
});

describe('declarations: descriptions and lines from the source files', () => {
  const source = [
    "import { pgTable } from 'drizzle-orm/pg-core';", // 1
    '/** People. @pii */', // 2
    "export const people = pgTable('people', {", // 3
    '  /** Their id. */', // 4
    '  id: integer().primaryKey(),', // 5
    '});', // 6
    '/** How one feels. */', // 7
    "export const feeling = pgEnum('feeling', ['ok']);", // 8
    '/** A view. */', // 9
    "export const everyone = pgView('everyone').as((qb) => qb.select().from(people));", // 10
  ].join('\n');
  const people = pg.pgTable('people', { id: pg.integer().primaryKey() });
  const feeling = pg.pgEnum('feeling', ['ok']);
  const everyone = pg.pgView('everyone').as((qb) => qb.select().from(people));
  let ir: ExtractResult['ir'];
  beforeAll(() => {
    ({ ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'src/db.ts', exports: { people, feeling, everyone } }],
      files: [{ path: 'src/db.ts', content: source }],
    }));
  });

  it('a table: its description, tags, line, and its columns described', () => {
    const t = ir.tables.find((x) => x.name === 'people')!;
    expect(t.description).toBe('People.');
    expect(t.tags).toEqual([{ name: 'pii' }]);
    expect(t.source).toEqual({ file: 'src/db.ts', line: 3 });
    expect(t.columns[0]).toMatchObject({ description: 'Their id.', source: { file: 'src/db.ts', line: 5 } });
  });

  it('an enum and a view: description and line', () => {
    expect(ir.enums[0]).toMatchObject({
      description: 'How one feels.',
      source: { file: 'src/db.ts', line: 8 },
    });
    expect(ir.tables.find((x) => x.name === 'everyone')).toMatchObject({
      description: 'A view.',
      source: { file: 'src/db.ts', line: 10 },
    });
  });

  it('the files are the sources, once each, sorted', () => {
    const { ir: two } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [
        { file: 'src/z.ts', exports: {} },
        { file: 'src/db.ts', exports: { people } },
      ],
      files: [
        { path: 'src/db.ts', content: source },
        { path: 'src/a.ts', content: '' },
      ],
    });
    expect(two.source.files).toEqual(['src/a.ts', 'src/db.ts', 'src/z.ts']);
  });

  it('without files: no description, no source', () => {
    const { ir: bare } = fromDrizzleTables({ dialect: 'postgresql', modules: [{ exports: { people } }] });
    expect(bare.tables[0]!.description).toBeUndefined();
    expect(bare.tables[0]!.source).toBeUndefined();
    expect(bare.tables[0]!.tags).toEqual([]);
  });
});

describe('declarationFinder: which declaration documents a value', () => {
  const a = pg.pgTable('shared', { id: pg.integer() });
  it('the export of that name in the value’s file, over another file’s', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'src/b.ts', exports: { shared: a } }],
      files: [
        { path: 'src/a.ts', content: "/** From a. */\nexport const shared = pgTable('shared', {});\n" },
        { path: 'src/b.ts', content: "\n\n/** From b. */\nexport const shared = pgTable('shared', {});\n" },
      ],
    });
    expect(ir.tables[0]).toMatchObject({ description: 'From b.', source: { file: 'src/b.ts', line: 4 } });
  });

  it('else the only declaration of that database name', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a],
      files: [
        { path: 'src/a.ts', content: "/** Only one. */\nexport const whatever = pgTable('shared', {});\n" },
      ],
    });
    expect(ir.tables[0]).toMatchObject({ description: 'Only one.', source: { file: 'src/a.ts', line: 2 } });
  });

  it('else, of several, the one whose const has the code name', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'src/x.ts', exports: { second: a } }],
      files: [
        {
          path: 'src/a.ts',
          content:
            "/** First. */\nexport const first = pgTable('shared', {});\n/** Second. */\nexport const second = pgTable('shared', {});\n",
        },
      ],
    });
    expect(ir.tables[0]!.description).toBe('Second.');
  });

  it('else an export with the code name', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 'src/x.ts', exports: { renamed: a } }],
      files: [
        {
          path: 'src/a.ts',
          content: '/** Exported as renamed. */\nconst t = pgTable(name, {});\nexport { t as renamed };\n',
        },
      ],
    });
    expect(ir.tables[0]!.description).toBe('Exported as renamed.');
  });

  it('no code name and several declarations of the name: none', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [a],
      files: [
        {
          path: 'src/a.ts',
          content:
            "/** First. */\nexport const first = pgTable('shared', {});\n/** Second. */\nexport const second = pgTable('shared', {});\n",
        },
      ],
    });
    expect(ir.tables[0]!.description).toBeUndefined();
  });
});

describe('views', () => {
  it('columns by their own names, code names when the key differs, no defaults; the definition', () => {
    const t = pg.pgTable('t', {
      id: pg.integer('id').primaryKey(),
      fullName: pg.text('full_name').default('x'),
      createdAt: pg.timestamp('created_at').defaultNow(),
    });
    const v = pg.pgView('v').as((qb) =>
      qb
        .select({
          id: t.id,
          renamed: t.fullName,
          full_name: t.fullName,
          createdAt: t.createdAt,
          n: sql<number>`1`.as('n'),
        })
        .from(t),
    );
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [t],
      modules: [{ exports: { myView: v } }],
    });
    const view = ir.tables.find((x) => x.name === 'v')!;
    expect(view).toMatchObject({
      kind: 'view',
      codeName: 'myView',
      uniques: [],
      indexes: [],
      foreignKeys: [],
      checks: [],
    });
    expect(view.definition).toBe('select "id", "full_name", "full_name", "created_at", 1 as "n" from "t"');
    // one column per database name: the first key that names it; the sql field is no column
    expect(view.columns.map((c) => [c.name, c.codeName])).toEqual([
      ['id', undefined],
      ['full_name', 'renamed'],
      ['created_at', 'createdAt'],
    ]);
    for (const c of view.columns) {
      expect(c.default).toBeUndefined();
      expect(c.onUpdate).toBeUndefined();
    }
    // NOT NULL as the table's column says
    expect(view.columns.map((c) => c.nullable)).toEqual([false, true, true]);
  });

  it('an .existing() view has no definition; a materialized one is a materialized view', () => {
    const existing = pg.pgView('ext', { id: pg.integer() }).existing();
    const mat = pg.pgMaterializedView('mat').as((qb) => qb.select({ id: users.id }).from(users));
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [users], views: [existing, mat] });
    const ext = ir.tables.find((x) => x.name === 'ext')!;
    expect(ext.kind).toBe('view');
    expect(ext.definition).toBeUndefined();
    expect(ext.columns.map((c) => c.name)).toEqual(['id']);
    expect(ir.tables.find((x) => x.name === 'mat')).toMatchObject({
      kind: 'materialized-view',
      definition: 'select "id" from "users"',
    });
  });

  it('a view in a schema has its schema; a view without a query has no definition', () => {
    const app = pg.pgSchema('app');
    const v = app.view('v', { id: pg.integer() }).as(sql`select 1 as id`);
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', views: [v] });
    expect(ir.tables[0]).toMatchObject({ schema: 'app', name: 'v', definition: 'select 1 as id' });
  });

  it('mysql and sqlite views', () => {
    const mt = my.mysqlTable('mt', { id: my.int().primaryKey() });
    const mv = my.mysqlView('mv').as((qb) => qb.select().from(mt));
    expect(fromDrizzleTables({ dialect: 'mysql', tables: [mt], views: [mv] }).ir.tables[1]).toMatchObject({
      kind: 'view',
      name: 'mv',
      definition: 'select `id` from `mt`',
    });
    const lt = lite.sqliteTable('lt', { id: lite.integer().primaryKey() });
    const lv = lite.sqliteView('lv').as((qb) => qb.select().from(lt));
    expect(fromDrizzleTables({ dialect: 'sqlite', tables: [lt], views: [lv] }).ir.tables[1]).toMatchObject({
      kind: 'view',
      name: 'lv',
      definition: 'select "id" from "lt"',
    });
  });
});

describe('two declarations of one table or view', () => {
  const fail = (input: Parameters<typeof fromDrizzleTables>[0]) => {
    try {
      fromDrizzleTables(input);
    } catch (e) {
      return e as Error & { code?: string; file?: string; line?: number; hint?: string };
    }
    throw new Error('no error');
  };

  it('a view: named a view, with its schema', () => {
    const app = pg.pgSchema('app');
    const e = fail({
      dialect: 'postgresql',
      views: [app.view('v', { id: pg.integer() }).existing(), app.view('v', { id: pg.integer() }).existing()],
    });
    expect(e.message).toBe('The view "app.v" is declared twice: by v and by v.');
    expect(e.code).toBe('SCHEMA_INVALID');
    expect(e.file).toBeUndefined();
    expect(e.hint).toMatch(/another name/);
  });

  it('the same name in two schemas is two tables', () => {
    const a = pg.pgSchema('a').table('t', { id: pg.integer() });
    const b = pg.pgSchema('b').table('t', { id: pg.integer() });
    const c = pg.pgTable('t', { id: pg.integer() });
    expect(fromDrizzleTables({ dialect: 'postgresql', tables: [a, b, c] }).ir.tables).toHaveLength(3);
  });

  it('a declaration without a line names the file alone', () => {
    const e = fail({
      dialect: 'postgresql',
      modules: [
        { file: 'src/a.ts', exports: { one: pg.pgTable('dup', {}) } },
        { file: 'src/a.ts', exports: { two: pg.pgTable('dup', {}) } },
      ],
      files: [
        {
          path: 'src/a.ts',
          content: "export const one = pgTable('dup', {});\nexport const two = pgTable('dup', {});\n",
        },
      ],
    });
    expect(e.message).toBe('The table "dup" is declared twice: by one (src/a.ts:1) and by two (src/a.ts:2).');
    expect([e.file, e.line]).toEqual(['src/a.ts', 2]);
  });
});

describe('foreign keys to tables outside the documented set', () => {
  const hidden = pg.pgTable('hidden', { id: pg.integer().primaryKey() });
  const shown = pg.pgTable('shown', {
    id: pg.integer().primaryKey(),
    hiddenId: pg.integer('hidden_id').references(() => hidden.id),
    selfId: pg.integer('self_id'),
  });

  it('are left out, with a warning naming the key, its table and the target, at the table’s line', () => {
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ file: 's.ts', exports: { shown } }],
      files: [{ path: 's.ts', content: "\nexport const shown = pgTable('shown', {});\n" }],
    });
    expect(ir.tables[0]!.foreignKeys).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'drizzle/foreign-key-target-missing',
        message:
          'Foreign key shown_hidden_id_hidden_id_fk of shown references hidden, which is not among the documented tables; it is left out.',
        file: 's.ts',
        line: 2,
        hint: expect.stringMatching(/Export the referenced table/),
      },
    ]);
  });

  it('kept when the target is documented; filtered tables count as outside', () => {
    expect(
      fromDrizzleTables({ dialect: 'postgresql', tables: [shown, hidden] }).ir.tables[1]!.foreignKeys,
    ).toHaveLength(1);
    const { ir, diagnostics } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [shown, hidden],
      tablesFilter: ['shown'],
    });
    expect(ir.tables.map((t) => t.name)).toEqual(['shown']);
    expect(ir.tables[0]!.foreignKeys).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['drizzle/foreign-key-target-missing']);
    expect(diagnostics[0]).not.toHaveProperty('file');
  });
});

describe('schemaFilter', () => {
  const app = pg.pgSchema('app');
  const other = pg.pgSchema('other');
  const exports = {
    app,
    other,
    appEnum: app.enum('ae', ['x']),
    otherEnum: other.enum('oe', ['x']),
    publicEnum: pg.pgEnum('pe', ['x']),
    appSeq: app.sequence('as'),
    otherSeq: other.sequence('os'),
    publicSeq: pg.pgSequence('ps'),
    appT: app.table('at', { id: pg.integer() }),
    otherT: other.table('ot', { id: pg.integer() }),
  };
  it('PostgreSQL: keeps the namespaces, enums and sequences of the listed schemas (public: no schema)', () => {
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      modules: [{ exports }],
      schemaFilter: ['app', 'public'],
    });
    expect(ir.namespaces).toEqual(['app']);
    expect(ir.enums.map((e) => e.name).sort()).toEqual(['ae', 'pe']);
    expect(ir.sequences?.map((s) => s.name).sort()).toEqual(['as', 'ps']);
    expect(ir.tables.map((t) => t.name)).toEqual(['at']);
  });

  it('without a filter: all of them', () => {
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', modules: [{ exports }] });
    expect(ir.namespaces.sort()).toEqual(['app', 'other']);
    expect(ir.enums).toHaveLength(3);
    expect(ir.sequences).toHaveLength(3);
  });

  it('MySQL ignores it (schemas are databases there)', () => {
    const db = my.mysqlSchema('db');
    const { ir } = fromDrizzleTables({
      dialect: 'mysql',
      modules: [{ exports: { db, t: db.table('t', { e: my.mysqlEnum(['a']) }) } }],
      schemaFilter: ['public'],
    });
    expect(ir.namespaces).toEqual(['db']);
    expect(ir.enums.map((e) => e.name)).toEqual(['e']);
  });
});

describe('relations to tables left out', () => {
  it('are dropped', () => {
    const posts = pg.pgTable('posts', { id: pg.integer(), authorId: pg.integer('author_id') });
    const postsRelations = relations(posts, ({ one }) => ({
      author: one(users, { fields: [posts.authorId], references: [users.id] }),
    }));
    const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [users, posts],
      relations: [postsRelations, usersRelations],
      tablesFilter: ['posts'],
    });
    expect(ir.relations).toEqual([]);
  });
});

describe('the ORM version', () => {
  it('the one given, else the api’s', () => {
    const t = pg.pgTable('t', { id: pg.integer() });
    expect(
      fromDrizzleTables({ dialect: 'postgresql', tables: [t], ormVersion: '9.9.9' }).ir.source.ormVersion,
    ).toBe('9.9.9');
    const api = bundledDrizzleApi();
    expect(fromDrizzleTables({ dialect: 'postgresql', tables: [t] }).ir.source.ormVersion).toBe(api.version);
    const { version: _, ...noVersion } = api;
    expect(
      fromDrizzleTables({ dialect: 'postgresql', tables: [t], api: noVersion }).ir.source,
    ).not.toHaveProperty('ormVersion');
  });
});

it('policies use eq() with a parameter', () => {
  // (keeps `eq` in use: a policy expression with a JavaScript value)
  const t = pg.pgTable('t', { s: pg.text() }, (t) => [pg.pgPolicy('p', { using: eq(t.s, 'x') })]);
  const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [t] });
  expect(ir.policies?.[0]?.using).toBe(`"t"."s" = 'x'`);
});
