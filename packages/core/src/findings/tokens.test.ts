import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens, tokenize, tokenizeByRegex } from './_util.js';

describe('name tokens', () => {
  it('splits snake, camel and Pascal case, digits and separators', () => {
    expect(tokenize('ipAddress')).toEqual(['ip', 'address']);
    expect(tokenize('ip_address')).toEqual(['ip', 'address']);
    expect(tokenize('HTTPServer2FA')).toEqual(['httpserver2', 'fa']);
    expect(tokenize('__user--ID__')).toEqual(['user', 'id']);
    expect(tokenize('')).toEqual([]);
    expect(nameTokens('createdAt')).toEqual(['created', 'at']);
  });

  it('gives exactly what the regular-expression definition gives', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ0_- .AbyzBY9$Q'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(ascii, (name) => {
        expect(tokenize(name)).toEqual(tokenizeByRegex(name));
      }),
      {
        numRuns: 2000,
      },
    );
    // Any text, including non-ASCII (which takes the definition's own path: `İ` lowers to two characters).
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 16 }), (name) => {
        expect(tokenize(name)).toEqual(tokenizeByRegex(name));
      }),
    );
  });
});
