import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, onTestFinished, test } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { loadTypeorm } from '../src/index.js';

// Outside this repository, so neither typeorm nor @n8n/typeorm resolves from the project.
const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-no-typeorm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the typeorm peer is optional: a project on a fork must not get typeorm installed', () => {
  expect(pkg.peerDependenciesMeta.typeorm.optional).toBe(true);
  expect(pkg.peerDependencies.typeorm).toBe('^0.3.0 || ^1.0.0');
});

test('neither typeorm nor a fork installed: a clear error naming both', async () => {
  // `pnpm exec` puts the workspace's hoisted packages on NODE_PATH: take them off for this test.
  const M = Module as unknown as { _initPaths(): void };
  const nodePath = process.env.NODE_PATH;
  delete process.env.NODE_PATH;
  M._initPaths();
  onTestFinished(() => {
    if (nodePath !== undefined) process.env.NODE_PATH = nodePath;
    M._initPaths();
  });
  writeFileSync(path.join(dir, 'entities.cjs'), 'class Note {}\nmodule.exports = { Note };\n');
  await expect(loadTypeorm({ cwd: dir, entities: ['entities.cjs'] })).rejects.toMatchObject({
    code: 'DEPENDENCY_MISSING',
    message: expect.stringMatching(/typeorm, @n8n\/typeorm/),
    hint: expect.stringContaining('npm i typeorm'),
  });
});
