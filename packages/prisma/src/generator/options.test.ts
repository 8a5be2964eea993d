import { isOrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { parseGeneratorOptions } from './options.js';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('parseGeneratorOptions', () => {
  it('accepts templates as a comma list or an array, plus title and config', () => {
    expect(
      parseGeneratorOptions({ templates: 'overview, schema', title: 'Shop', config: 'ormdoc.json' }),
    ).toEqual({
      templates: ['overview', 'schema'],
      title: 'Shop',
      config: 'ormdoc.json',
    });
    expect(parseGeneratorOptions({ templates: ['design', 'docs/mine.md'] })).toEqual({
      templates: ['design', { path: 'docs/mine.md' }],
    });
    expect(parseGeneratorOptions({})).toEqual({});
  });

  it('names the option and the accepted values when a value is wrong', () => {
    const e = errorOf(() => parseGeneratorOptions({ templates: 'overveiw' }));
    expect(isOrmdocError(e) && e.code).toBe('CONFIG_INVALID');
    expect((e as Error).message).toContain('`templates`');
    expect((e as Error).message).toContain('overveiw');
    expect((e as { hint: string }).hint).toContain('overview, schema, design, target-state, architecture');
    expect((errorOf(() => parseGeneratorOptions({ title: ['a', 'b'] })) as Error).message).toContain(
      '`title`',
    );
    expect((errorOf(() => parseGeneratorOptions({ config: 'ormdoc.yaml' })) as Error).message).toContain(
      '`config`',
    );
  });

  it('rejects unknown options, listing the accepted ones', () => {
    const e = errorOf(() => parseGeneratorOptions({ outputDir: 'x' }));
    expect((e as Error).message).toContain('`outputDir`');
    expect((e as { hint: string }).hint).toBe('Accepted options: output, templates, title, config.');
  });
});
