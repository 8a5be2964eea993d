import { describe, expect, it } from 'vitest';
import { TblsJsonSchema } from '../../test/interop/tblsSchema.js';
import type { Ir, Table } from '../ir/types.js';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  exampleIr,
  kitchenSinkIr,
} from '../testing/index.js';
import { toTblsSchema } from './tbls.js';

const tblsName = (t: { schema: string | null; name: string }) => `${t.schema ?? 'public'}.${t.name}`;

describe('toTblsSchema', () => {
  for (const [label, ir] of [
    ['exampleIr', exampleIr()],
    ['kitchenSinkIr', kitchenSinkIr()],
  ] as const) {
    it(`${label}: meets tbls's JSON Schema (closed objects, required properties)`, () => {
      const out = JSON.parse(JSON.stringify(toTblsSchema(ir)));
      const parsed = TblsJsonSchema.safeParse(out);
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it(`${label}: every table, column, key and foreign key of the IR is there`, () => {
      const out = toTblsSchema(ir);
      expect(out.tables.map((t) => t.name)).toEqual(ir.tables.map(tblsName));
      for (const table of ir.tables) {
        const t = out.tables.find((x) => x.name === tblsName(table));
        expect(t?.columns.map((c) => [c.name, c.type, c.nullable])).toEqual(
          table.columns.map((c) => [c.name, c.type.sql, c.nullable]),
        );
        const byType = (type: string) => t?.constraints.filter((c) => c.type === type).map((c) => c.name);
        expect(byType('PRIMARY KEY')).toEqual(table.primaryKey ? [table.primaryKey.name] : []);
        expect(byType('UNIQUE')).toEqual(table.uniques.map((u) => u.name));
        expect(byType('CHECK')).toEqual(table.checks.map((c) => c.name));
        expect(byType('FOREIGN KEY')).toEqual(
          table.foreignKeys.filter((f) => f.enforcedBy === 'database').map((f) => f.name),
        );
        for (const ix of table.indexes) expect(t?.indexes.map((i) => i.name)).toContain(ix.name);
      }
      const fks = ir.tables.flatMap((t) => t.foreignKeys.map((fk) => ({ t, fk })));
      expect(
        out.relations.map((r) => [r.table, r.columns, r.parent_table, r.parent_columns, r.virtual === true]),
      ).toEqual(
        fks.map(({ t, fk }) => [
          tblsName(t),
          fk.columns,
          tblsName(fk.references),
          fk.references.columns,
          fk.enforcedBy === 'orm',
        ]),
      );
    });
  }

  it('names enums schema.name with their values, as tbls reads them from pg_enum', () => {
    const ir = kitchenSinkIr();
    expect(toTblsSchema(ir).enums).toEqual(
      ir.enums
        .filter((e) => e.native)
        .map((e) => ({ name: tblsName(e), values: e.values.map((v) => v.name) })),
    );
  });

  // One row per cardinality case: FK columns unique or not (child side), nullable or not (parent side).
  const cases: Array<[string, Partial<Table>, string, string]> = [
    ['required, not unique', {}, 'zero_or_more', 'exactly_one'],
    [
      'nullable, not unique',
      { columns: [aColumn('id', 'integer'), aColumn('p_id', 'integer', { nullable: true })] },
      'zero_or_more',
      'zero_or_one',
    ],
    [
      'required, unique',
      { uniques: [{ name: 'c_p_id_key', nameExplicit: false, columns: ['p_id'] }] },
      'zero_or_one',
      'exactly_one',
    ],
    ['FK is the primary key', { primaryKey: aPrimaryKey('c', ['p_id']) }, 'zero_or_one', 'exactly_one'],
  ];
  for (const [label, overrides, child, parent] of cases)
    it(`cardinality: ${label} -> ${child} / ${parent}`, () => {
      const ir: Ir = anIr({
        tables: [
          aTable('p', { primaryKey: aPrimaryKey('p', ['id']) }),
          aTable('c', {
            columns: [aColumn('id', 'integer'), aColumn('p_id', 'integer')],
            primaryKey: aPrimaryKey('c', ['id']),
            foreignKeys: [aForeignKey('c', ['p_id'], 'p', ['id'], { onDelete: 'CASCADE' })],
            ...overrides,
          }),
        ],
      });
      const [rel] = toTblsSchema(ir).relations;
      expect([rel?.cardinality, rel?.parent_cardinality]).toEqual([child, parent]);
      expect(rel?.def).toBe('FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE ON UPDATE NO ACTION');
    });

  it('an ORM-enforced foreign key is a virtual relation and no FOREIGN KEY constraint', () => {
    const ir = anIr({
      tables: [
        aTable('p', { primaryKey: aPrimaryKey('p', ['id']) }),
        aTable('c', {
          columns: [aColumn('id', 'integer'), aColumn('p_id', 'integer')],
          foreignKeys: [aForeignKey('c', ['p_id'], 'p', ['id'], { enforcedBy: 'orm' })],
        }),
      ],
    });
    const out = toTblsSchema(ir);
    expect(out.relations[0]?.virtual).toBe(true);
    expect(out.tables[1]?.constraints.filter((c) => c.type === 'FOREIGN KEY')).toEqual([]);
  });

  it('defs read as PostgreSQL prints them: indexes with USING, keys as constraint clauses, serial as nextval', () => {
    const out = toTblsSchema(exampleIr());
    for (const t of out.tables) {
      for (const ix of t.indexes) expect(ix.def).toMatch(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING \w+ \(/);
      for (const c of t.constraints)
        expect(c.def.startsWith(c.type === 'CHECK' ? 'CHECK (' : `${c.type} (`)).toBe(true);
    }
    const users = out.tables.find((t) => t.name === 'public.users');
    expect(users?.columns.find((c) => c.name === 'id')?.default).toBe("nextval('users_id_seq'::regclass)");
  });

  // One row per dialect: tbls's driver name, and how it names a table of the default schema.
  for (const [dialect, driver, name] of [
    ['postgresql', 'postgres', 'public.users'],
    ['cockroachdb', 'postgres', 'public.users'],
    ['mysql', 'mysql', 'users'],
    ['sqlite', 'sqlite', 'users'],
    ['sqlserver', 'mssql', 'users'],
  ] as const)
    it(`${dialect}: driver ${driver}, tables named like ${name}, valid against tbls's schema`, () => {
      const out = toTblsSchema({ ...exampleIr(), dialect });
      expect(TblsJsonSchema.safeParse(JSON.parse(JSON.stringify(out))).success).toBe(true);
      expect(out.driver.name).toBe(driver);
      expect(out.tables.map((t) => t.name)).toContain(name);
    });

  it('a CHECK lists the columns its expression names, not those inside other words or strings', () => {
    const ir = anIr({
      tables: [
        aTable('t', {
          columns: [aColumn('id', 'integer'), aColumn('paid', 'integer'), aColumn('My Col', 'text')],
          checks: [{ name: 't_check', nameExplicit: true, expression: `paid > 0 AND "My Col" <> 'id'` }],
        }),
      ],
    });
    expect(toTblsSchema(ir).tables[0]?.constraints.find((c) => c.type === 'CHECK')?.columns).toEqual([
      'paid',
      'My Col',
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(toTblsSchema(kitchenSinkIr()))).toBe(JSON.stringify(toTblsSchema(kitchenSinkIr())));
  });
});
