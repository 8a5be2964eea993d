import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wrapRegion } from '../render/markers.js';
import { writeDocuments } from './index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ormdoc-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const md = (body: string) =>
  `# Doc\n\n${wrapRegion('body', body)}\n\n> **TODO(ormdoc):** Say where — set \`project.hosting\` in ormdoc.config.ts or write it here.\n`;

describe('writeDocuments', () => {
  it('writes new files (creating directories), then reports them unchanged', async () => {
    const files = [
      { path: 'a.md', content: md('one') },
      { path: 'tables/users.md', content: md('users') },
      { path: 'schema.sql', content: 'CREATE TABLE x ();\n' },
    ];
    const first = await writeDocuments({ outputDir: dir, files });
    expect(first.written).toEqual(['a.md', 'schema.sql', 'tables/users.md']);
    expect(await readFile(join(dir, 'tables/users.md'), 'utf8')).toBe(md('users'));
    expect(first.todos).toEqual([
      { file: 'a.md', line: 7, section: 'Doc', fact: 'hosting' },
      { file: 'tables/users.md', line: 7, section: 'Doc', fact: 'hosting' },
    ]);
    const second = await writeDocuments({ outputDir: dir, files });
    expect(second.written).toEqual([]);
    expect(second.unchanged).toHaveLength(3);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes many files in path order, in one directory made once, and stops at the first failure', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      path: `tables/t${String(i).padStart(3, '0')}.md`,
      content: md(`table ${i}`),
    }));
    const result = await writeDocuments({ outputDir: dir, files: many });
    expect(result.written).toEqual(many.map((f) => f.path));
    expect((await readdir(join(dir, 'tables'))).sort()).toEqual(many.map((f) => f.path.slice(7)));
    // `blocked` is a file, so no document can be written under it: the run fails with a clear
    // error, leaves no temporary file behind and does not start writing the files after it.
    await writeFile(join(dir, 'blocked'), 'not a directory');
    const failing = [
      { path: 'blocked/a.md', content: md('a') },
      ...Array.from({ length: 100 }, (_, i) => ({
        path: `z/f${String(i).padStart(3, '0')}.md`,
        content: md('z'),
      })),
    ];
    await expect(writeDocuments({ outputDir: dir, files: failing })).rejects.toMatchObject({
      code: 'OUTPUT_UNWRITABLE',
    });
    const written = await readdir(join(dir, 'z')).catch(() => [] as string[]);
    expect(written).toEqual([]); // written in path order: nothing after the failing file
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('check mode writes nothing and returns unified diffs for stale and missing files', async () => {
    await writeDocuments({ outputDir: dir, files: [{ path: 'a.md', content: md('one') }] });
    const edited = (await readFile(join(dir, 'a.md'), 'utf8')).replace('# Doc', '# Doc\n\nMine.');
    await writeFile(join(dir, 'a.md'), edited);
    const result = await writeDocuments({
      outputDir: dir,
      check: true,
      files: [
        { path: 'a.md', content: md('two') },
        { path: 'b.md', content: md('new') },
      ],
    });
    expect(result.written).toEqual([]);
    expect(result.stale.map((s) => s.path)).toEqual(['a.md', 'b.md']);
    expect(result.stale[0]?.diff).toContain('-one\n+two');
    expect(result.stale[0]?.diff).not.toContain('-Mine.');
    expect(result.stale[1]?.diff).toContain('--- /dev/null');
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(edited);
    await expect(readFile(join(dir, 'b.md'), 'utf8')).rejects.toThrow();
    const current = await writeDocuments({
      outputDir: dir,
      check: true,
      files: [{ path: 'a.md', content: md('one') }],
    });
    expect(current).toMatchObject({ stale: [], unchanged: ['a.md'] });
  });

  it('never writes outside the output directory', async () => {
    for (const path of ['../evil.md', '/etc/evil.md', 'a/../../evil.md', ''])
      await expect(writeDocuments({ outputDir: dir, files: [{ path, content: 'x' }] })).rejects.toMatchObject(
        {
          code: 'OUTPUT_UNWRITABLE',
        },
      );
  });

  it('leaves every file untouched when one has broken markers', async () => {
    await writeFile(join(dir, 'b.md'), '<!-- ormdoc:begin body -->\nno end\n');
    const files = [
      { path: 'a.md', content: md('one') },
      { path: 'b.md', content: md('two') },
    ];
    await expect(writeDocuments({ outputDir: dir, files })).rejects.toMatchObject({
      code: 'MARKERS_BROKEN',
      line: 1,
    });
    expect(await readdir(dir)).toEqual(['b.md']);
    expect(await readFile(join(dir, 'b.md'), 'utf8')).toBe('<!-- ormdoc:begin body -->\nno end\n');
  });

  it('writes, compares and checks a file given in pieces without ever joining them', async () => {
    // Over 2 MB, with a surrogate pair split across two pieces right at the 1 MB write slice.
    const head = 'a'.repeat((1 << 20) - 1);
    const pieces = [head, '\ud83d', '\ude00', 'é'.repeat(1 << 20), '"end"\n'];
    const text = pieces.join('');
    let joins = 0;
    const chunked = (parts: string[]) => ({
      path: 'schema.json',
      chunks: () => parts,
      get content() {
        joins++;
        return parts.join('');
      },
    });
    const first = await writeDocuments({ outputDir: dir, files: [chunked(pieces)] });
    expect(first.written).toEqual(['schema.json']);
    expect((await readFile(join(dir, 'schema.json'))).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect((await writeDocuments({ outputDir: dir, files: [chunked(pieces)] })).unchanged).toEqual([
      'schema.json',
    ]);
    // A prefix of the file, or the file with one piece changed, is not the same text.
    const diffs: string[] = [];
    for (const parts of [pieces.slice(0, 3), [...pieces.slice(0, 4), '"End"\n']]) {
      const result = await writeDocuments({ outputDir: dir, check: true, files: [chunked(parts)] });
      expect(result.stale.map((s) => s.path)).toEqual(['schema.json']);
      diffs.push(result.stale[0]?.diff ?? '');
    }
    expect(joins).toBe(2); // only check mode's diffs joined the pieces
    expect(diffs[1]).toMatch(/-.*"end"\n\+.*"End"/s);
    expect(await readFile(join(dir, 'schema.json'), 'utf8')).toBe(text);
    // Bytes as Node encodes the joined text: pairs split across pieces, lone surrogates, pieces
    // larger than the write buffer, a buffer filled exactly.
    const cases = [
      ['x\ud83d', '\ude00y', '\ud83d'],
      ['\ude00', 'a'.repeat(1 << 20), 'b'],
      ['€'.repeat((1 << 20) / 4), 'ab'.repeat(1 << 19), '', '\ud83d'],
      [],
    ];
    for (const [i, parts] of cases.entries()) {
      const path = `bytes-${i}.json`;
      await writeDocuments({ outputDir: dir, files: [{ ...chunked(parts), path }] });
      expect((await readFile(join(dir, path))).equals(Buffer.from(parts.join(''), 'utf8')), path).toBe(true);
    }
  });
});
