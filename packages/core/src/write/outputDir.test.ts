import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrmdocError } from '../errors.js';
import { writeDocuments } from './index.js';

const files = [{ path: 'overview.md', content: '# Overview\n' }];

async function rejection(p: Promise<unknown>): Promise<OrmdocError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OrmdocError);
  return e as OrmdocError;
}

describe('the output directory', () => {
  it('is a file: says so with the path relative to the project, and writes nothing', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-out-'));
    await writeFile(join(cwd, 'notes'), 'x\n');
    const e = await rejection(writeDocuments({ outputDir: join(cwd, 'notes'), files, cwd }));
    expect(e.code).toBe('OUTPUT_UNWRITABLE');
    expect(e.message).toBe('The output directory notes is a file, not a directory.');
    expect(e.hint).toMatch(/--out or output\.dir/);
    expect(await readFile(join(cwd, 'notes'), 'utf8')).toBe('x\n');
  });

  it('lies under a file: names the file in the way', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-out-'));
    await writeFile(join(cwd, 'notes'), 'x\n');
    const e = await rejection(writeDocuments({ outputDir: join(cwd, 'notes', 'docs', 'db'), files, cwd }));
    expect(e.message).toBe(
      'The output directory notes/docs/db cannot be created: notes is a file, not a directory.',
    );
  });

  it('is created when missing, and temp files of an interrupted run are cleaned up', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-out-'));
    const out = join(cwd, 'docs', 'database');
    await writeDocuments({ outputDir: out, files, cwd });
    await writeFile(join(out, '.0a1b2c3d4e5f.ormdoc.tmp'), 'half a document');
    await writeDocuments({ outputDir: out, files, check: true, cwd });
    expect(await readdir(out)).toContain('.0a1b2c3d4e5f.ormdoc.tmp'); // check mode writes and removes nothing
    await writeDocuments({ outputDir: out, files, cwd });
    expect(await readdir(out)).toEqual(['overview.md']);
  });
});

describe('generateDocs on a schema without tables', () => {
  it('is a user error naming the schema files, and writes nothing', async () => {
    const { generateDocs } = await import('../generate.js');
    const { resolveConfig } = await import('../config/resolve.js');
    const { anIr } = await import('../testing/builders.js');
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-empty-'));
    const ir = anIr({ source: { orm: 'prisma', files: ['prisma/schema.prisma'] } });
    const e = await rejection(generateDocs({ ir, config: resolveConfig({}), cwd }));
    expect(e.code).toBe('INPUT_EMPTY');
    expect(e.message).toBe('No tables or views found in prisma/schema.prisma: there is nothing to document.');
    expect(await readdir(cwd)).toEqual([]);
  });
});
