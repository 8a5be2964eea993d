import { describe, expect, it } from 'vitest';
import { dbmlSchemaOf, findTable, parseDbml } from '../../test/interop/dbmlParse.js';
import { commentWithTags } from '../ddl/_shared.js';
import { computeDomains } from '../domains/index.js';
import type { Ir } from '../ir/types.js';
import { isUniqueColumnSet } from '../relationships/derive.js';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  exampleIr,
  kitchenSinkIr,
} from '../testing/index.js';
import { toDbml } from './dbml.js';

const INCREMENTS = ['serial', 'identity-always', 'identity-by-default', 'auto-increment', 'rowid'];

/** Everything the parsed DBML must say about an IR: the property the export promises. */
function expectRoundTrip(ir: Ir): void {
  const schemas = parseDbml(toDbml(ir));
  for (const table of ir.tables) {
    const t = findTable(schemas, table);
    expect(t, `${table.schema}.${table.name}`).toBeDefined();
    expect(t?.note ?? undefined).toBe(commentWithTags(table.description, table.tags));
    const pk = table.primaryKey?.columns ?? [];
    expect(
      t?.fields.map((f) => [
        f.name,
        f.type.type_name,
        !!f.pk,
        !!f.not_null,
        !!f.unique,
        !!f.increment,
        f.note ?? undefined,
      ]),
    ).toEqual(
      table.columns.map((c) => {
        const e = c.type.enum && !c.type.isArray ? c.type.enum : undefined;
        return [
          c.name,
          e ? e.name : c.type.sql,
          pk.length === 1 && pk[0] === c.name,
          !c.nullable,
          table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === c.name),
          c.default?.kind === 'sequence' && INCREMENTS.includes(c.default.style),
          commentWithTags(c.description, c.tags),
        ];
      }),
    );
    const indexCols = (name: string) => t?.indexes.find((i) => i.name === name)?.columns.map((c) => c.value);
    if (pk.length > 1) expect(t?.indexes.find((i) => i.pk)?.columns.map((c) => c.value)).toEqual(pk);
    for (const u of table.uniques.filter((x) => x.columns.length > 1))
      expect(indexCols(u.name)).toEqual(u.columns);
    for (const ix of table.indexes) {
      const parsed = t?.indexes.find((i) => i.name === ix.name);
      expect(parsed?.unique ?? false).toBe(ix.unique);
      expect(parsed?.columns.map((c) => c.value)).toEqual(ix.parts.map((p) => p.column ?? p.expression));
      if (ix.method) expect(parsed?.type).toBe(ix.method.toLowerCase());
    }
    expect(t?.checks?.map((c) => [c.name, c.expression])).toEqual(
      table.checks.map((c) => [c.name, c.expression]),
    );
  }
  const refs = schemas.flatMap((s) => s.refs);
  const fks = ir.tables.flatMap((t) => t.foreignKeys.map((fk) => ({ t, fk })));
  expect(refs.map((r) => r.name).sort()).toEqual(fks.map(({ fk }) => fk.name).sort());
  for (const { t, fk } of fks) {
    const r = refs.find((x) => x.name === fk.name);
    expect([r?.onDelete, r?.onUpdate]).toEqual([fk.onDelete.toLowerCase(), fk.onUpdate.toLowerCase()]);
    const [from, to] = r?.endpoints ?? [];
    expect([from?.tableName, from?.fieldNames, to?.tableName, to?.fieldNames]).toEqual([
      t.name,
      fk.columns,
      fk.references.name,
      fk.references.columns,
    ]);
    expect([from?.relation, to?.relation]).toEqual([isUniqueColumnSet(t, fk.columns) ? '1' : '*', '1']);
  }
  for (const e of ir.enums) {
    const parsed = schemas.find((s) => s.name === dbmlSchemaOf(e))?.enums.find((x) => x.name === e.name);
    expect(parsed?.values.map((v) => v.name)).toEqual(e.values.map((v) => v.name));
  }
}

describe('toDbml', () => {
  it('exampleIr round-trips through @dbml/core', () => expectRoundTrip(exampleIr()));
  it('kitchenSinkIr (a second schema, views, composite keys, hostile names) round-trips', () =>
    expectRoundTrip(kitchenSinkIr()));

  for (const dialect of ['mysql', 'sqlite'] as const)
    it(`exampleIr as ${dialect} round-trips`, () => expectRoundTrip({ ...exampleIr(), dialect }));

  it('table groups are the domains, when there are several', () => {
    const ir = kitchenSinkIr();
    const domains = computeDomains(ir);
    expect(domains.length).toBeGreaterThan(1);
    const groups = parseDbml(toDbml(ir)).flatMap((s) => s.tableGroups);
    expect(groups.map((g) => [g.name, g.tables.map((t) => t.name)])).toEqual(
      domains.map((d) => [d.name, d.tables.map((t) => t.name)]),
    );
  });

  it('a composite primary key and composite unique become named indexes; refs carry every action', () => {
    const ir = anIr({
      tables: [
        aTable('a', {
          columns: [aColumn('x', 'integer'), aColumn('y', 'integer')],
          primaryKey: aPrimaryKey('a', ['x', 'y']),
        }),
        aTable('b', {
          columns: [
            aColumn('id', 'integer'),
            aColumn('x', 'integer', { nullable: true }),
            aColumn('y', 'integer', { nullable: true }),
          ],
          primaryKey: aPrimaryKey('b', ['id']),
          uniques: [{ name: 'b_x_y_key', nameExplicit: true, columns: ['x', 'y'] }],
          foreignKeys: [
            aForeignKey('b', ['x', 'y'], 'a', ['x', 'y'], { onDelete: 'SET NULL', onUpdate: 'SET DEFAULT' }),
          ],
        }),
      ],
    });
    const text = toDbml(ir);
    expect(text).toContain('("x", "y") [pk, name: \'a_pkey\']');
    expect(text).toContain(
      'Ref "b_x_y_fkey": "b".("x", "y") - "a".("x", "y") [delete: set null, update: set default]',
    );
    expectRoundTrip(ir);
  });

  it('defaults: numbers, booleans and strings as DBML literals, SQL in backticks, ORM-side none', () => {
    const ir = anIr({
      tables: [
        aTable('t', {
          columns: [
            aColumn('n', 'integer', { default: { kind: 'literal', value: -1.5, sql: '-1.5' } }),
            aColumn('b', 'boolean', { default: { kind: 'literal', value: true, sql: 'true' } }),
            aColumn('s', 'text', { default: { kind: 'literal', value: "it's", sql: "'it''s'" } }),
            aColumn('e', 'timestamptz', { default: { kind: 'sql', expression: 'now()' } }),
            aColumn('o', 'text', { default: { kind: 'orm', generator: 'cuid', description: 'cuid()' } }),
          ],
        }),
      ],
    });
    const [t] = parseDbml(toDbml(ir))[0]?.tables ?? [];
    expect(t?.fields.map((f) => f.dbdefault ?? null)).toEqual([
      { type: 'number', value: -1.5 },
      { type: 'boolean', value: 'true' },
      { type: 'string', value: "it's" },
      { type: 'expression', value: 'now()' },
      null,
    ]);
  });

  it('an index method that is not a bare word is left out rather than breaking the DBML', () => {
    const ir = anIr({
      tables: [
        aTable('t', {
          indexes: [
            { name: 'a', nameExplicit: true, unique: false, parts: [{ column: 'id' }], method: 'gin' },
            { name: 'b', nameExplicit: true, unique: false, parts: [{ column: 'id' }], method: 'x] y' },
          ],
        }),
      ],
    });
    const [t] = parseDbml(toDbml(ir))[0]?.tables ?? [];
    expect(t?.indexes.map((i) => [i.name, i.type ?? null])).toEqual([
      ['a', 'gin'],
      ['b', null],
    ]);
  });

  it('is deterministic', () => expect(toDbml(kitchenSinkIr())).toBe(toDbml(kitchenSinkIr())));
});
