import { describe, expect, it } from 'vitest';
import { mergeTags, parseDescription } from './description.js';
import { balancedEnd, directiveEnd } from './directives.js';

/**
 * The vocabularies of parseDescription, one row per entry: the `@words` that are always prose, and
 * the directives of other generators (namespaces, names, prefixes) that are never description.
 */
describe('@words that are prose wherever they stand (one row each)', () => {
  it.each([
    'property',
    'prop',
    'param',
    'arg',
    'argument',
    'returns',
    'return',
    'see',
    'example',
    'remarks',
    'link',
    'throws',
    'type',
    'typedef',
    'id',
    'unique',
    'default',
    'relation',
    'map',
    'updatedAt',
    'ignore',
    'db',
    'index',
    'fulltext',
  ])('@%s at the end of a line stays in the text and is no tag', (word) => {
    expect(parseDescription(`Enforced by @${word}`)).toEqual({ text: `Enforced by @${word}`, tags: [] });
    expect(parseDescription(`@${word} first`)).toEqual({ text: `@${word} first`, tags: [] });
  });

  it('a word that is none of them is a tag', () => {
    expect(parseDescription('Enforced by @uniq')).toEqual({ text: 'Enforced by', tags: [{ name: 'uniq' }] });
  });
});

describe('directives of other generators (one row per namespace, name and prefix)', () => {
  it.each([
    ['@zod.string()', 'zod'],
    ['@TypeGraphQL.omit()', 'TypeGraphQL'],
    ['@Gen.field(hide: true)', 'Gen'],
    ['@@Gen.model(hide: true)', 'Gen, model level'],
    ['@Validator.IsEmail()', 'Validator'],
    ['@HideField()', 'HideField'],
    ['@FieldType(Int)', 'FieldType'],
    ['@PropertyType(Int)', 'PropertyType'],
    ['@ObjectType()', 'ObjectType'],
    ['@InputType()', 'InputType'],
    ['@gqlType(Int)', 'gqlType'],
    ["@kyselyType('a' | 'b')", 'kyselyType'],
    ['@DtoReadOnly', 'Dto prefix'],
    ['@DtoCastType(X, y)', 'Dto prefix with arguments'],
  ])('%s (%s) is removed', (directive) => {
    expect(parseDescription(`Prose. ${directive}`)).toEqual({ text: 'Prose.', tags: [] });
    expect(parseDescription(`${directive} Prose.`)).toEqual({ text: 'Prose.', tags: [] });
  });

  it.each([
    ['@zod', 'a namespace without a member'],
    ['@zodiac.x()', 'a longer name that starts like a namespace'],
    ['@Dto', 'the prefix alone'],
    ['@Dtox', 'the prefix and a lower-case letter'],
    ['@HideFields()', 'a longer name'],
    ['@hidefield()', 'another case'],
  ])('%s (%s) is no directive', (word) => {
    expect(directiveEnd(`${word} rest`, 0)).toBe(-1);
  });

  it('a directive starts only after whitespace or at the line start, and never in backticks', () => {
    expect(parseDescription('mail@zod.string() here')).toEqual({ text: 'mail@zod.string() here', tags: [] });
    expect(parseDescription('Use `@zod.string()` here')).toEqual({
      text: 'Use `@zod.string()` here',
      tags: [],
    });
    expect(parseDescription('Use\t@zod.string() here')).toEqual({ text: 'Use here', tags: [] });
  });
});

describe('directiveEnd and balancedEnd: where a directive ends', () => {
  it.each([
    ['@zod.string', 11],
    ['@zod.string.email() x', 19],
    ['@zod.a(b).c(d) x', 14],
    ['@zod.a(b) .c(d)', 9],
    ['@zod.(x)', 4],
    ['@zod.a(b', 8],
    ['@HideField x', 10],
    ['@HideField({ a: [1] }) x', 22],
    ['@HideField(a', 12],
    ['@@Gen.model(hide: true) x', 23],
    ['@Gen x', -1],
    ['@ x', -1],
    ['@1zod.a', -1],
  ])('%s ends at %i', (text, end) => {
    expect(directiveEnd(text, 0)).toBe(end);
  });

  it.each([
    ['(a)', 0, 3],
    ['x(a(b)c)y', 1, 8],
    ['[a{b}]', 0, 6],
    ['(")")', 0, 5],
    ["(')')", 0, 5],
    ['(`)`)', 0, 5],
    ['(a]', 0, -1],
    ['(a', 0, -1],
    ['("a)', 0, -1],
    ['(a)(b)', 0, 3],
  ])('balancedEnd(%s, %i) is %i', (text, open, end) => {
    expect(balancedEnd(text, open)).toBe(end);
  });
});

describe('tags, lines and JSON types', () => {
  it('tags are lower-cased, deduplicated by name and value, their value trimmed', () => {
    expect(parseDescription('Text @PII @pii @owner( identity ) @owner(identity) @owner(other)')).toEqual({
      text: 'Text',
      tags: [{ name: 'pii' }, { name: 'owner', value: 'identity' }, { name: 'owner', value: 'other' }],
    });
  });

  it('a tag must end at whitespace or the end of the line', () => {
    expect(parseDescription('Text @pii, more')).toEqual({ text: 'Text @pii, more', tags: [] });
    expect(parseDescription('@pii. Text')).toEqual({ text: '@pii. Text', tags: [] });
  });

  it('a tag in the middle of prose is prose; the leading and trailing runs are tags', () => {
    expect(parseDescription('@a @b middle @c words @d @e')).toEqual({
      text: 'middle @c words',
      tags: [{ name: 'a' }, { name: 'b' }, { name: 'd' }, { name: 'e' }],
    });
  });

  it('inner blank lines are kept, spaces and tabs squeezed, empty results have no text', () => {
    expect(parseDescription('  one \t two  \n\n three\n')).toEqual({ text: 'one two\n\nthree', tags: [] });
    expect(parseDescription('@pii')).toEqual({ tags: [{ name: 'pii' }] });
    expect(parseDescription('  \n ')).toEqual({ tags: [] });
    expect(parseDescription(null)).toEqual({ tags: [] });
    expect(parseDescription(undefined)).toEqual({ tags: [] });
    expect(parseDescription('')).toEqual({ tags: [] });
  });

  it('a line of spaces and tabs is a blank line; spaces inside a tag kept in prose are squeezed too', () => {
    expect(parseDescription('one\n \t\ntwo')).toEqual({ text: 'one\n\ntwo', tags: [] });
    expect(parseDescription('x @owner(a   b) y')).toEqual({ text: 'x @owner(a b) y', tags: [] });
  });

  it('a directive quoted in a code span is kept as written', () => {
    expect(parseDescription('Use ` @zod.string() ` here')).toEqual({
      text: 'Use ` @zod.string() ` here',
      tags: [],
    });
  });

  it('mergeTags keeps the first of each name and value, in order', () => {
    expect(
      mergeTags(
        [{ name: 'pii' }, { name: 'owner', value: 'a' }],
        [{ name: 'pii' }, { name: 'owner', value: 'b' }, { name: 'owner', value: 'a' }, { name: 'x' }],
        [],
      ),
    ).toEqual([{ name: 'pii' }, { name: 'owner', value: 'a' }, { name: 'owner', value: 'b' }, { name: 'x' }]);
    expect(mergeTags()).toEqual([]);
  });

  it('a line left empty by a removed directive is dropped', () => {
    expect(parseDescription('One.\n@zod.string()\nTwo.')).toEqual({ text: 'One.\nTwo.', tags: [] });
  });

  it.each([
    ['[Settings] The settings.', { text: 'The settings.', tags: [{ name: 'json-type', value: 'Settings' }] }],
    ['  [ Settings ] x', { text: 'x', tags: [{ name: 'json-type', value: 'Settings' }] }],
    ["![ 'a' | 'b' ] x", { text: 'x', tags: [{ name: 'json-type', value: "'a' | 'b'" }] }],
    [
      '[Array<[number, string]>] x',
      { text: 'x', tags: [{ name: 'json-type', value: 'Array<[number, string]>' }] },
    ],
    ['[] x', { text: '[] x', tags: [] }],
    ['[ ] x', { text: '[ ] x', tags: [] }],
    ['[open x', { text: '[open x', tags: [] }],
    ['![alt](url) x', { text: '![alt](url) x', tags: [] }],
    ['x [Settings]', { text: 'x [Settings]', tags: [] }],
    ['!Settings x', { text: '!Settings x', tags: [] }],
    [
      'Prose.\n[Settings] @zod.custom()',
      { text: 'Prose.', tags: [{ name: 'json-type', value: 'Settings' }] },
    ],
    ['Prose.\n[Settings] more', { text: 'Prose.\n[Settings] more', tags: [] }],
  ])('with jsonType: %j', (raw, out) => {
    expect(parseDescription(raw, { jsonType: true })).toEqual(out);
  });

  it('without jsonType a leading [Type] is prose', () => {
    expect(parseDescription('[Settings] x')).toEqual({ text: '[Settings] x', tags: [] });
    expect(parseDescription('Prose.\n[Settings]')).toEqual({ text: 'Prose.\n[Settings]', tags: [] });
  });
});
