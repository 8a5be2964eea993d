import { describe, expect, it } from 'vitest';
import { remembered } from './remember.js';

describe('remembered', () => {
  it('computes each key once, and drops the whole cache when it holds `limit` keys', () => {
    const calls: string[] = [];
    const upper = remembered(2, (k) => {
      calls.push(k);
      return k.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
    // A third key finds the cache full: it is dropped, so a and b are computed again.
    expect([upper('c'), upper('c'), upper('a'), upper('b')]).toEqual(['C', 'C', 'A', 'B']);
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'b']);
  });
});
