import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, exampleIr } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeorm, loadTypeormMetadata } from '../src/index.js';
import { ddlShape, typeormShape } from './helpers/typeormShape.js';

const cwd = 'examples/typeorm';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ extensions: { pgcrypto } });
});
afterAll(async () => {
  await db?.close();
});

describe('examples/typeorm', async () => {
  const loaded = await loadTypeormMetadata({ cwd, dataSource: 'src/data-source.ts' });
  const { ir, diagnostics } = fromTypeormMetadata({
    dialect: loaded.dialect,
    entityMetadatas: loaded.entityMetadatas,
    entityFiles: loaded.entityFiles,
    files: loaded.files,
    cwd,
    typeormVersion: loaded.typeormVersion,
  });

  test('loadTypeorm finds the data source by itself and gives the same IR, deterministically', async () => {
    const auto = await loadTypeorm({ cwd });
    expect(auto.ir).toEqual(ir);
    expect(JSON.stringify((await loadTypeorm({ cwd })).ir)).toBe(JSON.stringify(auto.ir));
    expect(diagnostics).toEqual([]);
    expect(ir.source).toMatchObject({ orm: 'typeorm', ormVersion: '1.1.1' });
    expect(ir.tables).toHaveLength(12);
  });

  test('ormdoc DDL creates exactly the database TypeORM synchronize creates (names included)', async () => {
    const expected = await typeormShape(db, loaded);
    expect(Object.keys(expected.tables)).toHaveLength(12);
    const actual = await ddlShape(db, renderDdl(ir, { dialect: 'postgresql' }));
    expect(compareShapes(expected, actual)).toEqual([]);
  });

  test('the same database as examples/DOMAIN.md, except the two DESC index columns TypeORM cannot express', async () => {
    const domain = await ddlShape(db, renderDdl(exampleIr(), { dialect: 'postgresql' }));
    const typeorm = await ddlShape(db, renderDdl(ir, { dialect: 'postgresql' }));
    const diff = compareShapes(domain, typeorm, { ignoreNames: true, uniqueConstraintEqualsIndex: true });
    expect(diff.sort()).toEqual(
      [
        '- public.audit_logs: index USING btree (organization_id, created_at DESC)',
        '+ public.audit_logs: index USING btree (organization_id, created_at)',
        '- public.posts: index USING btree (status, published_at DESC)',
        '+ public.posts: index USING btree (status, published_at)',
      ].sort(),
    );
  });

  test('descriptions, tags, ORM-side update timestamps and navigation relations', () => {
    const users = ir.tables.find((t) => t.name === 'users');
    expect(users?.columns.find((c) => c.name === 'email')).toMatchObject({
      description: 'Login email address.',
      tags: [{ name: 'pii' }],
    });
    expect(users?.columns.find((c) => c.name === 'updated_at')?.onUpdate?.kind).toBe('orm');
    const apiKeys = ir.tables.find((t) => t.name === 'api_keys');
    expect(apiKeys).toMatchObject({
      description: 'Hashed API credentials of a user.',
      tags: [{ name: 'sensitive' }],
    });
    const apiKeyText = readFileSync(`${cwd}/src/entities/ApiKey.ts`, 'utf8');
    const classLine = apiKeyText.split('\n').findIndex((l) => l.startsWith('export class ApiKey')) + 1;
    expect(classLine).toBeGreaterThan(1);
    expect(apiKeys?.source).toEqual({ file: 'src/entities/ApiKey.ts', line: classLine });
    const comments = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'comments');
    expect(comments).toMatchObject({
      cardinality: 'many',
      ormCascade: ['insert'],
      to: { name: 'comments', field: 'post' },
    });
    const author = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'author');
    expect(author).toMatchObject({ cardinality: 'one', nullable: true });
    const org = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'organization');
    expect(org).toMatchObject({ cardinality: 'one', nullable: false });
  });
});
