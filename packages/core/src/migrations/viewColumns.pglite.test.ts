import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSqlType } from '../ir/sqltype.js';
import type { Column, Table } from '../ir/types.js';
import { aColumn, anEnum, anIr, aTable } from '../testing/builders.js';
import { type PGlite, resetDatabase, startPglite } from '../testing/pg.js';
import { applyMigrationObjects } from './merge.js';
import { readMigrationSql } from './read.js';

/**
 * Views a migration creates and the ORM does not declare get the columns their query shows, read
 * without a database. PostgreSQL (PGlite) runs the same migration and its catalog is the judge: every
 * view has exactly its columns, in its order, by its names; every column ormdoc gives a type has
 * PostgreSQL's type; only computed values are left `unknown`. (A `*` follows the IR's column order,
 * which here is the order the tables were created in; after an ALTER TABLE ADD COLUMN PostgreSQL's
 * order can differ from the schema's, see packages/core/README.md.)
 */

const TABLES = `
CREATE TYPE role AS ENUM ('admin', 'member');
CREATE TABLE users (id integer PRIMARY KEY, email varchar(320) NOT NULL, bio text, role role NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, author_id integer NOT NULL REFERENCES users(id), title text NOT NULL, score numeric(10,2));
`;

const VIEWS = `
CREATE VIEW every_user AS SELECT * FROM users;
CREATE VIEW authors AS SELECT u.id AS user_id, u.email AS mail, p.*, count(*) OVER () AS total FROM users u JOIN posts p ON p.author_id = u.id;
CREATE VIEW user_posts AS SELECT u.email, p.title, p.id AS post_id FROM users u LEFT JOIN posts p ON p.author_id = u.id;
CREATE VIEW stats AS SELECT author_id, count(*), max(score), min(p.title) AS first_title, array_agg(id) AS ids, now(), CURRENT_DATE FROM posts p GROUP BY author_id;
CREATE VIEW literals AS SELECT 1 AS one, 'x' AS x, 2.5 AS half, true AS yes, 'y'::varchar(10), users.created_at::date, coalesce(bio, '') AS bio, CASE WHEN role = 'admin' THEN email END, nullif(email, '') AS maybe_email FROM users;
CREATE VIEW renamed (user_id, address) AS SELECT id, email, bio FROM users;
CREATE VIEW computed AS SELECT id, length(email) AS email_length, id + 1 AS next_id, email || '!' FROM users;
CREATE VIEW unioned AS SELECT id, email FROM users UNION ALL SELECT author_id, title FROM posts;
CREATE MATERIALIZED VIEW post_counts AS SELECT author_id AS user_id, count(*) AS posts FROM posts GROUP BY author_id;
CREATE VIEW from_subquery AS SELECT * FROM (SELECT id FROM users) s;
CREATE VIEW of_a_view AS SELECT mail, total FROM authors;
`;

/** The ORM's IR of the two tables (what Prisma or Drizzle would declare). */
function ormIr() {
  const users = aTable('users', {
    columns: [
      aColumn('id', 'integer'),
      aColumn('email', 'varchar(320)'),
      aColumn('bio', 'text', { nullable: true }),
      aColumn('role', 'role', {
        type: {
          sql: 'role',
          category: 'enum',
          isArray: false,
          enum: { schema: null, name: 'role' },
          orm: 'Role',
        },
      }),
      aColumn('created_at', 'timestamptz'),
    ],
  });
  const posts = aTable('posts', {
    columns: [
      aColumn('id', 'bigint'),
      aColumn('author_id', 'integer'),
      aColumn('title', 'text'),
      aColumn('score', 'numeric(10,2)', { nullable: true }),
    ],
  });
  return anIr({ tables: [users, posts], enums: [anEnum('role', ['admin', 'member'])] });
}

let db: PGlite;
let views: Map<string, Table>;
let catalog: Map<string, Array<{ name: string; type: string }>>;

beforeAll(async () => {
  db = await startPglite();
  await resetDatabase(db);
  await db.exec(TABLES + VIEWS);
  const { rows } = await db.query<{ view: string; name: string; type: string }>(
    `SELECT c.relname AS view, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  catalog = new Map();
  for (const r of rows) catalog.set(r.view, [...(catalog.get(r.view) ?? []), { name: r.name, type: r.type }]);
  const objects = await readMigrationSql([{ path: 'migrations/1.sql', content: TABLES + VIEWS }]);
  const ir = applyMigrationObjects(ormIr(), objects.value).value;
  views = new Map(ir.tables.filter((t) => t.kind !== 'table').map((t) => [t.name, t]));
}, 60_000);
afterAll(async () => {
  await resetDatabase(db);
});

const columns = (view: string): Column[] => views.get(view)?.columns ?? [];
const col = (view: string, name: string) => columns(view).find((c) => c.name === name);
const pg = (sql: string) => normalizeSqlType('postgresql', sql);

describe('the columns of views created by migrations', () => {
  it('PostgreSQL created every view the migration reads', () => {
    expect([...views.keys()].sort()).toEqual([...catalog.keys()].sort());
  });

  it.each([...VIEWS.matchAll(/VIEW (\w+)/g)].map((m) => m[1]!).filter((v) => v !== 'from_subquery'))(
    '%s: the names and order PostgreSQL gives, and its type for every column ormdoc types',
    (view) => {
      const expected = catalog.get(view) ?? [];
      expect(columns(view).map((c) => c.name)).toEqual(expected.map((c) => c.name));
      for (const [i, c] of columns(view).entries())
        if (c.type.sql !== 'unknown')
          expect(`${c.name} ${c.type.sql}`).toBe(`${c.name} ${pg(expected[i]!.type)}`);
    },
  );

  it('only values computed by an expression are left unknown', () => {
    const unknown = [...views.values()].flatMap((v) =>
      v.columns.filter((c) => c.type.sql === 'unknown').map((c) => `${v.name}.${c.name}`),
    );
    expect(unknown.sort()).toEqual([
      'computed.?column?',
      'computed.email_length',
      'computed.next_id',
      'literals.maybe_email',
    ]);
  });

  it('a `*` over a subquery gives no columns rather than a wrong list', () => {
    expect(columns('from_subquery')).toEqual([]);
  });

  it('a column shown as is keeps its enum and category, not the ORM’s type name', () => {
    expect(col('every_user', 'role')?.type).toEqual({
      sql: 'role',
      category: 'enum',
      isArray: false,
      enum: { schema: null, name: 'role' },
    });
    expect(col('stats', 'ids')?.type).toMatchObject({ sql: 'bigint[]', category: 'bigint', isArray: true });
  });

  it.each<[string, string, boolean]>([
    ['every_user', 'email', false],
    ['every_user', 'bio', true],
    ['user_posts', 'email', false],
    ['user_posts', 'title', true], // the outer side of a LEFT JOIN
    ['user_posts', 'post_id', true],
    ['stats', 'count', false],
    ['stats', 'max', true], // an aggregate of no rows
    ['literals', 'one', false],
    ['literals', 'bio', false], // coalesce with a literal that is never null
    ['literals', 'case', true], // CASE without ELSE
    ['literals', 'maybe_email', true],
    ['literals', 'created_at', false], // a cast keeps the column's nullness
    ['renamed', 'user_id', false],
    ['of_a_view', 'total', false],
    ['computed', 'next_id', true], // unknown: never claimed NOT NULL
  ])('%s.%s nullable: %s', (view, name, nullable) => {
    expect(col(view, name)?.nullable).toBe(nullable);
  });
});
