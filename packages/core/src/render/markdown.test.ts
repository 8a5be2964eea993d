import { describe, expect, it } from 'vitest';
import { link, localLink, row } from './markdown.js';

/** The cells GFM would split `line` into: `|` separates cells unless backslash-escaped. */
function cellCount(line: string): number {
  return line.replace(/\\\|/g, '').split('|').length - 2;
}

describe('link text never breaks the table it sits in', () => {
  it.each([
    ['|', 'domains/x.md'],
    ['a|b', 'domains/x.md'],
    ['[x]', 'x.md'],
    ['`|`', 'x.md'],
  ])('%s', (text, target) => {
    for (const cell of [link(text, target), localLink(text, 'x')]) {
      expect(cellCount(row([cell, 'b', 'c']))).toBe(3);
      expect(cell).not.toMatch(/(?<!\\)\|/);
    }
  });
});
