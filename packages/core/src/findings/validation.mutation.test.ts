import { describe, expect, it } from 'vitest';
import type { Column, Dialect, Ir, Table } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';
import { checkedValueList, jsonShape } from './rules/validation.js';

// The validation rules, one row per case (mutation tests: see CONTRIBUTING.md, "Mutation testing").

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);
const irOf = (tables: Table[], dialect: Dialect = 'postgresql') => anIr({ tables, dialect });
const t = (columns: Column[], checks: Table['checks'] = []) =>
  aTable('t', {
    columns: [aColumn('id', 'integer'), ...columns],
    primaryKey: aPrimaryKey('t', ['id']),
    checks,
  });
const check = (expression: string, name = 'chk') => ({ name, nameExplicit: true, expression });

describe('jsonShape', () => {
  const literal = (value: unknown) =>
    aColumn('j', 'jsonb', { default: { kind: 'literal', value: value as string, sql: 'x' } });
  const sql = (expression: string) => aColumn('j', 'jsonb', { default: { kind: 'sql', expression } });
  it.each([
    ['the text []', literal('[]'), 'array'],
    ['the text {}', literal('{"a": 1}'), 'object'],
    ['an array value', literal([1]), 'array'],
    ['an object value', literal({ a: 1 }), 'object'],
    ['the text null', literal('null'), undefined],
    ['the value null', literal(null), undefined],
    ['a JSON string', literal('"x"'), undefined],
    ['a number', literal(3), undefined],
    ['text that is no JSON', literal('{oops'), undefined],
    ["SQL '[]'::jsonb", sql("'[]'::jsonb"), 'array'],
    ["SQL ('{}'::json)", sql("('{}'::json)"), 'object'],
    ["SQL '{}'::JSONB", sql("'{}'::JSONB"), 'object'],
    ["SQL '[]'", sql(" '[]' "), 'array'],
    ['SQL with a doubled quote', sql(`'{"a": "it''s"}'::jsonb`), 'object'],
    ['SQL over two lines', sql("'[\n]'::jsonb"), 'array'],
    ["SQL '[]'::text", sql("'[]'::text"), undefined],
    ["SQL x'[]'", sql("x'[]'"), undefined],
    ["SQL '[]'::jsonb || x", sql("'[]'::jsonb || x"), undefined],
    ["SQL 'oops'::jsonb", sql("'oops'::jsonb"), undefined],
    ['SQL now()', sql('now()'), undefined],
    ['no default', aColumn('j', 'jsonb'), undefined],
  ] as const)('%s: %s', (_what, col, shape) => {
    expect(jsonShape(col)).toBe(shape);
  });
});

describe('json-without-check', () => {
  const json = (name: string, sql: string, expression?: string, isArray = false) =>
    aColumn(name, sql, {
      type: { sql, category: 'json', isArray },
      ...(expression ? { default: { kind: 'sql' as const, expression } } : {}),
    });
  const one = (col: Column, dialect: Dialect = 'postgresql', checks: Table['checks'] = []) =>
    only(irOf([t([col], checks)], dialect), 'json-without-check')[0];

  it('with a documented shape on PostgreSQL: a CHECK on the top level', () => {
    const f = one(json('tags', 'jsonb', "'[]'::jsonb"));
    expect(f?.message).toBe('t.tags is jsonb with no CHECK constraint: any JSON value is accepted.');
    expect(f?.hint).toBe(
      'Validate the shape in the application, and constrain the top level in the database (its default is an array).',
    );
    expect(f?.fix?.sql).toBe(
      "ALTER TABLE t ADD CONSTRAINT t_tags_check CHECK (jsonb_typeof(tags) = 'array');",
    );
    expect(one(json('meta', 'json', "'{}'::json"), 'cockroachdb')?.fix?.sql).toBe(
      "ALTER TABLE t ADD CONSTRAINT t_meta_check CHECK (json_typeof(meta) = 'object');",
    );
  });

  it('without a documented shape: the function to use, no fix', () => {
    const f = one(json('meta', 'json'));
    expect(f?.hint).toBe(
      "Validate the shape in the application, and constrain the top level in the database once it is known (json_typeof(meta) = 'object' or 'array').",
    );
    expect(f?.fix).toBeUndefined();
    expect(one(json('meta', 'jsonb'))?.hint).toContain('(jsonb_typeof(meta) =');
  });

  it('an array of JSON gets no fix', () => {
    expect(one(json('tags', 'jsonb[]', "'[]'::jsonb", true))?.fix).toBeUndefined();
  });

  it('elsewhere than PostgreSQL: validation in the application, no fix', () => {
    for (const d of ['mysql', 'sqlite'] as const) {
      const f = one(json('tags', 'json', "'[]'"), d);
      expect(f?.hint).toBe(
        'Validate the shape in the application (a schema such as zod or pydantic) before writing.',
      );
      expect(f?.fix).toBeUndefined();
    }
  });

  it('a CHECK mentioning the column silences it; one on another column does not', () => {
    const col = json('meta', 'jsonb');
    expect(one(col, 'postgresql', [check("jsonb_typeof(meta) = 'object'")])).toBeUndefined();
    expect(one(col, 'postgresql', [check('id > 0')])).toBeDefined();
  });

  it('names the constraint so it clashes with no other of the table', () => {
    const f = one(json('tags', 'jsonb', "'[]'::jsonb"), 'postgresql', [check('id > 0', 't_tags_check')]);
    expect(f?.fix?.sql).toContain('ADD CONSTRAINT t_tags_check_2 CHECK');
  });

  it('ignores columns of other categories', () => {
    expect(one(aColumn('meta', 'text'))).toBeUndefined();
  });
});

describe('checkedValueList', () => {
  it.each([
    ["status IN ('a', 'b')", ['a', 'b']],
    ["status in ('a','b')", ['a', 'b']],
    ["(status IN ('a', 'b'))", ['a', 'b']],
    ['"status" IN (\'a\')', ['a']],
    ["status::text IN ('a'::text, 'b'::text)", ['a', 'b']],
    ["status IN ('it''s')", ["it's"]],
    ["status = ANY (ARRAY['a'::text, 'b'::text])", ['a', 'b']],
    ["status = any (array['a'])", ['a']],
    ["((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", ['a', 'b']],
    ["status = 'a' OR status = 'b'", ['a', 'b']],
    ["status = 'a' or status = 'b' OR status = 'c'", ['a', 'b', 'c']],
    ["(status = 'a') OR (status = 'b')", ['a', 'b']],
    ["((status = 'a') OR (status = 'b'))", ['a', 'b']],
    ["status = 'it''s' OR status = 'b'", ["it's", 'b']],
    ["status = 'a'", undefined],
    ["status = 'a' OR other = 'b'", undefined],
    ["status > 'a' OR status = 'b'", undefined],
    ["other IN ('a')", undefined],
    ["status IN ('a') AND id > 0", undefined],
    ["my_status IN ('a')", undefined],
    ['length(status) > 3', undefined],
  ] as const)('%s: %j', (expression, values) => {
    expect(checkedValueList(expression, 'status')).toEqual(values);
  });
  it('escapes the column name', () => {
    expect(checkedValueList("axb IN ('x')", 'a.b')).toBeUndefined();
    expect(checkedValueList("a.b IN ('x')", 'a.b')).toEqual(['x']);
  });
});

describe('enum-as-text', () => {
  const status = (more: Partial<Column> = {}) => aColumn('status', 'text', more);
  const found = (col: Column, dialect: Dialect = 'postgresql', expression = "status IN ('a', 'b')") =>
    only(irOf([t([col], [check(expression)])], dialect), 'enum-as-text')[0];

  it('names the values; a native enum on PostgreSQL', () => {
    const f = found(status());
    expect(f?.message).toBe("t.status is text restricted by chk to 'a', 'b'.");
    expect(f?.hint).toBe(
      'Consider a native enum or a lookup table, so the list is declared once and visible to the ORM.',
    );
    expect(f?.fix?.sql).toBe(
      [
        "CREATE TYPE t_status AS ENUM ('a', 'b');",
        'ALTER TABLE t DROP CONSTRAINT chk;',
        'ALTER TABLE t ALTER COLUMN status TYPE t_status USING status::t_status;',
      ].join('\n'),
    );
  });

  it('keeps a default that is one of the values, dropped while the type changes', () => {
    const f = found(status({ default: { kind: 'literal', value: 'a', sql: "'a'" } }));
    expect(f?.fix?.sql?.split('\n').slice(2)).toEqual([
      'ALTER TABLE t ALTER COLUMN status DROP DEFAULT;',
      'ALTER TABLE t ALTER COLUMN status TYPE t_status USING status::t_status;',
      "ALTER TABLE t ALTER COLUMN status SET DEFAULT 'a';",
    ]);
  });

  it.each([
    [
      'a default that is no value of the list',
      status({ default: { kind: 'literal', value: 'z', sql: "'z'" } }),
    ],
    ['a SQL default', status({ default: { kind: 'sql', expression: "'a'" } })],
    ['a literal default that is no string', status({ default: { kind: 'literal', value: 1, sql: '1' } })],
    ['an array column', aColumn('status', 'text[]')],
  ])('no fix for %s', (_what, col) => {
    const f = found(col);
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });

  it('writes values with a quote doubled', () => {
    expect(found(status(), 'postgresql', "status IN ('it''s')")?.fix?.sql?.split('\n')[0]).toBe(
      "CREATE TYPE t_status AS ENUM ('it''s');",
    );
  });

  it('MySQL: an inline ENUM; SQLite: keep the CHECK, no fix', () => {
    expect(found(status(), 'mysql')?.fix?.sql).toBe(
      "ALTER TABLE t MODIFY status ENUM('a', 'b'); -- keep NULL/NOT NULL and the default as they are",
    );
    const lite = found(status(), 'sqlite');
    expect(lite?.hint).toBe(
      'Keep the CHECK (SQLite has no enum type) and mirror the list as an enum/union type in code.',
    );
    expect(lite?.fix).toBeUndefined();
    expect(found(status(), 'sqlserver')?.fix).toBeUndefined();
  });

  it('names the type so it clashes with no relation of the schema', () => {
    const other = aTable('t_status');
    const f = only(irOf([t([status()], [check("status IN ('a')")]), other]), 'enum-as-text')[0];
    expect(f?.fix?.sql?.split('\n')[0]).toBe("CREATE TYPE t_status_2 AS ENUM ('a');");
  });

  it('ignores an empty list and columns that are not text', () => {
    expect(found(status(), 'postgresql', 'status IN ()')).toBeUndefined();
    expect(found(aColumn('status', 'integer'), 'postgresql', 'status IN (1, 2)')).toBeUndefined();
  });
});

describe('checkedValueList: spacing, parentheses and case as a person writes them', () => {
  it.each([
    ["  (status = 'a' OR status = 'b')  ", ['a', 'b']],
    ["( (status = 'a' OR status = 'b') )", ['a', 'b']],
    ["STATUS = 'a' OR Status = 'b'", ['a', 'b']],
    ['b', undefined],
    ["status = 'a'", undefined],
  ])('%s', (expression, values) => {
    expect(checkedValueList(expression, 'status')).toEqual(values);
  });
});

describe('enum-as-text: which columns, and the fix', () => {
  it('a column that is no text is left alone, even with a list of quoted values', () => {
    const level = aColumn('level', 'integer');
    expect(only(irOf([t([level], [check("level = '1' OR level = '2'")])]), 'enum-as-text')).toEqual([]);
  });

  it('names the column, and gives the type a name no relation has', () => {
    const status = aColumn('status', 'text');
    const table = t([status], [check("status IN ('a', 'b')")]);
    const ir = irOf([table, aTable('t_status')]);
    const [f] = only(ir, 'enum-as-text');
    expect(f?.columns).toEqual(['status']);
    expect(f?.fix?.sql).toContain('CREATE TYPE t_status_2 AS ENUM');
    expect(f?.fix?.sql).not.toContain('CREATE TYPE t_status AS');
  });

  it('a default with a quote is set again, quoted', () => {
    const status = aColumn('status', 'text', { default: { kind: 'literal', value: "it's", sql: "'it''s'" } });
    const [f] = only(irOf([t([status], [check("status IN ('it''s', 'b')")])]), 'enum-as-text');
    expect(f?.fix?.sql).toContain(`ALTER TABLE t ALTER COLUMN status SET DEFAULT 'it''s';`);
  });
});
