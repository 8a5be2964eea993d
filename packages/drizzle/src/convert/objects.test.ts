import { eq, sql } from 'drizzle-orm';
import { int as myInt, mysqlTable } from 'drizzle-orm/mysql-core';
import {
  bigint,
  integer,
  pgPolicy,
  pgRole,
  pgSchema,
  pgSequence,
  pgTable,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { anonRole, authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/** One row per construct: drizzle's declaration of an object beyond tables -> the IR. */

const pg = (exports: Record<string, unknown>, extra: Partial<Parameters<typeof fromDrizzleTables>[0]> = {}) =>
  fromDrizzleTables({ dialect: 'postgresql', modules: [{ file: 'schema.ts', exports }], ...extra });

describe('policies: pgPolicy config -> IR policy', () => {
  const cases: Array<[string, Parameters<typeof pgPolicy>[1], Record<string, unknown>]> = [
    [
      'no config: for all, to public, permissive',
      undefined,
      { command: 'all', roles: ['public'], permissive: true },
    ],
    ['for select', { for: 'select' }, { command: 'select' }],
    ['for insert', { for: 'insert' }, { command: 'insert' }],
    ['for update', { for: 'update' }, { command: 'update' }],
    ['for delete', { for: 'delete' }, { command: 'delete' }],
    ['as restrictive', { as: 'restrictive' }, { permissive: false }],
    ['as permissive', { as: 'permissive' }, { permissive: true }],
    ['to a role name', { to: 'authenticated' }, { roles: ['authenticated'] }],
    ['to a pgRole', { to: authenticatedRole }, { roles: ['authenticated'] }],
    [
      'to a list, sorted like drizzle-kit',
      { to: ['zeta', anonRole, 'current_user'] },
      { roles: ['anon', 'current_user', 'zeta'] },
    ],
    ['using', { using: sql`true` }, { using: 'true' }],
    ['withCheck', { withCheck: sql`false` }, { withCheck: 'false' }],
    [
      'column references qualified by table',
      { using: sql`${sql.identifier('x')} = 1` },
      { using: '"x" = 1' },
    ],
    [
      'Supabase authUid',
      { using: sql`${authUid} is not null` },
      { using: '(select auth.uid()) is not null' },
    ],
  ];
  for (const [label, config, expected] of cases)
    it(label, () => {
      const posts = pgTable('posts', { id: integer().primaryKey() }, () => [pgPolicy('p', config)]);
      const { ir, diagnostics } = pg({ posts });
      expect(diagnostics).toEqual([]);
      expect(ir.policies).toHaveLength(1);
      expect(ir.policies[0]).toMatchObject({
        table: { schema: null, name: 'posts' },
        name: 'p',
        declaredIn: 'orm',
        ...expected,
      });
      if (!config?.using) expect(ir.policies[0]?.using).toBeUndefined();
      if (!config?.withCheck) expect(ir.policies[0]?.withCheck).toBeUndefined();
    });

  it('columns of the table in an expression are qualified, as drizzle-kit writes them', () => {
    const posts = pgTable('posts', { authorId: uuid('author_id') }, (t) => [
      pgPolicy('mine', { using: eq(t.authorId, authUid) }),
    ]);
    expect(pg({ posts }).ir.policies[0]?.using).toBe('"posts"."author_id" = (select auth.uid())');
  });

  it('a policy linked with .link(table) belongs to that table, schema included', () => {
    const app = pgSchema('app');
    const posts = app.table('posts', { id: integer() });
    const p = pgPolicy('linked', { for: 'delete' }).link(posts);
    expect(pg({ posts, p }).ir.policies).toMatchObject([
      { table: { schema: 'app', name: 'posts' }, name: 'linked', command: 'delete' },
    ]);
  });

  it('a policy linked to a table the schema does not export (Supabase auth.users) is kept: drizzle-kit creates it', () => {
    const p = pgPolicy('own user row', { for: 'select', using: sql`id = ${authUid}` }).link(authUsers);
    const { ir } = pg({ p });
    expect(ir.policies).toMatchObject([{ table: { schema: 'auth', name: 'users' }, name: 'own user row' }]);
    expect(ir.tables).toEqual([]);
  });

  it('a policy neither inline nor linked: left out, with a warning (drizzle-kit skips it too)', () => {
    const { ir, diagnostics } = pg({ lonely: pgPolicy('lonely') });
    expect(ir.policies).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'drizzle/policy-not-linked' }]);
  });

  it('a JavaScript value in an expression is written inline, with a warning (drizzle-kit would write $1)', () => {
    const posts = pgTable('posts', { status: text() }, (t) => [
      pgPolicy('published', { using: eq(t.status, "it's") }),
    ]);
    const { ir, diagnostics } = pg({ posts });
    expect(ir.policies[0]?.using).toBe(`"posts"."status" = 'it''s'`);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'drizzle/policy-parameter' }]);
  });

  it('policies of a table the tablesFilter leaves out go with it', () => {
    const kept = pgTable('kept', { id: integer() }, () => [pgPolicy('a')]);
    const dropped = pgTable('dropped', { id: integer() }, () => [pgPolicy('b')]);
    const linked = pgPolicy('c').link(dropped);
    const { ir } = pg({ kept, dropped, linked }, { tablesFilter: ['kept'] });
    expect(ir.policies.map((p) => p.name)).toEqual(['a']);
  });

  it('source: the pgPolicy call inside the table, or the const of a linked policy', () => {
    const content = [
      "export const posts = pgTable('posts', { id: integer() }, () => [",
      "  pgPolicy('inline'),",
      ']);',
      "export const other = pgTable('other', { id: integer() }, () => [pgPolicy('inline')]);",
      "export const linked = pgPolicy('linked').link(posts);",
    ].join('\n');
    const posts = pgTable('posts', { id: integer() }, () => [pgPolicy('inline')]);
    const other = pgTable('other', { id: integer() }, () => [pgPolicy('inline')]);
    const linked = pgPolicy('linked').link(posts);
    const { ir } = pg({ posts, other, linked }, { files: [{ path: 'schema.ts', content }] });
    const at = (table: string, name: string) =>
      ir.policies.find((p) => p.table.name === table && p.name === name)?.source;
    expect(at('posts', 'inline')).toEqual({ file: 'schema.ts', line: 2 });
    expect(at('other', 'inline')).toEqual({ file: 'schema.ts', line: 4 });
    expect(at('posts', 'linked')).toEqual({ file: 'schema.ts', line: 5 });
  });
});

describe('row-level security: what drizzle-kit enables', () => {
  it('.enableRLS() without policies', () => {
    const t = pgTable('t', { id: integer() }).enableRLS();
    expect(pg({ t }).ir.tables[0]?.rls).toEqual({ enabled: true, forced: false, declaredIn: 'orm' });
  });
  it('a table with an inline policy', () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('p')]);
    expect(pg({ t }).ir.tables[0]?.rls?.enabled).toBe(true);
  });
  it('a table with a linked policy', () => {
    const t = pgTable('t', { id: integer() });
    expect(pg({ t, p: pgPolicy('p').link(t) }).ir.tables[0]?.rls?.enabled).toBe(true);
  });
  it('neither: no rls', () => {
    expect(pg({ t: pgTable('t', { id: integer() }) }).ir.tables[0]?.rls).toBeUndefined();
  });
});

describe('roles: pgRole -> IR role', () => {
  const cases: Array<[string, Parameters<typeof pgRole>[1], string[]]> = [
    ['no options', undefined, []],
    ['createDb', { createDb: true }, ['CREATEDB']],
    ['createRole', { createRole: true }, ['CREATEROLE']],
    ['inherit: false', { inherit: false }, ['NOINHERIT']],
    ['inherit: true (the default)', { inherit: true }, []],
    [
      'all three',
      { createDb: true, createRole: true, inherit: false },
      ['CREATEDB', 'CREATEROLE', 'NOINHERIT'],
    ],
  ];
  for (const [label, config, options] of cases)
    it(label, () => {
      expect(pg({ r: pgRole('r', config) }).ir.roles).toEqual([{ name: 'r', options, declaredIn: 'orm' }]);
    });

  it('.existing(): documented as existing (drizzle-kit does not create it)', () => {
    expect(pg({ r: pgRole('r').existing() }).ir.roles).toEqual([
      { name: 'r', options: [], existing: true, declaredIn: 'orm' },
    ]);
  });

  it("Supabase's roles used by policies are documented as existing, without being exported", () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('p', { to: [anonRole, authenticatedRole] })]);
    expect(pg({ t }).ir.roles.map((r) => [r.name, r.existing])).toEqual([
      ['anon', true],
      ['authenticated', true],
    ]);
  });

  it('a role of its own used by a policy but not exported: a warning, and no role', () => {
    const editor = pgRole('editor');
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('p', { to: editor })]);
    const { ir, diagnostics } = pg({ t });
    expect(ir.roles).toEqual([]);
    expect(diagnostics).toMatchObject([
      { code: 'drizzle/role-not-exported', message: expect.stringContaining('"editor"') },
    ]);
  });
});

describe('sequences: pgSequence and identity columns -> IR sequence', () => {
  const seq = (options?: Parameters<typeof pgSequence>[1]) =>
    pg({ s: pgSequence('s', options) }).ir.sequences[0];
  const cases: Array<[string, Parameters<typeof pgSequence>[1], Record<string, unknown>]> = [
    [
      'defaults: ascending bigint from 1',
      undefined,
      {
        dataType: 'bigint',
        start: '1',
        increment: '1',
        minValue: '1',
        maxValue: '9223372036854775807',
        cache: '1',
        cycle: false,
      },
    ],
    ['startWith', { startWith: 1000 }, { start: '1000', minValue: '1' }],
    [
      'descending: from -1 down to the bigint minimum',
      { increment: -1 },
      { start: '-1', maxValue: '-1', minValue: '-9223372036854775808' },
    ],
    [
      'bounds as strings (beyond a JS number)',
      { maxValue: '9007199254740993' },
      { maxValue: '9007199254740993' },
    ],
    ['cache and cycle', { cache: 20, cycle: true }, { cache: '20', cycle: true }],
  ];
  for (const [label, options, expected] of cases)
    it(label, () =>
      expect(seq(options)).toMatchObject({ schema: null, name: 's', declaredIn: 'orm', ...expected }),
    );

  it('in a schema', () => {
    expect(pg({ s: pgSchema('billing').sequence('n') }).ir.sequences).toMatchObject([
      { schema: 'billing', name: 'n' },
    ]);
  });

  it('the schemaFilter leaves out sequences of other schemas', () => {
    const s = pgSchema('billing').sequence('n');
    expect(
      pg({ s, t: pgSequence('kept') }, { schemaFilter: ['public'] }).ir.sequences.map((x) => x.name),
    ).toEqual(['kept']);
  });

  const identity: Array<[string, () => unknown, Record<string, unknown> | undefined]> = [
    [
      'identity without options: no sequence of its own in the IR',
      () => integer().generatedAlwaysAsIdentity(),
      undefined,
    ],
    [
      'identity with options: the sequence, owned by the column, typed like it',
      () => smallint().generatedByDefaultAsIdentity({ startWith: 5 }),
      {
        name: 't_c_seq',
        dataType: 'smallint',
        start: '5',
        maxValue: '32767',
        ownedBy: { schema: null, name: 't', column: 'c' },
      },
    ],
    [
      'identity with a sequence name',
      () => bigint({ mode: 'number' }).generatedAlwaysAsIdentity({ name: 'my_seq' }),
      { name: 'my_seq', dataType: 'bigint', start: '1', maxValue: '9223372036854775807' },
    ],
    [
      'descending identity on integer',
      () => integer().generatedAlwaysAsIdentity({ increment: -1 }),
      { start: '-1', minValue: '-2147483648', maxValue: '-1' },
    ],
  ];
  for (const [label, column, expected] of identity)
    it(label, () => {
      const t = pgTable('t', { c: column() as ReturnType<typeof integer> });
      const { sequences } = pg({ t }).ir;
      if (expected === undefined) expect(sequences).toEqual([]);
      else expect(sequences).toMatchObject([{ schema: null, declaredIn: 'orm', ...expected }]);
    });
});

it('MySQL: no policies, roles or sequences, and no RLS', () => {
  const t = mysqlTable('t', { id: myInt() });
  const { ir } = fromDrizzleTables({ dialect: 'mysql', tables: [t] });
  expect([ir.policies, ir.roles, ir.sequences, ir.tables[0]?.rls]).toEqual([[], [], [], undefined]);
});
