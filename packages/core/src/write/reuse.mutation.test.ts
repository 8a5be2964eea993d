import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratePhase } from '../generate.js';
import { wrapRegion } from '../render/markers.js';
import { inputsSalt, recordInputs } from './inputs.js';
import { orphanWarning } from './orphans.js';
import { reuseStamp, reuseUnchanged, writeStamp } from './reuse.js';
import { digestOf, readStamp, STAMP_FILE, type Stamp } from './stamp.js';

/**
 * Answering from the stamp, one condition at a time: `reuseStamp` gives the stamp's answer only
 * when every document still holds what was written; `reuseUnchanged` only when, besides, the
 * extraction's inputs were recorded with the same salt and none changed.
 */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-reuse-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const todo =
  '> **TODO(ormdoc):** Say where it runs — set `project.hosting` in ormdoc.config.ts or write it here.';
const docs = {
  'schema.md': `# Schema\n\n${wrapRegion('a', 'tables')}\n`,
  'overview.md': `# Overview\n\n## Hosting\n\n${todo}\n`,
  'er.svg': '<svg/>',
};
const finding = { rule: 'r', severity: 'warning', message: 'm' } as never;
const diagnostic = { severity: 'warning' as const, code: 'x/y', message: 'd' };

/** A project with its documents in docs/ and the stamp a run that wrote them would leave. */
function project(extra: Partial<Stamp> = {}) {
  const cwd = mkdtempSync(join(root, 'project-'));
  const outputDir = join(cwd, 'docs');
  mkdirSync(outputDir);
  for (const [path, text] of Object.entries(docs)) writeFileSync(join(outputDir, path), text);
  writeFileSync(join(cwd, 'schema.prisma'), 'model A { id Int @id }');
  const stamp: Omit<Stamp, 'format'> = {
    key: 'k',
    files: Object.entries(docs).map(([path, text]) => [path, digestOf(path, text)]),
    findings: [finding],
    diagnostics: [diagnostic],
    ...extra,
  };
  writeStamp(outputDir, stamp);
  return { cwd, outputDir, stamp: readStamp(outputDir) as Stamp };
}

describe('writeStamp', () => {
  it('writes the stamp readStamp reads back', () => {
    const { outputDir } = project();
    expect(readStamp(outputDir)?.files.map(([p]) => p)).toEqual(Object.keys(docs));
  });

  it('is best effort: an output folder it cannot write to is no error', () => {
    const file = join(mkdtempSync(join(root, 'file-')), 'not-a-folder');
    writeFileSync(file, '');
    expect(() => writeStamp(file, { key: 'k', files: [], findings: [], diagnostics: [] })).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('reuseStamp', () => {
  it('answers as a run that wrote nothing: every document unchanged, in path order, with its TODOs', async () => {
    const { cwd, outputDir, stamp } = project();
    const result = await reuseStamp(outputDir, stamp, false, { cwd });
    expect(result?.reused).toBe(true);
    expect(result?.outputDir).toBe(outputDir);
    expect(result?.written).toEqual([]);
    expect(result?.unchanged).toEqual(['er.svg', 'overview.md', 'schema.md']);
    expect(result?.stale).toEqual([]);
    expect(result?.todos).toEqual([{ file: 'overview.md', line: 5, section: 'Hosting', fact: 'hosting' }]);
    expect(result?.findings).toEqual([finding]);
    expect(result?.diagnostics).toEqual([diagnostic]);
    // The files in the render's order, each with its content on disk.
    expect(result?.files.map((f) => f.path)).toEqual(Object.keys(docs));
    expect(result?.files.map((f) => f.content)).toEqual(Object.values(docs));
  });

  it('a document kept last time for a person’s text is named again in a warning; nothing is removed', async () => {
    const { cwd, outputDir } = project({ orphans: ['old.md'] });
    writeFileSync(join(outputDir, 'old.md'), 'Notes.\n');
    const result = await reuseStamp(outputDir, readStamp(outputDir) as Stamp, false, { cwd });
    expect(result?.removed).toEqual([]);
    expect(result?.diagnostics).toEqual([diagnostic, orphanWarning('old.md')]);
  });

  it('tells the caller of the render and write phases, the write one with what the writer would say', async () => {
    const { cwd, outputDir, stamp } = project();
    const phases: GeneratePhase[] = [];
    await reuseStamp(outputDir, stamp, true, { cwd, onPhase: (e) => phases.push(e) });
    expect(phases.map((p) => p.phase)).toEqual(['render', 'write']);
    const [render, write] = phases as [
      Extract<GeneratePhase, { phase: 'render' }>,
      Extract<GeneratePhase, { phase: 'write' }>,
    ];
    expect(render.rendered.files.map((f) => f.path)).toEqual(Object.keys(docs));
    expect(render.rendered.findings).toEqual([finding]);
    expect(render.ms).toBeGreaterThanOrEqual(0);
    expect(write).toMatchObject({ ms: 0, check: true });
    expect(write.written.unchanged).toEqual(['er.svg', 'overview.md', 'schema.md']);
    expect(write.written.written).toEqual([]);
    expect(write.written.todos).toHaveLength(1);
  });

  it('lists the documents by path whatever order the stamp has them in; the render took no longer than the call', async () => {
    const { cwd, outputDir } = project();
    const names = ['m.svg', 'b.svg', 'z.svg', 'a.svg', 'k.svg', 'c.svg'];
    for (const n of names) writeFileSync(join(outputDir, n), n);
    const stamp: Stamp = {
      format: 'ormdoc-stamp/1',
      key: 'k',
      files: names.map((n) => [n, digestOf(n, n)]),
      findings: [],
      diagnostics: [],
    };
    const phases: GeneratePhase[] = [];
    const started = performance.now();
    const result = await reuseStamp(outputDir, stamp, false, { cwd, onPhase: (e) => phases.push(e) });
    const elapsed = performance.now() - started;
    expect(result?.unchanged).toEqual([...names].sort());
    expect(result?.files.map((f) => f.path)).toEqual(names);
    expect(phases[0]?.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('generate removes the temporary files an interrupted run left; check leaves them', async () => {
    const { cwd, outputDir, stamp } = project();
    const temp = join(outputDir, '.0a1b.ormdoc.tmp');
    writeFileSync(temp, '');
    await reuseStamp(outputDir, stamp, true, { cwd });
    expect(existsSync(temp)).toBe(true);
    await reuseStamp(outputDir, stamp, false, { cwd });
    expect(existsSync(temp)).toBe(false);
  });

  it('is undefined when a document no longer holds what was written', async () => {
    const { cwd, outputDir, stamp } = project();
    writeFileSync(join(outputDir, 'er.svg'), '<svg></svg>');
    expect(await reuseStamp(outputDir, stamp, false, { cwd })).toBeUndefined();
  });
});

describe('reuseUnchanged', () => {
  const extract = { orm: 'prisma', tables: 1, enums: 0, diagnostics: [] };
  const config = { output: { dir: 'docs', templates: [] } } as never;
  function recorded(salt = inputsSalt(['prisma'])) {
    const cwd = mkdtempSync(join(root, 'inputs-'));
    const inputs = recordInputs(cwd, config, salt, [join(cwd, 'schema.prisma')], extract);
    return { cwd, inputs };
  }
  function withInputs() {
    const p = project();
    const inputs = recordInputs(
      p.cwd,
      config,
      inputsSalt(['prisma']),
      [join(p.cwd, 'schema.prisma')],
      extract,
    );
    writeStamp(p.outputDir, { ...p.stamp, inputs });
    return p;
  }
  const salt = () => inputsSalt(['prisma']);

  it('answers from the stamp, with what the extraction reported, when no input changed', async () => {
    const { cwd } = withInputs();
    const asked: string[] = [];
    const answer = await reuseUnchanged({
      cwd,
      outputDir: 'docs',
      salt: (orm) => {
        asked.push(orm);
        return salt();
      },
    });
    expect(asked).toEqual(['prisma']);
    expect(answer?.extract).toEqual(extract);
    expect(answer?.result.reused).toBe(true);
    expect(answer?.result.unchanged).toEqual(['er.svg', 'overview.md', 'schema.md']);
  });

  it('check: passes it on (temporary files are left)', async () => {
    const { cwd, outputDir } = withInputs();
    writeFileSync(join(outputDir, '.ff.ormdoc.tmp'), '');
    const phases: string[] = [];
    const answer = await reuseUnchanged({
      cwd,
      outputDir: 'docs',
      salt,
      check: true,
      onPhase: (e) => phases.push(e.phase),
    });
    expect(answer?.result.reused).toBe(true);
    expect(phases).toEqual(['render', 'write']);
    expect(existsSync(join(outputDir, '.ff.ormdoc.tmp'))).toBe(true);
    await reuseUnchanged({ cwd, outputDir: 'docs', salt });
    expect(existsSync(join(outputDir, '.ff.ormdoc.tmp'))).toBe(false);
  });

  it.each<[string, (p: ReturnType<typeof withInputs>) => (orm: string) => string | undefined]>([
    ['the salt is another', () => () => inputsSalt(['drizzle'])],
    ['the caller cannot name a salt', () => () => undefined],
    [
      'an input changed',
      (p) => {
        writeFileSync(join(p.cwd, 'schema.prisma'), 'model B { id Int @id }');
        return salt;
      },
    ],
    [
      'a document changed',
      (p) => {
        writeFileSync(join(p.outputDir, 'er.svg'), 'changed');
        return salt;
      },
    ],
  ])('is undefined when %s', async (_, change) => {
    const p = withInputs();
    expect(await reuseUnchanged({ cwd: p.cwd, outputDir: 'docs', salt: change(p) })).toBeUndefined();
  });

  it('is undefined without a stamp, or with a stamp that recorded no inputs', async () => {
    expect(await reuseUnchanged({ cwd: recorded().cwd, outputDir: 'docs', salt })).toBeUndefined();
    const { cwd } = project();
    expect(await reuseUnchanged({ cwd, outputDir: 'docs', salt })).toBeUndefined();
  });
});

describe('the stamp file', () => {
  it('is named in the output folder', () => {
    const { outputDir } = project();
    expect(existsSync(join(outputDir, STAMP_FILE))).toBe(true);
  });
});
