import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze, checkedValueList } from './index.js';

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);

describe('json-without-check', () => {
  const t = (checks: Array<{ name: string; nameExplicit: boolean; expression: string }>) =>
    aTable('orgs', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('settings', 'jsonb'),
        aColumn('meta', 'json', { nullable: true }),
      ],
      primaryKey: aPrimaryKey('orgs', ['id']),
      checks,
    });

  it('reports json columns no check mentions', () => {
    const found = only(anIr({ tables: [t([])] }), 'json-without-check');
    expect(found.map((f) => f.columns?.[0])).toEqual(['settings', 'meta']);
    expect(found[0]!.message).toBe(
      'orgs.settings is jsonb with no CHECK constraint: any JSON value is accepted.',
    );
  });

  it('ignores json columns with a check', () => {
    const checks = [
      { name: 'c1', nameExplicit: true, expression: "jsonb_typeof(settings) = 'object'" },
      { name: 'c2', nameExplicit: true, expression: 'meta IS NULL OR json_typeof("meta") = \'object\'' },
    ];
    expect(only(anIr({ tables: [t(checks)] }), 'json-without-check')).toEqual([]);
  });
});

describe('enum-as-text', () => {
  it('recognises IN lists, = ANY (ARRAY[...]) and ORed equalities', () => {
    expect(checkedValueList("status IN ('a', 'b')", 'status')).toEqual(['a', 'b']);
    expect(
      checkedValueList(
        "((status)::text = ANY ((ARRAY['draft'::character varying, 'it''s'::character varying])::text[]))",
        'status',
      ),
    ).toEqual(['draft', "it's"]);
    expect(checkedValueList("(kind = 'x') OR (kind = 'y')", 'kind')).toEqual(['x', 'y']);
    expect(checkedValueList('price > 0', 'price')).toBeUndefined();
    expect(checkedValueList("other IN ('a')", 'status')).toBeUndefined();
  });

  it('reports text columns restricted to a list by a check', () => {
    const t = aTable('orders', {
      columns: [aColumn('id', 'integer'), aColumn('status', 'varchar(20)')],
      primaryKey: aPrimaryKey('orders', ['id']),
      checks: [
        { name: 'orders_status_check', nameExplicit: false, expression: "status IN ('open', 'closed')" },
      ],
    });
    const found = only(anIr({ tables: [t] }), 'enum-as-text');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      "orders.status is varchar(20) restricted by orders_status_check to 'open', 'closed'.",
    );
  });

  it('ignores numeric columns and range checks', () => {
    const t = aTable('orders', {
      columns: [aColumn('id', 'integer'), aColumn('level', 'integer'), aColumn('code', 'text')],
      primaryKey: aPrimaryKey('orders', ['id']),
      checks: [
        { name: 'c1', nameExplicit: false, expression: 'level IN (1, 2, 3)' },
        { name: 'c2', nameExplicit: false, expression: 'length(code) > 2' },
      ],
    });
    expect(only(anIr({ tables: [t] }), 'enum-as-text')).toEqual([]);
  });
});
