import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkedFile, jsonChunks } from './jsonChunks.js';

const joined = (value: unknown, depth?: number) => [...jsonChunks(value, depth)].join('');

// JSON values plus what JSON.stringify drops or replaces: undefined and functions (omitted from
// objects, null in arrays), Dates (toJSON), objects without a prototype, keys that need escaping.
const odd = fc.constantFrom(undefined, () => 1, new Date(Date.UTC(2026, 0, 2)), Number.NaN, -0);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    odd,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('value'), { maxKeys: 5 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3, noNullPrototype: false }),
  ),
}));

describe('jsonChunks', () => {
  it('joins to exactly JSON.stringify(value, null, 2), at every depth', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(value), fc.dictionary(fc.string(), value)), fc.nat(4), (v, depth) => {
        expect(joined(v, depth)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 1500 },
    );
  });

  it('matches the IR JSON of every example, table by table', () => {
    for (const orm of ['prisma', 'drizzle', 'typeorm', 'sqlmodel']) {
      const text = readFileSync(
        new URL(`../../../../examples/${orm}/docs/database/schema.json`, import.meta.url),
        'utf8',
      );
      const ir = JSON.parse(text) as { tables: unknown[] };
      const chunks = [...jsonChunks(ir)];
      expect(`${chunks.join('')}\n`).toBe(text);
      // Opened two levels down: no piece holds more than one table.
      expect(chunks.length).toBeGreaterThan(ir.tables.length);
      for (const table of ir.tables)
        expect(chunks).toContain(JSON.stringify(table, null, 2).replaceAll('\n', '\n    '));
    }
  });

  it('handles empty containers, escaped keys and values JSON leaves out', () => {
    const v = {
      a: [],
      b: {},
      'c"\n': [undefined, () => 0],
      d: undefined,
      e: { f: undefined },
      g: { toJSON: () => ({ h: 1 }) },
      i: [{ toJSON: () => undefined }, Object.assign(Object.create(null), { j: 2 })],
      k: { toJSON: () => undefined },
      l: new String('ab'),
    };
    expect(joined(v, 3)).toBe(JSON.stringify(v, null, 2));
    expect(joined([], 2)).toBe('[]');
    expect(joined({ only: undefined }, 2)).toBe('{}');
    expect(() => joined(undefined)).toThrow(/no JSON text/);
  });

  it('makes a file whose content is the joined pieces, computed only when asked', () => {
    let runs = 0;
    const file = chunkedFile('x.json', () => {
      runs++;
      return ['{', '}'];
    });
    expect(runs).toBe(0);
    expect(file.content).toBe('{}');
    expect([...(file.chunks?.() ?? [])]).toEqual(['{', '}']);
    expect(runs).toBe(2);
    // Compared and copied like any rendered file: by path and content.
    expect(file).toEqual({ path: 'x.json', content: '{}' });
    expect({ ...file }).toEqual({ path: 'x.json', content: '{}' });
    expect(chunkedFile('x.json', () => ['{}'])).toEqual(file);
  });
});
