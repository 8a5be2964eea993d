import { describe, expect, it } from 'vitest';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { sampleRows } from './index.js';

/** One table whose columns document their formats in their descriptions, defaults or annotations. */
function documentedIr() {
  return anIr({
    tables: [
      aTable('statements', {
        primaryKey: aPrimaryKey('statements', ['id']),
        columns: [
          aColumn('id', 'integer'),
          aColumn('period', 'varchar(7)', { description: 'Billing period, YYYY-MM.' }),
          aColumn('day', 'text', { description: 'Business day as YYYY-MM-DD' }),
          aColumn('address', 'text', { description: 'Email address the statement is sent to.' }),
          aColumn('line_items', 'jsonb', { tags: [{ name: 'json-type', value: 'LineItem[]' }] }),
          aColumn('labels', 'jsonb', {
            default: { kind: 'sql', expression: "'[]'::jsonb" },
          }),
          aColumn('totals', 'jsonb', { tags: [{ name: 'json-type', value: 'Totals' }] }),
        ],
      }),
    ],
  });
}

describe('sample rows follow the documented formats', () => {
  const rows = sampleRows(documentedIr(), { rowsPerTable: 3 }).get('statements') ?? [];

  it('has rows to check', () => {
    expect(rows).toHaveLength(3);
  });

  it.each([
    ['period', /^\d{4}-(0[1-9]|1[0-2])$/],
    ['day', /^\d{4}-\d{2}-\d{2}$/],
    ['address', /^[^@\s]+@[^@\s]+\.[a-z]+$/],
  ])('%s matches its documented format', (column, format) => {
    for (const row of rows) expect(String(row[column])).toMatch(format);
  });

  it.each(['line_items', 'labels'])('%s, a documented JSON array, is sampled as an array', (column) => {
    for (const row of rows) expect(Array.isArray(row[column]), JSON.stringify(row[column])).toBe(true);
  });

  it('a typed JSON object of unknown fields gets no invented keys', () => {
    for (const row of rows) expect(row.totals).toEqual({});
  });
});
