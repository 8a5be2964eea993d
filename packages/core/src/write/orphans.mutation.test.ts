import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOrphans, type Orphan, orphanStale, orphanWarning, removeOrphans } from './orphans.js';
import { digestOf, type Stamp } from './stamp.js';

/**
 * Orphans one rule at a time, on files in a temporary folder (orphans.test.ts runs whole
 * generations): which files the last stamp makes orphans, which of them hold only what ormdoc
 * wrote, and what removing them leaves.
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-orphans-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(root, 'out-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};
const stampOf = (files: Array<[string, string]>, orphans?: unknown[]): Stamp =>
  ({
    format: 1,
    key: 'k',
    files,
    findings: [],
    diagnostics: [],
    ...(orphans ? { orphans } : {}),
  }) as unknown as Stamp;
const written = (files: Record<string, string>) =>
  Object.entries(files).map(([path, text]) => [path, digestOf(path, text)] as [string, string]);
const summary = (orphans: Orphan[]) => orphans.map((o) => [o.path, o.removable]);

const region = (id: string, body: string) =>
  `<!-- ormdoc:begin ${id} -->\n${body}\n<!-- ormdoc:end ${id} -->`;

describe('findOrphans: which files', () => {
  it('none without a stamp', () => {
    expect(findOrphans(folder({ 'a.md': 'x' }), undefined, [])).toEqual([]);
  });

  it('the files the stamp lists that this run does not render and that still exist, by path', () => {
    const files = { 'b.json': '{}', 'a.json': '[]', 'kept.json': '1', 'sub/c.json': '2' };
    const dir = folder(files);
    const stamp = stampOf([...written(files), ['gone.json', 'x']]);
    const found = findOrphans(dir, stamp, ['kept.json']);
    expect(summary(found)).toEqual([
      ['a.json', true],
      ['b.json', true],
      ['sub/c.json', true],
    ]);
    expect(found[0]).toEqual({ path: 'a.json', target: join(dir, 'a.json'), content: '[]', removable: true });
  });

  it('never a path outside the output folder, nor the folder itself', () => {
    const dir = folder({ 'a.json': '1' });
    writeFileSync(join(dir, '..', 'outside.json'), '1');
    const stamp = stampOf([
      ['../outside.json', digestOf('x.json', '1')],
      ['', 'x'],
      ['.', 'x'],
    ]);
    expect(findOrphans(dir, stamp, [])).toEqual([]);
  });

  it('entries that are no [path, digest] pair are skipped; kept orphans count, never removable', () => {
    const dir = folder({ 'a.json': '1', 'b.md': '# B\n', 'c.json': '3' });
    const stamp = stampOf([['a.json', digestOf('a.json', '1')], 'c.json', [3, 'x']] as never, [
      'b.md',
      'a.json',
      7,
    ]);
    expect(summary(findOrphans(dir, stamp, []))).toEqual([
      ['a.json', true],
      ['b.md', false],
    ]);
  });
});

describe('findOrphans: removable only when it holds what ormdoc wrote and nothing of a person’s', () => {
  const removable = (path: string, text: string, digestText = text) => {
    const dir = folder({ [path]: text });
    const [o] = findOrphans(dir, stampOf([[path, digestOf(path, digestText)]]), []);
    return o?.removable;
  };

  it.each([
    ['a file as written', 'data.json', '{"a":1}', true],
    [
      'headings, blank lines and comments',
      'a.md',
      `# T\n\n###### Deep\n  \n<!-- note\nover lines -->\n${region('r', 'any text')}\n`,
      true,
    ],
    ['an unfilled TODO', 'a.md', '> **TODO(ormdoc):** say why.\n  > **TODO(ormdoc):**\n', true],
    ['a filled TODO', 'a.md', 'Because it must.\n', false],
    ['a TODO with no space after >', 'a.md', '>**TODO(ormdoc):** say why.\n', true],
    ['a region and a line of text', 'a.md', `${region('r', 'x')}\nNotes.\n`, false],
    ['a line of text', 'a.md', '# T\nNotes.\n', false],
    ['seven #', 'a.md', '####### deep\n', false],
    ['a # with no space', 'a.md', '#tag\n', false],
    ['a TODO with words before it', 'a.md', 'x > **TODO(ormdoc):** y\n', false],
    ['text after a comment on its line', 'a.md', '<!-- c --> text\n', false],
  ])('%s (%s): %s', (_, path, text, expected) => {
    expect(removable(path, text)).toBe(expected);
  });

  it('not when its markers are broken (a person has been at it)', () => {
    expect(removable('a.md', '<!-- ormdoc:begin r -->\nno end\n', '# A\n')).toBe(false);
  });

  it('not when the file changed since it was written', () => {
    expect(removable('data.json', '{"a":2}', '{"a":1}')).toBe(false);
    expect(removable('a.md', region('r', 'new'), region('r', 'old'))).toBe(false);
  });
});

describe('removeOrphans', () => {
  it('removes the removable ones and the folders they leave empty, up to the output folder', () => {
    const dir = folder({
      'tables/x/a.md': '# A\n',
      'tables/b.md': '# B\n',
      'keep/c.md': 'Notes.\n',
      'keep/d.md': '# D\n',
      'top.md': '# T\n',
    });
    const stamp = stampOf(
      written({
        'tables/x/a.md': '# A\n',
        'tables/b.md': '# B\n',
        'keep/c.md': 'Notes.\n',
        'top.md': '# T\n',
      }),
    );
    const orphans = findOrphans(dir, stamp, []);
    expect(removeOrphans(dir, orphans)).toEqual(['tables/b.md', 'tables/x/a.md', 'top.md']);
    expect(existsSync(join(dir, 'tables'))).toBe(false);
    expect(existsSync(join(dir, 'keep/c.md'))).toBe(true);
    expect(existsSync(join(dir, 'keep/d.md'))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it('a folder still holding a file stays, and the ones above it too', () => {
    const dir = folder({ 'a/b/c.md': '# C\n', 'a/other.md': 'x' });
    const orphans = findOrphans(dir, stampOf(written({ 'a/b/c.md': '# C\n' })), []);
    expect(removeOrphans(dir, orphans)).toEqual(['a/b/c.md']);
    expect(existsSync(join(dir, 'a/b'))).toBe(false);
    expect(existsSync(join(dir, 'a/other.md'))).toBe(true);
  });
});

describe('orphanWarning and orphanStale', () => {
  it('name the file and what to do; the stale diff removes every line', () => {
    expect(orphanWarning('tables/x.md')).toEqual({
      severity: 'warning',
      code: 'output/orphaned-document',
      message:
        "ormdoc no longer writes tables/x.md (what it documented left the schema, or the documents' layout changed), and it holds text ormdoc did not write, so it was kept.",
      file: 'tables/x.md',
      hint: 'Move what you wrote in tables/x.md to a current document, then delete the file.',
    });
    const stale = orphanStale({ path: 'x.md', target: '/o/x.md', content: 'a\nb\n', removable: true });
    expect(stale.path).toBe('x.md');
    expect(stale.diff).toContain('--- a/x.md\n+++ /dev/null\n');
    expect(stale.diff).toContain('-a\n-b\n');
    expect(stale.diff).not.toMatch(/^\+(?!\+\+)/m); // no line added
  });
});
