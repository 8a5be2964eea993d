import { describe, expect, it } from 'vitest';
import { escapeHeading } from '../render/markdown.js';
import { findTodos } from './todos.js';

const todo = (key: string) =>
  `> **TODO(ormdoc):** Say it — set \`project.${key}\` in ormdoc.config.ts or write it here.`;

describe('findTodos', () => {
  it('names the section as plain text: entities decoded, code spans and escapes removed', () => {
    const doc = [
      '# Title',
      `## ${escapeHeading('Monitoring & Observability')}`,
      todo('monitoring'),
      `### ${escapeHeading('Tables <main> & `views`')}`,
      todo('owners'),
      '## Sizes \\#1',
      todo('scaling'),
    ].join('\n');
    expect(findTodos('architecture.md', doc)).toEqual([
      { file: 'architecture.md', line: 3, section: 'Monitoring & Observability', fact: 'monitoring' },
      { file: 'architecture.md', line: 5, section: 'Tables <main> & views', fact: 'owners' },
      { file: 'architecture.md', line: 7, section: 'Sizes #1', fact: 'scaling' },
    ]);
  });

  it('skips TODO lines inside code fences and keeps the last heading outside them', () => {
    const doc = ['## Backups', '```md', '# not a heading', todo('backups'), '```', todo('rpo')].join('\n');
    expect(findTodos('a.md', doc)).toEqual([{ file: 'a.md', line: 6, section: 'Backups', fact: 'rpo' }]);
  });
});

describe('findTodos: fences and line endings, one boundary case each', () => {
  const at = (doc: string[]) => findTodos('a.md', doc.join('\n')).map((t) => t.line);

  it('a fence closes only with the same character, at least as long; indented fences count', () => {
    expect(at(['~~~', '```', todo('a'), '~~~', todo('b')])).toEqual([5]);
    expect(at(['````', '```', todo('a'), '````', todo('b')])).toEqual([5]);
    expect(at(['```', todo('a'), '`````', todo('b')])).toEqual([4]);
    expect(at(['  ```', todo('a'), '  ```', todo('b')])).toEqual([4]);
    // Two backticks or tildes are no fence.
    expect(at(['``', todo('a'), '~~', todo('b')])).toEqual([2, 4]);
    expect(at(['x ```', todo('a')])).toEqual([2]);
  });

  it('CRLF lines: headings and facts are read without the \\r', () => {
    expect(findTodos('a.md', ['## Backups', todo('rpo'), ''].join('\r\n'))).toEqual([
      { file: 'a.md', line: 2, section: 'Backups', fact: 'rpo' },
    ]);
  });

  it('a TODO(ormdoc) line of no known form is listed without a fact; before any heading, with no section', () => {
    expect(findTodos('a.md', 'TODO(ormdoc): check this\n## S\n')).toEqual([
      { file: 'a.md', line: 1, section: '' },
    ]);
  });
});
