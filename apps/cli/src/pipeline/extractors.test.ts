import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOrmdocError } from '@ormdoc/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ORMS } from '../args.js';
import { databaseNotInstalled } from '../commands/_database.js';
import { extractorImportError, importExtractor, notInstalled, requireExtractor } from './extractors.js';
import { locatePackage } from './locate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempProject = (files: Record<string, string> = {}) => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ormdoc-locate-')));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
};

describe('extractor packages', () => {
  it('imports every extractor with its detect and load functions', async () => {
    for (const orm of ORMS) {
      const imported = await importExtractor(orm, here);
      expect(imported.ok, orm).toBe(true);
      const extractor = await requireExtractor(orm, here);
      expect(typeof extractor.detect).toBe('function');
      expect(typeof extractor.load).toBe('function');
      // detection in a folder without any schema finds nothing
      expect(await extractor.detect(fileURLToPath(new URL('.', import.meta.url)))).toEqual([]);
    }
  });

  it('turns a package that is not installed into DEPENDENCY_MISSING, naming what to install', () => {
    const missing = Object.assign(new Error("Cannot find package 'drizzle-orm' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = extractorImportError('drizzle', missing);
    expect(isOrmdocError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'DEPENDENCY_MISSING', cause: missing });
    expect((error as Error).message).toContain('@ormdoc/drizzle');
    expect((error as { hint?: string }).hint).toMatch(/Install @ormdoc\/drizzle and drizzle-orm/);
  });

  it('passes any other import failure through unchanged (a bug, reported as an internal error)', () => {
    const bug = new TypeError('x is not a function');
    expect(extractorImportError('typeorm', bug)).toBe(bug);
  });

  it("resolves an extractor from the user's project first: npx runs ormdoc from a cache folder", async () => {
    // The project's own copy of @ormdoc/sqlmodel (a real copy, not the workspace link ormdoc sees).
    const dir = tempProject({
      'package.json': '{"name":"app"}',
      'models.py':
        'from sqlmodel import SQLModel, Field\n\nclass Hero(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n',
    });
    const copy = join(dir, 'node_modules/@ormdoc/sqlmodel');
    mkdirSync(copy, { recursive: true });
    for (const part of ['package.json', 'dist', 'python'])
      cpSync(join(repo, 'packages/sqlmodel', part), join(copy, part), { recursive: true });
    symlinkSync(join(repo, 'packages/core'), join(dir, 'node_modules/@ormdoc/core'), 'dir');
    mkdirSync(join(copy, 'node_modules'));
    symlinkSync(join(repo, 'packages/sqlmodel/node_modules/zod'), join(copy, 'node_modules/zod'), 'dir');
    const located = locatePackage('@ormdoc/sqlmodel', dir, import.meta.url);
    expect(located).toMatchObject({ where: 'project', root: copy });
    const imported = await importExtractor('sqlmodel', dir);
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(await imported.module.detect(dir)).toContain('models.py');
    // The same package reached both ways (this monorepo) is ormdoc's own copy.
    expect(locatePackage('@ormdoc/prisma', join(repo, 'examples/prisma'), import.meta.url).where).toBe(
      'self',
    );
  });

  it('finds nothing when the package is installed neither in the project nor beside ormdoc', () => {
    expect(locatePackage('@ormdoc/not-a-package', tempProject(), import.meta.url)).toEqual({
      where: 'nowhere',
    });
  });

  it("says which extractor to install, with the project's package manager and the one-step npx form", () => {
    const npm = notInstalled('prisma', tempProject({ 'package.json': '{}' }));
    expect(npm).toMatchObject({ code: 'DEPENDENCY_MISSING' });
    expect(npm.message).toMatch(/^This is a Prisma project: install the Prisma extractor, @ormdoc\/prisma/);
    expect(npm.hint).toBe(
      'npm i -D @ormdoc/prisma (or run once with npx -p ormdoc -p @ormdoc/prisma ormdoc generate).',
    );
    const pnpm = notInstalled('drizzle', tempProject({ 'package.json': '{}', 'pnpm-lock.yaml': '' }));
    expect(pnpm.hint).toMatch(/^pnpm add -D @ormdoc\/drizzle /);
    const python = notInstalled('sqlmodel', tempProject({ 'models.py': '' }));
    expect(python.message).toMatch(/^This is a SQLModel project/);
    expect(python.hint).toMatch(/^Run once with npx -p ormdoc -p @ormdoc\/sqlmodel ormdoc generate/);
  });

  it('says to install @ormdoc/database (an optional peer) for the commands that read a live database', () => {
    const drift = databaseNotInstalled(tempProject({ 'package.json': '{}', 'yarn.lock': '' }), 'drift');
    expect(drift).toMatchObject({ code: 'DEPENDENCY_MISSING' });
    expect(drift.message).toBe(
      '`ormdoc drift` reads a live database with @ormdoc/database, which is not installed (found neither in this project nor beside ormdoc).',
    );
    expect(drift.hint).toBe(
      'yarn add -D @ormdoc/database (or run once with npx -p ormdoc -p @ormdoc/database ormdoc drift ...).',
    );
    // Here it is beside ormdoc (a dev dependency of the CLI), so the import finds it.
    expect(locatePackage('@ormdoc/database', tempProject(), import.meta.url).where).toBe('self');
  });

  it('keeps the not-installed error as it is (not re-wrapped as a missing peer)', () => {
    const error = notInstalled('typeorm', tempProject());
    expect(extractorImportError('typeorm', error)).toBe(error);
  });
});
