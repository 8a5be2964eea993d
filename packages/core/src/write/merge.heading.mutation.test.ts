import { describe, expect, it } from 'vitest';
import { wrapRegion } from '../render/markers.js';
import { isMeasuredRegion } from './measured.js';
import { mergeDocument } from './merge.js';

/**
 * Where `mergeDocument` puts a new region whose section the file already has as text only: under
 * the heading the render wrote before it (the last one), looked for only between the regions that
 * surround the new one; the text that followed the heading comes after the region, one blank line
 * apart. And what happens to `measured:` regions a run without a database does not render.
 */
const A = wrapRegion('a', 'A');
const B = wrapRegion('b', 'B');
const C = wrapRegion('changes', 'C');

describe('a new region under its heading', () => {
  it('goes right under the heading and its blank line, before the text a person wrote there', () => {
    const existing = '# Doc\n\n## Changelog\n\nmy notes\n\n## Other\n\nmore\n';
    const fresh = `# Doc\n\n## Changelog\n\n${C}\n\n## Other\n\nmore\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(
      `# Doc\n\n## Changelog\n\n${C}\n\nmy notes\n\n## Other\n\nmore\n`,
    );
  });

  it('a heading with no blank line after it gets one before the region', () => {
    expect(mergeDocument('## Changelog\nmy notes\n', `## Changelog\n\n${C}\n`, 'x.md')).toBe(
      `## Changelog\n\n${C}\n\nmy notes\n`,
    );
  });

  it('a heading that ends the file (with or without its newline): the region follows, one blank line apart, and ends the file', () => {
    expect(mergeDocument('intro\n\n## Changelog\n', `## Changelog\n\n${C}\n`, 'x.md')).toBe(
      `intro\n\n## Changelog\n\n${C}\n`,
    );
    expect(mergeDocument('intro\n\n## Changelog', `## Changelog\n\n${C}\n`, 'x.md')).toBe(
      `intro\n\n## Changelog\n\n${C}\n`,
    );
    expect(mergeDocument('## Changelog\n\n', `## Changelog\n\n${C}\n`, 'x.md')).toBe(
      `## Changelog\n\n${C}\n`,
    );
  });

  it('the last heading the render wrote before the region is the one looked for', () => {
    const existing = '## Intro\n\nx\n\n## Changelog\n\ny\n';
    const fresh = `## Intro\n\nx\n\n## Changelog\n\n${C}\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(`## Intro\n\nx\n\n## Changelog\n\n${C}\n\ny\n`);
  });

  it('the heading line must match whole: a longer heading in the file is not it', () => {
    const existing = '## Changelog of 2025\n\nold\n';
    expect(mergeDocument(existing, `## Changelog\n\n${C}\n`, 'x.md')).toBe(`${existing}\n${C}\n`);
  });

  it.each([
    ['seven #', '####### Changelog'],
    ['no space after #', '##Changelog'],
    ['nothing after the space', '## '],
    ['two spaces after #', '##  Changelog'],
    ['a # not at the line start', 'see ## Changelog'],
  ])('a line that is no heading (%s) places nothing: the region is appended', (_, line) => {
    const existing = `${line}\n\nmine\n`;
    expect(mergeDocument(existing, `${line}\n\n${C}\n`, 'x.md')).toBe(`${line}\n\nmine\n\n${C}\n`);
  });

  it.each([1, 6])('a heading of level %i counts', (level) => {
    const h = `${'#'.repeat(level)} Changelog`;
    expect(mergeDocument(`${h}\n\nmine\n`, `${h}\n\n${C}\n`, 'x.md')).toBe(`${h}\n\n${C}\n\nmine\n`);
  });

  it('CRLF lines: the heading and its blank line are matched without the \\r', () => {
    const existing = '## Changelog\r\n\r\nmy notes\r\n';
    expect(mergeDocument(existing, `## Changelog\r\n\r\n${C}\n`, 'x.md')).toBe(
      `## Changelog\r\n\r\n${C}\n\nmy notes\r\n`,
    );
  });

  it('the heading is looked for only after the region kept before the new one', () => {
    const existing = `## Changelog\n\nnotes\n\n${A}\n\nend\n`;
    const fresh = `${A}\n\n## Changelog\n\n${C}\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(`## Changelog\n\nnotes\n\n${A}\n\n${C}\n\nend\n`);
  });

  it('the heading is looked for only before the region kept after the new one', () => {
    const existing = `${B}\n\n## Changelog\n\nx\n`;
    const fresh = `## Changelog\n\n${C}\n\n${B}\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(`${C}\n\n${B}\n\n## Changelog\n\nx\n`);
  });

  it('between the regions around the new one, in the text of a later segment', () => {
    const existing = `${A}\n\n## Changelog\n\nnotes\n\n${B}\n`;
    const fresh = `${A}\n\n## Changelog\n\n${C}\n\n${B}\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(`${A}\n\n## Changelog\n\n${C}\n\nnotes\n\n${B}\n`);
  });

  it('a kept region between the regions around the new one is passed over', () => {
    const M = wrapRegion('measured:sizes', '42 MB');
    const existing = `${A}\n\n${M}\n\n## Changelog\n\nnotes\n\n${B}\n`;
    const fresh = `${A}\n\n## Changelog\n\n${C}\n\n${B}\n`;
    expect(mergeDocument(existing, fresh, 'x.md')).toBe(
      `${A}\n\n${M}\n\n## Changelog\n\n${C}\n\nnotes\n\n${B}\n`,
    );
  });

  it('a region the render wrote right after another region (no text between) goes after that region', () => {
    const existing = `## Changelog\n\nnotes\n\n${A}\n`;
    expect(mergeDocument(existing, `${A}\n${C}\n`, 'x.md')).toBe(`## Changelog\n\nnotes\n\n${A}\n\n${C}\n`);
  });

  it('a region that is the first thing the render wrote has no heading: it goes before the next region', () => {
    expect(mergeDocument(`## Changelog\n\n${B}\n`, `${C}\n\n${B}\n`, 'x.md')).toBe(
      `## Changelog\n\n${C}\n\n${B}\n`,
    );
  });
});

describe('measured regions a run without a database does not render', () => {
  const M = wrapRegion('measured:sizes', '42 MB');

  it('are kept where they are, byte for byte', () => {
    expect(mergeDocument(`${A}\n\n${M}\n\nnotes\n`, `${wrapRegion('a', 'A2')}\n`, 'x.md')).toBe(
      `${wrapRegion('a', 'A2')}\n\n${M}\n\nnotes\n`,
    );
  });

  it('are replaced when the render has them (a run with a database)', () => {
    const M2 = wrapRegion('measured:sizes', '43 MB');
    expect(mergeDocument(`${M}\n`, `${M2}\n`, 'x.md')).toBe(`${M2}\n`);
  });

  it.each([
    ['measured:sizes', true],
    ['measured:', true],
    ['sizes', false],
    ['x-measured:sizes', false],
    ['fact:measured', false],
  ])('isMeasuredRegion(%s) is %s: the id starts with "measured:"', (id, measured) => {
    expect(isMeasuredRegion(id)).toBe(measured);
  });
});
