import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import { isMarkdown, readIfExists, resolveInside, writeAtomic } from './files.js';

/**
 * The writer's file helpers, one case each: which output paths stay inside the output folder, what
 * reading a missing file gives, and that a write leaves either the new file or the old one, never a
 * temporary file, with every character's UTF-8 bytes (pieces and surrogate pairs split anywhere).
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-files-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isOrmdocError(error)) return error;
    throw error;
  }
  throw new Error('expected an OrmdocError');
}

describe('isMarkdown', () => {
  it.each([
    ['a.md', true],
    ['a.MARKDOWN', true],
    ['t/a.mdx', true],
    ['a.md.json', false],
    ['a.mdown', false],
    ['md', false],
  ])('%s: %s', (path, markdown) => {
    expect(isMarkdown(path)).toBe(markdown);
  });
});

describe('resolveInside', () => {
  it.each(['a.md', 'tables/users.md', './a.md', 'tables/../a.md', '..a.md', 'tables/..x/a.md'])(
    '%s is inside',
    (path) => {
      expect(resolveInside('/out/docs', path)).toBe(resolve('/out/docs', path));
    },
  );

  it.each(['', '.', '..', '../a.md', 'tables/../../a.md', '/etc/passwd', '../docs2/a.md', '../docs'])(
    '%j is refused, naming the path and the folder',
    (path) => {
      const error = failure(() => resolveInside('/out/docs', path));
      expect(error.code).toBe('OUTPUT_UNWRITABLE');
      expect(error.message).toBe(
        `Refusing to write "${path}": it is outside the output directory /out/docs.`,
      );
      expect(error.hint).toMatch(/stay inside output\.dir/);
    },
  );
});

describe('readIfExists', () => {
  it('the text of a file, undefined for a missing one, an error naming the path otherwise', () => {
    const dir = mkdtempSync(join(root, 'read-'));
    writeFileSync(join(dir, 'a.md'), 'é\n');
    expect(readIfExists(join(dir, 'a.md'))).toBe('é\n');
    expect(readIfExists(join(dir, 'b.md'))).toBeUndefined();
    const error = failure(() => readIfExists(dir)); // a folder cannot be read as a file
    expect(error.code).toBe('OUTPUT_UNWRITABLE');
    expect(error.file).toBe(dir);
    expect(error.message).toMatch(new RegExp(`^Cannot read ${dir}: `));
    expect(error.hint).toBe('Check the file permissions of the output directory.');
  });
});

describe('writeAtomic', () => {
  const pair = '\ud83d\ude00';
  it.each<[string, string | string[]]>([
    ['a string', 'hello é'],
    ['an empty string', ''],
    ['pieces', ['a', 'é', '', 'c']],
    ['a surrogate pair split across pieces', ['x\ud83d', '\ude00y']],
    ['a pair at the end of a long text', `${'a'.repeat((1 << 20) - 1)}${pair}b`],
    ['a piece longer than the buffer', ['a', 'b'.repeat((1 << 20) + 3), 'c']],
    ['pieces that fill the buffer exactly', ['a'.repeat((1 << 20) - 1), 'b', 'c']],
  ])('%s: the file holds its UTF-8 bytes and nothing else is left', (_, content) => {
    const dir = mkdtempSync(join(root, 'write-'));
    const path = join(dir, 'sub', 'f.md');
    writeAtomic(path, content);
    const text = typeof content === 'string' ? content : content.join('');
    expect(readFileSync(path).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['f.md']);
  });

  it('an unpaired high surrogate at the very end is written as Node writes one', () => {
    const dir = mkdtempSync(join(root, 'lone-'));
    writeAtomic(join(dir, 'f'), ['a', '\ud83d']);
    expect(readFileSync(join(dir, 'f')).equals(Buffer.from('a\ud83d', 'utf8'))).toBe(true);
  });

  it('replaces the file; a failure leaves the old file and no temporary file, and names the path', () => {
    const dir = mkdtempSync(join(root, 'fail-'));
    writeAtomic(join(dir, 'f.md'), 'old');
    writeAtomic(join(dir, 'f.md'), 'new');
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toBe('new');
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken', 'x'), '');
    const error = failure(() => writeAtomic(join(dir, 'taken'), 'text')); // a folder is in the way
    expect(error.code).toBe('OUTPUT_UNWRITABLE');
    expect(error.file).toBe(join(dir, 'taken'));
    expect(error.message).toMatch(new RegExp(`^Cannot write ${join(dir, 'taken')}: `));
    expect(error.hint).toBe('Check that the output directory is writable (output.dir in the config).');
    expect(readdirSync(dir).sort()).toEqual(['f.md', 'taken']);
  });

  it('a folder that cannot be made (a file in the way): the same error, before any temporary file exists', () => {
    const dir = mkdtempSync(join(root, 'nodir-'));
    writeFileSync(join(dir, 'file'), '');
    const error = failure(() => writeAtomic(join(dir, 'file', 'sub', 'f.md'), 'text'));
    expect(error.code).toBe('OUTPUT_UNWRITABLE');
    expect(error.file).toBe(join(dir, 'file', 'sub', 'f.md'));
  });

  it('closes every file it opens', () => {
    const dir = mkdtempSync(join(root, 'fds-'));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      writeAtomic(join(dir, `s${i}.md`), 'text');
      writeAtomic(join(dir, `p${i}.md`), ['a', 'b']);
    }
    expect(open()).toBe(before);
  });

  it.each([
    ['a text ending in an unpaired high surrogate', 'x\ud83d'],
    ['pieces split after the first high surrogate', ['x\ud800', '\udc00y']],
    ['pieces split after the last high surrogate', ['x\udbff', '\udfffy']],
  ])('%s: the bytes of the joined text', (_, content) => {
    const dir = mkdtempSync(join(root, 'edge-'));
    writeAtomic(join(dir, 'f'), content);
    const text = typeof content === 'string' ? content : content.join('');
    expect(readFileSync(join(dir, 'f')).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('creates a folder once per run when told which ones exist already', () => {
    const dir = mkdtempSync(join(root, 'made-'));
    const made = new Set<string>();
    writeAtomic(join(dir, 'a', 'x.md'), '1', made);
    expect(made).toEqual(new Set([join(dir, 'a')]));
    writeAtomic(join(dir, 'a', 'y.md'), '2', made);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['x.md', 'y.md']);
  });
});
