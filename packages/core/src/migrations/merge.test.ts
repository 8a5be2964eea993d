import { describe, expect, it } from 'vitest';
import { buildIr } from '../ir/validate.js';
import { aColumn, anIr, aPolicy, aRoutine, aTable } from '../testing/builders.js';
import { applyMigrationObjects } from './merge.js';
import { readMigrationSql } from './read.js';

async function merged(
  sql: string,
  ir = anIr({ tables: [aTable('posts', { columns: [aColumn('title')] })] }),
) {
  const read = await readMigrationSql([{ path: 'm.sql', content: sql }]);
  return applyMigrationObjects(ir, read.value, { checks: true });
}

describe('applyMigrationObjects', () => {
  it('what the ORM declares wins: a policy or function of the same identity, a table description, an RLS setting', async () => {
    const ir = anIr({
      tables: [
        aTable('posts', {
          description: 'From the ORM',
          columns: [aColumn('title', 'text', { description: 'ORM title' })],
          rls: { enabled: true, forced: false, declaredIn: 'orm' },
        }),
      ],
      policies: [aPolicy('posts', 'p', { declaredIn: 'orm', using: 'orm' })],
      routines: [aRoutine('f', { declaredIn: 'orm' })],
    });
    const { value } = await merged(
      [
        "COMMENT ON TABLE posts IS 'From SQL';",
        "COMMENT ON COLUMN posts.title IS 'SQL title';",
        'ALTER TABLE posts DISABLE ROW LEVEL SECURITY;',
        'CREATE POLICY p ON public.posts USING (sql);',
        'CREATE POLICY q ON posts USING (sql);',
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
      ].join('\n'),
      ir,
    );
    const posts = value.tables[0]!;
    expect([posts.description, posts.columns[0]!.description, posts.rls?.declaredIn]).toEqual([
      'From the ORM',
      'ORM title',
      'orm',
    ]);
    expect(value.policies.map((p) => [p.name, p.declaredIn, p.using])).toEqual([
      ['p', 'orm', 'orm'],
      ['q', 'migration', 'sql'],
    ]);
    expect(value.routines.map((r) => r.declaredIn)).toEqual(['orm']);
  });

  it('fills descriptions, RLS and named checks where the ORM has none', async () => {
    const { value } = await merged(
      "COMMENT ON TABLE posts IS 'Posts';\nCOMMENT ON COLUMN posts.title IS 'Title';\nALTER TABLE posts ENABLE ROW LEVEL SECURITY;\nALTER TABLE posts ADD CONSTRAINT t CHECK (title <> '');",
    );
    const posts = value.tables[0]!;
    expect(posts.description).toBe('Posts');
    expect(posts.columns[0]!.description).toBe('Title');
    expect(posts.rls).toEqual({
      enabled: true,
      forced: false,
      declaredIn: 'migration',
      source: { file: 'm.sql', line: 3 },
    });
    expect(posts.checks.map((c) => c.name)).toEqual(['t']);
  });

  it("public follows the IR's habit: null when its tables leave the schema out, 'public' when they name it", async () => {
    const sql =
      'CREATE POLICY p ON public.posts USING (true);\nCREATE TRIGGER t BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION public.f();';
    const implicit = (await merged(sql)).value;
    expect([
      implicit.policies[0]!.table.schema,
      implicit.triggers[0]!.table.schema,
      implicit.triggers[0]!.function.schema,
    ]).toEqual([null, null, null]);
    const explicit = (await merged(sql, anIr({ tables: [aTable('posts', { schema: 'public' })] }))).value;
    expect([
      explicit.policies[0]!.table.schema,
      explicit.triggers[0]!.table.schema,
      explicit.triggers[0]!.function.schema,
    ]).toEqual(['public', 'public', 'public']);
  });

  it('a view the ORM declares gets its definition; one it does not is added as a view table; the result is a valid IR', async () => {
    const ir = anIr({
      tables: [aTable('posts'), aTable('recent', { kind: 'view', columns: [aColumn('id', 'integer')] })],
    });
    const { value } = await merged(
      'CREATE VIEW recent AS SELECT id FROM posts;\nCREATE MATERIALIZED VIEW stats AS SELECT count(*) AS n FROM posts;',
      ir,
    );
    expect(value.tables.map((t) => [t.name, t.kind, t.definition, t.columns.length])).toEqual([
      ['posts', 'table', undefined, 1],
      ['recent', 'view', 'SELECT id\nFROM posts', 1],
      ['stats', 'materialized-view', 'SELECT count(*) AS n\nFROM posts', 1],
    ]);
    // The view the ORM does not declare gets the columns its query shows (viewColumns.pglite.test.ts).
    expect(value.tables.find((t) => t.name === 'stats')?.columns).toEqual([
      { name: 'n', type: { sql: 'bigint', category: 'bigint', isArray: false }, nullable: false, tags: [] },
    ]);
    expect(() => buildIr(value)).not.toThrow();
  });

  it('a policy on a table the schema does not declare stays in the IR (the findings report it)', async () => {
    const { value, diagnostics } = await merged('CREATE POLICY p ON ghosts USING (true);');
    expect(value.policies.map((p) => [p.table.name, p.name])).toEqual([['ghosts', 'p']]);
    expect(diagnostics).toEqual([]);
  });

  it("row-level security on a table the schema does not declare: a warning at its file:line (not for the migration tools' own tables)", async () => {
    const { diagnostics } = await merged(
      '\nALTER TABLE ghosts ENABLE ROW LEVEL SECURITY;\nALTER TABLE _prisma_migrations ENABLE ROW LEVEL SECURITY;\nALTER TABLE drizzle.__drizzle_migrations ENABLE ROW LEVEL SECURITY;',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'migrations/rls-unknown-table',
        file: 'm.sql',
        line: 2,
      }),
    ]);
  });
});
