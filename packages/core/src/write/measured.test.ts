import { describe, expect, it } from 'vitest';
import { insertMeasured } from './measured.js';
import { mergeDocument } from './merge.js';

const doc = [
  '# Overview',
  '',
  '## Performance Considerations',
  '',
  'Indexes.',
  '',
  '## Migration Strategy',
  '',
  'Steps.',
  '',
].join('\n');
const measured = [
  {
    document: 'overview.md',
    section: 'Performance',
    id: 'performance',
    body: '**Measured on db, 2026-01-01.**',
  },
];

describe('measured regions', () => {
  it('go at the end of their section, before the next heading', () => {
    const [file] = insertMeasured([{ path: 'overview.md', content: doc }], measured);
    expect(file!.content).toBe(
      [
        '# Overview',
        '',
        '## Performance Considerations',
        '',
        'Indexes.',
        '',
        '<!-- ormdoc:begin measured:performance -->',
        '**Measured on db, 2026-01-01.**',
        '<!-- ormdoc:end measured:performance -->',
        '',
        '## Migration Strategy',
        '',
        'Steps.',
        '',
      ].join('\n'),
    );
  });

  it('other documents and missing sections are left alone', () => {
    const files = [{ path: 'schema.md', content: doc }];
    expect(insertMeasured(files, measured)).toEqual(files);
    const other = [{ path: 'overview.md', content: '# Overview\n' }];
    expect(insertMeasured(other, measured)[0]!.content).toBe('# Overview\n');
  });

  it('a run without a database keeps the last measurements; a run with one replaces them', () => {
    const [withOld] = insertMeasured([{ path: 'overview.md', content: doc }], measured);
    expect(mergeDocument(withOld!.content, doc, 'overview.md')).toBe(withOld!.content);
    const [withNew] = insertMeasured(
      [{ path: 'overview.md', content: doc }],
      [{ ...measured[0]!, body: 'new' }],
    );
    expect(mergeDocument(withOld!.content, withNew!.content, 'overview.md')).toBe(withNew!.content);
  });
});

describe('insertMeasured: where each region goes', () => {
  const region = (id: string, body: string) => [
    `<!-- ormdoc:begin measured:${id} -->`,
    body,
    `<!-- ormdoc:end measured:${id} -->`,
  ];
  const section = (id: string, heading: string, document = 'overview.md') => ({
    document,
    section: heading,
    id,
    body: id.toUpperCase(),
  });

  it('the last section of a document: at its end, above the trailing blank lines', () => {
    const [file] = insertMeasured(
      [{ path: 'overview.md', content: '# O\n\n## Last\n\nText.\n\n' }],
      [section('a', 'Last')],
    );
    expect(file?.content.split('\n')).toEqual([
      '# O',
      '',
      '## Last',
      '',
      'Text.',
      '',
      ...region('a', 'A'),
      '',
      '',
    ]);
  });

  it('two regions of one document, each in its own section, in the order given within one section', () => {
    const [file] = insertMeasured(
      [{ path: 'overview.md', content: doc }],
      [section('a', 'Migration'), section('b', 'Performance'), section('c', 'Performance')],
    );
    expect(file?.content.split('\n')).toEqual([
      '# Overview',
      '',
      '## Performance Considerations',
      '',
      'Indexes.',
      '',
      ...region('b', 'B'),
      '',
      ...region('c', 'C'),
      '',
      '## Migration Strategy',
      '',
      'Steps.',
      '',
      ...region('a', 'A'),
      '',
    ]);
  });

  it('a heading right before the next one gets its region between them; `### ` is no next section', () => {
    const [file] = insertMeasured(
      [{ path: 'overview.md', content: '## A\n### A.1\nx\n## B' }],
      [section('a', 'A')],
    );
    expect(file?.content.split('\n')).toEqual(['## A', '### A.1', 'x', '', ...region('a', 'A'), '## B']);
    const [empty] = insertMeasured([{ path: 'overview.md', content: '## A\n## B' }], [section('a', 'A')]);
    expect(empty?.content.split('\n')).toEqual(['## A', '', ...region('a', 'A'), '## B']);
  });

  it('only `## ` headings count: a `# ` title or a `### ` of the same words is not the section', () => {
    const content = '# Perf\n### Perf\ntext';
    const files = [{ path: 'overview.md', content }];
    expect(insertMeasured(files, [section('a', 'Perf')])[0]?.content).toBe(content);
  });

  it('a file given in pieces is left as it is, and no sections leave the files as they are', () => {
    const pieces = { path: 'overview.md', chunks: () => ['## A\n'], content: undefined as unknown as string };
    expect(insertMeasured([pieces], [section('a', 'A')])[0]).toBe(pieces);
    const files = [{ path: 'overview.md', content: doc }];
    expect(insertMeasured(files, [])).toBe(files);
  });
});
