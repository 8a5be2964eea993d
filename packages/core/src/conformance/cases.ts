import type { Dialect, Orm } from '../ir/types.js';
import { Expectations } from './check.js';

/**
 * The shared conformance kit. Every extractor keeps one fixture per case (named by `id`) that
 * declares exactly the database described in `database`, loads it through the real ORM, and runs
 * `runConformanceCase(case, ir)`: an empty list means the extractor conforms.
 *
 * `skip` names ORMs that cannot express the case at all (with the reason); skipping is data,
 * shown in test output, never silent.
 */
export interface ConformanceCase {
  id: string;
  title: string;
  /** The database every fixture must declare, in PostgreSQL terms. */
  database: string;
  dialects: Dialect[];
  skip?: Partial<Record<Orm, string>>;
  check(e: Expectations, orm: Orm): void;
}

const PG: Dialect[] = ['postgresql'];
const ALL: Dialect[] = ['postgresql', 'mysql', 'sqlite'];

export const conformanceCases: ConformanceCase[] = [
  {
    id: 'one-to-many',
    title: 'One-to-many with ON DELETE CASCADE',
    database: `authors(id serial PK, name varchar(100) NOT NULL);
books(id serial PK, title varchar(200) NOT NULL, author_id integer NOT NULL REFERENCES authors(id) ON DELETE CASCADE)`,
    dialects: ALL,
    check(e) {
      const authors = e.table('authors');
      const books = e.table('books');
      e.primaryKey(authors, ['id']);
      e.column(authors, 'id', { category: 'integer', nullable: false, defaultKind: 'sequence' });
      e.column(authors, 'name', { category: 'string', nullable: false });
      e.column(books, 'author_id', { category: 'integer', nullable: false });
      e.foreignKey(books, ['author_id'], { name: 'authors', columns: ['id'] }, 'CASCADE');
      const r = e.relationship(
        (x) => x.kind === 'one-to-many' && x.parent.name === 'authors' && x.child.name === 'books',
        'authors 1-N books',
      );
      if (r && r.kind === 'one-to-many' && r.optional)
        e.fail('authors 1-N books should not be optional (author_id is NOT NULL)');
    },
  },
  {
    id: 'one-to-one',
    title: 'One-to-one through a unique foreign key',
    database: `users(id serial PK, email text NOT NULL);
profiles(id serial PK, user_id integer NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE, bio text NULL)`,
    dialects: ALL,
    check(e) {
      const profiles = e.table('profiles');
      e.table('users');
      e.column(profiles, 'bio', { nullable: true, category: 'string' });
      e.foreignKey(profiles, ['user_id'], { name: 'users', columns: ['id'] }, 'CASCADE');
      e.relationship(
        (x) => x.kind === 'one-to-one' && x.parent.name === 'users' && x.child.name === 'profiles',
        'users 1-1 profiles',
      );
    },
  },
  {
    id: 'self-relation',
    title: 'Optional self-relation (a tree)',
    database: `employees(id serial PK, name text NOT NULL, manager_id integer NULL REFERENCES employees(id) ON DELETE SET NULL)`,
    dialects: ALL,
    check(e) {
      const t = e.table('employees');
      e.column(t, 'manager_id', { nullable: true, category: 'integer' });
      e.foreignKey(t, ['manager_id'], { name: 'employees', columns: ['id'] }, 'SET NULL');
      const r = e.relationship(
        (x) => x.kind === 'one-to-many' && x.selfReference && x.child.name === 'employees',
        'employees self 1-N',
      );
      if (r && r.kind === 'one-to-many' && !r.optional)
        e.fail('employees self-relation should be optional (manager_id is nullable)');
    },
  },
  {
    id: 'explicit-many-to-many',
    title: 'Many-to-many through a junction table with payload',
    database: `students(id serial PK, name text NOT NULL); courses(id serial PK, title text NOT NULL);
enrollments(student_id integer NOT NULL REFERENCES students(id) ON DELETE CASCADE,
            course_id integer NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
            grade varchar(2) NULL, PRIMARY KEY (student_id, course_id))`,
    dialects: ALL,
    check(e) {
      const t = e.table('enrollments');
      e.primaryKey(t, ['student_id', 'course_id']);
      e.foreignKey(t, ['student_id'], { name: 'students', columns: ['id'] }, 'CASCADE');
      e.foreignKey(t, ['course_id'], { name: 'courses', columns: ['id'] }, 'CASCADE');
      const r = e.relationship(
        (x) =>
          x.kind === 'many-to-many' &&
          x.junction.name === 'enrollments' &&
          [x.left.name, x.right.name].sort().join(',') === 'courses,students',
        'students N-M courses via enrollments',
      );
      if (r?.kind === 'many-to-many' && r.payloadColumns.join(',') !== 'grade')
        e.fail(`enrollments payload (${r.payloadColumns.join(', ')}), expected (grade)`);
    },
  },
  {
    id: 'implicit-many-to-many',
    title:
      'Many-to-many whose junction table the ORM creates (Prisma implicit m-n, TypeORM @JoinTable, SQLAlchemy secondary)',
    database: `posts(id serial PK, title text NOT NULL); tags(id serial PK, name text NOT NULL UNIQUE);
a junction table created or declared by the ORM's many-to-many feature, with one FK to each`,
    dialects: PG,
    // Drizzle has no implicit form: its fixture uses the documented pattern (junction table + relations()).
    check(e) {
      e.table('posts');
      e.table('tags');
      const r = e.relationship(
        (x) => x.kind === 'many-to-many' && [x.left.name, x.right.name].sort().join(',') === 'posts,tags',
        'posts N-M tags',
      );
      if (r?.kind === 'many-to-many' && r.payloadColumns.length > 0)
        e.fail(`implicit junction has payload ${r.payloadColumns.join(', ')}`);
    },
  },
  {
    id: 'composite-keys',
    title: 'Composite primary key and a composite foreign key to it',
    database: `orders(id serial PK);
order_lines(order_id integer NOT NULL REFERENCES orders(id) ON DELETE CASCADE, line_no integer NOT NULL,
            sku varchar(40) NOT NULL, quantity integer NOT NULL, PRIMARY KEY (order_id, line_no));
shipments(id serial PK, order_id integer NOT NULL, line_no integer NOT NULL,
          FOREIGN KEY (order_id, line_no) REFERENCES order_lines(order_id, line_no) ON DELETE RESTRICT)`,
    dialects: ALL,
    check(e) {
      const lines = e.table('order_lines');
      const shipments = e.table('shipments');
      e.primaryKey(lines, ['order_id', 'line_no']);
      e.foreignKey(
        shipments,
        ['order_id', 'line_no'],
        { name: 'order_lines', columns: ['order_id', 'line_no'] },
        'RESTRICT',
      );
      e.relationship(
        (x) => x.kind === 'one-to-many' && x.parent.name === 'order_lines' && x.child.name === 'shipments',
        'order_lines 1-N shipments',
      );
    },
  },
  {
    id: 'enums',
    title: 'An enum type used by a column with a default',
    database: `CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
people(id serial PK, mood mood NOT NULL DEFAULT 'ok')`,
    dialects: ALL,
    check(e) {
      const en = e.ir.enums.find((x) => x.name === 'mood');
      if (!en) e.fail(`missing enum mood; have ${e.ir.enums.map((x) => x.name).join(', ')}`);
      else if (en.values.map((v) => v.name).join(',') !== 'happy,ok,sad')
        e.fail(`mood values ${en.values.map((v) => v.name).join(',')}`);
      const c = e.column(e.table('people'), 'mood', {
        category: 'enum',
        nullable: false,
        defaultKind: 'literal',
      });
      if (c && c.type.enum?.name !== 'mood')
        e.fail(`people.mood type.enum ${JSON.stringify(c.type.enum)}, expected mood`);
      if (c?.default?.kind === 'literal' && c.default.value !== 'ok')
        e.fail(`people.mood default ${JSON.stringify(c.default.value)}`);
    },
  },
  {
    id: 'check-constraint',
    title: 'A named check constraint',
    database: `products(id serial PK, price numeric(10,2) NOT NULL, CONSTRAINT products_price_check CHECK (price >= 0))`,
    dialects: ALL,
    check(e) {
      const t = e.table('products');
      e.column(t, 'price', { category: 'decimal', nullable: false });
      const ck = t?.checks.find((c) => c.name === 'products_price_check');
      if (t && !ck)
        e.fail(`products: no check products_price_check; have ${t.checks.map((c) => c.name).join(', ')}`);
      if (ck && !/price\W*>=\W*0/.test(ck.expression))
        e.fail(`products_price_check expression ${ck.expression}`);
    },
  },
  {
    id: 'defaults',
    title:
      'Defaults of every kind: sequence, SQL expression, literals, ORM-side, ORM-managed update timestamp',
    database: `items(id serial PK, token uuid NOT NULL DEFAULT gen_random_uuid(), quantity integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true, label varchar(20) NOT NULL DEFAULT 'new',
      created_at timestamp(3) NOT NULL DEFAULT now(),
      updated_at timestamp(3) NOT NULL DEFAULT now()  -- and refreshed by the ORM on update,
      external_id text NOT NULL  -- default generated by the ORM (cuid/uuid/$defaultFn/python callable))`,
    dialects: PG,
    skip: {},
    check(e, orm) {
      const t = e.table('items');
      e.column(t, 'id', { defaultKind: 'sequence' });
      const token = e.column(t, 'token', { category: 'uuid', defaultKind: 'sql' });
      if (token?.default?.kind === 'sql' && !/gen_random_uuid\(\)/.test(token.default.expression))
        e.fail(`items.token default ${token.default.expression}`);
      const q = e.column(t, 'quantity', { defaultKind: 'literal' });
      if (q?.default?.kind === 'literal' && q.default.value !== 0)
        e.fail(`items.quantity default ${JSON.stringify(q.default.value)}`);
      const a = e.column(t, 'active', { category: 'boolean', defaultKind: 'literal' });
      if (a?.default?.kind === 'literal' && a.default.value !== true)
        e.fail(`items.active default ${JSON.stringify(a.default.value)}`);
      const l = e.column(t, 'label', { defaultKind: 'literal' });
      if (l?.default?.kind === 'literal' && l.default.value !== 'new')
        e.fail(`items.label default ${JSON.stringify(l.default.value)}`);
      e.column(t, 'created_at', { category: 'datetime', defaultKind: 'sql' });
      const u = e.column(t, 'updated_at', { category: 'datetime' });
      if (u && u.onUpdate?.kind !== 'orm')
        e.fail(`items.updated_at: expected an ORM-side onUpdate, got ${JSON.stringify(u.onUpdate)}`);
      if (orm !== 'typeorm') e.column(t, 'external_id', { defaultKind: 'orm' });
    },
  },
  {
    id: 'comments',
    title: 'Descriptions on tables and columns, with tags',
    database: `notes(id serial PK, body text NOT NULL) with table comment "A note written by a user." and
column comment on body "The note text. @pii"`,
    dialects: PG,
    check(e) {
      const t = e.table('notes');
      if (t && t.description !== 'A note written by a user.')
        e.fail(`notes description ${JSON.stringify(t.description)}`);
      const body = e.column(t, 'body');
      if (body && body.description !== 'The note text.')
        e.fail(`notes.body description ${JSON.stringify(body.description)}`);
      if (body && !body.tags.some((x) => x.name === 'pii'))
        e.fail(`notes.body tags ${JSON.stringify(body.tags)}, expected pii`);
    },
  },
  {
    id: 'multi-schema',
    title: 'Tables in two PostgreSQL schemas with a cross-schema foreign key',
    database: `auth.accounts(id serial PK, email text NOT NULL);
billing.invoices(id serial PK, account_id integer NOT NULL REFERENCES auth.accounts(id) ON DELETE CASCADE)`,
    dialects: PG,
    check(e) {
      const inv = e.table('invoices', 'billing');
      e.table('accounts', 'auth');
      e.foreignKey(inv, ['account_id'], { name: 'accounts', schema: 'auth', columns: ['id'] }, 'CASCADE');
      for (const ns of ['auth', 'billing'])
        if (!e.ir.namespaces.includes(ns)) e.fail(`namespaces ${e.ir.namespaces.join(', ')} lack ${ns}`);
    },
  },
];

/** Run one case against an IR: the list of failures, empty when it conforms. */
export function runConformanceCase(c: ConformanceCase, ir: import('../ir/types.js').Ir, orm: Orm): string[] {
  const e = new Expectations(ir);
  c.check(e, orm);
  return e.failures;
}
