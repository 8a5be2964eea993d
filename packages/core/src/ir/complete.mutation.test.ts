import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { completerFor, firstDifference } from './complete.js';

/**
 * completerFor one construct at a time: where a refusal says the construct is (the path of the
 * field, array element, record value, union option), what each union picks, and how
 * firstDifference names a difference (complete.test.ts holds the IR-wide comparisons with zod).
 */
describe('completerFor: a refusal names the construct and where it is', () => {
  const trimmed = z.string().trim();
  it.each<[string, z.ZodType, string]>([
    [
      'the root, by default',
      trimmed,
      'a check that rewrites the value (trim, toLowerCase, overwrite) at (root) ',
    ],
    ['an array element', z.object({ a: z.array(trimmed) }), 'at R.a[] '],
    ['a record value', z.record(z.string(), trimmed), 'at R{} '],
    [
      'a tagged union option',
      z.discriminatedUnion('k', [z.object({ k: z.literal('a'), v: trimmed })]),
      'at R<a>.v ',
    ],
    ['a plain union option', z.union([z.string(), z.array(trimmed)]), 'at R|1[] '],
    [
      'a union option of no JSON type',
      z.union([z.string(), z.date()]),
      'union option 1 of zod type "date" at R ',
    ],
    [
      'an object keeping unknown keys',
      z.object({ a: z.string() }).catchall(z.string()),
      'unknown keys (catchall, loose, passthrough) at R ',
    ],
    [
      'an optional optional',
      z.object({ a: z.string().optional().optional() }),
      'a nested optional/default (optional of optional) at R.a ',
    ],
    [
      'an optional default',
      z.object({ a: z.string().default('x').optional() }),
      '(optional of default) at R.a ',
    ],
    [
      'an optional prefault',
      z.object({ a: z.string().prefault('x').optional() }),
      '(optional of prefault) at R.a ',
    ],
    [
      'a tag that is no literal',
      z.discriminatedUnion('k', [z.object({ k: z.enum(['a', 'b']) })]),
      'a union tag "k" that is not a literal at R ',
    ],
  ])('%s', (_, schema, message) => {
    const name = message.includes('(root)') ? undefined : 'R';
    let error: unknown;
    try {
      completerFor(schema, name);
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.message).toContain(message);
    expect((error as Error).message).toMatch(/teach it the construct or keep the schema to plain fields/);
  });

  it('a strict object, and a union of unknown and any with one other type, are followed', () => {
    expect(completerFor(z.strictObject({ a: z.string() }))({ a: 'x' })).toEqual({ a: 'x' });
    const union = completerFor(z.union([z.unknown(), z.any(), z.object({ a: z.string().default('d') })]));
    expect(union(1)).toBe(1);
  });
});

describe('completerFor: what each construct gives', () => {
  it('an array of plain values is a new array', () => {
    const input = ['a', 'b'];
    const out = completerFor(z.array(z.string()))(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('a record never takes a `__proto__` key (its value would become the prototype)', () => {
    const out = completerFor(z.record(z.string(), z.unknown()))(
      JSON.parse('{"__proto__": {"x": 1}, "a": 2}'),
    );
    expect(Object.keys(out as object)).toEqual(['a']);
    expect('x' in (out as object)).toBe(false);
  });

  it('a tagged union completes each option by its tag, and leaves an unknown tag as it is', () => {
    const schema = z.discriminatedUnion('k', [
      z.object({ k: z.literal('a'), x: z.string().default('from a') }),
      z.object({ k: z.literal(['b', 'c']), y: z.string().default('from b') }),
    ]);
    const complete = completerFor(schema);
    expect(complete({ k: 'a' })).toEqual({ k: 'a', x: 'from a' });
    expect(complete({ k: 'c' })).toEqual({ k: 'c', y: 'from b' });
    expect(complete({ k: 'z', q: 1 })).toEqual({ k: 'z', q: 1 });
  });
});

describe('firstDifference', () => {
  const long = 'x'.repeat(100);
  it.each<[unknown, unknown, string | undefined]>([
    [1, 1, undefined],
    [1, '1', '(root): 1 vs "1"'],
    [1, {}, '(root): 1 vs {}'],
    [{}, 1, '(root): {} vs 1'],
    [null, {}, '(root): null vs {}'],
    [{}, null, '(root): {} vs null'],
    [[], {}, '(root): [] vs {}'],
    [[1], [1, 2], '(root): 1 item(s) vs 2'],
    [[1, { a: 1 }], [1, { a: 2 }], '[1].a: 1 vs 2'],
    [{ a: 1 }, { a: 1, b: 2 }, '(root): key #1 is undefined vs "b"'],
    [{ a: undefined }, {}, '(root): key #0 is "a" vs undefined'],
    [{ a: long }, { a: 'y' }, `a: "${'x'.repeat(76)}... vs "y"`],
    [{ a: 'x'.repeat(78) }, { a: 'y' }, `a: "${'x'.repeat(78)}" vs "y"`],
  ])('%j and %j: %s', (a, b, difference) => {
    expect(firstDifference(a, b)).toBe(difference);
  });
});
