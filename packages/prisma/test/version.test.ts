import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isOrmdocError } from '@ormdoc/core';
import { loadPrisma } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { majorOf, projectPrismaMajor } from '../src/load/version.js';
import { fixturesDir } from './helpers/fixtures.js';

/**
 * A copy of a fixture outside this repository, so that the `prisma` installed here (7.x) is not
 * what the project resolves: its package.json range is then the project's version.
 */
async function project(fixture: string, edit?: (schema: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-version-'));
  await cp(path.join(fixturesDir, fixture), dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, 'prisma', 'schema.prisma');
    await writeFile(file, edit(await readFile(file, 'utf8')));
  }
  return dir;
}

describe("the project's Prisma major", () => {
  it.each([
    ['5.22.0', 5],
    ['^6.3.1', 6],
    ['~5.0.0', 5],
    ['>=6.0.0', 6],
    ['npm:prisma@6.1.0', 6],
    ['7', 7],
    ['latest', undefined],
    ['catalog:', undefined],
    ['workspace:*', undefined],
  ])('majorOf(%j) = %j', (range, major) => {
    expect(majorOf(range)).toBe(major);
  });

  it('is read from package.json when no prisma is installed', async () => {
    const dir = await project('prisma5-view-id');
    expect(await projectPrismaMajor(dir)).toMatchObject({ major: 5 });
  });

  it('prefers the installed prisma over package.json ranges', async () => {
    // This package's own devDependency is Prisma 7.
    expect(await projectPrismaMajor(path.join(fixturesDir, 'prisma5-view-id'))).toMatchObject({
      major: 7,
      from: expect.stringMatching(/^installed prisma 7\./),
    });
  });
});

describe("a schema the project's older Prisma accepts and the bundled Prisma 7 refuses", () => {
  it('Prisma 5: a view with @id/@@id and the `metrics` preview feature are documented, with warnings naming file:line and rule', async () => {
    const cwd = await project('prisma5-view-id');
    const { ir, diagnostics } = await loadPrisma({ cwd });
    expect(ir.tables.map((t) => [t.name, t.kind])).toEqual([
      ['Account', 'table'],
      ['AccountDomain', 'view'],
      ['AccountPair', 'view'],
    ]);
    const view = ir.tables.find((t) => t.name === 'AccountDomain');
    expect(view?.description).toBe('Accounts with their e-mail domain.');
    expect(view?.columns.map((c) => c.name)).toEqual(['id', 'domain']);
    const relaxed = diagnostics.filter((d) => d.code.startsWith('prisma/newer-rule/'));
    expect(relaxed.map((d) => [d.code, d.file, d.line, d.severity])).toEqual([
      ['prisma/newer-rule/removed-preview-feature', 'prisma/schema.prisma', 5, 'warning'],
      ['prisma/newer-rule/view-primary-key', 'prisma/schema.prisma', 20, 'warning'],
      ['prisma/newer-rule/view-primary-key', 'prisma/schema.prisma', 28, 'warning'],
    ]);
    expect(relaxed[1]?.message).toMatch(
      /Prisma 6\+ refuses this \("Views cannot have primary keys\.?"\).*Prisma 5/,
    );
  });

  it('Prisma 6: the view @id is refused as Prisma 6 refuses it (exit 1, file:line)', async () => {
    const cwd = await project('prisma5-view-id', (s) => s.replace(', "metrics"', ''));
    await writeFile(
      path.join(cwd, 'package.json'),
      JSON.stringify({ name: 'p6', devDependencies: { prisma: '^6.19.0' } }),
    );
    const error = await loadPrisma({ cwd }).catch((e: unknown) => e);
    expect(isOrmdocError(error) && error.code).toBe('SCHEMA_INVALID');
    expect(error).toMatchObject({ file: 'prisma/schema.prisma', line: 20 });
    expect((error as Error).message).toMatch(/Views cannot have primary keys/);
  });

  it('an error in every version stays an error: a view @id next to an unknown type', async () => {
    const cwd = await project('prisma5-view-id', (s) => s.replace('domain String', 'domain Strin'));
    const error = await loadPrisma({ cwd }).catch((e: unknown) => e);
    expect(isOrmdocError(error) && error.code).toBe('SCHEMA_INVALID');
    expect((error as Error).message).toMatch(/Strin/);
    expect(error).toMatchObject({ file: 'prisma/schema.prisma' });
  });

  it('an unknown preview feature (a typo, not one Prisma 7 removed) stays an error', async () => {
    const cwd = await project('prisma5-view-id', (s) => s.replace('"metrics"', '"metricz"'));
    const error = await loadPrisma({ cwd }).catch((e: unknown) => e);
    expect(isOrmdocError(error) && error.code).toBe('SCHEMA_INVALID');
    expect((error as Error).message).toMatch(/metricz/);
  });
});
