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
