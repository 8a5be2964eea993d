import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  globInputs,
  loadedModuleInputs,
  nodeProjectInputs,
  treeInputs,
  tsconfigChain,
} from './moduleInputs.js';

/** The module-loading inputs one rule each (moduleInputs.test.ts has the common cases). */
const root = mkdtempSync(join(tmpdir(), 'ormdoc-module-inputs-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(content: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'p-'));
  for (const [path, text] of Object.entries(content)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('nodeProjectInputs: every lockfile and state file, in every folder up to the root', () => {
  it.each([
    'package.json',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'yarn.lock',
    'bun.lock',
    'bun.lockb',
    '.pnp.cjs',
    '.pnp.data.json',
    'node_modules/.package-lock.json',
    'node_modules/.modules.yaml',
    'node_modules/.pnpm/lock.yaml',
    'node_modules/.yarn-state.yml',
    'node_modules/.yarn-integrity',
    'tsconfig.json',
  ])('%s', (name) => {
    const found = nodeProjectInputs('/a/b');
    for (const dir of ['/a/b', '/a', '/']) expect(found).toContain(join(dir, name));
    expect(found).toHaveLength(16 * 3);
  });
});

describe('loadedModuleInputs', () => {
  it('a node_modules folder at the very root is a package folder too', () => {
    expect(loadedModuleInputs(['/node_modules/x/index.js'])).toEqual(['/node_modules/x/package.json']);
  });
});

describe('tsconfigChain: the extends it follows', () => {
  it('a cycle ends where it started', () => {
    const dir = files({ 'a.json': '{ "extends": "./b" }', 'b.json': '{ "extends": "./a.json" }' });
    expect(tsconfigChain(join(dir, 'a.json'))).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
  });

  it('an absolute path, a path with .json, and an empty entry (skipped)', () => {
    const dir = files({ 'base.json': '{}', 'other.json': '{}' });
    writeFileSync(join(dir, 'tsconfig.json'), `{ "extends": ["${join(dir, 'base')}", "", "./other.json"] }`);
    expect(tsconfigChain(join(dir, 'tsconfig.json'))).toEqual([
      join(dir, 'tsconfig.json'),
      join(dir, 'base.json'),
      join(dir, 'other.json'),
    ]);
  });

  it('however the colon is spaced', () => {
    const dir = files({
      'base.json': '{}',
      'a.json': '{ "extends" : "./base" }',
      'b.json': '{"extends":"./base"}',
    });
    for (const f of ['a.json', 'b.json'])
      expect(tsconfigChain(join(dir, f))).toEqual([join(dir, f), join(dir, 'base.json')]);
  });

  it('a relative extends that does not exist yet is still its file (a path, never a package)', () => {
    const dir = files({ 'tsconfig.json': '{ "extends": "./missing" }' });
    expect(tsconfigChain(join(dir, 'tsconfig.json'))).toEqual([
      join(dir, 'tsconfig.json'),
      join(dir, 'missing.json'),
    ]);
  });

  it("a package's file is where its exports map it", () => {
    const dir = files({
      'node_modules/cfg/package.json':
        '{ "name": "cfg", "exports": { "./strict": "./configs/strict.json" } }',
      'node_modules/cfg/configs/strict.json': '{}',
      'tsconfig.json': '{ "extends": "cfg/strict" }',
    });
    expect(tsconfigChain(join(dir, 'tsconfig.json'))).toEqual([
      join(dir, 'tsconfig.json'),
      join(dir, 'node_modules/cfg/configs/strict.json'),
    ]);
  });

  it('an extends it cannot read (no string, no list) makes the chain unknown; no extends is the file alone', () => {
    const dir = files({ 'odd.json': '{ "extends": 5 }', 'plain.json': '{ "compilerOptions": {} }' });
    expect(tsconfigChain(join(dir, 'odd.json'))).toBeUndefined();
    expect(tsconfigChain(join(dir, 'plain.json'))).toEqual([join(dir, 'plain.json')]);
  });

  it('a base that extends what cannot be resolved makes the whole chain unknown', () => {
    const dir = files({
      'tsconfig.json': '{ "extends": "./base" }',
      'base.json': '{ "extends": "@not/installed" }',
    });
    expect(tsconfigChain(join(dir, 'tsconfig.json'))).toBeUndefined();
  });

  it('a package whose exports leave its tsconfig out is found in node_modules, under each spelling', () => {
    const dir = files({
      'node_modules/cfg/package.json': '{ "name": "cfg", "exports": { "./x": "./x.js" } }',
      'node_modules/cfg/tsconfig.json': '{}',
      'node_modules/cfg/strict.json': '{}',
      'app/one.json': '{ "extends": "cfg" }',
      'app/two.json': '{ "extends": "cfg/strict" }',
    });
    expect(tsconfigChain(join(dir, 'app/one.json'))).toEqual([
      join(dir, 'app/one.json'),
      join(dir, 'node_modules/cfg/tsconfig.json'),
    ]);
    expect(tsconfigChain(join(dir, 'app/two.json'))).toEqual([
      join(dir, 'app/two.json'),
      join(dir, 'node_modules/cfg/strict.json'),
    ]);
  });
});

describe('globInputs: which patterns are globs', () => {
  it.each(['*', '?', '[ab]', '{a,b}', '@(a)', '!(x)', '+(a)'])('a part with %s', (part) => {
    const dir = files({ 'src/x/a.ts': '' });
    expect(globInputs(dir, [`src/${part}.ts`]).sort()).toEqual([join(dir, 'src'), join(dir, 'src/x')]);
  });

  it('a glob at the top is the project and its folders; backslashes separate too', () => {
    const dir = files({ 'a/b.ts': '', '.git/c': '' });
    expect(globInputs(dir, ['*.ts']).sort()).toEqual([dir, join(dir, 'a')]);
    expect(globInputs(dir, ['a\\*.ts'])).toEqual([join(dir, 'a')]);
    expect(globInputs(dir, ['none/**/*.ts'])).toEqual([join(dir, 'none')]);
  });
});

describe('treeInputs', () => {
  it('the folder, its folders and files; the folder alone when absent', () => {
    const dir = files({ 'm/1/up.sql': '', 'm/2/up.sql': '' });
    expect(treeInputs(join(dir, 'm')).sort()).toEqual(
      ['m', 'm/1', 'm/1/up.sql', 'm/2', 'm/2/up.sql'].map((p) => join(dir, p)).sort(),
    );
    expect(treeInputs(join(dir, 'gone'))).toEqual([join(dir, 'gone')]);
  });
});
