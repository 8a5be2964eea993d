import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isOrmdocError } from '@ormdoc/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseOrm } from './detect.js';
import {
  detectDrizzleFiles,
  detectPrismaFiles,
  detectSqlmodelFiles,
  detectTypeormFiles,
} from './fallbacks.js';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ormdoc-detect-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fallback detection', () => {
  it('finds Prisma schema files, the multi-file folder and prisma.config.ts', () => {
    expect(detectPrismaFiles(project({ 'schema.prisma': '' }))).toEqual(['schema.prisma']);
    expect(detectPrismaFiles(project({ 'prisma/schema/user.prisma': '', 'prisma.config.ts': '' }))).toEqual([
      'prisma.config.ts',
      'prisma/schema/',
    ]);
    expect(detectPrismaFiles(project({ 'prisma/schema/readme.md': '' }))).toEqual([]);
  });

  it('finds drizzle.config in every module flavour', () => {
    expect(detectDrizzleFiles(project({ 'drizzle.config.mjs': '', 'drizzle.config.ts': '' }))).toEqual([
      'drizzle.config.mjs',
      'drizzle.config.ts',
    ]);
  });

  it('finds a TypeORM data source, or typeorm in package.json with entity files', () => {
    expect(detectTypeormFiles(project({ 'src/data-source.ts': '' }))).toEqual(['src/data-source.ts']);
    const withEntities = project({
      'package.json': JSON.stringify({ dependencies: { typeorm: '^0.3.0' } }),
      'src/user.ts': "@Entity('users')\nexport class User {}",
      'src/util.ts': 'export const x = 1;',
      'node_modules/x/y.entity.ts': '',
    });
    expect(detectTypeormFiles(withEntities)).toEqual(['package.json', 'src/user.ts']);
    // typeorm installed but no entity: not evidence of use.
    expect(detectTypeormFiles(project({ 'package.json': '{"dependencies":{"typeorm":"1"}}' }))).toEqual([]);
    // entities without typeorm in package.json: not evidence either.
    expect(detectTypeormFiles(project({ 'src/a.entity.ts': '@Entity()' }))).toEqual([]);
  });

  it('finds the SQLModel export JSON (only with formatVersion) and model modules', () => {
    const found = detectSqlmodelFiles(
      project({
        'schema.json': '{"formatVersion": 1, "tables": []}',
        'app/models.py': 'from sqlmodel import SQLModel, Field\n',
        'app/util.py': 'import os\n',
      }),
    );
    expect(found).toEqual({
      evidence: ['app/models.py', 'schema.json'],
      json: 'schema.json',
      module: 'app/models.py',
    });
    expect(detectSqlmodelFiles(project({ 'schema.json': '{"$schema": "x"}' })).evidence).toEqual([]);
    const sa = detectSqlmodelFiles(
      project({ 'db.py': 'from sqlalchemy.orm import DeclarativeBase, Mapped\n' }),
    );
    expect(sa).toEqual({ evidence: ['db.py'], module: 'db.py' });
  });
});

describe('chooseOrm', () => {
  it('uses the configured ORM without looking', async () => {
    await expect(chooseOrm(project({ 'drizzle.config.ts': '' }), 'prisma')).resolves.toEqual({
      orm: 'prisma',
      evidence: [],
    });
  });

  it('picks the only ORM found, with its evidence', async () => {
    const detection = await chooseOrm(project({ 'prisma/schema.prisma': 'model A { id Int @id }' }));
    expect(detection.orm).toBe('prisma');
    expect(detection.evidence).toContain('prisma/schema.prisma');
  });

  it('refuses to guess between several ORMs and says how to choose', async () => {
    const error = await chooseOrm(project({ 'schema.prisma': '', 'drizzle.config.ts': '' })).catch(
      (e: unknown) => e,
    );
    expect(isOrmdocError(error)).toBe(true);
    const e = error as Error & { hint: string };
    expect(e.message).toMatch(
      /More than one ORM found: .*prisma \(.*schema\.prisma.*\).*drizzle \(drizzle\.config\.ts\)/,
    );
    expect(e.hint).toMatch(/--orm/);
    expect(e.hint).toMatch(/source\.orm/);
  });

  it('says how to point at a schema when none is found', async () => {
    await expect(chooseOrm(project({ 'README.md': '' }))).rejects.toMatchObject({
      code: 'ORM_NOT_DETECTED',
      hint: expect.stringMatching(/--orm/),
    });
  });
});
