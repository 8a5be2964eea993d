import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { renderDdl } from '@ormdoc/core';
import { resetDatabase } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeormMetadata } from '../src/index.js';
import { pgliteAsPg } from './helpers/pgliteDriver.js';

/**
 * @ViewEntity against TypeORM's own schema builder: `synchronize()` of the fixture's DataSource on
 * PGlite creates the views and the materialized view; their definitions, read back from pg_views /
 * pg_matviews, must equal those of the same views created from ormdoc's IR (PostgreSQL deparses both).
 */
const cwd = 'packages/typeorm/test/fixtures/objects';

interface SyncableDataSource {
  initialize(): Promise<unknown>;
  synchronize(): Promise<void>;
  destroy(): Promise<void>;
}

async function viewDefinitions(db: PGlite): Promise<Record<string, string>> {
  const { rows } = await db.query<{ name: string; definition: string }>(`
    SELECT 'view ' || viewname AS name, definition FROM pg_views WHERE schemaname = 'public'
    UNION ALL SELECT 'materialized-view ' || matviewname, definition FROM pg_matviews WHERE schemaname = 'public'`);
  return Object.fromEntries(rows.map((r) => [r.name, r.definition]));
}

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db?.close();
});

describe('TypeORM view entities', async () => {
  const loaded = await loadTypeormMetadata({ cwd, entities: ['entities.ts'] });
  const { ir, diagnostics } = fromTypeormMetadata({
    dialect: loaded.dialect,
    entityMetadatas: loaded.entityMetadatas,
    entityFiles: loaded.entityFiles,
    files: loaded.files,
    cwd,
  });
  const view = (name: string) => ir.tables.find((t) => t.name === name);

  test('a view per @ViewEntity: SQL text, query builders, materialized', () => {
    expect(diagnostics).toEqual([]);
    expect(ir.tables.map((t) => [t.name, t.kind, t.definition !== undefined])).toEqual([
      ['active_authors', 'view', true],
      ['author_pages', 'materialized-view', true],
      ['authors', 'table', false],
      ['book_listing', 'view', true],
      ['books', 'table', false],
    ]);
    expect(view('active_authors')?.definition).toBe('SELECT "id", "name" FROM "authors" WHERE "active"');
    const text = readFileSync(path.join(cwd, 'entities.ts'), 'utf8').split('\n');
    expect(view('book_listing')?.source).toEqual({
      file: 'entities.ts',
      line: text.indexOf('export class BookListing {') + 1,
    });
  });

  test('@ViewColumn has no type (the query decides it): unknown, not an invalid IR', () => {
    expect(view('active_authors')?.columns.map((c) => [c.name, c.type.sql, c.type.orm])).toEqual([
      ['id', 'unknown', 'ViewColumn'],
      ['name', 'unknown', 'ViewColumn'],
    ]);
  });

  test("TypeORM's synchronize() and the IR's definitions create the same views", async () => {
    await resetDatabase(db);
    const DataSource = loaded.dataSource.constructor as new (
      o: Record<string, unknown>,
    ) => SyncableDataSource;
    const ds = new DataSource({ ...loaded.dataSource.options, driver: pgliteAsPg(db), logging: false });
    await ds.initialize();
    try {
      await ds.synchronize();
    } finally {
      await ds.destroy();
    }
    const typeorm = await viewDefinitions(db);
    expect(Object.keys(typeorm).sort()).toEqual([
      'materialized-view author_pages',
      'view active_authors',
      'view book_listing',
    ]);
    await db.exec('DROP VIEW active_authors, book_listing; DROP MATERIALIZED VIEW author_pages;');
    for (const t of ir.tables.filter((x) => x.kind !== 'table'))
      await db.exec(
        `CREATE ${t.kind === 'materialized-view' ? 'MATERIALIZED VIEW' : 'VIEW'} "${t.name}" AS ${t.definition};`,
      );
    expect(await viewDefinitions(db)).toEqual(typeorm);
    // and ormdoc's own DDL of the whole IR
    await resetDatabase(db);
    await db.exec(renderDdl(ir));
    expect(await viewDefinitions(db)).toEqual(typeorm);
  });

  test('an expression that throws: the view without a definition, and a warning naming it', () => {
    const entity = loaded.entityMetadatas.find((m) => m.tableName === 'book_listing')!;
    const broken = {
      ...entity,
      expression: () => {
        throw new Error('no connection');
      },
    };
    const others = loaded.entityMetadatas.filter((m) => m !== entity);
    const r = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: [...others, broken],
      driver: loaded.dataSource.driver as never,
    });
    expect(r.ir.tables.find((t) => t.name === 'book_listing')?.definition).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      {
        severity: 'warning',
        code: 'typeorm/view-expression-failed',
        message: expect.stringContaining('book_listing'),
      },
    ]);
  });
});
