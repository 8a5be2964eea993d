import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { loadPrisma } from '@ormdoc/prisma';
import { afterAll, describe, expect, it } from 'vitest';
import { datasourceExtensions } from '../src/convert/extensions.js';
import { compareWithPrisma } from './helpers/compare.js';
import { fixturesDir } from './helpers/fixtures.js';

const source = { file: 'schema.prisma', line: 1 };
const fn = (name: string, params: Record<string, string>) => ({
  type: 'function',
  name,
  params: Object.entries(params).map(([key, value]) => ({ type: 'keyValue', key, value: `"${value}"` })),
});

describe('the datasource `extensions = [...]` (prisma-ast values), one row per form', () => {
  it.each([
    ['a bare name', 'pg_trgm', { name: 'pg_trgm' }],
    ['schema:', fn('vector', { schema: 'extensions' }), { name: 'vector', schema: 'extensions' }],
    ['version:', fn('postgis', { version: '3.4.0' }), { name: 'postgis', version: '3.4.0' }],
    ['map: names the database extension', fn('uuidOssp', { map: 'uuid-ossp' }), { name: 'uuid-ossp' }],
  ])('%s', (_form, arg, expected) => {
    expect(datasourceExtensions({ type: 'array', args: [arg] }, source)).toEqual([
      { ...expected, origin: 'declared', source },
    ]);
  });
});

const dbs: PGlite[] = [];
afterAll(async () => {
  for (const db of dbs) await db.close();
});

describe('a schema with declared extensions', () => {
  it('records them in the IR, and its DDL creates the database Prisma Migrate creates', async () => {
    const cwd = path.join(fixturesDir, 'extensions');
    const { ir } = await loadPrisma({ cwd });
    expect(ir.extensions.map((e) => [e.name, e.schema])).toEqual([
      ['citext', 'public'],
      ['pg_trgm', undefined],
      ['uuid-ossp', undefined],
    ]);
    expect(ir.extensions[0]?.source).toEqual({ file: 'schema.prisma', line: 8 });
    const db = await PGlite.create({ extensions: { citext, pg_trgm, uuid_ossp } });
    dbs.push(db);
    const { differences, prismaDdl, ormdocDdl } = await compareWithPrisma(db, { cwd, ir });
    expect(differences, `Prisma:\n${prismaDdl}\normdoc:\n${ormdocDdl}`).toEqual([]);
  });
});
