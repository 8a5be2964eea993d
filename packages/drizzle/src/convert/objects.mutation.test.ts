import { sql } from 'drizzle-orm';
import { integer, pgPolicy, pgRole, pgSchema, pgSequence, pgTable, text } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { fromDrizzleTables } from './fromDrizzleTables.js';
import { policyRoles } from './policies.js';

/**
 * Policies, roles, RLS and sequences beyond objects.test.ts: the warnings' words and places,
 * sources from the files, one object per name, on real drizzle values and source text.
 */
const FILE = 'schema.ts';
const run = (exports: Record<string, unknown>, lines: string[] = [], extra = {}) =>
  fromDrizzleTables({
    dialect: 'postgresql',
    modules: [{ file: FILE, exports }],
    files: [{ path: FILE, content: lines.join('\n') }],
    ...extra,
  });

describe('policy warnings: their words, where they point', () => {
  it('a policy neither inline nor linked, declared on line 2', () => {
    const { diagnostics } = run({ lonely: pgPolicy('lonely') }, [
      '',
      "export const lonely = pgPolicy('lonely');",
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'drizzle/policy-not-linked',
        message:
          'Policy "lonely" is neither in a table\'s extra config nor linked to a table; drizzle-kit skips it, and so does ormdoc.',
        file: FILE,
        line: 2,
        hint: 'Add it to the table (pgTable(name, columns, (t) => [pgPolicy(...)])) or call .link(table) on it.',
      },
    ]);
  });

  it('without a source: no file nor line', () => {
    const { diagnostics } = fromDrizzleTables({ dialect: 'postgresql', objects: [pgPolicy('lonely')] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).not.toHaveProperty('file');
    expect(diagnostics[0]).not.toHaveProperty('line');
  });

  it('a parameter in USING and in WITH CHECK: one warning each, naming the clause, the policy and the table', () => {
    const posts = pgTable('posts', { status: text() }, (t) => [
      pgPolicy('p', { using: sql`${t.status} = ${'a'}`, withCheck: sql`${t.status} <> ${'b'}` }),
    ]);
    const { ir, diagnostics } = run({ posts }, [
      "export const posts = pgTable('posts', { status: text() }, (t) => [",
      "  pgPolicy('p', {}),",
      ']);',
    ]);
    expect(ir.policies[0]).toMatchObject({
      using: `"posts"."status" = 'a'`,
      withCheck: `"posts"."status" <> 'b'`,
    });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'drizzle/policy-parameter',
        message: `The USING expression of policy "p" on posts has a parameter (a JavaScript value); drizzle-kit writes it as a placeholder ($1) that PostgreSQL rejects. ormdoc documents it with the value inline: "posts"."status" = 'a'`,
        file: FILE,
        line: 2,
        hint: "Write the value into the SQL text itself (sql`status = 'active'`), so drizzle-kit's migration executes.",
      },
      expect.objectContaining({
        code: 'drizzle/policy-parameter',
        message: expect.stringMatching(/^The WITH CHECK expression of policy "p" on posts has a parameter/),
      }),
    ]);
  });

  it('a policy whose using is no SQL has none', () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('p', { using: 'true' as never })]);
    expect(run({ t }).ir.policies[0]).not.toHaveProperty('using');
    expect(run({ t }).ir.policies[0]).not.toHaveProperty('withCheck');
  });
});

describe('where a policy is written', () => {
  it('the only pgPolicy call of its name, when its table has no code name that holds it', () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('only')]);
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [t],
      files: [
        {
          path: FILE,
          content: "const x = pgPolicy('other');\nconst t = pgTable('t', {}, () => [pgPolicy('only')]);\n",
        },
      ],
    });
    expect(ir.policies[0]!.source).toEqual({ file: FILE, line: 2 });
  });

  it('two calls of that name and no owner to tell them apart: none', () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('twice')]);
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [t],
      files: [
        {
          path: FILE,
          content:
            "const a = pgTable('a', {}, () => [pgPolicy('twice')]);\nconst b = pgTable('b', {}, () => [pgPolicy('twice')]);\n",
        },
      ],
    });
    expect(ir.policies[0]).not.toHaveProperty('source');
  });

  it('a call outside any const is no owner’s: a table without a code name does not take it', () => {
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('twice')]);
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [t],
      files: [
        {
          path: FILE,
          content: "setup(pgPolicy('twice'));\nconst b = pgTable('b', {}, () => [pgPolicy('twice')]);\n",
        },
      ],
    });
    expect(ir.policies[0]).not.toHaveProperty('source');
  });

  it('a policy const: the line of its declaration', () => {
    const t = pgTable('t', { id: integer() });
    const linked = pgPolicy('linked').link(t);
    const { ir } = run({ t, linked }, ['export const linked =', "  pgPolicy('linked').link(t);"]);
    expect(ir.policies[0]!.source).toEqual({ file: FILE, line: 1 });
  });
});

describe('roles', () => {
  it('an exported role has its source; one role per name', () => {
    const admin = pgRole('admin', { createDb: true });
    const { ir } = run({ admin, again: pgRole('admin') }, [
      '',
      "export const admin = pgRole('admin', { createDb: true });",
    ]);
    expect(ir.roles).toEqual([
      { name: 'admin', options: ['CREATEDB'], declaredIn: 'orm', source: { file: FILE, line: 2 } },
    ]);
  });

  it('a role used by two policies and not exported: one warning, naming the first policy', () => {
    const editor = pgRole('editor');
    const t = pgTable('t', { id: integer() }, () => [
      pgPolicy('first', { to: editor }),
      pgPolicy('second', { to: [editor, 'public'] }),
    ]);
    const { diagnostics } = run({ t });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'drizzle/role-not-exported',
        message:
          'Role "editor" (used by policy "first") is declared with pgRole but not exported; drizzle-kit does not create it, so its migration fails unless the role exists.',
        hint: "Export the role from a schema file, or declare it with pgRole('editor').existing() when the database already has it.",
      },
    ]);
  });

  it('a role used by a policy and exported: no warning, the exported one', () => {
    const editor = pgRole('editor', { createRole: true });
    const t = pgTable('t', { id: integer() }, () => [pgPolicy('p', { to: editor })]);
    const { ir, diagnostics } = run({ t, editor });
    expect(diagnostics).toEqual([]);
    expect(ir.roles).toEqual([{ name: 'editor', options: ['CREATEROLE'], declaredIn: 'orm' }]);
  });

  it('policyRoles: names and roles of `to`, sorted; none (undefined or null) is public; other values are no role', () => {
    const r = pgRole('r');
    const isRole = (v: unknown) => v === r;
    expect(policyRoles(undefined, isRole)).toEqual({ names: ['public'], roles: [] });
    expect(policyRoles(null, isRole)).toEqual({ names: ['public'], roles: [] });
    expect(policyRoles('b', isRole)).toEqual({ names: ['b'], roles: [] });
    expect(policyRoles(r, isRole)).toEqual({ names: ['r'], roles: [r] });
    expect(policyRoles(['z', r, 3, 'a'], isRole)).toEqual({ names: ['a', 'r', 'z'], roles: [r] });
    expect(policyRoles([], isRole)).toEqual({ names: ['public'], roles: [] });
  });
});

describe('row-level security and sequences: sources', () => {
  it('RLS on the table that asks for it only', () => {
    const a = pgTable('a', { id: integer() }).enableRLS();
    const b = pgTable('b', { id: integer() });
    const c = pgTable('c', { id: integer() }, () => [pgPolicy('p')]);
    const { ir } = run({ a, b, c });
    expect(ir.tables.map((t) => [t.name, t.rls?.enabled ?? false])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('RLS has the table’s source; without one, none', () => {
    const t = pgTable('t', { id: integer() }).enableRLS();
    expect(run({ t }, ["export const t = pgTable('t', {});"]).ir.tables[0]!.rls).toEqual({
      enabled: true,
      forced: false,
      declaredIn: 'orm',
      source: { file: FILE, line: 1 },
    });
    expect(fromDrizzleTables({ dialect: 'postgresql', tables: [t] }).ir.tables[0]!.rls).not.toHaveProperty(
      'source',
    );
  });

  it('an exported sequence has its source; two values of one name are one sequence', () => {
    const s = pgSequence('s', { startWith: 3 });
    const { ir } = run({ s, t: pgSequence('s') }, [
      '',
      "export const s = pgSequence('s', { startWith: 3 });",
    ]);
    expect(ir.sequences).toHaveLength(1);
    expect(ir.sequences[0]).toMatchObject({ name: 's', start: '3', source: { file: FILE, line: 2 } });
  });

  it('the same sequence name in two schemas: two sequences', () => {
    const { ir } = run({ a: pgSequence('s'), b: pgSchema('x').sequence('s') });
    expect(ir.sequences.map((s) => [s.schema, s.name])).toEqual([
      [null, 's'],
      ['x', 's'],
    ]);
  });

  it("an identity sequence: the column's source, else the table's; its table's schema", () => {
    const app = pgSchema('app');
    const t = app.table('t', {
      a: integer().generatedAlwaysAsIdentity({ startWith: 2 }),
      b: integer().generatedByDefaultAsIdentity({ cache: 4 }),
    });
    const { ir } = run({ t }, ["export const t = app.table('t', {", '  a: integer(),', '});']);
    const seq = (name: string) => ir.sequences.find((s) => s.name === name);
    expect(seq('t_a_seq')).toMatchObject({
      schema: 'app',
      source: { file: FILE, line: 2 },
      ownedBy: { schema: 'app' },
    });
    expect(seq('t_b_seq')).toMatchObject({ schema: 'app', source: { file: FILE, line: 1 } });
    const bare = fromDrizzleTables({ dialect: 'postgresql', tables: [t] }).ir.sequences;
    expect(bare.map((s) => 'source' in s)).toEqual([false, false]);
  });

  it('identity columns of a table the filters leave out make no sequence', () => {
    const t = pgTable('t', { a: integer().generatedAlwaysAsIdentity({ startWith: 2 }) });
    const u = pgTable('u', { a: integer().generatedAlwaysAsIdentity({ startWith: 2 }) });
    expect(run({ t, u }, [], { tablesFilter: ['u'] }).ir.sequences.map((s) => s.name)).toEqual(['u_a_seq']);
  });
});
