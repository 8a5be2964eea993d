import { describe, expect, it } from 'vitest';
import { OrmdocError } from '../errors.js';
import { resolveConfig } from './resolve.js';

const problems = (input: unknown) => {
  try {
    resolveConfig(input, 'ormdoc.config.ts');
  } catch (e) {
    expect(e).toBeInstanceOf(OrmdocError);
    expect((e as OrmdocError).code).toBe('CONFIG_INVALID');
    expect((e as OrmdocError).file).toBe('ormdoc.config.ts');
    return (e as OrmdocError).details;
  }
  throw new Error('expected the config to be rejected');
};

describe('resolveConfig', () => {
  it('fills every default', () => {
    const c = resolveConfig({});
    expect(c.output.dir).toBe('docs/database');
    expect(c.output.templates).toEqual(['overview', 'schema', 'design', 'target-state', 'architecture']);
    expect(c.findings.disable).toEqual([]);
    expect(c.timestamp).toBe(false);
  });

  it('names unknown keys with their full path', () => {
    expect(problems({ foo: 1, output: { dri: 'x' } }).sort()).toEqual([
      'unknown key "foo"',
      'unknown key "output.dri"',
    ]);
  });

  it('says what was given and what is accepted', () => {
    const [templates] = problems({ output: { templates: ['overview', 'shema'] } });
    expect(templates).toMatch(
      /^output\.templates\[1\]: "shema" is not accepted; use one of "overview", "schema", "design", "target-state", "architecture", or an object/,
    );
    expect(problems({ output: { layout: 'x' } })).toEqual([
      'output.layout: "x" is not accepted; use one of "single", "per-table", "auto"',
    ]);
    expect(problems({ output: { dir: 3 } })).toEqual(['output.dir: expected string, got 3']);
    expect(problems({ output: { templates: [{ pth: 'a' }] } })[0]).toMatch(
      /^output\.templates\[0\]: .* an object where .*pth/,
    );
  });
});
