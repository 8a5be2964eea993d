import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from './config/resolve.js';
import { type GenerateResult, generateDocs } from './generate.js';
import type { Ir } from './ir/types.js';
import { aColumn } from './testing/builders.js';
import { exampleIr } from './testing/index.js';
import { STAMP_FILE, setOrmdocDigestForTests } from './write/stamp.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
afterEach(() => setOrmdocDigestForTests(undefined));

const baseConfig = { output: { dir: 'docs', templates: ['overview', 'schema', { path: 'custom.md' }] } };

async function project(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-stamp-'));
  dirs.push(cwd);
  await writeFile(join(cwd, 'custom.md'), '# Custom\n\n{{ormdoc:table users}}\n');
  return cwd;
}

/** What a caller sees of a run (the answer), without the timing-free `files` objects. */
const answer = (r: GenerateResult) => ({
  written: r.written,
  unchanged: r.unchanged,
  stale: r.stale,
  todos: r.todos,
  findings: r.findings,
  diagnostics: r.diagnostics,
  files: r.files.map((f) => f.path),
});

async function run(cwd: string, opts: { ir?: Ir; config?: unknown; check?: boolean; reuse?: boolean } = {}) {
  return generateDocs({
    ir: opts.ir ?? exampleIr(),
    config: resolveConfig(opts.config ?? baseConfig),
    cwd,
    check: opts.check ?? false,
    ...(opts.reuse === undefined ? {} : { reuse: opts.reuse }),
  });
}

describe('the unchanged run (issue 19): answered from the stamp beside the documents', () => {
  it('gives the answer and exit status of a full run, for generate and check, and renders nothing', async () => {
    const cwd = await project();
    const first = await run(cwd);
    expect(first.reused).toBeUndefined();
    expect(first.written.length).toBeGreaterThan(0);
    const stamp = JSON.parse(await readFile(join(cwd, 'docs', STAMP_FILE), 'utf8'));
    expect(stamp.files.map(([path]: [string]) => path)).toEqual(first.files.map((f) => f.path));

    for (const check of [false, true]) {
      const fast = await run(cwd, { check });
      const full = await run(cwd, { check, reuse: false });
      expect(fast.reused).toBe(true);
      expect(full.reused).toBeUndefined();
      expect(answer(fast)).toEqual(answer(full));
      expect(fast.stale).toEqual([]); // check's exit code: 0 either way
    }
    // The files of an unchanged run read as the documents on disk.
    const fast = await run(cwd);
    const overview = fast.files.find((f) => f.path === 'overview.md');
    expect(overview?.content).toBe(await readFile(join(cwd, 'docs', 'overview.md'), 'utf8'));
  });

  it('any change to the schema, the config, a custom template or ormdoc itself makes the run full', async () => {
    const cwd = await project();
    await run(cwd);
    expect((await run(cwd)).reused).toBe(true);

    const ir = exampleIr();
    ir.tables[0]?.columns.push(aColumn('nickname', 'text', { nullable: true }));
    const schemaChanged = await run(cwd, { ir, check: true });
    expect(schemaChanged.reused).toBeUndefined();
    expect(schemaChanged.stale.length).toBeGreaterThan(0);

    const configChanged = await run(cwd, {
      config: { ...baseConfig, project: { name: 'Acme' } },
      check: true,
    });
    expect(configChanged.reused).toBeUndefined();
    expect(configChanged.stale.map((s) => s.path)).toContain('overview.md');

    await writeFile(join(cwd, 'custom.md'), '# Custom\n\n{{ormdoc:table posts}}\n');
    const templateChanged = await run(cwd, { check: true });
    expect(templateChanged.reused).toBeUndefined();
    expect(templateChanged.stale.map((s) => s.path)).toEqual(['custom.md']);
    await run(cwd); // writes it, and a new stamp
    expect((await run(cwd)).reused).toBe(true);

    setOrmdocDigestForTests('another ormdoc version');
    const versionChanged = await run(cwd);
    expect(versionChanged.reused).toBeUndefined();
    expect(versionChanged.written).toEqual([]); // same documents: this build renders them alike
    expect((await run(cwd)).reused).toBe(true); // the new version's stamp
  });

  it('text edited outside the markers keeps the run unchanged, as a full run leaves it', async () => {
    const cwd = await project();
    await run(cwd);
    const file = join(cwd, 'docs', 'overview.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n## Our notes\n\nWritten by hand.\n`);
    const fast = await run(cwd, { check: true });
    expect(fast.reused).toBe(true);
    expect(answer(fast)).toEqual(answer(await run(cwd, { check: true, reuse: false })));
    expect(await readFile(file, 'utf8')).toContain('Written by hand.');
  });

  it('an edit inside markers, a deleted region, a deleted file or a changed artefact is caught: check reports it, generate repairs it', async () => {
    const cwd = await project();
    const first = await run(cwd);
    const overview = join(cwd, 'docs', 'overview.md');
    const original = await readFile(overview, 'utf8');
    const region = /<!-- ormdoc:begin (\S+) -->\n[\s\S]*?<!-- ormdoc:end \1 -->\n/.exec(original);
    if (!region) throw new Error('overview.md has no region');
    const edits: Array<[string, () => Promise<void>]> = [
      [
        'overview.md',
        () =>
          writeFile(
            overview,
            original.replace(region[0], region[0].replace(/\n(?=<!-- ormdoc:end)/, '\nhand edit\n')),
          ),
      ],
      ['overview.md', () => writeFile(overview, original.replace(region[0], ''))],
      ['overview.md', () => unlink(overview)],
      ['schema.json', async () => writeFile(join(cwd, 'docs', 'schema.json'), '{}\n')],
    ];
    for (const [path, edit] of edits) {
      await edit();
      const checked = await run(cwd, { check: true });
      expect(checked.reused).toBeUndefined();
      expect(checked.stale.map((s) => s.path)).toEqual([path]); // check exits 1
      const repaired = await run(cwd);
      expect(repaired.written).toEqual([path]);
      expect(answer(await run(cwd, { check: true }))).toMatchObject({ stale: [] });
      expect((await run(cwd)).reused).toBe(true);
    }
    expect(await readFile(overview, 'utf8')).toBe(original);
    expect(first.written).toContain('overview.md');
  });

  it('an unreadable stamp, or none, means a full run; check never writes a stamp', async () => {
    const cwd = await project();
    await run(cwd, { check: true });
    await expect(readFile(join(cwd, 'docs', STAMP_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    await run(cwd);
    await writeFile(join(cwd, 'docs', STAMP_FILE), '{ not json');
    const broken = await run(cwd, { check: true });
    expect(broken.reused).toBeUndefined();
    expect(broken.stale).toEqual([]);
  });
});
