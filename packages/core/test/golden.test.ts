import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocs, renderDocuments, resolveConfig } from '@ormdoc/core';
import { exampleIr } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const config = resolveConfig({});

describe('golden documents of the example domain', () => {
  it.each(['overview.md', 'schema.md', 'design.md', 'target-state.md', 'architecture.md'])(
    '%s',
    async (file) => {
      const { files } = await renderDocuments({ ir: exampleIr(), config, cwd: process.cwd() });
      const content = files.find((f) => f.path === file)?.content;
      expect(content).toBeDefined();
      await expect(content).toMatchFileSnapshot(`./golden/example/${file}`);
    },
  );
});

describe('regeneration keeps hand edits', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'ormdoc-golden-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('keeps text before, between and after regions and filled TODOs byte for byte; check reports stale/current', async () => {
    const first = await generateDocs({ ir: exampleIr(), config, cwd });
    expect(first.written).toContain('schema.md');
    expect(first.todos.filter((t) => t.file === 'schema.md').map((t) => t.fact)).toEqual(
      expect.arrayContaining(['hosting', 'backups', 'rowLevelSecurity']),
    );
    const path = join(cwd, 'docs/database/schema.md');
    const original = await readFile(path, 'utf8');
    const hostingTodo = original.split('\n').find((l) => l.includes('set `project.hosting`')) as string;
    const edited = `My preface before everything.\n\n${original}`
      .replace(hostingTodo, '**Hosting:** Neon, eu-central-1, managed by the platform team.')
      .replace('## Relationships\n', '## Relationships\n\nA note of mine between regions.\n')
      .concat('\n## Our own appendix\n\nKept forever.\n');
    await writeFile(path, edited);

    const current = await generateDocs({ ir: exampleIr(), config, cwd, check: true });
    expect(current.stale).toEqual([]);
    expect(current.todos.some((t) => t.file === 'schema.md' && t.fact === 'hosting')).toBe(false);

    const again = await generateDocs({ ir: exampleIr(), config, cwd });
    expect(again.written).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(edited);

    // The schema changes: the region updates, every hand edit stays.
    const changed = exampleIr();
    const tags = changed.tables.find((t) => t.name === 'tags');
    if (tags) tags.description = 'A label, changed.';
    const stale = await generateDocs({ ir: changed, config, cwd, check: true });
    expect(stale.stale.map((s) => s.path)).toEqual(expect.arrayContaining(['schema.md']));
    expect(stale.stale.find((s) => s.path === 'schema.md')?.diff).toContain(
      '+**Purpose:** A label, changed.',
    );
    expect(await readFile(path, 'utf8')).toBe(edited);
    await generateDocs({ ir: changed, config, cwd });
    const after = await readFile(path, 'utf8');
    expect(after).toContain('**Purpose:** A label, changed.');
    expect(after.startsWith('My preface before everything.\n\n')).toBe(true);
    expect(after).toContain('## Relationships\n\nA note of mine between regions.\n');
    expect(after).toContain('**Hosting:** Neon, eu-central-1, managed by the platform team.');
    expect(after.endsWith('\n## Our own appendix\n\nKept forever.\n')).toBe(true);
    // Only the lines carrying the changed description differ from the edited file.
    const before = edited.split('\n');
    const now = after.split('\n');
    expect(now.length).toBe(before.length);
    const differing = now.filter((line, i) => line !== before[i]);
    expect(differing.length).toBeGreaterThan(0);
    for (const line of differing) expect(line).toContain('A label, changed.');
  });
});
