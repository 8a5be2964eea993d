import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Column, Index, Ir } from '../ir/types.js';
import { aColumn, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { resetDatabase } from '../testing/pg.js';
import {
  expressionExtensions,
  FUNCTION_EXTENSIONS,
  indexPartExtension,
  OPCLASS_EXTENSIONS,
  requiredExtensions,
  TYPE_EXTENSIONS,
  typeExtension,
} from './extensions.js';
import { renderDdl } from './index.js';

// PGlite 0.5 ships these contrib extensions; pgvector and PostGIS are not among them, so their
// inference is checked on the DDL text only.
let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({
    extensions: {
      uuid_ossp,
      pgcrypto,
      pg_trgm,
      citext,
      hstore,
      ltree,
      cube,
      earthdistance,
      btree_gin,
      btree_gist,
      fuzzystrmatch,
    },
  });
});
afterAll(async () => {
  await db.close();
});

async function executes(ddl: string): Promise<void> {
  await resetDatabase(db);
  await db.exec('DROP SCHEMA IF EXISTS extensions CASCADE;');
  try {
    await db.exec(ddl);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- DDL ---\n${ddl}`);
  }
}

/** One table `t` (id integer primary key) with the given extra column and index. */
function irWith(column: Column, index?: Index): Ir {
  return anIr({
    tables: [
      aTable('t', {
        columns: [aColumn('id', 'integer'), column],
        primaryKey: aPrimaryKey('t', ['id']),
        indexes: index ? [index] : [],
      }),
    ],
  });
}

const created = (ddl: string) =>
  [...ddl.matchAll(/^CREATE EXTENSION IF NOT EXISTS ("?)([^"\s;]+)\1/gm)].map((m) => m[2]);

describe('type -> extension, row by row', () => {
  it.each(Object.entries(TYPE_EXTENSIONS))('%s needs %s', (type, ext) => {
    expect(typeExtension(type)).toEqual({ name: ext });
    expect(typeExtension(`${type}[]`)).toEqual({ name: ext });
    expect(requiredExtensions(irWith(aColumn('x', type))).map((e) => e.name)).toContain(ext);
  });
  it('reads the element name of parametrised, quoted and schema-qualified types', () => {
    expect(typeExtension('vector(1536)')).toEqual({ name: 'vector' });
    expect(typeExtension('geometry(Point,4326)')).toEqual({ name: 'postgis' });
    expect(typeExtension('extensions.citext')).toEqual({ name: 'citext', schema: 'extensions' });
    expect(typeExtension('"public"."citext"')).toEqual({ name: 'citext' });
  });
  it.each(['text', 'varchar(20)', 'integer', 'uuid', 'jsonb', 'tsvector', 'point', 'inet', 'int4range'])(
    'core type %s needs nothing',
    (type) => {
      expect(typeExtension(type)).toBeUndefined();
    },
  );
});

describe('function -> extension, row by row', () => {
  it.each(Object.entries(FUNCTION_EXTENSIONS))('%s() needs %s', (fn, ext) => {
    expect(expressionExtensions(`${fn}('a')`)).toEqual([{ name: ext }]);
  });
  it('st_* needs postgis', () => {
    expect(expressionExtensions('ST_MakePoint(0, 0)')).toEqual([{ name: 'postgis' }]);
  });
  it.each([
    'gen_random_uuid()',
    'now()',
    'lower(email)',
    "'uuid_generate_v4()'",
    'md5(x)',
    'my_digest(y)',
    'digest_at + 1',
  ])('%s needs nothing', (expr) => {
    expect(expressionExtensions(expr)).toEqual([]);
  });
  it('finds nested calls and keeps the schema a call is qualified with', () => {
    expect(expressionExtensions("encode(digest(crypt(p, gen_salt('bf')), 'sha256'), 'hex')")).toEqual([
      { name: 'pgcrypto' },
    ]);
    expect(expressionExtensions('extensions.uuid_generate_v4()')).toEqual([
      { name: 'uuid-ossp', schema: 'extensions' },
    ]);
  });
});

describe('operator class / method -> extension, row by row', () => {
  it.each(Object.entries(OPCLASS_EXTENSIONS))('%s needs %s', (opclass, ext) => {
    expect(indexPartExtension('gin', opclass, undefined)).toBe(ext);
  });
  const scalar = aColumn('n', 'integer');
  it.each([
    ['gin', undefined, scalar, 'btree_gin'],
    ['gist', undefined, scalar, 'btree_gist'],
    ['gin', 'int4_ops', scalar, 'btree_gin'],
    ['gist', 'gist_int4_ops', scalar, 'btree_gist'],
    ['gist', 'gist_uuid_ops', aColumn('u', 'uuid'), 'btree_gist'],
    ['btree', undefined, scalar, undefined],
    ['gin', undefined, aColumn('tags', 'text[]'), undefined],
    ['gin', undefined, aColumn('doc', 'jsonb'), undefined],
    ['gin', 'jsonb_path_ops', aColumn('doc', 'jsonb'), undefined],
    ['gist', undefined, aColumn('ip', 'inet'), undefined],
    ['gist', 'inet_ops', aColumn('ip', 'inet'), undefined],
    ['gist', undefined, aColumn('at', 'point'), undefined],
    ['gin', undefined, aColumn('search', 'tsvector'), undefined],
  ] as const)('%s (%s) on %o -> %s', (method, opclass, column, ext) => {
    expect(indexPartExtension(method, opclass, column)).toBe(ext);
  });
});

describe('renderDdl creates the extensions first, and the DDL executes on PostgreSQL', () => {
  const cases: Array<[string, Ir, string[]]> = [
    [
      'uuid_generate_v4() default',
      irWith(aColumn('ref', 'uuid', { default: { kind: 'sql', expression: 'uuid_generate_v4()' } })),
      ['uuid-ossp'],
    ],
    [
      'uuid_generate_v1() default',
      irWith(aColumn('ref', 'uuid', { default: { kind: 'sql', expression: 'uuid_generate_v1()' } })),
      ['uuid-ossp'],
    ],
    [
      'gen_random_uuid() default (core since PostgreSQL 13)',
      irWith(aColumn('ref', 'uuid', { default: { kind: 'sql', expression: 'gen_random_uuid()' } })),
      [],
    ],
    [
      'gen_random_bytes() default',
      irWith(aColumn('salt', 'bytea', { default: { kind: 'sql', expression: 'gen_random_bytes(16)' } })),
      ['pgcrypto'],
    ],
    [
      'gin_trgm_ops index',
      irWith(
        aColumn('name', 'text'),
        anIndex('t', ['name'], { method: 'gin', parts: [{ column: 'name', opclass: 'gin_trgm_ops' }] }),
      ),
      ['pg_trgm'],
    ],
    [
      'gist_trgm_ops index',
      irWith(
        aColumn('name', 'text'),
        anIndex('t', ['name'], { method: 'gist', parts: [{ column: 'name', opclass: 'gist_trgm_ops' }] }),
      ),
      ['pg_trgm'],
    ],
    ['citext column', irWith(aColumn('email', 'citext')), ['citext']],
    ['hstore column', irWith(aColumn('attrs', 'hstore')), ['hstore']],
    [
      'ltree column with a gist index',
      irWith(aColumn('path', 'ltree'), anIndex('t', ['path'], { method: 'gist' })),
      ['ltree'],
    ],
    [
      'earth column (earthdistance needs cube first)',
      irWith(aColumn('at', 'earth')),
      ['cube', 'earthdistance'],
    ],
    [
      'gin index on an integer',
      irWith(aColumn('n', 'integer'), anIndex('t', ['n'], { method: 'gin' })),
      ['btree_gin'],
    ],
    [
      'gist index on a timestamp',
      irWith(aColumn('at', 'timestamptz'), anIndex('t', ['at'], { method: 'gist' })),
      ['btree_gist'],
    ],
    [
      'levenshtein in an index expression',
      irWith(
        aColumn('name', 'text'),
        anIndex('t', [], { name: 't_lev_idx', parts: [{ expression: "levenshtein(name, 'x')" }] }),
      ),
      ['fuzzystrmatch'],
    ],
  ];
  it.each(cases)('%s', async (_what, ir, expected) => {
    const ddl = renderDdl(ir);
    expect(created(ddl)).toEqual(expected);
    if (expected.length > 0)
      expect(ddl.indexOf('CREATE EXTENSION')).toBeLessThan(ddl.indexOf('CREATE TABLE'));
    await executes(ddl);
  });

  it('fails without the extension: the inferred CREATE EXTENSION is what makes it execute', async () => {
    const ddl = renderDdl(cases[0]?.[1] as Ir);
    await expect(executes(ddl.replace(/^CREATE EXTENSION.*$/gm, ''))).rejects.toThrow(/uuid_generate_v4/);
  });

  it('uuid_generate_v4() stays uuid_generate_v4() (not gen_random_uuid())', () => {
    const ddl = renderDdl(cases[0]?.[1] as Ir);
    expect(ddl).toContain('DEFAULT uuid_generate_v4()');
    expect(ddl).not.toContain('gen_random_uuid');
  });

  it('declared extensions come first, in their schema (Supabase "extensions")', async () => {
    const ir: Ir = {
      ...irWith(aColumn('email', 'extensions.citext')),
      extensions: [
        { name: 'pgcrypto', schema: 'extensions', origin: 'declared' },
        { name: 'citext', schema: 'extensions', origin: 'declared' },
      ],
    };
    const ddl = renderDdl(ir);
    expect(ddl).toMatch(
      /^-- Extensions\nCREATE SCHEMA IF NOT EXISTS extensions;\nCREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions;.*\nCREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;/,
    );
    await executes(ddl);
  });

  it('an extension inferred from a qualified call is created in that schema', async () => {
    const ir = irWith(
      aColumn('ref', 'uuid', { default: { kind: 'sql', expression: 'extensions.uuid_generate_v4()' } }),
    );
    expect(requiredExtensions(ir)).toEqual([
      expect.objectContaining({ name: 'uuid-ossp', schema: 'extensions' }),
    ]);
    await executes(renderDdl(ir));
  });

  it('pgvector and PostGIS are inferred (not executable on PGlite)', () => {
    const vec = irWith(
      aColumn('embedding', 'vector(3)'),
      anIndex('t', ['embedding'], {
        method: 'hnsw',
        parts: [{ column: 'embedding', opclass: 'vector_cosine_ops' }],
      }),
    );
    expect(created(renderDdl(vec))).toEqual(['vector']);
    expect(created(renderDdl(irWith(aColumn('area', 'geography(Polygon,4326)'))))).toEqual(['postgis']);
    expect(created(renderDdl(irWith(aColumn('h', 'halfvec(8)'))))).toEqual(['vector']);
  });

  it('MySQL and SQLite DDL never create extensions', () => {
    const ir = irWith(aColumn('email', 'citext'));
    expect(renderDdl(ir, { dialect: 'mysql' })).not.toContain('EXTENSION');
    expect(renderDdl(ir, { dialect: 'sqlite' })).not.toContain('EXTENSION');
  });
});
