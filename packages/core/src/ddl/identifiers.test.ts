import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncatedIdentifier } from './identifiers.js';

/** The definition: the longest prefix of at most 63 UTF-8 bytes that ends on a character boundary. */
function byDefinition(name: string): string {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length <= 63) return name;
  let end = 63;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.slice(0, end));
}

describe('truncatedIdentifier', () => {
  it('keeps the first 63 bytes at a character boundary, for ASCII and multi-byte names of any length', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', '_', 'Z', '9', 'é', 'ß', '中', '€', '😀'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 90 }), (parts) => {
        const name = parts.join('');
        expect(truncatedIdentifier(name)).toBe(byDefinition(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts at 63 bytes exactly, never inside a character', () => {
    expect(truncatedIdentifier('a'.repeat(63))).toBe('a'.repeat(63));
    expect(truncatedIdentifier('a'.repeat(64))).toBe('a'.repeat(63));
    expect(truncatedIdentifier(`${'a'.repeat(62)}é`)).toBe('a'.repeat(62));
    expect(truncatedIdentifier('é'.repeat(21))).toBe('é'.repeat(21));
    expect(truncatedIdentifier('中'.repeat(22))).toBe('中'.repeat(21));
  });
});
