import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NavigationRelation } from '@ormdoc/core';
import type * as pg from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrizzleApi } from '../types.js';
import { createAdapter } from './adapter.js';
import { isDefinedRelations } from './defineRelations.js';
import { fromDrizzleTables } from './fromDrizzleTables.js';

/**
 * drizzle 1.0 `defineRelations()` (the RC of test/fixtures/rc1) beyond relations.mutation.test.ts:
 * what counts as its result, relations to views, and which foreign key a relation follows when several join the same tables.
 */
let api: DrizzleApi;
let rcPg: typeof pg;
// biome-ignore lint/suspicious/noExplicitAny: the relation builder of the RC copy, whose types this package does not import
let defineRelations: (schema: Record<string, unknown>, f: (r: any) => unknown) => Record<string, unknown>;
beforeAll(async () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rcRequire = createRequire(path.join(here, '../../test/fixtures/rc1/package.json'));
  const load = async <T>(id: string) => (await import(pathToFileURL(rcRequire.resolve(id)).href)) as T;
  rcPg = await load<typeof pg>('drizzle-orm/pg-core');
  const orm = await load<DrizzleApi['orm'] & { defineRelations: typeof defineRelations }>('drizzle-orm');
  defineRelations = orm.defineRelations;
  api = { orm, pg: rcPg };
});

const rel = (list: NavigationRelation[], table: string, field: string) => {
  const r = list.find((x) => x.from.name === table && x.from.field === field);
  if (!r) throw new Error(`no relation ${table}.${field}`);
  return r;
};

describe('isDefinedRelations', () => {
  it("defineRelations()'s result is; look-alikes are not", () => {
    const a = createAdapter(api, 'postgresql', undefined);
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey() });
    const p = rcPg.pgTable('p', { id: rcPg.integer(), uId: rcPg.integer('u_id') });
    const defined = defineRelations({ u, p }, (r) => ({
      p: { u: r.one.u({ from: r.p.uId, to: r.u.id }) },
      u: { ps: r.many.p() },
    }));
    expect(isDefinedRelations(defined, a)).toBe(true);
    const entry = defined.p as { table: unknown; name: string; relations: Record<string, unknown> };
    const like = (e: Record<string, unknown>) => isDefinedRelations({ p: { ...entry, ...e } }, a);
    expect(like({})).toBe(true);
    expect(like({ relations: {} })).toBe(true);
    expect(like({ relations: { note: 'a string is no relation' } })).toBe(true);
    expect(isDefinedRelations({}, a)).toBe(false);
    expect(isDefinedRelations([entry], a)).toBe(false);
    expect(isDefinedRelations(null, a)).toBe(false);
    expect(isDefinedRelations('p', a)).toBe(false);
    expect(isDefinedRelations({ p: entry, x: 1 }, a)).toBe(false);
    expect(isDefinedRelations({ p: null }, a)).toBe(false);
    expect(like({ name: 1 })).toBe(false);
    expect(like({ relations: null })).toBe(false);
    expect(like({ relations: 'x' })).toBe(false);
    expect(like({ table: {} })).toBe(false);
    expect(like({ table: u.id })).toBe(false);
    expect(like({ relations: { bad: { relationType: 'both', targetTableName: 'u', targetTable: u } } })).toBe(
      false,
    );
    expect(like({ relations: { bad: { relationType: 'one', targetTableName: 1, targetTable: u } } })).toBe(
      false,
    );
    expect(
      like({ relations: { bad: { relationType: 'many', targetTableName: 'u', targetTable: null } } }),
    ).toBe(false);
    expect(
      like({ relations: { bad: { relationType: 'many', targetTableName: 'u', targetTable: 'u' } } }),
    ).toBe(false);
    expect(like({ relations: { ok: { relationType: 'many', targetTableName: 'u', targetTable: u } } })).toBe(
      true,
    );
    expect(like({ relations: { ok: { relationType: 'one', targetTableName: 'u', targetTable: u } } })).toBe(
      true,
    );
  });

  it('a view may hold relations', () => {
    const a = createAdapter(api, 'postgresql', undefined);
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey() });
    const v = rcPg.pgView('v', { id: rcPg.integer() }).existing();
    const defined = defineRelations({ u, v }, (r) => ({ v: { u: r.one.u({ from: r.v.id, to: r.u.id }) } }));
    expect(isDefinedRelations(defined, a)).toBe(true);
  });
});

describe('converting defineRelations()', () => {
  it('a relation to and from a view: the view by its name and schema; no foreign key', () => {
    const app = rcPg.pgSchema('app');
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey() });
    const v = app.view('active', { id: rcPg.integer() }).existing();
    const defined = defineRelations({ u, v }, (r) => ({
      v: { user: r.one.u({ from: r.v.id, to: r.u.id }) },
      u: { active: r.many.v({ from: r.u.id, to: r.v.id }) },
    }));
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [u],
      views: [v],
      relations: [defined],
      api,
    });
    // (strict: no name nor foreignKey key at all)
    expect(rel(ir.relations, 'active', 'user')).toStrictEqual({
      from: { schema: 'app', name: 'active', field: 'user' },
      to: { schema: null, name: 'u', field: 'active' },
      cardinality: 'one',
      nullable: true,
    });
    expect(rel(ir.relations, 'u', 'active').to).toEqual({ schema: 'app', name: 'active', field: 'user' });
  });

  it('two foreign keys between the same tables: each relation follows its own, either side', () => {
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey(), code: rcPg.integer().unique() });
    const p = rcPg.pgTable('p', {
      id: rcPg.integer(),
      byId: rcPg.integer('by_id').references(() => u.id),
      byCode: rcPg.integer('by_code').references(() => u.code),
    });
    const defined = defineRelations({ u, p }, (r) => ({
      p: {
        userById: r.one.u({ from: r.p.byId, to: r.u.id, alias: 'i' }),
        userByCode: r.one.u({ from: r.p.byCode, to: r.u.code, alias: 'c' }),
        // the same columns, other target columns: no key of the schema
        odd: r.one.u({ from: r.p.byId, to: r.u.code, alias: 'o' }),
      },
      u: {
        viaId: r.many.p({ from: r.u.id, to: r.p.byId, alias: 'i' }),
        viaCode: r.many.p({ from: r.u.code, to: r.p.byCode, alias: 'c' }),
      },
    }));
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [u, p], relations: [defined], api });
    const fk = (column: string) =>
      ir.tables.find((t) => t.name === 'p')!.foreignKeys.find((f) => f.columns[0] === column)!.name;
    expect(rel(ir.relations, 'p', 'userById')).toMatchObject({
      foreignKey: fk('by_id'),
      to: { field: 'viaId' },
    });
    expect(rel(ir.relations, 'p', 'userByCode')).toMatchObject({
      foreignKey: fk('by_code'),
      to: { field: 'viaCode' },
    });
    expect(rel(ir.relations, 'u', 'viaId')).toMatchObject({
      foreignKey: fk('by_id'),
      to: { field: 'userById' },
    });
    expect(rel(ir.relations, 'u', 'viaCode')).toMatchObject({
      foreignKey: fk('by_code'),
      to: { field: 'userByCode' },
    });
    expect(rel(ir.relations, 'p', 'odd').foreignKey).toBeUndefined();
    expect(rel(ir.relations, 'p', 'odd').to.field).toBeUndefined();
  });

  it('a key to a table of the same name in another schema is not followed', () => {
    const app = rcPg.pgSchema('app');
    const u = rcPg.pgTable('u', { id: rcPg.integer().primaryKey() });
    const appU = app.table('u', { id: rcPg.integer().primaryKey() });
    const p = rcPg.pgTable('p', { id: rcPg.integer(), uId: rcPg.integer('u_id').references(() => appU.id) });
    const defined = defineRelations({ u, appU, p }, (r) => ({
      p: {
        u: r.one.u({ from: r.p.uId, to: r.u.id }),
        appU: r.one.appU({ from: r.p.uId, to: r.appU.id }),
      },
    }));
    const { ir } = fromDrizzleTables({
      dialect: 'postgresql',
      tables: [u, appU, p],
      relations: [defined],
      api,
    });
    expect(rel(ir.relations, 'p', 'u').foreignKey).toBeUndefined();
    expect(rel(ir.relations, 'p', 'appU').foreignKey).toBeDefined();
  });
});
