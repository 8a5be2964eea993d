import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { wrapRegion } from '../render/markers.js';
import { aColumn, anEnum, anIr, aTable } from '../testing/builders.js';
import {
  codeDigest,
  configJson,
  digestOf,
  ormdocDigest,
  readStamp,
  STAMP_FILE,
  type Stamp,
  setOrmdocDigestForTests,
  stampKey,
  stampText,
  verifyStamp,
} from './stamp.js';

/**
 * The stamp's parts one at a time (generate.stamp.test.ts runs them together through
 * `generateDocs`): what a digest or a key must change with and what it must not, and every way a
 * stamp or a document can fail to match.
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-stamp-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => setOrmdocDigestForTests(undefined));
const folder = (name: string, files: Record<string, string>) => {
  const dir = mkdtempSync(join(root, `${name}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};

describe('digestOf', () => {
  const doc = (outside: string, body = 'generated') => `# T\n\n${outside}\n\n${wrapRegion('a', body)}\n`;

  it.each(['x.md', 'x.MD', 'x.markdown', 'x.mdx', 'docs/x.Md'])(
    '%s is Markdown: text outside regions does not count, a region body does',
    (path) => {
      expect(digestOf(path, doc('mine'))).toBe(digestOf(path, doc('edited by a person')));
      expect(digestOf(path, doc('mine'))).not.toBe(digestOf(path, doc('mine', 'regenerated')));
    },
  );

  it.each(['x.txt', 'x.md.txt', 'x.svg', 'xmd', 'x.mdxx'])(
    '%s is not Markdown: every byte counts',
    (path) => {
      expect(digestOf(path, doc('mine'))).not.toBe(digestOf(path, doc('edited by a person')));
    },
  );

  it('a Markdown file’s digest changes with a region’s id, its order, and a region added', () => {
    const one = `${wrapRegion('a', 'x')}\n\n${wrapRegion('b', 'y')}\n`;
    expect(digestOf('x.md', one)).not.toBe(
      digestOf('x.md', `${wrapRegion('a2', 'x')}\n\n${wrapRegion('b', 'y')}\n`),
    );
    expect(digestOf('x.md', one)).not.toBe(
      digestOf('x.md', `${wrapRegion('b', 'y')}\n\n${wrapRegion('a', 'x')}\n`),
    );
    expect(digestOf('x.md', one)).not.toBe(digestOf('x.md', `${one}\n${wrapRegion('c', '')}\n`));
    expect(digestOf('x.md', 'only text\n')).toBe(digestOf('x.md', 'other text\n'));
  });

  it('a Markdown file’s digest changes when a region ends the file without its newline', () => {
    expect(digestOf('x.md', `${wrapRegion('a', 'x')}\n`)).not.toBe(digestOf('x.md', wrapRegion('a', 'x')));
  });

  it('a Buffer and the same text give the same digest', () => {
    expect(digestOf('x.bin', Buffer.from('abc'))).toBe(digestOf('x.bin', 'abc'));
    expect(digestOf('x.md', Buffer.from(doc('a')))).toBe(digestOf('x.md', doc('a')));
  });

  it('is a SHA-256 in hex', () => {
    expect(digestOf('x.md', doc('a'))).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf('x.txt', 'a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('codeDigest', () => {
  const code = { 'a.js': 'export const a = 1;', 'sub/b.ts': 'export const b = 2;', 'c.mjs': 'x' };

  it('is the same for the same version and code', () => {
    expect(codeDigest(folder('same1', code), '1.0.0')).toBe(codeDigest(folder('same2', code), '1.0.0'));
  });

  it('changes with the version', () => {
    const dir = folder('version', code);
    expect(codeDigest(dir, '1.0.0')).not.toBe(codeDigest(dir, '1.0.1'));
    expect(codeDigest(dir, undefined)).not.toBe(codeDigest(dir, '1.0.0'));
  });

  it.each([
    ['a .js file changed', { 'a.js': 'export const a = 2;' }],
    ['a .ts file in a subfolder changed', { 'sub/b.ts': 'changed' }],
    ['a .mjs file changed', { 'c.mjs': 'y' }],
    ['a .js file added', { 'd.js': '' }],
  ])('changes when %s', (_, change) => {
    expect(codeDigest(folder('base', code), 'v')).not.toBe(
      codeDigest(folder('changed', { ...code, ...change }), 'v'),
    );
  });

  it('changes when a file is renamed', () => {
    const renamed = { 'a2.js': code['a.js'], 'sub/b.ts': code['sub/b.ts'], 'c.mjs': code['c.mjs'] };
    expect(codeDigest(folder('base', code), 'v')).not.toBe(codeDigest(folder('renamed', renamed), 'v'));
  });

  it.each([
    ['a declaration file', { 'a.d.ts': 'declare const a: number;' }],
    ['a test', { 'a.test.ts': 'test()' }],
    ['a JSON file', { 'data.json': '{}' }],
    ['a Markdown file', { 'README.md': '# x' }],
  ])('does not change when %s is added', (_, extra) => {
    expect(codeDigest(folder('base', code), 'v')).toBe(
      codeDigest(folder('extra', { ...code, ...extra }), 'v'),
    );
  });

  it.each([
    ['a .js file whose name contains .d.ts', { 'x.d.ts.js': '' }],
    ['a .mjs file whose name contains .test.ts', { 'x.test.ts.mjs': '' }],
  ])('changes when %s is added (only the last extension counts)', (_, extra) => {
    expect(codeDigest(folder('base', code), 'v')).not.toBe(
      codeDigest(folder('extra', { ...code, ...extra }), 'v'),
    );
  });

  it('where one file ends and the next begins is part of the digest', () => {
    expect(codeDigest(folder('two', { 'a.js': 'x', 'b.js': '' }), 'v')).not.toBe(
      codeDigest(folder('one', { 'a.js': 'xb.js\u0000' }), 'v'),
    );
  });

  it('does not depend on the order the files were created in', () => {
    const first = folder('order1', { 'b.js': '2', 'a.js': '1' });
    const second = folder('order2', { 'a.js': '1', 'b.js': '2' });
    expect(codeDigest(first, 'v')).toBe(codeDigest(second, 'v'));
  });
});

describe('ormdocDigest', () => {
  it('is the stand-in a test sets, and ormdoc’s own digest again once it is unset', () => {
    const real = ormdocDigest();
    expect(real).toMatch(/^[0-9a-f]{64}$/);
    setOrmdocDigestForTests('stand-in');
    expect(ormdocDigest()).toBe('stand-in');
    setOrmdocDigestForTests(undefined);
    expect(ormdocDigest()).toBe(real);
  });
});

describe('configJson: what JSON would drop is spelled out', () => {
  it.each([
    ['a regular expression', { x: /a.b/gi }, '{"x":"RegExp /a.b/gi"}'],
    ['a function', { x: (a: number) => a }, '{"x":"function (a) => a"}'],
    ['a bigint', { x: 10n }, '{"x":"bigint 10"}'],
    ['plain values', { x: 'text', n: 1, b: true, l: [null] }, '{"x":"text","n":1,"b":true,"l":[null]}'],
  ])('%s', (_, config, json) => {
    expect(configJson(config as never)).toBe(json);
  });

  it('two configs that differ only in a pattern or a function body differ', () => {
    expect(configJson({ x: /a/ } as never)).not.toBe(configJson({ x: /b/ } as never));
    expect(configJson({ x: () => 1 } as never)).not.toBe(configJson({ x: () => 2 } as never));
  });
});

describe('stampKey', () => {
  const cwd = folder('key', { 't1.md': 'ab', 't2.md': '', 'u1.md': 'a', 'u2.md': 'b' });
  const config = (templates: unknown[] = ['overview']) =>
    resolveConfig({ output: { dir: 'docs', templates } });
  const ir = () =>
    anIr({
      tables: [aTable('users', { columns: [aColumn('id', 'integer'), aColumn('email')] }), aTable('posts')],
    });
  const key = (value = ir(), cfg = config()) => {
    setOrmdocDigestForTests('ormdoc');
    return stampKey(value, cfg, cwd);
  };

  it('is a SHA-256 in hex, the same for the same inputs', () => {
    expect(key()).toMatch(/^[0-9a-f]{64}$/);
    expect(key()).toBe(key());
  });

  it('changes with ormdoc’s code', () => {
    const before = key();
    setOrmdocDigestForTests('another build');
    expect(stampKey(ir(), config(), cwd)).not.toBe(before);
  });

  it.each<[string, (value: ReturnType<typeof ir>) => void]>([
    ['a column of a table', (v) => v.tables[1]!.columns.push(aColumn('title'))],
    ['a table added', (v) => v.tables.push(aTable('tags'))],
    ['a table dropped', (v) => v.tables.pop()],
    ['an enum', (v) => v.enums.push(anEnum('role', ['a']))],
    ['the dialect', (v) => Object.assign(v, { dialect: 'mysql' })],
  ])('changes with the IR: %s', (_, change) => {
    const changed = ir();
    change(changed);
    expect(key(changed)).not.toBe(key());
  });

  it('changes with the config', () => {
    expect(key(ir(), config(['schema']))).not.toBe(key());
  });

  it('changes with a custom template’s text, and where one template ends and the next begins', () => {
    const a = key(ir(), config([{ path: 't1.md' }, { path: 't2.md' }]));
    writeFileSync(join(cwd, 't2.md'), 'changed');
    expect(key(ir(), config([{ path: 't1.md' }, { path: 't2.md' }]))).not.toBe(a);
    writeFileSync(join(cwd, 't2.md'), '');
    expect(key(ir(), config([{ path: 't1.md' }, { path: 't2.md' }]))).toBe(a);
    // Same paths, the same bytes in all, split differently between the two files.
    writeFileSync(join(cwd, 't1.md'), 'a');
    writeFileSync(join(cwd, 't2.md'), 'b');
    expect(key(ir(), config([{ path: 't1.md' }, { path: 't2.md' }]))).not.toBe(a);
    writeFileSync(join(cwd, 't1.md'), 'ab');
    writeFileSync(join(cwd, 't2.md'), '');
  });

  it('is undefined when a custom template cannot be read (the full run reports it)', () => {
    expect(key(ir(), config(['overview', { path: 'missing.md' }]))).toBeUndefined();
  });
});

describe('readStamp', () => {
  const valid = { format: 'ormdoc-stamp/1', key: 'k', files: [], findings: [], diagnostics: [] };
  const withStamp = (text: string) => folder('read', { [STAMP_FILE]: text });

  it('reads what stampText wrote: one line of JSON', () => {
    const stamp = {
      key: 'k',
      files: [['a.md', 'd']] as Array<[string, string]>,
      findings: [],
      diagnostics: [],
    };
    const text = stampText(stamp);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    expect(readStamp(withStamp(text))).toEqual({ format: 'ormdoc-stamp/1', ...stamp });
  });

  it.each<[string, unknown]>([
    ['another format', { ...valid, format: 'ormdoc-stamp/2' }],
    ['no format', { ...valid, format: undefined }],
    ['a key that is no string', { ...valid, key: 1 }],
    ['files that are no list', { ...valid, files: {} }],
    ['findings that are no list', { ...valid, findings: 'x' }],
    ['diagnostics that are no list', { ...valid, diagnostics: null }],
  ])('is undefined for %s', (_, stamp) => {
    expect(readStamp(withStamp(JSON.stringify(stamp)))).toBeUndefined();
    expect(readStamp(withStamp(JSON.stringify(valid)))).toEqual(valid);
  });

  it('is undefined when there is no stamp or it is no JSON', () => {
    expect(readStamp(folder('none', {}))).toBeUndefined();
    expect(readStamp(withStamp('{not json'))).toBeUndefined();
  });
});

describe('verifyStamp', () => {
  const md = `# X\n\n${wrapRegion('a', 'A')}\n`;
  const stampOf = (files: Array<[string, string]>): Stamp => ({
    format: 'ormdoc-stamp/1',
    key: 'k',
    files,
    findings: [],
    diagnostics: [],
  });

  it('gives each document in the stamp’s order, Markdown with its text, other files without', () => {
    const dir = folder('ok', { 'b.md': md, 'a.svg': '<svg/>' });
    const found = verifyStamp(
      dir,
      stampOf([
        ['b.md', digestOf('b.md', md)],
        ['a.svg', digestOf('a.svg', '<svg/>')],
      ]),
    );
    expect(found).toEqual([
      { path: 'b.md', target: join(dir, 'b.md'), text: md },
      { path: 'a.svg', target: join(dir, 'a.svg') },
    ]);
  });

  it('holds when a person edited a Markdown document outside its regions', () => {
    const dir = folder('edited', { 'b.md': `${md}\nmy notes\n` });
    expect(verifyStamp(dir, stampOf([['b.md', digestOf('b.md', md)]]))).toHaveLength(1);
  });

  it.each<[string, Record<string, string>, Array<[string, string]>]>([
    ['a region changed', { 'b.md': md.replace('A', 'B') }, [['b.md', digestOf('b.md', md)]]],
    ['another file changed', { 'a.svg': '<svg />' }, [['a.svg', digestOf('a.svg', '<svg/>')]]],
    ['a document missing', {}, [['b.md', digestOf('b.md', md)]]],
    ['broken markers', { 'b.md': '<!-- ormdoc:begin a -->\n' }, [['b.md', digestOf('b.md', md)]]],
    ['a path outside the output folder', {}, [['../x.md', digestOf('x.md', md)]]],
    ['an entry that is no pair of strings', { 'b.md': md }, [['b.md', 1 as unknown as string]]],
    ['an entry with no path', { 'b.md': md }, [[2 as unknown as string, digestOf('b.md', md)]]],
    ['an entry that is no list', { 'b.md': md }, ['b.md' as unknown as [string, string]]],
  ])('is undefined for %s', (_, files, entries) => {
    const dir = folder('bad', files);
    expect(verifyStamp(dir, stampOf(entries))).toBeUndefined();
  });

  it('a file outside the output folder is never read, even when its digest matches', () => {
    const project = folder('outside', { 'x.md': md, 'docs/b.md': md });
    expect(verifyStamp(join(project, 'docs'), stampOf([['../x.md', digestOf('x.md', md)]]))).toBeUndefined();
    expect(verifyStamp(join(project, 'docs'), stampOf([['b.md', digestOf('b.md', md)]]))).toHaveLength(1);
  });

  it('a sibling folder whose name starts with the output folder’s is outside it too', () => {
    const project = folder('sibling', { 'docs-old/x.md': md, 'docs/b.md': md });
    expect(
      verifyStamp(join(project, 'docs'), stampOf([['../docs-old/x.md', digestOf('x.md', md)]])),
    ).toBeUndefined();
  });

  it('the first mismatch ends the check, whatever comes after', () => {
    const dir = folder('first', { 'b.md': md });
    expect(
      verifyStamp(
        dir,
        stampOf([
          ['b.md', 'wrong'],
          ['b.md', digestOf('b.md', md)],
        ]),
      ),
    ).toBeUndefined();
  });
});
