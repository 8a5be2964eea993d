import { describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { uniqueKeys } from '../relationships/derive.js';
import { aColumn, aForeignKey, anEnum, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { maxLength } from './_values.js';
import { exampleRowJson, sampleRows } from './index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every property the sample rows promise, checked row by row. */
function violations(ir: Ir, rowsPerTable: number): string[] {
  const rows = sampleRows(ir, { rowsPerTable });
  const out: string[] = [];
  for (const table of ir.tables.filter((t) => t.kind === 'table')) {
    const key = qualifiedName(table);
    const list = rows.get(key) ?? [];
    if (list.length !== rowsPerTable) out.push(`${key}: ${list.length} rows`);
    list.forEach((row, i) => {
      for (const col of table.columns) {
        if (col.generated) continue;
        const v = row[col.name];
        const at = `${key}[${i}].${col.name}`;
        if (!(col.name in row)) out.push(`${at} missing`);
        if (v === null && !col.nullable) out.push(`${at} is null but NOT NULL`);
        if (v === null) continue;
        const scalars = col.type.isArray ? (v as unknown[]) : [v];
        for (const s of scalars) {
          if (col.type.category === 'enum') {
            const e = ir.enums.find((x) => x.name === col.type.enum?.name);
            if (!e?.values.some((x) => x.name === s))
              out.push(`${at} = ${String(s)} is not a value of its enum`);
          }
          const max = maxLength(col.type.sql);
          if (max !== undefined && String(s).length > max) out.push(`${at} longer than ${max}`);
          if (col.type.category === 'uuid' && !UUID.test(String(s))) out.push(`${at} not a uuid`);
          if (['integer', 'bigint'].includes(col.type.category) && !Number.isInteger(s))
            out.push(`${at} not an integer`);
          if (col.type.category === 'datetime' && Number.isNaN(Date.parse(String(s))))
            out.push(`${at} not a timestamp`);
        }
      }
      for (const fk of table.foreignKeys) {
        const values = fk.columns.map((c) => row[c]);
        if (values.some((v) => v === null)) continue;
        const parents = rows.get(qualifiedName(fk.references)) ?? [];
        const hit = parents.some((p) => fk.references.columns.every((c, k) => p[c] === values[k]));
        if (!hit) out.push(`${key}[${i}] ${fk.name} points at no ${qualifiedName(fk.references)} sample row`);
      }
    });
    for (const cols of uniqueKeys(table)) {
      const seen = new Set(list.map((r) => JSON.stringify(cols.map((c) => r[c]))));
      if (seen.size !== list.length) out.push(`${key}: duplicate values for unique (${cols.join(', ')})`);
    }
  }
  return out;
}

describe('sampleRows', () => {
  it('satisfies NOT NULL, enums, lengths, uniques and foreign keys on the example (2 and 5 rows)', () => {
    expect(violations(exampleIr(), 2)).toEqual([]);
    expect(violations(exampleIr(), 5)).toEqual([]);
  });

  it('satisfies them on the kitchen sink too (schemas, composite and cyclic FKs, arrays)', () => {
    expect(violations(kitchenSinkIr(), 3)).toEqual([]);
  });

  it('is deterministic and derives realistic values from column names', () => {
    const ir = exampleIr();
    expect(sampleRows(ir)).toEqual(sampleRows(ir));
    const users = sampleRows(ir).get('users') ?? [];
    expect(users.map((u) => u.email)).toEqual(['ada@example.com', 'grace@example.com']);
    expect(users[0]?.display_name).toBe('Ada Lovelace');
    expect(users[0]?.deleted_at).toBeNull();
    expect(sampleRows(ir).get('posts')?.[0]?.slug).toBe('getting-started');
    expect(sampleRows(ir).get('organizations')?.[0]?.settings).toEqual({ theme: 'light' });
  });

  it('leaves a nullable FK null in the second row and roots a self-reference', () => {
    const rows = sampleRows(exampleIr());
    expect(rows.get('posts')?.map((p) => p.author_id)).toEqual([1, null]);
    expect(rows.get('comments')?.map((c) => c.parent_id)).toEqual([null, 1]);
  });

  it('respects simple checks, enums and varchar lengths from builders', () => {
    const t: Table = aTable('items', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('price', 'numeric(10,2)'),
        aColumn('quantity', 'integer'),
        aColumn('code', 'varchar(3)'),
        aColumn('kind', 'varchar(10)'),
        aColumn('level', 'item_level', {
          type: {
            sql: 'item_level',
            category: 'enum',
            isArray: false,
            enum: { schema: null, name: 'item_level' },
          },
        }),
      ],
      primaryKey: aPrimaryKey('items', ['id']),
      checks: [
        { name: 'c1', nameExplicit: true, expression: 'price > 100' },
        { name: 'c2', nameExplicit: true, expression: '(quantity BETWEEN 500 AND 600)' },
        { name: 'c3', nameExplicit: true, expression: "kind IN ('small', 'large')" },
      ],
    });
    const ir = anIr({ tables: [t], enums: [anEnum('item_level', ['low', 'high'])] });
    const rows = sampleRows(ir, { rowsPerTable: 3 }).get('items') ?? [];
    for (const r of rows) {
      expect(r.price as number).toBeGreaterThan(100);
      expect(r.quantity as number).toBeGreaterThanOrEqual(500);
      expect(r.quantity as number).toBeLessThanOrEqual(600);
      expect(['small', 'large']).toContain(r.kind);
      expect(['low', 'high']).toContain(r.level);
      expect(String(r.code).length).toBeLessThanOrEqual(3);
    }
  });

  it('follows composite foreign keys to one parent row', () => {
    const parent = aTable('lines', {
      columns: [aColumn('order_id', 'integer'), aColumn('line_no', 'integer')],
      primaryKey: aPrimaryKey('lines', ['order_id', 'line_no']),
    });
    const child = aTable('notes', {
      columns: [aColumn('id', 'integer'), aColumn('order_id', 'integer'), aColumn('line_no', 'integer')],
      primaryKey: aPrimaryKey('notes', ['id']),
      foreignKeys: [aForeignKey('notes', ['order_id', 'line_no'], 'lines', ['order_id', 'line_no'])],
    });
    const rows = sampleRows(anIr({ tables: [child, parent] }));
    const lines = rows.get('lines') ?? [];
    for (const n of rows.get('notes') ?? [])
      expect(lines.some((l) => l.order_id === n.order_id && l.line_no === n.line_no)).toBe(true);
    expect([...rows.keys()]).toEqual(['lines', 'notes']);
  });
});

describe('exampleRowJson', () => {
  it('pretty-prints the first sample row with database names', () => {
    const json = exampleRowJson(exampleIr(), { schema: null, name: 'invitations' });
    const row = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(
      exampleIr()
        .tables.find((t) => t.name === 'invitations')
        ?.columns.map((c) => c.name),
    );
    expect(row.id).toMatch(UUID);
    expect(row.role).toBe('member');
    expect(row.created_at).toBe('2025-02-02T10:30:00Z');
    expect(row.accepted_at).toBeNull();
    expect(json).toContain('\n  "email": "katherine@example.com",');
  });

  it('gives {} for an unknown table', () => {
    expect(exampleRowJson(exampleIr(), { schema: null, name: 'nope' })).toBe('{}');
  });
});
