import { describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import { wrapRegion } from '../render/markers.js';
import { mergeDocument } from './merge.js';

/**
 * More boundary cases of `mergeDocument`: the blank lines a dropped region leaves at the end of the
 * file, where a new region goes when the kept regions are in another order than the render's, which
 * region ids are facts, and which lines are ormdoc's TODO lines.
 */
const todo = (key: string) =>
  `> **TODO(ormdoc):** Say something — set \`project.${key}\` in ormdoc.config.ts or write it here.`;
const A = wrapRegion('a', 'A');
const B = wrapRegion('b', 'B');
const C = wrapRegion('c', 'C');

describe('a region dropped at the end of the file', () => {
  it('right after a kept region (no blank line between): the kept region ends the file', () => {
    expect(mergeDocument(`${B}\n${A}\n`, `${B}\n`, 'x.md')).toBe(`${B}\n`);
  });

  it('when it was the whole file: the file is empty', () => {
    expect(mergeDocument(`${A}\n`, 'no regions\n', 'x.md')).toBe('');
  });

  it('after text with no blank line before it: the text keeps its one newline', () => {
    expect(mergeDocument(`notes\n${A}\n`, 'no regions\n', 'x.md')).toBe('notes\n');
  });

  it('after text that follows a kept region: the text stays whole', () => {
    expect(mergeDocument(`${B}\nnotes\n${A}\n`, `${B}\n`, 'x.md')).toBe(`${B}\nnotes\n`);
  });

  it('after a lone blank line that starts the file: the blank line stays (it is the person’s)', () => {
    expect(mergeDocument(`\n${A}\n`, 'no regions\n', 'x.md')).toBe('\n');
  });
});

describe('a new region placed before the next kept region', () => {
  it('is placed before that region, wherever the file has it, not before the first region of the file', () => {
    expect(mergeDocument(`${A}\n\n${B}\n`, `${C}\n\n${B}\n\n${A}\n`, 'x.md')).toBe(`${A}\n\n${C}\n\n${B}\n`);
  });
});

describe('which regions are facts', () => {
  const fresh = `${todo('hosting')}\n`;
  it.each([
    ['fact:hosting', true],
    ['fact:hosting-2', true],
    ['fact:hosting-12', true],
    ['fact:hosting.old', false],
    ['fact:hosting-2b', false],
    ['x-fact:hosting', false],
    ['fact:', false],
  ])('a removed region %s becomes the fresh TODO line: %s', (id, isFact) => {
    const merged = mergeDocument(`a\n\n${wrapRegion(id, 'Neon')}\n\nb\n`, fresh, 'x.md');
    expect(merged).toBe(isFact ? `a\n\n${todo('hosting')}\n\nb\n` : 'a\n\nb\n');
  });
});

describe('TODO lines a new fact region replaces', () => {
  it('the first line of the file; the region keeps the newline the TODO line had', () => {
    expect(mergeDocument(`${todo('hosting')}\n\nmine\n`, wrapRegion('fact:hosting', 'Neon'), 'x.md')).toBe(
      `${wrapRegion('fact:hosting', 'Neon')}\n\nmine\n`,
    );
  });

  it('a TODO line that ends the file without a newline, and a region rendered without one: the file still ends without one', () => {
    expect(mergeDocument(`## Notes\n\n${todo('hosting')}`, wrapRegion('fact:hosting', 'Neon'), 'x.md')).toBe(
      `## Notes\n\n${wrapRegion('fact:hosting', 'Neon')}`,
    );
  });

  it('only a line that starts with the TODO: quoted inside a sentence it is the person’s text', () => {
    const existing = `note: ${todo('hosting')}\n`;
    expect(mergeDocument(existing, `${wrapRegion('fact:hosting', 'Neon')}\n`, 'x.md')).toBe(
      `${existing}\n${wrapRegion('fact:hosting', 'Neon')}\n`,
    );
  });
});

describe('a broken render', () => {
  it('is reported as the render of the file, not the file on disk', () => {
    let message = '';
    try {
      mergeDocument('mine\n', '<!-- ormdoc:begin a -->\n', 'docs/x.md');
    } catch (error) {
      if (!isOrmdocError(error)) throw error;
      message = error.message;
    }
    expect(message).toMatch(/^docs\/x\.md \(rendered\):1: /);
  });
});
