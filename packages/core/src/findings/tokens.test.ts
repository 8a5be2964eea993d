import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatchingPattern, nameMatches, nameTokens, tokenize, tokenizeByRegex } from './_util.js';
import { defaultPiiPatterns } from './rules/security.js';

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

  it('finds the first matching pattern as trying every pattern in order would', () => {
    const word = fc.constantFrom(
      'email',
      'ip',
      'address',
      'user',
      'id',
      'birth',
      'date',
      'x',
      'phone',
      'Name',
    );
    const name = fc
      .array(word, { maxLength: 5 })
      .chain((ws) =>
        fc.constantFrom(ws.join('_'), ws.map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w)).join('')),
      );
    const pattern = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ws.join('_')),
      fc.constantFrom('/^ip/', '/mail$/', '/(?:^|_)ssn(?:_|$)/'),
    );
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 8 }), name, fc.option(name), (patterns, a, b) => {
        const names = [a, b ?? undefined];
        const expected = patterns.find((p) => names.some((n) => n !== undefined && nameMatches(n, p)));
        expect(firstMatchingPattern(names, patterns)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
    expect(firstMatchingPattern(['customerEmail'], defaultPiiPatterns)).toBe('email');
  });
});
