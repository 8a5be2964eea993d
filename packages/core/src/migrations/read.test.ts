import { describe, expect, it } from 'vitest';
import { readMigrationSql } from './read.js';
import type { MigrationObjects } from './types.js';

/** Read migration files given as strings (named 1.sql, 2.sql, ...). */
async function read(...files: string[]) {
  return readMigrationSql(files.map((content, i) => ({ path: `m/${i + 1}.sql`, content })));
}

type Row = [kind: string, sql: string, pick: (o: MigrationObjects) => unknown, expected: unknown];

/** One row per statement kind: what the statement alone leaves in place. */
const statementKinds: Row[] = [
  [
    'CREATE POLICY',
    `CREATE POLICY "own" ON app.docs AS RESTRICTIVE FOR UPDATE TO editor, CURRENT_USER USING (owner = current_user) WITH CHECK (owner = current_user);`,
    (o) => o.policies,
    [
      {
        table: { schema: 'app', name: 'docs' },
        name: 'own',
        command: 'update',
        roles: ['editor', 'current_user'],
        permissive: false,
        using: 'owner = CURRENT_USER',
        withCheck: 'owner = CURRENT_USER',
        declaredIn: 'migration',
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE POLICY (defaults: ALL, PUBLIC, permissive)',
    'CREATE POLICY p ON docs USING (true);',
    (o) => o.policies.map(({ command, roles, permissive, using }) => ({ command, roles, permissive, using })),
    [{ command: 'all', roles: ['public'], permissive: true, using: 'true' }],
  ],
  [
    'ALTER POLICY',
    'CREATE POLICY p ON docs FOR SELECT USING (a);\nALTER POLICY p ON docs TO reader USING (b);',
    (o) => o.policies.map(({ roles, using }) => ({ roles, using })),
    [{ roles: ['reader'], using: 'b' }],
  ],
  [
    'ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY',
    'ALTER TABLE docs ENABLE ROW LEVEL SECURITY;\nALTER TABLE ONLY docs FORCE ROW LEVEL SECURITY;',
    (o) => o.rls,
    [
      {
        table: { schema: null, name: 'docs' },
        rls: { enabled: true, forced: true, declaredIn: 'migration', source: { file: 'm/1.sql', line: 2 } },
      },
    ],
  ],
  [
    'ALTER TABLE ... DISABLE / NO FORCE ROW LEVEL SECURITY',
    'ALTER TABLE docs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;\nALTER TABLE docs DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY;',
    (o) => o.rls.map((r) => [r.rls.enabled, r.rls.forced]),
    [[false, false]],
  ],
  [
    'CREATE TRIGGER',
    `CREATE TRIGGER t AFTER INSERT OR UPDATE OF a, "B" ON s.docs FOR EACH ROW WHEN (NEW.a > 0) EXECUTE PROCEDURE s.f('x', 'it''s');`,
    (o) => o.triggers,
    [
      {
        table: { schema: 's', name: 'docs' },
        name: 't',
        timing: 'after',
        events: ['insert', 'update'],
        updateOf: ['a', 'B'],
        forEach: 'row',
        when: 'new.a > 0',
        function: { schema: 's', name: 'f' },
        arguments: ['x', "it's"],
        enabled: true,
        declaredIn: 'migration',
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE TRIGGER (INSTEAD OF, statement level, TRUNCATE)',
    'CREATE TRIGGER v INSTEAD OF DELETE ON docs_view FOR EACH ROW EXECUTE FUNCTION f();\nCREATE TRIGGER w BEFORE TRUNCATE ON docs EXECUTE FUNCTION f();',
    (o) => o.triggers.map(({ name, timing, events, forEach }) => ({ name, timing, events, forEach })),
    [
      { name: 'v', timing: 'instead of', events: ['delete'], forEach: 'row' },
      { name: 'w', timing: 'before', events: ['truncate'], forEach: 'statement' },
    ],
  ],
  [
    'ALTER TABLE ... DISABLE TRIGGER',
    'CREATE TRIGGER t AFTER INSERT ON docs EXECUTE FUNCTION f();\nALTER TABLE docs DISABLE TRIGGER t;',
    (o) => o.triggers.map((t) => t.enabled),
    [false],
  ],
  [
    'CREATE FUNCTION',
    `CREATE FUNCTION app.total(n integer, VARIADIC rest numeric[] DEFAULT '{}', OUT s numeric) LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path TO app, pg_temp SET work_mem = '64MB' AS $body$ BEGIN s := n; END; $body$;`,
    (o) => o.routines,
    [
      {
        schema: 'app',
        name: 'total',
        kind: 'function',
        arguments: "n int, VARIADIC rest numeric[] DEFAULT '{}', OUT s numeric",
        language: 'plpgsql',
        volatility: 'stable',
        securityDefiner: true,
        config: { search_path: 'app, pg_temp', work_mem: '64MB' },
        body: ' BEGIN s := n; END; ',
        declaredIn: 'migration',
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE FUNCTION ... RETURNS TABLE / SETOF',
    `CREATE FUNCTION a() RETURNS TABLE (id bigint, name text) LANGUAGE sql AS 'SELECT 1, ''x''';\nCREATE FUNCTION b() RETURNS SETOF docs LANGUAGE sql IMMUTABLE AS 'SELECT * FROM docs';`,
    (o) => o.routines.map(({ name, returns, volatility }) => ({ name, returns, volatility })),
    [
      { name: 'a', returns: 'TABLE(id bigint, name text)', volatility: 'volatile' },
      { name: 'b', returns: 'SETOF docs', volatility: 'immutable' },
    ],
  ],
  [
    'CREATE PROCEDURE (BEGIN ATOMIC)',
    'CREATE PROCEDURE purge(days int) LANGUAGE sql BEGIN ATOMIC DELETE FROM docs WHERE age > days; END;',
    (o) => o.routines.map(({ kind, arguments: a, returns, body }) => ({ kind, arguments: a, returns, body })),
    [
      {
        kind: 'procedure',
        arguments: 'days int',
        returns: undefined,
        body: 'DELETE FROM docs WHERE age > days',
      },
    ],
  ],
  [
    'ALTER FUNCTION',
    `CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';\nALTER FUNCTION f(integer) SECURITY DEFINER IMMUTABLE SET search_path = '';`,
    (o) =>
      o.routines.map(({ securityDefiner, volatility, config }) => ({ securityDefiner, volatility, config })),
    [{ securityDefiner: true, volatility: 'immutable', config: { search_path: '' } }],
  ],
  [
    'CREATE VIEW',
    'CREATE VIEW s.active (id, label) AS SELECT id, name FROM docs WHERE NOT deleted;',
    (o) => o.views,
    [
      {
        schema: 's',
        name: 'active',
        kind: 'view',
        definition: 'SELECT\n  id,\n  name\nFROM docs\nWHERE\n  NOT (deleted)',
        columnNames: ['id', 'label'],
        shape: {
          outputs: [
            { kind: 'value', name: 'id', expr: { kind: 'column', column: 'id' } },
            { kind: 'value', name: 'name', expr: { kind: 'column', column: 'name' } },
          ],
          relations: [{ alias: 'docs', table: { schema: null, name: 'docs' }, outer: false }],
        },
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE MATERIALIZED VIEW',
    'CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM docs WITH NO DATA;',
    (o) => o.views.map(({ name, kind }) => ({ name, kind })),
    [{ name: 'counts', kind: 'materialized-view' }],
  ],
  [
    'CREATE SEQUENCE',
    'CREATE SEQUENCE s.n AS smallint INCREMENT BY -1 MINVALUE -100 MAXVALUE 0 START WITH 0 CACHE 10 CYCLE OWNED BY s.docs.n;',
    (o) => o.sequences,
    [
      {
        schema: 's',
        name: 'n',
        dataType: 'smallint',
        increment: '-1',
        minValue: '-100',
        maxValue: '0',
        start: '0',
        cache: '10',
        cycle: true,
        ownedBy: { schema: 's', name: 'docs', column: 'n' },
        declaredIn: 'migration',
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE SEQUENCE (bigint start beyond a JSON number)',
    'CREATE SEQUENCE big START 9223372036854775806;',
    (o) => o.sequences.map((s) => s.start),
    ['9223372036854775806'],
  ],
  [
    'ALTER SEQUENCE',
    'CREATE SEQUENCE n MAXVALUE 10;\nALTER SEQUENCE n NO MAXVALUE INCREMENT 5;',
    (o) => o.sequences.map(({ maxValue, increment }) => ({ maxValue, increment })),
    [{ maxValue: undefined, increment: '5' }],
  ],
  [
    'CREATE EXTENSION',
    'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions VERSION \'1.1\';',
    (o) => o.extensions,
    [
      {
        name: 'uuid-ossp',
        schema: 'extensions',
        version: '1.1',
        origin: 'declared',
        source: { file: 'm/1.sql', line: 1 },
      },
    ],
  ],
  [
    'CREATE ROLE / CREATE USER (no password recorded)',
    "CREATE ROLE admin WITH NOINHERIT CREATEDB BYPASSRLS CONNECTION LIMIT 5 PASSWORD 'secret';\nCREATE USER bot;",
    (o) => o.roles.map(({ name, options }) => ({ name, options })),
    [
      { name: 'admin', options: ['NOINHERIT', 'CREATEDB', 'BYPASSRLS', 'CONNECTION LIMIT 5'] },
      { name: 'bot', options: ['LOGIN'] },
    ],
  ],
  [
    'COMMENT ON TABLE / VIEW / COLUMN',
    "COMMENT ON TABLE s.docs IS 'Documents';\nCOMMENT ON VIEW active IS 'Live ones';\nCOMMENT ON COLUMN s.docs.title IS 'Title';",
    (o) => o.comments.map(({ table, column, text }) => ({ table, column, text })),
    [
      { table: { schema: 's', name: 'docs' }, column: undefined, text: 'Documents' },
      { table: { schema: null, name: 'active' }, column: undefined, text: 'Live ones' },
      { table: { schema: 's', name: 'docs' }, column: 'title', text: 'Title' },
    ],
  ],
  [
    'COMMENT ON FUNCTION',
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCOMMENT ON FUNCTION f() IS 'One';",
    (o) => o.routines.map((r) => r.description),
    ['One'],
  ],
  [
    'CREATE TABLE with named CHECKs (table and column level)',
    'CREATE TABLE t (a int CONSTRAINT a_pos CHECK (a > 0), b int, CONSTRAINT ab CHECK (a < b), CHECK (b > 0));',
    (o) => o.checks.map((c) => [c.check.name, c.check.expression, c.columns]),
    [
      ['a_pos', 'a > 0', ['a']],
      ['ab', 'a < b', ['a', 'b']],
    ],
  ],
  [
    'ALTER TABLE ... ADD CONSTRAINT ... CHECK',
    `ALTER TABLE "t" ADD CONSTRAINT "len" CHECK (char_length(title) > 0 AND status IN ('a', ')'));`,
    (o) => o.checks.map((c) => c.check.expression),
    ["char_length(title) > 0 AND status IN ('a', ')')"],
  ],
];

describe('readMigrationSql: one row per statement kind', () => {
  it.each(statementKinds)('%s', async (_kind, sql, pick, expected) => {
    const { value, diagnostics } = await read(sql);
    expect(pick(value)).toEqual(expected);
    expect(diagnostics).toEqual([]);
  });
});

describe('readMigrationSql: statements apply in order, the later one wins', () => {
  const later: Array<[string, string[], (o: MigrationObjects) => unknown, unknown]> = [
    ['DROP POLICY', ['CREATE POLICY p ON t USING (true);', 'DROP POLICY p ON t;'], (o) => o.policies, []],
    [
      'ALTER POLICY ... RENAME',
      ['CREATE POLICY p ON t USING (true);', 'ALTER POLICY p ON t RENAME TO q;'],
      (o) => o.policies.map((p) => p.name),
      ['q'],
    ],
    [
      'CREATE OR REPLACE FUNCTION (the comment stays, the file:line moves)',
      [
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCOMMENT ON FUNCTION f IS 'c';",
        "\n\nCREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql STABLE AS 'SELECT 2';",
      ],
      (o) =>
        o.routines.map(({ body, volatility, description, source }) => ({
          body,
          volatility,
          description,
          source,
        })),
      [{ body: 'SELECT 2', volatility: 'stable', description: 'c', source: { file: 'm/2.sql', line: 3 } }],
    ],
    [
      'DROP FUNCTION of one overload',
      [
        "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS 'SELECT 2';",
        'DROP FUNCTION f(int4);',
      ],
      (o) => o.routines.map((r) => r.arguments),
      ['text'],
    ],
    [
      'overloads are told apart by input types only, whatever the spelling (int4 = integer, float8 = double precision, varchar(n) = character varying)',
      [
        "CREATE FUNCTION g(a integer, b double precision, c character varying(10)[], OUT r int) LANGUAGE sql AS 'SELECT 1';",
        "COMMENT ON FUNCTION g(int4, float8, varchar[]) IS 'found';\nALTER FUNCTION public.g(int, float8, pg_catalog.varchar[]) SECURITY DEFINER;",
      ],
      (o) => o.routines.map((r) => [r.description, r.securityDefiner]),
      [['found', true]],
    ],
    [
      'DROP FUNCTION without arguments, CASCADE (its triggers go too)',
      [
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW EXECUTE FUNCTION f();",
        'DROP FUNCTION f CASCADE;',
      ],
      (o) => [o.routines.length, o.triggers.length],
      [0, 0],
    ],
    [
      'DROP TRIGGER',
      ['CREATE TRIGGER t AFTER INSERT ON s.x EXECUTE FUNCTION f();', 'DROP TRIGGER IF EXISTS t ON s.x;'],
      (o) => o.triggers,
      [],
    ],
    [
      'CREATE OR REPLACE TRIGGER',
      [
        'CREATE TRIGGER t AFTER INSERT ON x EXECUTE FUNCTION f();',
        'CREATE OR REPLACE TRIGGER t BEFORE DELETE ON x EXECUTE FUNCTION g();',
      ],
      (o) => o.triggers.map((t) => [t.timing, t.events, t.function.name]),
      [['before', ['delete'], 'g']],
    ],
    [
      'CREATE OR REPLACE VIEW, then DROP MATERIALIZED VIEW',
      [
        'CREATE VIEW v AS SELECT 1 AS a;\nCREATE MATERIALIZED VIEW m AS SELECT 1 AS a;',
        'CREATE OR REPLACE VIEW v AS SELECT 2 AS a;\nDROP MATERIALIZED VIEW m;',
      ],
      (o) => o.views.map((v) => [v.name, v.definition]),
      [['v', 'SELECT 2 AS a']],
    ],
    ['DROP SEQUENCE', ['CREATE SEQUENCE n;', 'DROP SEQUENCE IF EXISTS n, other;'], (o) => o.sequences, []],
    ['DROP EXTENSION', ['CREATE EXTENSION citext;', 'DROP EXTENSION citext;'], (o) => o.extensions, []],
    ['DROP ROLE', ['CREATE ROLE r;', 'DROP ROLE IF EXISTS r;'], (o) => o.roles, []],
    [
      'COMMENT ... IS NULL',
      ["COMMENT ON TABLE t IS 'x';", 'COMMENT ON TABLE t IS NULL;'],
      (o) => o.comments,
      [],
    ],
    [
      'DROP TABLE: its policies, triggers, RLS, comments and checks go with it',
      [
        "CREATE TABLE t (a int CONSTRAINT c CHECK (a > 0));\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON t USING (true);\nCREATE TRIGGER g AFTER INSERT ON t EXECUTE FUNCTION f();\nCOMMENT ON COLUMN t.a IS 'a';",
        'DROP TABLE t CASCADE;',
      ],
      (o) => [o.policies, o.triggers, o.rls, o.comments, o.checks],
      [[], [], [], [], []],
    ],
    [
      'ALTER TABLE ... RENAME TO: what is attached moves with the table',
      [
        'ALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON t USING (true);',
        'ALTER TABLE t RENAME TO u;',
      ],
      (o) => [o.policies.map((p) => p.table.name), o.rls.map((r) => r.table.name)],
      [['u'], ['u']],
    ],
    [
      'DROP CONSTRAINT, and DROP COLUMN drops the checks on that column only',
      [
        'ALTER TABLE t ADD CONSTRAINT a CHECK (x > 0), ADD CONSTRAINT b CHECK (y > 0), ADD CONSTRAINT c CHECK (z > 0);',
        'ALTER TABLE t DROP CONSTRAINT a;\nALTER TABLE t DROP COLUMN "y";',
      ],
      (o) => o.checks.map((c) => c.check.name),
      ['c'],
    ],
    [
      'ALTER ... SET SCHEMA: tables (with what is attached), views, sequences, functions',
      [
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE VIEW v AS SELECT 1 AS a;\nCREATE SEQUENCE n;\nCREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT 1';",
        'ALTER TABLE t SET SCHEMA app;\nALTER VIEW v SET SCHEMA app;\nALTER SEQUENCE n SET SCHEMA app;\nALTER FUNCTION f(integer) SET SCHEMA app;',
      ],
      (o) => [o.rls[0]?.table.schema, o.views[0]?.schema, o.sequences[0]?.schema, o.routines[0]?.schema],
      ['app', 'app', 'app', 'app'],
    ],
    [
      'DROP SCHEMA ... CASCADE',
      [
        'CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS $$SELECT 1$$;\nCREATE POLICY p ON s.t USING (true);',
        'DROP SCHEMA s CASCADE;',
      ],
      (o) => [o.routines, o.policies],
      [[], []],
    ],
  ];
  it.each(later)('%s', async (_case, files, pick, expected) => {
    const { value, diagnostics } = await read(...files);
    expect(pick(value)).toEqual(expected);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('readMigrationSql: splitting, lines and bad input', () => {
  it('dollar-quoted bodies, DO blocks and comments with semicolons do not split statements', async () => {
    const { value, diagnostics } = await read(
      [
        '/* a block comment; with a semicolon /* nested; */ still comment */',
        'DO $do$ BEGIN EXECUTE $x$CREATE POLICY fake ON t USING (true);$x$; END $do$;',
        "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'CREATE TRIGGER x;'; END $$;",
        '-- CREATE POLICY commented ON t USING (true);',
        "CREATE POLICY real ON t USING (name <> ';');",
      ].join('\n'),
    );
    expect(value.policies.map((p) => [p.name, p.source?.line])).toEqual([['real', 5]]);
    expect(value.routines.map((r) => [r.name, r.body, r.source?.line])).toEqual([
      ['f', " BEGIN RETURN 'CREATE TRIGGER x;'; END ", 3],
    ]);
    expect(value.triggers).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '1 statement of the migrations is not documented (ormdoc does not model it): 1 DO.',
    ]);
  });

  it('lines count from the statement itself, past comments and multi-byte characters before it', async () => {
    const { value } = await read("COMMENT ON TABLE t IS 'Ünïcödé ✓';\n\n-- café\n/* ☕ */\n\nCREATE ROLE r;");
    expect(value.roles.map((r) => r.source?.line)).toEqual([6]);
  });

  it('a file that does not parse: a warning at file:line with the parser message; its other statements and the other files are read', async () => {
    const { value, diagnostics } = await read(
      'CREATE ROLE a;',
      'CREATE ROLE b;\n\nCREATE POLICY p ON t USING (;\nCREATE ROLE c;',
    );
    expect(value.roles.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(value.policies).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'migrations/parse-error',
        file: 'm/2.sql',
        line: 3,
        message: expect.stringContaining('syntax error at or near ";"'),
      }),
    ]);
  });

  it('an unterminated dollar quote: a warning at its line; what comes before it is read, nothing after it is invented', async () => {
    const { value, diagnostics } = await read(
      'CREATE ROLE a;\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\nCREATE ROLE b;',
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['migrations/parse-error', 2]]);
    expect(value.roles.map((r) => r.name)).toEqual(['a']);
    expect(value.routines).toEqual([]);
  });

  it('statements ormdoc does not model are counted in one diagnostic, by kind; tables, indexes and transactions are not', async () => {
    const { diagnostics } = await read(
      'BEGIN;\nCREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nGRANT SELECT ON t TO r;\nGRANT ALL ON t TO s;',
      "INSERT INTO t VALUES (1);\nCOMMENT ON INDEX i IS 'x';\nCREATE DOMAIN d AS int;\nCOMMIT;",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'migrations/unmodeled-statements',
        message:
          '5 statements of the migrations are not documented (ormdoc does not model them): 2 GRANT, 1 COMMENT ON INDEX, 1 CREATE DOMAIN, 1 INSERT.',
      }),
    ]);
  });

  it('a policy on a table no migration creates is kept (the findings report it)', async () => {
    const { value } = await read('CREATE POLICY p ON missing USING (true);');
    expect(value.policies.map((p) => p.table.name)).toEqual(['missing']);
  });

  it('no files: nothing, and the parser is not needed', async () => {
    expect(await readMigrationSql([])).toEqual({
      value: expect.objectContaining({ statements: 0, policies: [] }),
      diagnostics: [],
    });
  });
});

describe('the parser is loaded only when there are migration files', () => {
  it('no module of @ormdoc/core imports libpg-query or pgsql-deparser statically (only _pg.ts, with import())', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const src = path.resolve(import.meta.dirname, '..');
    const files = (await readdir(src, { recursive: true })).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const staticImports: string[] = [];
    const dynamicImports: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(src, f), 'utf8');
      for (const m of ['libpg-query', 'pgsql-deparser']) {
        // a value import (`import { x } from`, `export ... from`); `import type` costs nothing at run time
        if (new RegExp(`^(?:import|export)(?! type )[^;]*from '${m}'`, 'm').test(text))
          staticImports.push(`${f}: ${m}`);
        if (text.includes(`import('${m}')`)) dynamicImports.push(f.split(path.sep).join('/'));
      }
    }
    expect(staticImports).toEqual([]);
    expect([...new Set(dynamicImports)]).toEqual(['migrations/_pg.ts']);
  });
});
