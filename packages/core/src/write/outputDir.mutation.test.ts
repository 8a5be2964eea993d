import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import { assertOutputDir, displayPath, removeStaleTempFiles } from './outputDir.js';

/**
 * The output folder's helpers one case each: how a path is shown, which folders are accepted, and
 * which temporary files of an interrupted run are removed.
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-outdir-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('displayPath', () => {
  it.each([
    ['/p/docs/db', '/p', 'docs/db'],
    ['/elsewhere/docs', '/p', '/elsewhere/docs'],
    ['/p', '/p', '/p'],
    ['/p/docs', undefined, '/p/docs'],
  ])('%s from %s is shown as %s', (path, cwd, shown) => {
    expect(displayPath(path, cwd)).toBe(shown);
  });
});

describe('assertOutputDir', () => {
  it('accepts a folder, a missing folder, and a missing folder under missing ones', async () => {
    const cwd = mkdtempSync(join(root, 'ok-'));
    await expect(assertOutputDir(cwd, cwd)).resolves.toBeUndefined();
    await expect(assertOutputDir(join(cwd, 'a/b/c'), cwd)).resolves.toBeUndefined();
    expect(readdirSync(cwd)).toEqual([]); // nothing created
  });

  it('a file in the way: OUTPUT_UNWRITABLE naming that file, relative to the project', async () => {
    const cwd = mkdtempSync(join(root, 'file-'));
    writeFileSync(join(cwd, 'f'), '');
    let error: unknown;
    await assertOutputDir(join(cwd, 'f/docs'), cwd).catch((e: unknown) => {
      error = e;
    });
    expect(isOrmdocError(error) && error.code).toBe('OUTPUT_UNWRITABLE');
    expect(isOrmdocError(error) && error.file).toBe('f');
    expect(isOrmdocError(error) && error.hint).toMatch(/move that file away/);
  });

  it('a path the system refuses otherwise (a name over 255 bytes): OUTPUT_UNWRITABLE with the reason', async () => {
    const cwd = mkdtempSync(join(root, 'long-'));
    let error: unknown;
    await assertOutputDir(join(cwd, 'x'.repeat(300), 'docs'), cwd).catch((e: unknown) => {
      error = e;
    });
    expect(isOrmdocError(error) && error.code).toBe('OUTPUT_UNWRITABLE');
    expect(isOrmdocError(error) && error.message).toMatch(
      /^Cannot use the output directory x{300}\/docs: ENAMETOOLONG/,
    );
    expect(isOrmdocError(error) && error.hint).toBe(
      'Choose another output directory with --out or output.dir in the config.',
    );
    expect(isOrmdocError(error) && (error.cause as NodeJS.ErrnoException).code).toBe('ENAMETOOLONG');
  });
});

describe('removeStaleTempFiles', () => {
  it('removes `.<hex>.ormdoc.tmp` files, in subfolders too, and nothing else', async () => {
    const dir = mkdtempSync(join(root, 'tmp-'));
    mkdirSync(join(dir, 'tables'));
    const stale = ['.0a1b.ormdoc.tmp', 'tables/.ff.ormdoc.tmp'];
    const kept = [
      'overview.md',
      '.xyz.ormdoc.tmp',
      'a.0a1b.ormdoc.tmp',
      '.0a1b.ormdoc.tmp.md',
      '..ormdoc.tmp',
      '.0A1B.ormdoc.tmp',
      'tables/x.ormdoc.tmp',
    ];
    for (const f of [...stale, ...kept]) writeFileSync(join(dir, f), '');
    await removeStaleTempFiles(dir);
    const left = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f !== 'tables').sort();
    expect(left).toEqual([...kept].sort());
  });

  it('a folder that does not exist is nothing to clean', async () => {
    await expect(removeStaleTempFiles(join(root, 'nope'))).resolves.toBeUndefined();
  });
});
