import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { renderDdl } from '@ormdoc/core';
import { compareShapes } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeormMetadata } from '../src/index.js';
import { ddlShape, typeormShape } from './helpers/typeormShape.js';

const cwd = 'packages/typeorm/test/fixtures/features';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ extensions: { uuid_ossp } });
});
afterAll(async () => {
  await db?.close();
});

describe('TypeORM features', async () => {
  const loaded = await loadTypeormMetadata({ cwd, entities: ['entities.ts'] });
  const { ir } = fromTypeormMetadata({
    dialect: loaded.dialect,
    entityMetadatas: loaded.entityMetadatas,
    entityFiles: loaded.entityFiles,
    files: loaded.files,
    cwd,
  });
  const table = (name: string) => {
    const t = ir.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  };
  const column = (t: string, c: string) => {
    const col = table(t).columns.find((x) => x.name === c);
    if (!col) throw new Error(`no column ${t}.${c}`);
    return col;
  };

  test('single-table inheritance: one table with the children columns (nullable) and the discriminator', () => {
    expect(ir.tables.map((t) => t.name)).toEqual(['contents', 'venues']);
    expect(table('contents').columns.map((c) => c.name)).toEqual([
      'id',
      'title',
      'level',
      'body',
      'duration_seconds',
      'kind',
    ]);
    expect(column('contents', 'kind').type.sql).toBe('varchar(20)');
    expect(column('contents', 'duration_seconds').nullable).toBe(true);
  });

  test('unnamed PostgreSQL enum is {table}_{column}_enum; uuid default without pgcrypto is uuid_generate_v4()', () => {
    expect(ir.enums.map((e) => [e.name, e.values.map((v) => v.name)])).toEqual([
      ['contents_level_enum', ['low', 'high']],
    ]);
    expect(column('contents', 'level').type).toMatchObject({
      category: 'enum',
      enum: { schema: null, name: 'contents_level_enum' },
    });
    expect(column('contents', 'id').default).toEqual({ kind: 'sql', expression: 'uuid_generate_v4()' });
    expect(column('venues', 'ref').default).toEqual({ kind: 'sql', expression: 'uuid_generate_v4()' });
  });

  test('embedded columns, identity, arrays, version, named unique and partial index', () => {
    const venues = table('venues');
    // TypeORM's own column order (embedded columns last), checked against its DDL below.
    expect(venues.columns.map((c) => c.name)).toEqual([
      'id',
      'name',
      'open',
      'labels',
      'ref',
      'version',
      'addrStreet',
      'addrCity',
    ]);
    expect(column('venues', 'addrCity')).toMatchObject({
      codeName: 'address.city',
      type: { sql: 'varchar(60)' },
    });
    expect(column('venues', 'id').default).toEqual({ kind: 'sequence', style: 'identity-always' });
    expect(column('venues', 'labels').type).toMatchObject({
      sql: 'text[]',
      isArray: true,
      category: 'string',
    });
    expect(column('venues', 'version').onUpdate?.kind).toBe('orm');
    expect(venues.uniques).toEqual([
      { name: 'venues_name_city_key', nameExplicit: true, columns: ['name', 'addrCity'] },
    ]);
    expect(venues.indexes).toMatchObject([
      { name: 'venues_open_idx', where: '"open" = true', parts: [{ column: 'name' }] },
    ]);
  });

  test('provenance: file and line of each entity class', () => {
    expect(table('venues').source).toEqual({ file: 'entities.ts', line: 47 });
    expect(ir.source.files).toEqual(['entities.ts']);
  });

  test('TypeORM synchronize and ormdoc DDL build the same database', async () => {
    const expected = await typeormShape(db, loaded);
    expect(Object.keys(expected.tables).sort()).toEqual(['public.contents', 'public.venues']);
    const actual = await ddlShape(
      db,
      `CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\n${renderDdl(ir, { dialect: 'postgresql' })}`,
    );
    expect(compareShapes(expected, actual)).toEqual([]);
  });
});
