import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { generateDocs } from '../generate.js';
import type { Ir } from '../ir/types.js';
import { exampleIr } from '../testing/index.js';
import { type Orphan, removeOrphans } from './orphans.js';
import { STAMP_FILE } from './stamp.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function project(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-orphans-'));
  dirs.push(cwd);
  return cwd;
}

/** The example schema without the tables named, and without the foreign keys that pointed at them. */
function without(names: string[]): Ir {
  const ir = exampleIr();
  const gone = new Set(names);
  return {
    ...ir,
    tables: ir.tables
      .filter((t) => !gone.has(t.name))
      .map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter((fk) => !gone.has(fk.references.name)) })),
  };
}

const run = (cwd: string, opts: { ir?: Ir; templates?: string[]; check?: boolean; reuse?: boolean } = {}) =>
  generateDocs({
    ir: opts.ir ?? exampleIr(),
    config: resolveConfig({
      output: { dir: 'docs', ...(opts.templates ? { templates: opts.templates } : {}) },
    }),
    cwd,
    check: opts.check ?? false,
    ...(opts.reuse === undefined ? {} : { reuse: opts.reuse }),
  });

/** Every file under `dir`, relative, forward-slashed. */
const filesIn = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    )
    .sort();

const POST_DOMAIN = ['posts', 'comments', 'post_tags', 'tags', 'attachments'];

describe('documents no longer generated (write/orphans.ts)', () => {
  it('after a run the folder holds exactly what it rendered: what left the schema is removed', async () => {
    const cwd = await project();
    const docs = join(cwd, 'docs');
    const first = await run(cwd);
    const second = await run(cwd, { ir: without(POST_DOMAIN) });
    const now = second.files.map((f) => f.path);
    const gone = first.files.map((f) => f.path).filter((p) => !now.includes(p));
    expect(gone).toContain('domains/post.md'); // the case this test is about must happen
    expect(second.removed.sort()).toEqual(gone.sort());
    expect(filesIn(docs)).toEqual([...now, STAMP_FILE].sort());
    expect(second.diagnostics.filter((d) => d.code === 'output/orphaned-document')).toEqual([]);
  });

  it("removes the folders it empties up to the output folder, never a folder holding a person's file", async () => {
    const cwd = await project();
    const docs = join(cwd, 'docs');
    await mkdir(join(docs, 'parts', 'deep'), { recursive: true });
    await mkdir(join(docs, 'kept'), { recursive: true });
    const orphan = (path: string): Orphan => ({
      path,
      target: join(docs, path),
      content: '',
      removable: true,
    });
    await writeFile(join(docs, 'parts', 'deep', 'a.mmd'), '');
    await writeFile(join(docs, 'kept', 'b.mmd'), '');
    await writeFile(join(docs, 'kept', 'notes.txt'), 'mine\n');
    expect(removeOrphans(docs, [orphan('parts/deep/a.mmd'), orphan('kept/b.mmd')])).toEqual([
      'parts/deep/a.mmd',
      'kept/b.mmd',
    ]);
    expect(existsSync(join(docs, 'parts'))).toBe(false);
    expect(filesIn(docs)).toEqual(['kept/notes.txt']);
    await rm(join(docs, 'kept', 'notes.txt'));
    await writeFile(join(docs, 'c.mmd'), '');
    removeOrphans(docs, [orphan('c.mmd')]);
    expect(existsSync(docs)).toBe(true); // the output folder itself stays, even empty
    // Not removable: left alone.
    await writeFile(join(docs, 'd.md'), 'mine');
    expect(removeOrphans(docs, [{ ...orphan('d.md'), removable: false }])).toEqual([]);
    expect(existsSync(join(docs, 'd.md'))).toBe(true);
  });

  it('check reports a document that would be removed as stale, with a diff to /dev/null, and writes nothing', async () => {
    const cwd = await project();
    await run(cwd);
    const checked = await run(cwd, {
      ir: without(POST_DOMAIN),
      templates: ['overview', 'schema'],
      check: true,
    });
    const paths = checked.stale.map((s) => s.path);
    expect(paths).toContain('design.md');
    expect(paths).toContain('domains/post.md');
    const design = checked.stale.find((s) => s.path === 'design.md');
    expect(design?.diff).toContain('+++ /dev/null');
    expect(existsSync(join(cwd, 'docs', 'design.md'))).toBe(true);
    expect(existsSync(join(cwd, 'docs', 'domains', 'post.md'))).toBe(true);
    expect(checked.removed).toEqual([]);
  });

  it("keeps a document with a person's text in it, names it in a warning, and check stays stale until it is deleted", async () => {
    const cwd = await project();
    const docs = join(cwd, 'docs');
    await run(cwd);
    const target = join(docs, 'domains', 'post.md');
    const mine = `${await readFile(target, 'utf8')}\n## Our notes\n\nPosts are moderated by hand.\n`;
    await writeFile(target, mine);
    const ir = without(POST_DOMAIN);

    const second = await run(cwd, { ir });
    expect(second.removed).not.toContain('domains/post.md');
    expect(await readFile(target, 'utf8')).toBe(mine);
    const warning = second.diagnostics.find((d) => d.code === 'output/orphaned-document');
    expect(warning).toMatchObject({ severity: 'warning', file: 'domains/post.md' });
    expect(warning?.hint).toMatch(/delete the file/);

    // The next, unchanged, run still names it and check still fails on it.
    const again = await run(cwd, { ir });
    expect(again.reused).toBe(true);
    expect(again.diagnostics.map((d) => d.file)).toContain('domains/post.md');
    expect((await run(cwd, { ir, check: true })).stale.map((s) => s.path)).toEqual(['domains/post.md']);

    // Deleted by the person: nothing left to say.
    await rm(target);
    expect((await run(cwd, { ir, check: true })).stale).toEqual([]);
    expect((await run(cwd, { ir })).diagnostics.filter((d) => d.code === 'output/orphaned-document')).toEqual(
      [],
    );
  });

  it("removes a dropped template's document with its unfilled TODOs and headings, keeps one with a TODO filled in", async () => {
    const cwd = await project();
    const docs = join(cwd, 'docs');
    await run(cwd);
    const design = await readFile(join(docs, 'design.md'), 'utf8');
    expect(design).toContain('> **TODO(ormdoc):**'); // outside the markers, as ormdoc wrote it
    const architecture = join(docs, 'architecture.md');
    const filled = (await readFile(architecture, 'utf8')).replace(
      /^> \*\*TODO\(ormdoc\):\*\* Describe what this database is for.*$/m,
      'It stores the orders of our shop.',
    );
    expect(filled).toContain('It stores the orders of our shop.');
    await writeFile(architecture, filled);
    const second = await run(cwd, { templates: ['overview', 'schema'] });
    expect(second.removed).toContain('design.md');
    expect(existsSync(join(docs, 'design.md'))).toBe(false);
    expect(second.removed).not.toContain('architecture.md');
    expect(await readFile(architecture, 'utf8')).toBe(filled);
    expect(
      second.diagnostics.filter((d) => d.code === 'output/orphaned-document').map((d) => d.file),
    ).toEqual(['architecture.md']);
  });

  it('keeps a document whose generated text was edited since it was written (its digest differs)', async () => {
    const cwd = await project();
    await run(cwd);
    const target = join(cwd, 'docs', 'domains', 'post.md');
    const edited = (await readFile(target, 'utf8')).replace(/^# .*$/m, '# Posts, as we read them');
    expect(edited).not.toBe(await readFile(target, 'utf8'));
    await writeFile(target, edited);
    const second = await run(cwd, { ir: without(POST_DOMAIN) });
    expect(second.removed).not.toContain('domains/post.md');
    expect(await readFile(target, 'utf8')).toBe(edited);
    expect(second.diagnostics.map((d) => d.file)).toContain('domains/post.md');
  });

  it('without a stamp from the last run nothing is known to be ormdoc’s: nothing is removed', async () => {
    const cwd = await project();
    await run(cwd);
    await rm(join(cwd, 'docs', STAMP_FILE));
    const second = await run(cwd, { templates: ['overview'] });
    expect(second.removed).toEqual([]);
    expect(existsSync(join(cwd, 'docs', 'design.md'))).toBe(true);
  });
});
