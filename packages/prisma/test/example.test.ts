import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, exampleIr, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { loadPrisma } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { compareWithPrisma } from './helpers/compare.js';

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/prisma');

describe('examples/prisma', () => {
  it('creates the database Prisma Migrate creates (plus the migration’s hand-written checks)', async () => {
    const { ir } = await loadPrisma({ cwd: exampleDir });
    const db = await startPglite();
    const { differences, prismaDdl } = await compareWithPrisma(db, { cwd: exampleDir, ir });
    expect(prismaDdl).toContain('posts_view_count_check');
    expect(differences).toEqual([]);
  });

  it('creates the database examples/DOMAIN.md describes (the hand-built example IR)', async () => {
    const { ir } = await loadPrisma({ cwd: exampleDir });
    const db = await startPglite();
    const expected = await shapeOfDdl(db, renderDdl(exampleIr(), { dialect: 'postgresql' }));
    const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
    expect(compareShapes(expected, actual)).toEqual([]);
  });

  it('carries the descriptions, tags, code names and provenance of the schema', async () => {
    const { ir } = await loadPrisma({ cwd: exampleDir });
    const expected = exampleIr();
    for (const t of expected.tables) {
      const mine = ir.tables.find((x) => x.name === t.name);
      expect(mine, t.name).toBeDefined();
      expect([mine?.description, mine?.tags, mine?.codeName], t.name).toEqual([
        t.description,
        t.tags,
        t.codeName,
      ]);
      for (const c of t.columns) {
        const mc = mine?.columns.find((x) => x.name === c.name);
        expect([mc?.description, mc?.tags, mc?.codeName, mc?.onUpdate], `${t.name}.${c.name}`).toEqual([
          c.description,
          c.tags,
          c.codeName,
          c.onUpdate,
        ]);
      }
    }
    const users = ir.tables.find((t) => t.name === 'users');
    expect(users?.source).toEqual({ file: 'schema.prisma', line: expect.any(Number) });
    expect(ir.source.files).toEqual(['schema.prisma']);
    expect(ir.enums.map((e) => [e.name, e.codeName, e.description])).toEqual([
      ['member_role', 'MemberRole', 'Role of a user inside an organization.'],
      ['post_status', 'PostStatus', 'Publication state of a post.'],
    ]);
  });
});
