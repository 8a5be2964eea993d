import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocuments } from './index.js';
import { digestOf } from './stamp.js';

/** writeDocuments one rule at a time (index.test.ts has the whole runs). */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-write-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folder = (files: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(root, 'out-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
};
const TODO = '> **TODO(ormdoc):** Say where.';

describe('writeDocuments', () => {
  it('generate removes the temporary files an interrupted run left; check leaves them', async () => {
    const dir = folder({ '.abc123.ormdoc.tmp': 'x' });
    await writeDocuments({ outputDir: dir, check: true, files: [{ path: 'a.json', content: '1' }] });
    expect(readdirSync(dir)).toEqual(['.abc123.ormdoc.tmp']);
    await writeDocuments({ outputDir: dir, files: [{ path: 'a.json', content: '1' }] });
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('TODOs are read from Markdown documents only', async () => {
    const dir = folder();
    const result = await writeDocuments({
      outputDir: dir,
      files: [
        { path: 'notes.json', content: `${TODO}\n` },
        { path: 'a.md', content: `# A\n\n${TODO}\n` },
      ],
    });
    expect(result.todos.map((t) => t.file)).toEqual(['a.md']);
  });

  it('records the digest of each file written or found unchanged, whole or in pieces; never in check mode', async () => {
    const dir = folder({ 'same.json': 'same' });
    const digests = new Map<string, string>();
    const pieces = ['{"a":', '1}'];
    await writeDocuments({
      outputDir: dir,
      digests,
      files: [
        { path: 'same.json', content: 'same' },
        { path: 'new.md', content: '# N\n' },
        { path: 'big.json', content: pieces.join(''), chunks: () => pieces },
      ],
    });
    expect(Object.fromEntries(digests)).toEqual({
      'same.json': digestOf('same.json', 'same'),
      'new.md': digestOf('new.md', '# N\n'),
      'big.json': digestOf('big.json', '{"a":1}'),
    });
    const checked = new Map<string, string>();
    await writeDocuments({
      outputDir: dir,
      check: true,
      digests: checked,
      files: [
        { path: 'same.json', content: 'same' },
        { path: 'other.json', content: 'x' },
      ],
    });
    expect(checked.size).toBe(0);
  });

  it('check: a missing file is diffed from /dev/null, a stale one from a/ to b/, with three lines of context', async () => {
    const lines = (n: number, changed = -1) =>
      Array.from({ length: n }, (_, i) => (i === changed ? 'changed' : `line ${i}`)).join('\n');
    const dir = folder({ 'stale.txt': `${lines(10)}\n` });
    const result = await writeDocuments({
      outputDir: dir,
      check: true,
      files: [
        { path: 'missing.txt', content: 'new\n' },
        { path: 'stale.txt', content: `${lines(10, 5)}\n` },
      ],
    });
    const [missing, stale] = result.stale;
    expect(missing?.diff).toContain('--- /dev/null\n+++ b/missing.txt\n');
    expect(missing?.diff).toContain('@@ -0,0 +1,1 @@\n+new\n');
    expect(stale?.diff).toContain('--- a/stale.txt\n+++ b/stale.txt\n');
    expect(stale?.diff).toContain(
      '@@ -3,7 +3,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed\n line 6\n line 7\n line 8\n',
    );
  });
});
