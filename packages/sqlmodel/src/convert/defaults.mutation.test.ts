import type { Column, ExtractResult } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { columnOf, exportDoc, lazyExports, lazyIr, tableOf } from '../../test/helpers/mutationExports.js';
import { serverDefaultToIr } from './defaults.js';
import { fromSqlmodelExport } from './toIr.js';

/**
 * SQLAlchemy defaults -> the IR default, one row per kind, on SQLAlchemy's exports of
 * test/fixtures/mutation/*.py: the database's own (serial, identity, AUTO_INCREMENT, rowid, a named
 * sequence) first, then the DDL DEFAULT SQLAlchemy writes (server_default), then Python-side ones.
 */
const R = lazyExports();

const col = (r: ExtractResult, table: string, name: string) => columnOf(tableOf(r, table), name);

describe('server_default (the DDL DEFAULT) -> literal or SQL', () => {
  it.each<[string, Column['default']]>([
    ['flag', { kind: 'literal', value: true, sql: 'true' }],
    ['off', { kind: 'literal', value: false, sql: 'false' }], // FALSE, lower-cased
    ['ratio', { kind: 'literal', value: '0.5', sql: "'0.5'" }], // a quoted string stays a string
    ['price', { kind: 'literal', value: -1.25, sql: '-1.25' }],
    ['count', { kind: 'literal', value: 0, sql: '0' }],
    ['label', { kind: 'literal', value: "it's", sql: "'it''s'" }],
    ['nothing', { kind: 'literal', value: null, sql: 'NULL' }],
    ['day', { kind: 'sql', expression: 'CURRENT_DATE' }],
  ])('%s (every dialect)', (name, expected) => {
    for (const r of [R.pg, R.my, R.lite]) expect(col(r, 'items', name).default).toEqual(expected);
  });

  it('func.now() is the SQL the dialect compiles it to', () => {
    expect(col(R.pg, 'items', 'made').default).toEqual({ kind: 'sql', expression: 'now()' });
    expect(col(R.my, 'items', 'made').default).toEqual({ kind: 'sql', expression: 'now()' });
    expect(col(R.lite, 'items', 'made').default).toEqual({ kind: 'sql', expression: 'CURRENT_TIMESTAMP' });
  });

  it('JSON: an object or array literal is parsed; a string that is no JSON object stays text', () => {
    expect(col(R.only, 'docs', 'meta').default).toEqual({
      kind: 'literal',
      value: { a: 1 },
      sql: '\'{"a": 1}\'::jsonb',
    });
    expect(col(R.only, 'docs', 'list').default).toEqual({ kind: 'literal', value: [1], sql: "'[1]'::jsonb" });
    expect(col(R.only, 'docs', 'word').default).toEqual({
      kind: 'literal',
      value: 'not json',
      sql: "'not json'::jsonb",
    });
    // not JSON-typed: the text is kept as text even when it parses
    expect(serverDefaultToIr('\'{"a": 1}\'', false)).toEqual({
      kind: 'literal',
      value: '{"a": 1}',
      sql: '\'{"a": 1}\'',
    });
    expect(serverDefaultToIr("'null'", true)).toEqual({ kind: 'literal', value: 'null', sql: "'null'" });
  });

  it('literal patterns are anchored: text around a literal makes an SQL expression', () => {
    for (const s of [
      "'a' || 'b'",
      "x'a'",
      '1 + 1',
      '-',
      '1.',
      'true_value',
      'nullif(a, b)',
      'x true',
      'not null',
    ])
      expect(serverDefaultToIr(s, false)).toEqual({ kind: 'sql', expression: s });
    expect(serverDefaultToIr('  7  ', false)).toEqual({ kind: 'literal', value: 7, sql: '7' });
    expect(serverDefaultToIr("'a\nb'", false)).toEqual({ kind: 'literal', value: 'a\nb', sql: "'a\nb'" });
  });
});

describe("the database's own sequence-like defaults, per dialect", () => {
  it.each<[string, keyof typeof R, string, string, Column['default']]>([
    ['postgresql', 'pg', 'items', 'id', { kind: 'sequence', style: 'serial' }], // SERIAL
    ['mysql', 'my', 'items', 'id', { kind: 'sequence', style: 'auto-increment' }], // AUTO_INCREMENT
    ['sqlite', 'lite', 'items', 'id', { kind: 'sequence', style: 'rowid' }], // INTEGER PRIMARY KEY
    ['postgresql', 'pg', 'counters', 'id', { kind: 'sequence', style: 'identity-always' }],
    ['postgresql', 'pg', 'counters', 'n', { kind: 'sequence', style: 'identity-by-default' }],
    // MySQL writes Identity() as AUTO_INCREMENT on the key; SQLite ignores it
    ['mysql', 'my', 'counters', 'id', { kind: 'sequence', style: 'auto-increment' }],
    ['mysql', 'my', 'counters', 'n', undefined],
    ['sqlite', 'lite', 'counters', 'id', undefined], // BIGINT: not a rowid alias
    ['sqlite', 'lite', 'counters', 'n', undefined],
    ['postgresql', 'only', 'bigs', 'id', { kind: 'sequence', style: 'serial' }], // BIGSERIAL
    ['postgresql', 'only', 'smalls', 'id', { kind: 'sequence', style: 'serial' }], // SMALLSERIAL
    [
      'postgresql',
      'only',
      'numbered',
      'id',
      { kind: 'sequence', style: 'serial', sequenceName: 'numbered_seq' },
    ],
    // nextval() of a sequence SQLAlchemy does not draw from: the DEFAULT as SQL
    [
      'postgresql',
      'only',
      'numbered',
      'other',
      { kind: 'sql', expression: "nextval('other_seq'::regclass)" },
    ],
    ['mysql', 'my', 'seqs', 'id', { kind: 'sequence', style: 'auto-increment' }],
  ])('%s (%s) %s.%s', (_d, r, table, name, expected) => {
    expect(col(R[r], table, name).default).toEqual(expected);
  });

  it('the SERIAL column types fold to integer, bigint and smallint', () => {
    expect(col(R.only, 'bigs', 'id').type.sql).toBe('bigint');
    expect(col(R.only, 'smalls', 'id').type.sql).toBe('smallint');
    expect(col(R.pg, 'items', 'id').type.sql).toBe('integer');
  });
});

describe('Python-side defaults: ORM defaults with a generator', () => {
  it.each<[string, string, string]>([
    ['token', 'function', 'default=models.Item.<lambda>'],
    ['ext', 'uuid', 'default=uuid.uuid4'],
    ['qty', 'python', 'default=3'],
    ['title', 'python', 'default="x"'],
    ['stamp', 'now', 'default=datetime.utcnow'],
    ['today', 'now', 'default=datetime.today'],
    ['fn', 'function', 'default=str'],
    ['sqlexpr', 'sql', 'default=1 + 1'],
  ])('%s: %s (%s)', (name, generator, description) => {
    for (const r of [R.pg, R.my, R.lite])
      expect(col(r, 'items', name).default).toEqual({ kind: 'orm', generator, description });
  });

  it('func.now() as a Python-side default: the SQL it compiles to, a now generator', () => {
    for (const r of [R.pg, R.my])
      expect(col(r, 'items', 'sqlnow').default).toEqual({
        kind: 'orm',
        generator: 'now',
        description: 'default=now()',
      });
    expect(col(R.lite, 'items', 'sqlnow').default).toEqual({
      kind: 'orm',
      generator: 'now',
      description: 'default=CURRENT_TIMESTAMP',
    });
  });

  it('a Sequence SQLAlchemy draws from (no DDL DEFAULT) is a sequence generator', () => {
    expect(col(R.pg, 'seqs', 'id').default).toEqual({
      kind: 'orm',
      generator: 'sequence',
      description: 'default=Sequence("seqs_id_seq")',
    });
    expect(col(R.pg, 'seqs', 'down').default).toEqual({
      kind: 'orm',
      generator: 'sequence',
      description: 'default=Sequence("down_seq")',
    });
  });

  it('no default at all', () => {
    expect(col(R.pg, 'items', 'body').default).toBeUndefined();
  });
});

describe('onupdate and server_onupdate', () => {
  it.each([
    ['touched', { kind: 'orm', description: 'onupdate=datetime.utcnow' }],
    [
      'refreshed',
      {
        kind: 'orm',
        description:
          'server_onupdate=FetchedValue(): refreshed by the database (SQLAlchemy writes no DDL for it)',
      },
    ],
  ])('%s (every dialect)', (name, expected) => {
    for (const r of [R.pg, R.my, R.lite]) expect(col(r, 'items', name).onUpdate).toEqual(expected);
  });

  it('onupdate=func.now(): the SQL it compiles to, as an ORM rule', () => {
    for (const r of [R.pg, R.my])
      expect(col(r, 'items', 'touched_sql').onUpdate).toEqual({ kind: 'orm', description: 'onupdate=now()' });
    expect(col(R.lite, 'items', 'touched_sql').onUpdate).toEqual({
      kind: 'orm',
      description: 'onupdate=CURRENT_TIMESTAMP',
    });
  });

  it('server_onupdate with SQL: the SQL, except on MySQL where it stays a described rule', () => {
    expect(col(R.pg, 'items', 'refreshed_sql').onUpdate).toEqual({ kind: 'sql', expression: 'now()' });
    expect(col(R.lite, 'items', 'refreshed_sql').onUpdate).toEqual({ kind: 'sql', expression: 'now()' });
    expect(col(R.my, 'items', 'refreshed_sql').onUpdate).toEqual({
      kind: 'orm',
      description: 'server_onupdate=now(): refreshed by the database (SQLAlchemy writes no DDL for it)',
    });
    expect(col(R.pg, 'items', 'body').onUpdate).toBeUndefined();
  });
});

describe('test/fixtures/mutation/objects.py (gens): generators by name, a quoted column name', () => {
  const [pg, my, lite] = [lazyIr('objects.postgresql'), lazyIr('objects.mysql'), lazyIr('objects.sqlite')];
  const objects = {
    get pg() {
      return pg();
    },
    get my() {
      return my();
    },
    get lite() {
      return lite();
    },
  };

  it.each<[string, string, string]>([
    ['u', 'ulid', 'default=objects.new_ulid'],
    ['n', 'nanoid', 'default=objects.make_nanoid'],
    ['k', 'function', 'default=objects.know'], // ends in "now", but not a function named now
    ['w', 'function', 'default=objects.nowhere'], // starts with "now"
    ['ts', 'now', 'default=CURRENT_TIMESTAMP'], // func.current_timestamp()
    ['sq', 'sequence', 'default=Sequence("app.gen_seq")'], // a Sequence in a schema
  ])('%s: %s (%s), every dialect', (name, generator, description) => {
    for (const r of [objects.pg, objects.my, objects.lite])
      expect(col(r, 'gens', name).default).toEqual({ kind: 'orm', generator, description });
  });

  it('"Row Id" (quoted, with a space): SERIAL, AUTO_INCREMENT, the rowid, as for any name', () => {
    expect(col(objects.pg, 'gens', 'Row Id').default).toEqual({ kind: 'sequence', style: 'serial' });
    expect(col(objects.pg, 'gens', 'Row Id').type.sql).toBe('integer');
    expect(col(objects.my, 'gens', 'Row Id').default).toEqual({ kind: 'sequence', style: 'auto-increment' });
    expect(col(objects.lite, 'gens', 'Row Id').default).toEqual({ kind: 'sequence', style: 'rowid' });
  });
});

describe('test/fixtures/mutation/objects.py (auto_rows): AUTOINCREMENT and literal shapes', () => {
  const [pg, my, lite] = [lazyIr('objects.postgresql'), lazyIr('objects.mysql'), lazyIr('objects.sqlite')];

  it("SQLite's AUTOINCREMENT (sqlite_autoincrement=True) is auto-increment, not the rowid", () => {
    expect(col(lite(), 'auto_rows', 'id').default).toEqual({ kind: 'sequence', style: 'auto-increment' });
    expect(col(my(), 'auto_rows', 'id').default).toEqual({ kind: 'sequence', style: 'auto-increment' });
    expect(col(pg(), 'auto_rows', 'id').default).toEqual({ kind: 'sequence', style: 'serial' });
  });

  it('a number of several digits; JSON text in a string column stays text; JSON null stays text', () => {
    for (const r of [pg(), my(), lite()]) {
      expect(col(r, 'auto_rows', 'big').default).toEqual({ kind: 'literal', value: 42, sql: '42' });
      expect(col(r, 'auto_rows', 'js').default).toEqual({
        kind: 'literal',
        value: '{"a": 1}',
        sql: '\'{"a": 1}\'',
      });
      expect(col(r, 'auto_rows', 'jn').default).toEqual({ kind: 'literal', value: 'null', sql: "'null'" });
    }
  });

  it('SQL that calls now() but does not start with it is an sql generator', () => {
    expect(col(pg(), 'auto_rows', 'later').default).toEqual({
      kind: 'orm',
      generator: 'sql',
      description: 'default=coalesce(null, now())',
    });
  });

  it("an exporter's `other` default: its repr, a python generator", () => {
    const doc = exportDoc('objects.postgresql') as {
      tables: Array<{ name: string; columns: Array<Record<string, unknown>> }>;
    };
    doc.tables = doc.tables.map((t) =>
      t.name === 'auto_rows'
        ? {
            ...t,
            columns: t.columns.map((c) =>
              c.name === 'later' ? { ...c, default: { kind: 'other', repr: 'Odd()' } } : c,
            ),
          }
        : t,
    );
    expect(col(fromSqlmodelExport(doc), 'auto_rows', 'later').default).toEqual({
      kind: 'orm',
      generator: 'python',
      description: 'default=Odd()',
    });
  });

  it('a column without a default or onupdate has neither key', () => {
    const c = col(pg(), 'auto_rows', 'big');
    expect(c).not.toHaveProperty('onUpdate');
    expect(col(pg(), 'loose_rows', 'v')).not.toHaveProperty('default');
  });
});
