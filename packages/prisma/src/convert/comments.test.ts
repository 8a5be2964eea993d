import { describe, expect, it } from 'vitest';
import { docText, withoutBlockComments } from './comments.js';

describe('withoutBlockComments', () => {
  it.each([
    ['a block comment on one line', 'a /* b */ c', 'a         c'],
    [
      'a JSDoc-style block over lines keeps its line breaks',
      '/**\n * x\n */\nmodel A {',
      '   \n    \n   \nmodel A {',
    ],
    ['inside a string it is text', 'x String @default("/* y */")', 'x String @default("/* y */")'],
    [
      'an escaped quote does not end the string',
      '@default("a\\" /* b */") /* c */',
      '@default("a\\" /* b */")        ',
    ],
    ['inside a // comment it is text', '// see /* here\nmodel A {', '// see /* here\nmodel A {'],
    ['an unclosed block runs to the end', 'a /* b\nc', 'a     \n '],
    ['CRLF line breaks are kept', '/*\r\n*/', '  \r\n  '],
  ])('%s', (_case, input, output) => {
    expect(withoutBlockComments(input)).toBe(output);
    expect(withoutBlockComments(input)).toHaveLength(input.length);
  });
});

describe('docText: the JSDoc decoration of a block comment Prisma hands over as documentation', () => {
  it.each([
    ['/** ... */ over lines', '*\n * A note.\n * More.', '\nA note.\nMore.'],
    ['a line without a star is prose', 'Rate * 2 is the cap.', 'Rate * 2 is the cap.'],
    ['/// docs are kept', 'A note.', 'A note.'],
  ])('%s', (_case, doc, text) => {
    expect(docText(doc)).toBe(text);
  });
});
