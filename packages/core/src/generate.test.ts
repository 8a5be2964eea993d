import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from './config/resolve.js';
import { type GeneratePhase, generateDocs } from './generate.js';
import { exampleIr } from './testing/index.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('generateDocs reports each phase as it ends (what the CLI prints as progress)', () => {
  it('render, then write, each with what it produced; check mode reports a write phase that wrote nothing', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-generate-'));
    dirs.push(cwd);
    const config = resolveConfig({ output: { templates: ['overview'] } });
    const events: GeneratePhase[] = [];
    const result = await generateDocs({ ir: exampleIr(), config, cwd, onPhase: (e) => events.push(e) });
    expect(events.map((e) => e.phase)).toEqual(['render', 'write']);
    const [render, write] = events;
    if (render?.phase !== 'render' || write?.phase !== 'write') throw new Error('phases out of order');
    expect(render.rendered.files).toBe(result.files);
    expect(render.rendered.findings).toBe(result.findings);
    expect(write).toMatchObject({ check: false, written: { written: result.written, stale: [] } });
    expect(write.written.written.length).toBeGreaterThan(0);
    for (const e of events) expect(e.ms).toBeGreaterThanOrEqual(0);

    const checked: GeneratePhase[] = [];
    const again = await generateDocs({
      ir: exampleIr(),
      config,
      cwd,
      check: true,
      onPhase: (e) => checked.push(e),
    });
    expect(checked.map((e) => e.phase)).toEqual(['render', 'write']);
    expect(checked[1]).toMatchObject({ check: true, written: { written: [], stale: [] } });
    expect(again.unchanged).toEqual(result.written);
  });

  it('reports no phase when it stops before rendering (a schema without tables)', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ormdoc-generate-'));
    dirs.push(cwd);
    const events: GeneratePhase[] = [];
    const ir = { ...exampleIr(), tables: [] };
    await expect(
      generateDocs({ ir, config: resolveConfig({}), cwd, onPhase: (e) => events.push(e) }),
    ).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
    expect(events).toEqual([]);
  });
});
