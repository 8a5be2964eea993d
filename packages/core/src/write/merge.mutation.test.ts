import { describe, expect, it } from 'vitest';
import { wrapRegion } from '../render/markers.js';
import { mergeDocument } from './merge.js';

/**
 * The spacing and placement rules of `mergeDocument`, one boundary case each: a region the merge
 * adds or removes leaves exactly one blank line between blocks, and everything outside regions
 * stays byte for byte.
 */
const todo = (key: string) =>
  `> **TODO(ormdoc):** Say something — set \`project.${key}\` in ormdoc.config.ts or write it here.`;
const A = wrapRegion('a', 'A');
const B = wrapRegion('b', 'B');

describe('a region appended where the file has no region of the render', () => {
  it.each([
    ['text without a final newline', 'my notes', `my notes\n\n${A}\n`],
    ['text with a final newline', 'my notes\n', `my notes\n\n${A}\n`],
    ['text ending in a blank line', 'my notes\n\n', `my notes\n\n${A}\n`],
    ['an empty file', '', `${A}\n`],
  ])('after %s: one blank line between the text and the region', (_, existing, merged) => {
    expect(mergeDocument(existing, `${A}\n`, 'x.md')).toBe(merged);
  });

  it('after an old region that is gone: the TODO-free text, one blank line, the new region', () => {
    expect(mergeDocument(`notes\n\n${wrapRegion('old', 'x')}\n`, `${A}\n`, 'x.md')).toBe(`notes\n\n${A}\n`);
  });
});

describe('a region inserted beside one that is kept', () => {
  it('after the previous region, which ends the file without a newline: one blank line between', () => {
    expect(mergeDocument(`intro\n\n${A}`, `${A}\n\n${B}\n`, 'x.md')).toBe(`intro\n\n${A}\n\n${B}\n`);
  });

  it('after the previous region, before text: the text keeps its own spacing', () => {
    expect(mergeDocument(`${A}\n\nnotes\n`, `${A}\n\n${B}\n`, 'x.md')).toBe(`${A}\n\n${B}\n\nnotes\n`);
  });

  it('before the next region when none precedes it', () => {
    expect(mergeDocument(`intro\n\n${B}\n`, `${A}\n\n${B}\n`, 'x.md')).toBe(`intro\n\n${A}\n\n${B}\n`);
  });

  it('after the nearest preceding region that is kept, not an earlier one', () => {
    const C = wrapRegion('c', 'C');
    expect(mergeDocument(`${A}\n\nmine\n\n${B}\n`, `${A}\n\n${B}\n\n${C}\n`, 'x.md')).toBe(
      `${A}\n\nmine\n\n${B}\n\n${C}\n`,
    );
  });
});

describe('a region removed', () => {
  it('between two blocks: one of its two blank lines goes with it', () => {
    expect(mergeDocument(`${A}\n\n${B}\n\nnotes\n`, `${A}\n`, 'x.md')).toBe(`${A}\n\nnotes\n`);
  });

  it('at the end of the file: the file ends with one newline', () => {
    expect(mergeDocument(`notes\n\n${A}\n`, `${B}\n`, 'x.md')).toBe(`notes\n\n${B}\n`);
    expect(mergeDocument(`${B}\n\n${A}\n`, `${B}\n`, 'x.md')).toBe(`${B}\n`);
  });

  it('a text right after a kept region is untouched', () => {
    expect(mergeDocument(`${A}\n\n${B}\n\nnotes\n`, `${B}\n`, 'x.md')).toBe(`${B}\n\nnotes\n`);
  });
});

describe('the line after an end marker', () => {
  it('a region that ended the file without a newline is replaced, and the file now ends with one', () => {
    expect(mergeDocument(`x\n\n${A}`, `x\n\n${wrapRegion('a', 'A2')}\n`, 'x.md')).toBe(
      `x\n\n${wrapRegion('a', 'A2')}\n`,
    );
  });

  it('a region followed by a newline keeps it when the render has none', () => {
    expect(mergeDocument(`${A}\nx\n`, wrapRegion('a', 'A2'), 'x.md')).toBe(`${wrapRegion('a', 'A2')}\nx\n`);
  });
});

describe('facts and their TODO lines', () => {
  it('a numbered fact region (fact:<key>-2) takes the TODO line of its key', () => {
    const merged = mergeDocument(
      `## Notes\n\n${todo('hosting')}\n\nmine\n`,
      `${wrapRegion('fact:hosting-2', 'Neon')}\n`,
      'x.md',
    );
    expect(merged).toBe(`## Notes\n\n${wrapRegion('fact:hosting-2', 'Neon')}\n\nmine\n`);
  });

  it('a TODO line that ends the file without a newline: the region takes its place', () => {
    expect(
      mergeDocument(`## Notes\n\n${todo('hosting')}`, `${wrapRegion('fact:hosting', 'Neon')}\n`, 'x.md'),
    ).toBe(`## Notes\n\n${wrapRegion('fact:hosting', 'Neon')}\n`);
  });

  it('a TODO line of another fact is left alone', () => {
    const merged = mergeDocument(`${todo('team')}\n`, `${wrapRegion('fact:hosting', 'Neon')}\n`, 'x.md');
    expect(merged).toBe(`${todo('team')}\n\n${wrapRegion('fact:hosting', 'Neon')}\n`);
  });

  it('a removed fact region becomes the fresh TODO line, keeping the line ending it had', () => {
    const fresh = `${todo('hosting')}\n`;
    expect(mergeDocument(`a\n\n${wrapRegion('fact:hosting', 'Neon')}\n\nb\n`, fresh, 'x.md')).toBe(
      `a\n\n${todo('hosting')}\n\nb\n`,
    );
    expect(mergeDocument(`a\n\n${wrapRegion('fact:hosting', 'Neon')}`, fresh, 'x.md')).toBe(
      `a\n\n${todo('hosting')}`,
    );
  });

  it('a removed region that is not a fact, or a fact without a fresh TODO line, is dropped', () => {
    expect(mergeDocument(`a\n\n${wrapRegion('fact:hosting', 'Neon')}\n\nb\n`, 'nothing\n', 'x.md')).toBe(
      'a\n\nb\n',
    );
    expect(mergeDocument(`a\n\n${wrapRegion('facts', 'Neon')}\n\nb\n`, `${todo('facts')}\n`, 'x.md')).toBe(
      'a\n\nb\n',
    );
  });

  it('the first TODO line of a key in the render is the one used', () => {
    const first = todo('hosting');
    const second = first.replace('Say something', 'Say more');
    expect(mergeDocument(`${wrapRegion('fact:hosting', 'Neon')}\n`, `${first}\n\n${second}\n`, 'x.md')).toBe(
      `${first}\n`,
    );
  });
});

describe('more boundary cases of placement and removal', () => {
  it('a region inserted before the next kept region, which is followed by text', () => {
    expect(mergeDocument(`intro\n\n${B}\n\nmine\n`, `${A}\n\n${B}\n`, 'x.md')).toBe(
      `intro\n\n${A}\n\n${B}\n\nmine\n`,
    );
  });

  it('the last region dropped with nothing added: the text before it ends with one newline', () => {
    expect(mergeDocument(`notes\n\n${A}\n`, 'no regions\n', 'x.md')).toBe('notes\n');
  });

  it('a dropped region followed directly by text: the text is kept whole', () => {
    expect(mergeDocument(`${A}\nnotes\n`, 'no regions\n', 'x.md')).toBe('notes\n');
  });

  it('text before the first region and at the end is kept as it is when nothing is dropped', () => {
    expect(mergeDocument(`\nnotes\n\n${A}\n\nend\n\n`, `${wrapRegion('a', 'A2')}\n`, 'x.md')).toBe(
      `\nnotes\n\n${wrapRegion('a', 'A2')}\n\nend\n\n`,
    );
  });

  it('a region that ends the file without a newline, rendered without one, stays without one', () => {
    expect(mergeDocument(`x\n\n${A}`, `x\n\n${wrapRegion('a', 'A2')}`, 'x.md')).toBe(
      `x\n\n${wrapRegion('a', 'A2')}`,
    );
  });
});
