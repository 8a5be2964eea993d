import { describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import { wrapRegion } from '../render/markers.js';
import { mergeDocument } from './merge.js';
import { parseRegions } from './regions.js';
import { findTodos } from './todos.js';

const doc = (...blocks: string[]) => `${blocks.join('\n\n')}\n`;
const todo = (key: string) =>
  `> **TODO(ormdoc):** Say something — set \`project.${key}\` in ormdoc.config.ts or write it here.`;

function brokenAt(content: string): { code: string; line?: number; message: string } {
  try {
    parseRegions(content, 'docs/x.md');
  } catch (error) {
    if (isOrmdocError(error)) return { code: error.code, line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected MARKERS_BROKEN');
}

describe('parseRegions', () => {
  it('round-trips a document byte for byte', () => {
    const text = doc('# T', wrapRegion('a', 'one\ntwo'), 'mine\r\nstill mine', wrapRegion('b', 'x'));
    const segments = parseRegions(text, 'x.md');
    expect(segments.map((s) => s.kind)).toEqual(['text', 'region', 'text', 'region']);
    expect(segments.map((s) => (s.kind === 'text' ? s.text : s.begin + s.body + s.end)).join('')).toBe(text);
  });

  it('names file and line of broken markers', () => {
    expect(brokenAt('a\n<!-- ormdoc:begin x -->\nb\n')).toMatchObject({ code: 'MARKERS_BROKEN', line: 2 });
    expect(brokenAt('a\nb\n<!-- ormdoc:end x -->\n')).toMatchObject({ line: 3 });
    const dup = brokenAt(doc(wrapRegion('x', '1'), wrapRegion('x', '2')));
    expect(dup.line).toBe(5);
    expect(dup.message).toMatch(/^docs\/x\.md:5: region "x" appears twice \(first at line 1\)/);
    expect(brokenAt('<!-- ormdoc:begin x -->\n<!-- ormdoc:begin y -->\n').line).toBe(2);
    expect(brokenAt('<!-- ormdoc:begin x -->\n<!-- ormdoc:end y -->\n').message).toMatch(/closes region "x"/);
  });

  it('ignores marker-like lines that are not at column 0', () => {
    expect(parseRegions(' <!-- ormdoc:end x -->\n', 'x.md')).toHaveLength(1);
  });
});

describe('mergeDocument', () => {
  const v1 = doc(
    '<!-- header -->',
    wrapRegion('title', '# Old'),
    '## Notes',
    todo('hosting'),
    wrapRegion('tables', 'old tables'),
    wrapRegion('gone', 'bye'),
    '## End',
  );

  it('replaces region bodies and keeps hand edits before, between and after regions', () => {
    const edited = v1
      .replace('<!-- header -->\n', 'My preface.\n\n<!-- header -->\n')
      .replace(todo('hosting'), 'We host on Neon, eu-central-1.')
      .replace('## End\n', '## End\n\nMy closing words.\n');
    const v2 = doc(
      '<!-- header -->',
      wrapRegion('title', '# New'),
      '## Notes',
      todo('hosting'),
      wrapRegion('tables', 'new tables\nmore'),
      wrapRegion('gone', 'bye'),
      '## End',
    );
    const merged = mergeDocument(edited, v2, 'x.md');
    expect(merged).toBe(edited.replace('# Old', '# New').replace('old tables', 'new tables\nmore'));
  });

  it('removes regions that disappeared and inserts new ones after the previous region', () => {
    const v2 = doc(
      '<!-- header -->',
      wrapRegion('title', '# Old'),
      wrapRegion('intro', 'hello'),
      '## Notes',
      todo('hosting'),
      wrapRegion('tables', 'old tables'),
      '## End',
    );
    const merged = mergeDocument(v1, v2, 'x.md');
    expect(merged).toBe(
      doc(
        '<!-- header -->',
        wrapRegion('title', '# Old'),
        wrapRegion('intro', 'hello'),
        '## Notes',
        todo('hosting'),
        wrapRegion('tables', 'old tables'),
        '## End',
      ),
    );
    expect(mergeDocument(merged, v2, 'x.md')).toBe(merged);
  });

  it('inserts a new first region before the next existing one', () => {
    const merged = mergeDocument(
      doc('text', wrapRegion('b', 'B')),
      doc(wrapRegion('a', 'A'), wrapRegion('b', 'B')),
      'x.md',
    );
    expect(merged).toBe(doc('text', `${wrapRegion('a', 'A')}\n\n${wrapRegion('b', 'B')}`));
  });

  it('moves a fact between its TODO line and a config-filled region', () => {
    const withFact = doc('## Notes', wrapRegion('fact:hosting', 'Neon'), wrapRegion('tables', 't'));
    const filled = mergeDocument(
      v1,
      doc(
        '<!-- header -->',
        wrapRegion('title', '# Old'),
        '## Notes',
        wrapRegion('fact:hosting', 'Neon'),
        wrapRegion('tables', 'old tables'),
        '## End',
      ),
      'x.md',
    );
    expect(filled).toContain(
      `## Notes\n\n${wrapRegion('fact:hosting', 'Neon')}\n\n${wrapRegion('tables', 'old tables')}`,
    );
    expect(filled).not.toContain('TODO(ormdoc)');
    const back = mergeDocument(filled, v1, 'x.md');
    expect(back).toContain(`## Notes\n\n${todo('hosting')}\n\n`);
    expect(withFact).toContain('Neon');
  });

  it('refuses to merge into a file with broken markers', () => {
    expect(() => mergeDocument('<!-- ormdoc:begin a -->\n', doc(wrapRegion('a', 'x')), 'x.md')).toThrow(
      /x\.md:1/,
    );
  });
});

describe('findTodos', () => {
  it('lists TODO lines with their section and fact, skipping code fences', () => {
    const text = doc(
      '# Title',
      '## Hosting',
      todo('hosting'),
      '```md\n> **TODO(ormdoc):** not real\n```',
      '### Backups',
      todo('backups'),
    );
    expect(findTodos('a.md', text)).toEqual([
      { file: 'a.md', line: 5, section: 'Hosting', fact: 'hosting' },
      { file: 'a.md', line: 13, section: 'Backups', fact: 'backups' },
    ]);
  });
});
