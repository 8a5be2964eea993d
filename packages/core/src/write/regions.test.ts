import { describe, expect, it } from 'vitest';
import { MARKER_LINE } from '../render/markers.js';
import { joinSegments, parseRegions, type Segment, splitLines } from './regions.js';

/** The line-by-line reader parseRegions replaced (valid documents only): the oracle. */
function byLines(content: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let open: { id: string; begin: string; body: string } | undefined;
  for (const line of splitLines(content)) {
    const m = MARKER_LINE.exec(line.replace(/\n$/, ''));
    if (!m) {
      if (open) open.body += line;
      else text += line;
    } else if (m[1] === 'begin') {
      if (text) segments.push({ kind: 'text', text });
      text = '';
      open = { id: m[2] as string, begin: line, body: '' };
    } else if (open) {
      segments.push({ kind: 'region', id: open.id, begin: open.begin, body: open.body, end: line });
      open = undefined;
    }
  }
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

/** Seeded documents made of prose, near-markers, CRLF lines and regions, with or without a final newline. */
function documents(count: number): string[] {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const prose = [
    'text',
    '',
    '<!-- ormdoc: not a marker -->',
    ' <!-- ormdoc:begin x -->',
    '| a | b |\r',
    '<!-- other -->',
  ];
  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    const lines: string[] = [];
    for (let r = 0; r < rnd(5); r++) {
      for (let i = 0; i < rnd(4); i++) lines.push(prose[rnd(prose.length)] as string);
      const cr = rnd(4) === 0 ? '\r' : '';
      lines.push(`<!-- ormdoc:begin r${r} -->${cr}`);
      for (let i = 0; i < rnd(4); i++) lines.push(prose[rnd(prose.length)] as string);
      lines.push(`<!-- ormdoc:end r${r} -->${cr}`);
    }
    for (let i = 0; i < rnd(3); i++) lines.push(prose[rnd(prose.length)] as string);
    docs.push(lines.join('\n') + (rnd(2) ? '\n' : ''));
  }
  return docs;
}

describe('parseRegions', () => {
  it('splits like the line-by-line reader and joins back byte for byte', () => {
    for (const doc of documents(500)) {
      const segments = parseRegions(doc, 'doc.md');
      expect(segments).toEqual(byLines(doc));
      expect(joinSegments(segments)).toBe(doc);
    }
  });

  it('names the line of a broken marker', () => {
    const doc = 'a\r\nb\n<!-- ormdoc:begin x -->\nbody\n<!-- ormdoc:end y -->\n';
    expect(() => parseRegions(doc, 'doc.md')).toThrow(
      /doc\.md:5: "ormdoc:end y" closes region "x" opened at line 3/,
    );
    expect(() => parseRegions('<!-- ormdoc:begin x -->', 'doc.md')).toThrow(
      /doc\.md:1: .*has no "ormdoc:end x"/,
    );
  });
});

describe('parseRegions: boundary cases and what a broken marker says', () => {
  const ids = (content: string) =>
    parseRegions(content, 'x.md').flatMap((s) => (s.kind === 'region' ? [s.id] : []));
  const broken = (content: string): string => {
    try {
      parseRegions(content, 'docs/x.md');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected MARKERS_BROKEN');
  };

  it('reads regions after an empty first line and at the very end without a newline', () => {
    expect(ids('\n<!-- ormdoc:begin a -->\nA\n<!-- ormdoc:end a -->\n')).toEqual(['a']);
    expect(ids('\n\n<!-- ormdoc:begin a -->\n<!-- ormdoc:end a -->')).toEqual(['a']);
  });

  it('each message names the file, the line, the ids and where the open region began', () => {
    expect(broken('x\n<!-- ormdoc:begin a -->\n<!-- ormdoc:begin b -->\n')).toBe(
      'docs/x.md:3: "ormdoc:begin b" inside region "a" opened at line 2',
    );
    expect(broken('x\n<!-- ormdoc:end a -->\n')).toBe(
      'docs/x.md:2: "ormdoc:end a" without a matching "ormdoc:begin a"',
    );
    expect(broken('<!-- ormdoc:begin a -->\n<!-- ormdoc:end b -->\n')).toBe(
      'docs/x.md:2: "ormdoc:end b" closes region "a" opened at line 1',
    );
    expect(broken('x\n\n<!-- ormdoc:begin a -->\n')).toBe(
      'docs/x.md:3: "ormdoc:begin a" has no "ormdoc:end a"',
    );
  });

  it('splitLines keeps a last line without a newline, and gives nothing for empty text', () => {
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a\n', '\n']);
    expect(splitLines('')).toEqual([]);
  });
});
