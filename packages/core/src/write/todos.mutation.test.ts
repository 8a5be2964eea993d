import { describe, expect, it } from 'vitest';
import { findTodos } from './todos.js';

/** Which lines are headings for the section of a TODO line (ATX headings, as CommonMark reads them). */
const todo = '> **TODO(ormdoc):** Say it — set `project.hosting` in ormdoc.config.ts or write it here.';
const sectionAfter = (heading: string) => findTodos('a.md', `${heading}\n${todo}\n`)[0]?.section;

describe('findTodos: the heading a TODO line sits under', () => {
  it.each([
    ['# One', 'One'],
    ['###### Six', 'Six'],
    ['##   Spaced   ', 'Spaced'],
    ['##\tTabbed', 'Tabbed'],
    ['## Closed ##', 'Closed'],
    ['## Closed #  ', 'Closed'],
    ['####### Seven', ''],
    ['##NoSpace', ''],
    ['not ## a heading', ''],
  ])('%j -> %j', (heading, section) => {
    expect(sectionAfter(heading)).toBe(section);
  });

  it('a document without TODO(ormdoc) has none, whatever else it has', () => {
    expect(findTodos('a.md', '## Hosting\nTODO: later\n')).toEqual([]);
  });

  it('each TODO line is counted from line 1, with its section', () => {
    expect(findTodos('a.md', `${todo}\n## S\n\n${todo}`)).toEqual([
      { file: 'a.md', line: 1, section: '', fact: 'hosting' },
      { file: 'a.md', line: 4, section: 'S', fact: 'hosting' },
    ]);
  });
});
