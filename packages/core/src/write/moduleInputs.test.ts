import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globInputs, loadedModuleInputs, nodeProjectInputs, tsconfigChain } from './moduleInputs.js';

const root = mkdtempSync(join(tmpdir(), 'ormdoc-module-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string, content: Record<string, string>): string {
  for (const [path, text] of Object.entries(content)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('loadedModuleInputs', () => {
  it.each([
    ['/p/src/schema.ts', '/p/src/schema.ts'],
    ['/p/node_modules/drizzle-orm/pg-core/index.cjs', '/p/node_modules/drizzle-orm/package.json'],
    ['/p/node_modules/@scope/pkg/dist/a.js', '/p/node_modules/@scope/pkg/package.json'],
    [
      '/p/node_modules/.pnpm/x@1/node_modules/y/lib/z.js',
      '/p/node_modules/.pnpm/x@1/node_modules/y/package.json',
    ],
  ])('%s is represented by %s', (loaded, input) => {
    expect(loadedModuleInputs([loaded])).toEqual([input]);
  });

  it('a package loaded through many files is one input', () => {
    const many = ['a', 'b', 'c'].map((f) => `/p/node_modules/pkg/${f}.js`);
    expect(loadedModuleInputs(many)).toEqual(['/p/node_modules/pkg/package.json']);
  });
});

describe('nodeProjectInputs', () => {
  it('names the lockfiles, package.json and tsconfig.json of the project and every folder above it', () => {
    const found = nodeProjectInputs('/a/b');
    for (const dir of ['/a/b', '/a', '/'])
      for (const name of [
        'package.json',
        'pnpm-lock.yaml',
        'node_modules/.package-lock.json',
        'tsconfig.json',
      ])
        expect(found).toContain(join(dir, name));
  });
});

describe('tsconfigChain', () => {
  it('follows relative extends and extends through a package, and refuses one it cannot resolve', () => {
    const dir = files(join(root, 'ts'), {
      'tsconfig.json': '{\n  // a comment\n  "extends": ["./base", "@acme/tsconfig/strict.json"]\n}\n',
      'base.json': '{ "extends": "./deeper/root.json" }',
      'deeper/root.json': '{}',
      'packages/tsconfig/strict.json': '{}',
      'packages/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
      'broken/tsconfig.json': '{ "extends": "@not/installed" }',
    });
    mkdirSync(join(dir, 'node_modules/@acme'), { recursive: true });
    symlinkSync(join(dir, 'packages/tsconfig'), join(dir, 'node_modules/@acme/tsconfig'));
    expect(tsconfigChain(join(dir, 'tsconfig.json'))).toEqual([
      join(dir, 'tsconfig.json'),
      join(dir, 'base.json'),
      join(dir, 'deeper/root.json'),
      join(dir, 'packages/tsconfig/strict.json'),
    ]);
    expect(tsconfigChain(join(dir, 'broken/tsconfig.json'))).toBeUndefined();
    // a missing tsconfig is an input too: one that appears later changes its digest
    expect(tsconfigChain(join(dir, 'none.json'))).toEqual([join(dir, 'none.json')]);
  });
});

describe('globInputs', () => {
  it('a plain path is itself; a glob is its base folder and every folder below, without hidden ones', () => {
    const dir = files(join(root, 'glob'), {
      'src/db/schema/a.ts': '',
      'src/db/schema/nested/b.ts': '',
      'src/db/schema/.cache/c.ts': '',
      'src/db/schema/node_modules/d.ts': '',
      'src/db/schema/__pycache__/e.pyc': '',
      'src/other/f.ts': '',
    });
    expect(globInputs(dir, ['src/db/schema.ts'])).toEqual([join(dir, 'src/db/schema.ts')]);
    expect(globInputs(dir, ['./src/db/schema/**/*.ts']).sort()).toEqual(
      [join(dir, 'src/db/schema'), join(dir, 'src/db/schema/nested')].sort(),
    );
  });
});
