import { type Ir, renderDocuments, resolveConfig } from '@ormdoc/core';
import { aColumn, aForeignKey, anEnum, anIr, aPrimaryKey, aTable } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';

const render = async (ir: Ir) => {
  const { files } = await renderDocuments({ ir, config: resolveConfig({}), cwd: process.cwd() });
  return (path: string) => files.find((f) => f.path === path)?.content ?? '';
};

function schema(): Ir {
  const status = aColumn('status', 'status', {
    type: { sql: 'status', category: 'enum', isArray: false, enum: { schema: null, name: 'status' } },
  });
  return anIr({
    enums: [anEnum('status', ['draft', 'done'])],
    tables: [
      aTable('a', { columns: [aColumn('id', 'integer'), status], primaryKey: aPrimaryKey('a', ['id']) }),
      aTable('b', { columns: [aColumn('id', 'integer')], primaryKey: aPrimaryKey('b', ['id']) }),
    ],
  });
}

/** Per-render values are computed from the IR of that render: nothing survives into the next one. */
describe('a table replaced in place', () => {
  it('is seen by the next render (enum usage, core tables, reading order)', async () => {
    const ir = schema();
    const first = await render(ir);
    expect(first('schema.md')).toContain('**Used by:** `a.status`');
    // Same tables array, same length: only the table object at index 0 changes.
    const [a, b] = ir.tables as [Ir['tables'][number], Ir['tables'][number]];
    ir.tables[0] = {
      ...a,
      columns: [aColumn('id', 'integer'), aColumn('b_id', 'integer')],
      foreignKeys: [aForeignKey('a_b', ['b_id'], 'b')],
    };
    ir.tables[1] = { ...b, columns: [...b.columns, ...(a.columns.slice(1) as typeof a.columns)] };
    const second = await render(ir);
    expect(second('schema.md')).toContain('**Used by:** `b.status`');
    expect(second('schema.md')).not.toContain('`a.status`');
    // `a` now references `b`: reading order puts `b` first.
    expect(second('design.md').indexOf('### 3.1 b')).toBeGreaterThan(-1);
  });
});
