import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrmdocConfig } from '../config/schema.js';
import {
  digestInput,
  inputsSalt,
  inputsUnchanged,
  recordInputs,
  type StampInputs,
  sameInputs,
} from './inputs.js';

/**
 * The inputs of an extraction one rule at a time: what a file's or a folder's digest changes with,
 * what a salt is made of, which paths a record holds, and every way a record stops holding.
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-inputs-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const extract = { orm: 'prisma', tables: 1, enums: 0, diagnostics: [] };
const folder = (name: string, files: Record<string, string> = {}, dirs: string[] = []) => {
  const dir = mkdtempSync(join(root, `${name}-`));
  for (const d of dirs) mkdirSync(join(dir, d), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
};
const configOf = (dir: string, templates: unknown[] = []) =>
  ({ output: { dir, templates } }) as unknown as Pick<OrmdocConfig, 'output'>;

describe('digestInput', () => {
  it('a file: the same bytes give the same digest wherever the file is', () => {
    const a = folder('same-a', { f: 'x' });
    const b = folder('same-b', { g: 'x' });
    expect(digestInput(join(a, 'f'))).toBe(digestInput(join(b, 'g')));
    expect(digestInput(join(a, 'f'))).toMatch(/^file:[0-9a-f]{64}$/);
  });

  it('a folder: the same names and kinds give the same digest, whatever order they were made in', () => {
    const a = folder('order-a', { b: '', a: '' }, ['d']);
    const b = folder('order-b', { a: 'other bytes', b: '' }, ['d']);
    expect(digestInput(a)).toBe(digestInput(b));
    expect(digestInput(a)).toMatch(/^dir:[0-9a-f]{64}$/);
  });

  it('a folder: a file that becomes a folder of the same name changes it', () => {
    expect(digestInput(folder('kind-f', { x: '' }))).not.toBe(digestInput(folder('kind-d', {}, ['x'])));
  });

  it('a folder: where one name ends and the next begins is part of it', () => {
    expect(digestInput(folder('names-2', { a: '', b: '' }))).not.toBe(
      digestInput(folder('names-1', { 'af:b': '' })),
    );
  });

  it('a folder: only the skipped paths of that folder are left out', () => {
    const dir = folder('skip', {}, ['docs', 'other']);
    const without = folder('skip-none', {}, ['other']);
    expect(digestInput(dir, new Set([join(dir, 'docs')]))).toBe(digestInput(without));
    expect(digestInput(dir, new Set([join(without, 'docs')]))).not.toBe(digestInput(without));
  });

  it('a path that does not exist is "missing", and one inside a file too', () => {
    const dir = folder('missing', { f: '' });
    expect(digestInput(join(dir, 'nope'))).toBe('missing');
    expect(digestInput(join(dir, 'f', 'below'))).toBe('missing');
  });
});

describe('inputsSalt', () => {
  it('changes with each part, their order and where one part ends', () => {
    const salt = inputsSalt(['prisma', '{}']);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsSalt(['prisma', '{}'])).toBe(salt);
    expect(inputsSalt(['{}', 'prisma'])).not.toBe(salt);
    expect(inputsSalt(['prism', 'a{}'])).not.toBe(salt);
    expect(inputsSalt(['prisma{}'])).not.toBe(salt);
    expect(inputsSalt([])).not.toBe(inputsSalt(['']));
  });
});

describe('recordInputs', () => {
  it('one entry per path, relative, forward-slashed, sorted, the project itself as "."', () => {
    const cwd = folder('paths', { 'b.prisma': 'b', 'a.prisma': 'a' }, ['prisma/migrations']);
    const rec = recordInputs(
      cwd,
      configOf('docs'),
      's',
      [join(cwd, 'prisma/migrations'), 'b.prisma', join(cwd, 'a.prisma'), cwd, './b.prisma'],
      extract,
    );
    expect(rec.entries.map(([p]) => p)).toEqual(['.', 'a.prisma', 'b.prisma', 'prisma/migrations']);
    expect(rec.entries[1]).toEqual(['a.prisma', digestInput(join(cwd, 'a.prisma'))]);
    expect(rec.salt).toBe('s');
    expect(rec.extract).toBe(extract);
  });

  it('custom templates are inputs; built-in template names are not', () => {
    const cwd = folder('templates', { 'custom.md': '# x', overview: '' });
    const rec = recordInputs(cwd, configOf('docs', ['overview', { path: 'custom.md' }]), 's', [], extract);
    expect(rec.entries.map(([p]) => p)).toEqual(['custom.md']);
  });

  it('the output folder and the folders above it are left out of every listing; the project itself is not', () => {
    const cwd = folder('out', { 'schema.prisma': '' });
    const rec = recordInputs(cwd, configOf('site/docs/db'), 's', [cwd], extract);
    mkdirSync(join(cwd, 'site/docs/db'), { recursive: true });
    expect(inputsUnchanged(rec, 's', cwd, 'site/docs/db')).toBe(true);
    mkdirSync(join(cwd, 'other'));
    expect(inputsUnchanged(rec, 's', cwd, 'site/docs/db')).toBe(false);
  });

  it('the output folder and what is in it are never inputs; a sibling whose name starts alike is', () => {
    const cwd = folder('outpaths', { 'docs-extra.md': 'x', 'schema.prisma': '' }, ['docs/tables']);
    const paths = [
      join(cwd, 'docs'),
      join(cwd, 'docs/tables'),
      'docs/a.md',
      'docs-extra.md',
      'schema.prisma',
    ];
    const rec = recordInputs(cwd, configOf('docs'), 's', paths, extract);
    expect(rec.entries.map(([p]) => p)).toEqual(['docs-extra.md', 'schema.prisma']);
  });

  it('an output folder outside the project leaves the listings whole', () => {
    const cwd = folder('outside', {}, ['docs']);
    const rec = recordInputs(cwd, configOf('../elsewhere'), 's', [cwd], extract);
    expect(inputsUnchanged(rec, 's', cwd, '../elsewhere')).toBe(true);
    mkdirSync(join(cwd, 'more'));
    expect(inputsUnchanged(rec, 's', cwd, '../elsewhere')).toBe(false);
  });
});

describe('inputsUnchanged', () => {
  const cwd = folder('unchanged', { 'a.prisma': 'a', 'b.prisma': 'b' });
  const rec = (): StampInputs => recordInputs(cwd, configOf('docs'), 's', ['a.prisma', 'b.prisma'], extract);

  it('holds while every input keeps its digest', () => {
    expect(inputsUnchanged(rec(), 's', cwd, 'docs')).toBe(true);
  });

  it.each<[string, (r: StampInputs) => unknown]>([
    ['another salt', (r) => Object.assign(r, { salt: 't' })],
    ['entries that are no list', (r) => Object.assign(r, { entries: 'a.prisma' })],
    ['an entry that is no list', (r) => r.entries.push('a.prisma' as never)],
    ['an entry without a digest', (r) => r.entries.push(['a.prisma', 5 as never])],
    ['an entry without a path', (r) => r.entries.push([null as never, 'missing'])],
    ['the last entry’s digest changed', (r) => (r.entries[1]![1] = 'file:0')],
    ['the first entry’s digest changed', (r) => (r.entries[0]![1] = 'file:0')],
  ])('does not hold with %s', (_, change) => {
    const r = rec();
    change(r);
    expect(inputsUnchanged(r, 's', cwd, 'docs')).toBe(false);
  });
});

describe('sameInputs', () => {
  it('same salt, digests and order, or both absent', () => {
    const a: StampInputs = { salt: 's', entries: [['a', '1']], extract };
    expect(sameInputs(a, { ...a, entries: [['a', '1']] })).toBe(true);
    expect(sameInputs(undefined, undefined)).toBe(true);
    expect(sameInputs(a, undefined)).toBe(false);
    expect(sameInputs(a, { ...a, entries: [['a', '2']] })).toBe(false);
    expect(sameInputs(a, { ...a, salt: 't' })).toBe(false);
  });
});
