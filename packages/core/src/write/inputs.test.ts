import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrmdocConfig } from '../config/schema.js';
import { digestInput, inputsSalt, inputsUnchanged, recordInputs } from './inputs.js';

const root = mkdtempSync(join(tmpdir(), 'ormdoc-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const extract = { orm: 'prisma', tables: 1, enums: 0, diagnostics: [] };

describe('digestInput', () => {
  it.each([
    ['a file', 'file:'],
    ['a folder', 'dir:'],
    ['a path that does not exist', 'missing'],
  ])('%s has a digest of its kind', (what, prefix) => {
    const dir = mkdtempSync(join(root, 'kind-'));
    writeFileSync(join(dir, 'f'), 'x');
    const path = what === 'a file' ? join(dir, 'f') : what === 'a folder' ? dir : join(dir, 'nope');
    expect(digestInput(path).startsWith(prefix)).toBe(true);
  });

  it('a file changes with its bytes; a folder with its listing, not with its files’ contents', () => {
    const dir = mkdtempSync(join(root, 'change-'));
    writeFileSync(join(dir, 'a'), '1');
    const [file, folder] = [digestInput(join(dir, 'a')), digestInput(dir)];
    writeFileSync(join(dir, 'a'), '2');
    expect(digestInput(join(dir, 'a'))).not.toBe(file);
    expect(digestInput(dir)).toBe(folder);
    writeFileSync(join(dir, 'b'), '');
    expect(digestInput(dir)).not.toBe(folder);
  });

  it('leaves the skipped paths out of a listing', () => {
    const dir = mkdtempSync(join(root, 'skip-'));
    const before = digestInput(dir);
    mkdirSync(join(dir, 'docs'));
    expect(digestInput(dir, new Set([join(dir, 'docs')]))).toBe(before);
    expect(digestInput(dir)).not.toBe(before);
  });
});

describe('recordInputs / inputsUnchanged', () => {
  it('holds until an input, the salt or the set of files changes; the output folder does not count', () => {
    const cwd = mkdtempSync(join(root, 'project-'));
    writeFileSync(join(cwd, 'schema.prisma'), 'model A { id Int @id }');
    const salt = inputsSalt(['prisma', '{}']);
    const config = { output: { dir: 'docs/database', templates: [] } } as unknown as Pick<
      OrmdocConfig,
      'output'
    >;
    const rec = recordInputs(cwd, config, salt, [cwd, join(cwd, 'schema.prisma')], extract);
    expect(rec.entries.map(([p]) => p)).toEqual(['.', 'schema.prisma']);
    mkdirSync(join(cwd, 'docs/database'), { recursive: true });
    expect(inputsUnchanged(rec, salt, cwd, 'docs/database')).toBe(true);
    expect(inputsUnchanged(rec, inputsSalt(['prisma', '{"a":1}']), cwd, 'docs/database')).toBe(false);
    writeFileSync(join(cwd, 'other.prisma'), '');
    expect(inputsUnchanged(rec, salt, cwd, 'docs/database')).toBe(false);
  });

  it('an empty or malformed record never holds', () => {
    const cwd = mkdtempSync(join(root, 'empty-'));
    const salt = inputsSalt(['x']);
    expect(inputsUnchanged(undefined, salt, cwd, 'docs')).toBe(false);
    expect(inputsUnchanged({ salt, entries: [], extract }, salt, cwd, 'docs')).toBe(false);
    const bad = { salt, entries: [[1, 2]] as unknown as Array<[string, string]>, extract };
    expect(inputsUnchanged(bad, salt, cwd, 'docs')).toBe(false);
  });
});
