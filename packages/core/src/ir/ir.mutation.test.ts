// Mapping tables and orderings of the IR helpers stated row by row (cases found by mutation
// testing, see CONTRIBUTING.md).
import { describe, expect, it } from 'vitest';
import {
  aColumn,
  aForeignKey,
  anEnum,
  anIndex,
  anIr,
  aPolicy,
  aRole,
  aRoutine,
  aSequence,
  aTable,
  aTrigger,
} from '../testing/builders.js';
import { canonicalizeIr } from './canonical.js';
import { normalizeSqlType } from './sqltype.js';
import type { CheckConstraint, Dialect, NavigationRelation } from './types.js';

const aCheck = (name: string): CheckConstraint => ({ name, nameExplicit: true, expression: 'true' });

describe('normalizeSqlType: one row per PostgreSQL alias', () => {
  it.each([
    ['character varying(40)', 'varchar(40)'],
    ['character varying', 'varchar'],
    ['character(2)', 'char(2)'],
    ['character', 'char'],
    ['int4', 'integer'],
    ['int', 'integer'],
    ['int8', 'bigint'],
    ['int2', 'smallint'],
    ['serial4', 'serial'],
    ['serial8', 'bigserial'],
    ['float8', 'double precision'],
    ['float4', 'real'],
    ['bool', 'boolean'],
    ['decimal(10,2)', 'numeric(10,2)'],
    ['decimal', 'numeric'],
    ['timestamp with time zone', 'timestamptz'],
    ['timestamp(6) with time zone', 'timestamptz(6)'],
    ['timestamp without time zone', 'timestamp'],
    ['timestamp(3) without time zone', 'timestamp(3)'],
    ['time with time zone', 'timetz'],
    ['time(2) with time zone', 'timetz(2)'],
    ['time without time zone', 'time'],
    ['time(2) without time zone', 'time(2)'],
  ])('%s -> %s (PostgreSQL and CockroachDB), as written elsewhere', (input, out) => {
    expect(normalizeSqlType('postgresql', input)).toBe(out);
    expect(normalizeSqlType('cockroachdb', input)).toBe(out);
    for (const d of ['mysql', 'sqlite', 'sqlserver'] as Dialect[])
      expect(normalizeSqlType(d, input)).toBe(input);
  });

  it.each([
    // Aliases match whole words only: these are other types.
    ['int4range', 'int4range'],
    ['int8multirange', 'int8multirange'],
    ['boolean', 'boolean'],
    ['float8[]', 'double precision[]'],
    ['  INT8[] ', 'bigint[]'],
    ['varchar( 20 , 2 )', 'varchar(20,2)'],
    ['"MyType"', '"MyType"'],
    ['`MyType`', '`MyType`'],
    ['public."Mood"', 'public."Mood"'],
    ['geometry(Point, 4326)', 'geometry(point,4326)'],
  ])('%s -> %s', (input, out) => {
    expect(normalizeSqlType('postgresql', input)).toBe(out);
  });

  // Each alias is a whole type name: a longer name that begins or ends with one is another type.
  it.each([
    'national character varying(10)',
    'xcharacter(2)',
    'myint4',
    'int4x',
    'smallint',
    'bigint',
    'xint8',
    'int8x',
    'xint2',
    'int2vector',
    'xserial4',
    'serial4x',
    'xserial8',
    'serial8x',
    'xfloat8',
    'float8x',
    'xfloat4',
    'float4x',
    'xbool',
    'mydecimal(10,2)',
    'xtimestamp with time zone',
    'timestamp with time zone x',
    'xtimestamp without time zone',
    'timestamp without time zone x',
    'xtime with time zone',
    'time with time zone x',
    'xtime without time zone',
    'time without time zone x',
  ])('%s is no alias: unchanged', (input) => {
    expect(normalizeSqlType('postgresql', input)).toBe(input);
  });

  it.each([
    ['timestamp(10) with time zone', 'timestamptz(10)'],
    ['timestamp(10) without time zone', 'timestamp(10)'],
    ['time(10) with time zone', 'timetz(10)'],
    ['time(10) without time zone', 'time(10)'],
    ['numeric(10 ,2)', 'numeric(10,2)'],
    ['PUBLIC."Mood"', 'public."Mood"'],
    // A bracket inside a quoted value is no array suffix.
    ["enum('a[1]','b')", "enum('a[1]','b')"],
  ])('%s -> %s', (input, out) => {
    expect(normalizeSqlType('postgresql', input)).toBe(out);
  });

  it('keeps the case of quoted parts and lower-cases the rest', () => {
    expect(normalizeSqlType('mysql', 'ENUM("A","b")')).toBe('enum("A","b")');
  });

  // An enum's or set's values are data: 'ADMIN' and 'admin' are different values to MySQL.
  it.each([
    ["ENUM('ADMIN','User')", "enum('ADMIN','User')"],
    ["enum( 'ADMIN' , 'USER' )", "enum('ADMIN','USER')"],
    ["SET('Read', 'Write')", "set('Read','Write')"],
    ["enum('Two  Spaces','a, B','It''s')", "enum('Two  Spaces','a, B','It''s')"],
  ])('MySQL %s -> %s: single-quoted values kept byte for byte', (input, out) => {
    expect(normalizeSqlType('mysql', input)).toBe(out);
  });
});

describe('canonicalizeIr: every list in its documented order', () => {
  const table = (name: string, schema: string | null = null) =>
    aTable(name, {
      schema,
      columns: [aColumn('z'), aColumn('a')],
      uniques: [
        { name: 'u2', nameExplicit: true, columns: ['a'] },
        { name: 'u1', nameExplicit: true, columns: ['z'] },
      ],
      indexes: [anIndex(name, ['z'], { name: 'i2' }), anIndex(name, ['a'], { name: 'i1' })],
      foreignKeys: [
        { ...aForeignKey(name, ['z'], 'x'), name: 'f2' },
        { ...aForeignKey(name, ['a'], 'x'), name: 'f1' },
      ],
      checks: [aCheck('c2'), aCheck('c1')],
    });
  const relation = (from: string, field: string): NavigationRelation => ({
    from: { schema: null, name: from, field },
    to: { schema: null, name: 'x' },
    cardinality: 'one',
  });
  const input = () =>
    anIr({
      namespaces: ['b', 'a'],
      tables: [table('t2', 'c'), table('t2'), table('t1'), table('t0', 'a')],
      enums: [anEnum('e', ['x'], { schema: 'd' }), anEnum('f', ['x']), anEnum('e', ['x'])],
      relations: [relation('t2', 'b'), relation('t1', 'z'), relation('t2', 'a'), relation('t1', 'y')],
      extensions: [{ name: 'pgcrypto' }, { name: 'citext' }] as ReturnType<typeof anIr>['extensions'],
      policies: [aPolicy('t2', 'p1'), aPolicy('t1', 'p2'), aPolicy('t1', 'p1')],
      roles: [aRole('writer'), aRole('reader')],
      triggers: [aTrigger('t2', 'g1', 'fn'), aTrigger('t1', 'g2', 'fn'), aTrigger('t1', 'g1', 'fn')],
      routines: [aRoutine('r', { arguments: 'b int' }), aRoutine('q'), aRoutine('r', { arguments: 'a int' })],
      sequences: [aSequence('s2'), aSequence('s1', { schema: 'a' }), aSequence('s0')],
    });

  it('sorts tables, enums, sequences by schema (default first) then name; routines then by arguments', () => {
    const ir = canonicalizeIr(input());
    expect(ir.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['null.t1', 'null.t2', 'a.t0', 'c.t2']);
    expect(ir.enums.map((e) => `${e.schema}.${e.name}`)).toEqual(['null.e', 'null.f', 'd.e']);
    expect(ir.sequences.map((s) => `${s.schema}.${s.name}`)).toEqual(['null.s0', 'null.s2', 'a.s1']);
    expect(ir.routines.map((r) => `${r.name}(${r.arguments})`)).toEqual(['q()', 'r(a int)', 'r(b int)']);
  });

  it('sorts constraints, indexes and checks by name, and keeps column order', () => {
    for (const t of canonicalizeIr(input()).tables) {
      expect(t.columns.map((c) => c.name)).toEqual(['z', 'a']);
      expect(t.uniques.map((u) => u.name)).toEqual(['u1', 'u2']);
      expect(t.indexes.map((i) => i.name)).toEqual(['i1', 'i2']);
      expect(t.foreignKeys.map((f) => f.name)).toEqual(['f1', 'f2']);
      expect(t.checks.map((c) => c.name)).toEqual(['c1', 'c2']);
    }
  });

  it('sorts relations by table then field; policies and triggers by table then name; extensions and roles by name', () => {
    const ir = canonicalizeIr(input());
    expect(ir.relations.map((r) => `${r.from.name}.${r.from.field}`)).toEqual([
      't1.y',
      't1.z',
      't2.a',
      't2.b',
    ]);
    expect(ir.policies.map((p) => `${p.table.name}.${p.name}`)).toEqual(['t1.p1', 't1.p2', 't2.p1']);
    expect(ir.triggers.map((g) => `${g.table.name}.${g.name}`)).toEqual(['t1.g1', 't1.g2', 't2.g1']);
    expect(ir.extensions.map((e) => e.name)).toEqual(['citext', 'pgcrypto']);
    expect(ir.roles.map((r) => r.name)).toEqual(['reader', 'writer']);
  });

  it('namespaces: the declared ones and every schema of a table or enum, once each, sorted', () => {
    expect(canonicalizeIr(input()).namespaces).toEqual(['a', 'b', 'c', 'd']);
  });

  it('is idempotent and leaves its input as it was', () => {
    const before = input();
    const snapshot = structuredClone(before);
    const once = canonicalizeIr(before);
    expect(before).toEqual(snapshot);
    expect(canonicalizeIr(once)).toEqual(once);
  });
});
