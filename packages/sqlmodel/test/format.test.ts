import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema, parseExport } from '../src/index.js';
import { formatJson } from './helpers/json.js';

function errorOf(fn: () => unknown): OrmdocError {
  try {
    fn();
  } catch (e) {
    if (isOrmdocError(e)) return e;
    throw e;
  }
  throw new Error('expected an OrmdocError');
}

const minimal = {
  formatVersion: 1,
  dialect: 'postgresql',
  tables: [
    {
      schema: null,
      name: 't',
      columns: [{ name: 'id', type: 'INTEGER', nullable: false, primaryKey: true }],
    },
  ],
};

describe('export format v1', () => {
  it('export.schema.json is current with the zod schema (run vitest -u after changing it)', async () => {
    await expect(formatJson(exportJsonSchema())).toMatchFileSnapshot('../export.schema.json');
  });

  it('accepts a minimal document and fills defaults', () => {
    const doc = parseExport(minimal);
    expect(doc.tables[0]).toMatchObject({
      uniqueConstraints: [],
      checkConstraints: [],
      foreignKeys: [],
      indexes: [],
    });
    expect(doc.enums).toEqual([]);
  });

  it('rejects another formatVersion with EXPORT_INVALID and a re-export hint', () => {
    const e = errorOf(() => parseExport({ ...minimal, formatVersion: 2 }, 'schema.json'));
    expect(e.code).toBe('EXPORT_INVALID');
    expect(e.file).toBe('schema.json');
    expect(e.message).toMatch(/formatVersion 2.*reads formatVersion 1/);
    expect(e.hint).toMatch(/ormdoc_export\.py/);
  });

  it('names the JSON path of each problem', () => {
    const bad = structuredClone(minimal) as { tables: Array<{ columns: Array<Record<string, unknown>> }> };
    bad.tables[0]!.columns[0]!.nullable = 'no';
    delete bad.tables[0]!.columns[0]!.type;
    const e = errorOf(() => parseExport(bad));
    expect(e.code).toBe('EXPORT_INVALID');
    expect(e.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tables\[0\]\.columns\[0\]\.type: /),
        expect.stringMatching(/^tables\[0\]\.columns\[0\]\.nullable: /),
      ]),
    );
  });
});
