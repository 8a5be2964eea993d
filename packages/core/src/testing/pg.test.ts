import { describe, expect, it } from 'vitest';
import { compareShapes, normalizeDefault, shapeOfDdl, startPglite } from './pg.js';
import { shapeOfSqliteDdl } from './sqlite.js';

const base = `
CREATE TYPE mood AS ENUM ('happy', 'ok');
CREATE TABLE users (id serial PRIMARY KEY, email varchar(320) NOT NULL, created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE TABLE posts (id serial PRIMARY KEY, author_id integer REFERENCES users(id) ON DELETE SET NULL, m mood NOT NULL DEFAULT 'ok',
  views integer NOT NULL DEFAULT 0 CONSTRAINT posts_views_check CHECK (views >= 0));
CREATE INDEX posts_author_idx ON posts (author_id DESC);
`;

describe('PostgreSQL shape harness', async () => {
  const db = await startPglite();

  it('the same DDL gives equal shapes; now() equals CURRENT_TIMESTAMP', async () => {
    const a = await shapeOfDdl(db, base);
    const b = await shapeOfDdl(db, base.replace('CURRENT_TIMESTAMP', 'now()'));
    expect(compareShapes(a, b)).toEqual([]);
    expect(Object.keys(a.tables)).toEqual(['public.posts', 'public.users']);
    expect(a.enums).toEqual({ 'public.mood': ['happy', 'ok'] });
  });

  it('reports every kind of difference readably', async () => {
    const a = await shapeOfDdl(db, base);
    const b = await shapeOfDdl(
      db,
      base
        .replace('varchar(320)', 'text')
        .replace('ON DELETE SET NULL', 'ON DELETE CASCADE')
        .replace('author_id DESC', 'author_id')
        .replace("'happy', 'ok'", "'happy', 'ok', 'sad'")
        .replace(
          'CREATE UNIQUE INDEX users_email_key ON users (email);',
          'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
        ),
    );
    const diff = compareShapes(a, b);
    expect(diff).toEqual(
      expect.arrayContaining([
        '~ enum public.mood: expected (happy, ok), actual (happy, ok, sad)',
        '- public.users: column email character varying(320) NOT NULL',
        '+ public.users: column email text NOT NULL',
        '- public.posts: fk (author_id) -> public.users(id) ON DELETE SET NULL ON UPDATE NO ACTION "posts_author_id_fkey"',
        '- public.users: unique (email) [index] "users_email_key"',
        '+ public.users: unique (email) [constraint] "users_email_key"',
      ]),
    );
    expect(diff.some((l) => l.includes('posts_author_idx'))).toBe(true);
    // unique constraint vs unique index: equal when asked
    const c = await shapeOfDdl(
      db,
      base.replace(
        'CREATE UNIQUE INDEX users_email_key ON users (email);',
        'ALTER TABLE users ADD CONSTRAINT other_name UNIQUE (email);',
      ),
    );
    expect(compareShapes(a, c, { ignoreNames: true, uniqueConstraintEqualsIndex: true })).toEqual([]);
    expect(compareShapes(a, c)).not.toEqual([]);
  });

  it('shows the failing DDL when it does not execute', async () => {
    await expect(shapeOfDdl(db, 'CREATE TABLE x (id nonsense);')).rejects.toThrow(
      /DDL failed on PostgreSQL.*\n--- DDL ---\nCREATE TABLE x/s,
    );
  });

  it('normalizes defaults', () => {
    expect(normalizeDefault("nextval('users_id_seq'::regclass)")).toBe('nextval(<sequence>)');
    expect(normalizeDefault('CURRENT_TIMESTAMP')).toBe('now()');
  });
});

describe('SQLite shape harness', () => {
  it('reads columns, keys, indexes, FKs and checks', async () => {
    const ddl = `CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);
CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER REFERENCES users(id) ON DELETE CASCADE, views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0));
CREATE INDEX posts_author_idx ON posts (author_id DESC);`;
    const a = await shapeOfSqliteDdl(ddl);
    expect(a.tables['main.posts']?.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'fk (author_id) -> users(id) ON DELETE CASCADE ON UPDATE NO ACTION',
        'index (author_id DESC)',
        'check (views >= 0)',
        'column views INTEGER NOT NULL DEFAULT 0',
      ]),
    );
    expect(compareShapes(a, await shapeOfSqliteDdl(ddl))).toEqual([]);
    expect(compareShapes(a, await shapeOfSqliteDdl(ddl.replace('ON DELETE CASCADE', '')))).toHaveLength(2);
  });
});
