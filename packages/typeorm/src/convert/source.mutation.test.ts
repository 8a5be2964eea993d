import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classLine, relativePath } from './source.js';

/** Where an entity class is declared: the 1-based line of `class Name`, and paths as the IR keeps them. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-typeorm-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const lineIn = (text: string, name: string) => {
  const file = path.join(dir, `f${n++}.ts`);
  writeFileSync(file, text);
  return classLine(file, name, new Map());
};

describe('classLine', () => {
  it.each([
    ['the declaration line', '\n\nexport class Thing {}\n', 'Thing', 3],
    ['not a longer name first', 'class Things {}\nclass Thing {}\n', 'Thing', 2],
    ['not a name that goes on with $', 'class Thing$ {}\nclass Thing {}\n', 'Thing', 2],
    ['a name ending in $', 'class Other {}\nclass Other$ {}\n', 'Other$', 2],
    ['a name with two $', 'class A$B$ {}\n', 'A$B$', 1],
    ['not `class` inside a word', '// the superclass Thing is below\n\nclass Thing {}\n', 'Thing', 3],
    ['spaces and newlines after `class`', 'export class  \n  Thing {}\n', 'Thing', 1],
    ['abstract classes', 'x\nexport abstract class Thing {}\n', 'Thing', 2],
  ])('%s', (_what, text, name, line) => {
    expect(lineIn(text, name)).toBe(line);
  });

  it.each([
    ['no such class', 'class Other {}\n', 'Thing'],
    ['only a longer name', 'class Things {}\n', 'Thing'],
    ['an empty file', '', 'Thing'],
    ['no space after `class`', 'classThing {}\n', 'Thing'],
  ])('none: %s', (_what, text, name) => {
    expect(lineIn(text, name)).toBeUndefined();
  });

  it('a file is read once: the cache holds its text, or undefined when it cannot be read', () => {
    const missing = path.join(dir, 'missing.ts');
    const cache = new Map<string, string | undefined>([[missing, 'x\nclass Cached {}\n']]);
    expect(classLine(missing, 'Cached', cache)).toBe(2);
    const unreadable = path.join(dir, 'nope.ts');
    expect(classLine(unreadable, 'Cached', cache)).toBeUndefined();
    expect(cache.has(unreadable)).toBe(true);
    expect(cache.get(unreadable)).toBeUndefined();
    // a file written after the failed read stays unread
    writeFileSync(unreadable, 'class Cached {}\n');
    expect(classLine(unreadable, 'Cached', cache)).toBeUndefined();
  });
});

describe('relativePath', () => {
  it('absolute: relative to cwd, forward slashes', () => {
    expect(relativePath(dir, path.join(dir, 'a', 'b.ts'))).toBe('a/b.ts');
  });
  it('relative: kept as it is', () => {
    expect(relativePath('/elsewhere', 'a/b.ts')).toBe('a/b.ts');
  });
});
