import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import { normalizeSqlType } from '../ir/sqltype.js';
import type { Table } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, HOSTILE_COMMENT, kitchenSinkIr } from '../testing/exampleIr.js';
import { readColumns, resetDatabase, startPglite } from '../testing/pg.js';
import { commentWithTags } from './_shared.js';
import { renderDdl, renderTableDdl } from './index.js';
import { POSTGRES_RESERVED } from './keywords.js';

let db: PGlite;
beforeAll(async () => {
  db = await startPglite();
});

async function run(ddl: string): Promise<void> {
  await resetDatabase(db);
  await db.exec('DROP SCHEMA IF EXISTS billing CASCADE;');
  try {
    await db.exec(ddl);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- DDL ---\n${ddl}`);
  }
}

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}

/** The relation's oid, by schema (null = public) and name. */
async function oidOf(t: Pick<Table, 'schema' | 'name'>): Promise<number | undefined> {
  const r = await rows<{ oid: number }>(
    `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [t.schema ?? 'public', t.name],
  );
  return r[0]?.oid;
}

const stripCast = (s: string) => s.replace(/::[\w ."[\]()]+$/g, '');
const normDefault = (s: string) => stripCast(s).replace(/^CURRENT_TIMESTAMP$/i, 'now()');

/** Read a table back from pg_catalog and compare it, fact by fact, with the IR. */
async function expectTableMatches(table: Table): Promise<void> {
  const oid = await oidOf(table);
  expect(oid, `${qualifiedName(table)} exists`).toBeDefined();
  const where = qualifiedName(table);
  const cols = await readColumns(db, oid!);
  expect(
    cols.map((c) => c.name),
    `${where} columns`,
  ).toEqual(table.columns.map((c) => c.name));
  for (const [i, c] of table.columns.entries()) {
    const got = cols[i]!;
    const at = `${where}.${c.name}`;
    const expectedType = c.type.enum
      ? `${c.type.enum.schema ? `${c.type.enum.schema}.` : ''}${c.type.enum.name}${c.type.isArray ? '[]' : ''}`
      : c.type.sql;
    expect(normalizeSqlType('postgresql', got.type), `${at} type`).toBe(expectedType);
    if (table.kind === 'table') expect(!got.notnull, `${at} nullable`).toBe(c.nullable);
    const d = c.default;
    if (c.generated) {
      expect(got.generated, `${at} generated`).toBe(c.generated.stored ? 's' : 'v');
      expect(got.def, `${at} generation expression`).toBe(c.generated.expression);
    } else if (d?.kind === 'sequence' && d.style === 'serial')
      expect(got.def).toMatch(/^nextval\('.*_seq'::regclass\)$/);
    else if (d?.kind === 'sequence') expect(got.identity).toBe(d.style === 'identity-always' ? 'a' : 'd');
    else if (d?.kind === 'sql')
      expect(normDefault(got.def ?? ''), `${at} default`).toBe(normDefault(d.expression));
    else if (d?.kind === 'literal') expect(stripCast(got.def ?? ''), `${at} default`).toBe(d.sql);
    else expect(got.def, `${at} has no database default`).toBeNull();
    expect(got.comment ?? undefined, `${at} comment`).toBe(commentWithTags(c.description, c.tags));
  }
  const comment = await rows<{ c: string | null }>(`SELECT obj_description($1, 'pg_class') AS c`, [oid]);
  expect(comment[0]?.c ?? undefined, `${where} comment`).toBe(commentWithTags(table.description, table.tags));
  if (table.kind !== 'table') return;

  const cons = await rows<{
    name: string;
    type: string;
    def: string;
    cols: string[];
    ref: string | null;
    refcols: string[] | null;
    del: string;
    upd: string;
    deferrable: boolean;
    deferred: boolean;
  }>(
    `SELECT con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS def,
            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
            CASE WHEN con.confrelid <> 0 THEN con.confrelid::regclass::text END AS ref,
            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refcols,
            con.confdeltype AS del, con.confupdtype AS upd, con.condeferrable AS deferrable, con.condeferred AS deferred
       FROM pg_constraint con WHERE con.conrelid = $1 AND con.contype IN ('p', 'u', 'f', 'c') ORDER BY con.conname`,
    [oid],
  );
  const pk = cons.filter((c) => c.type === 'p');
  expect(
    pk.map((c) => [c.name, c.cols]),
    `${where} primary key`,
  ).toEqual(table.primaryKey ? [[table.primaryKey.name, table.primaryKey.columns]] : []);
  expect(
    cons.filter((c) => c.type === 'u').map((c) => [c.name, c.cols]),
    `${where} unique constraints`,
  ).toEqual(table.uniques.map((u) => [u.name, u.columns]));
  const checks = cons.filter((c) => c.type === 'c');
  expect(checks.map((c) => c.name)).toEqual(table.checks.map((c) => c.name));
  const actions: Record<string, string> = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
  };
  const fks = cons
    .filter((c) => c.type === 'f')
    .map((c) => ({
      name: c.name,
      columns: c.cols,
      references: c.ref?.replace(/^public\./, '').replace(/"/g, ''),
      refColumns: c.refcols,
      onDelete: actions[c.del],
      onUpdate: actions[c.upd],
      deferred: c.deferrable && c.deferred,
    }));
  expect(fks, `${where} foreign keys (database-enforced only)`).toEqual(
    table.foreignKeys
      .filter((f) => f.enforcedBy === 'database')
      .map((f) => ({
        name: f.name,
        columns: f.columns,
        references: qualifiedName(f.references),
        refColumns: f.references.columns,
        onDelete: f.onDelete,
        onUpdate: f.onUpdate,
        deferred: f.deferrable === 'initially-deferred',
      })),
  );
  const idx = await rows<{ name: string; def: string; unique: boolean }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indrelid = $1 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
      ORDER BY 1`,
    [oid],
  );
  expect(
    idx.map((i) => [i.name, i.unique]),
    `${where} indexes`,
  ).toEqual(table.indexes.map((i) => [i.name, i.unique]));
  for (const ix of table.indexes) {
    const def = idx.find((i) => i.name === ix.name)!.def;
    expect(def, `${ix.name} method`).toContain(`USING ${ix.method ?? 'btree'} (`);
    for (const p of ix.parts) {
      if (p.column)
        expect(def).toMatch(
          new RegExp(`[(, ]"?${p.column}"?( ${p.opclass ?? ''})?${p.order === 'desc' ? ' DESC' : ''}[,)]`),
        );
      if (p.opclass) expect(def).toContain(p.opclass);
      if (p.nulls === 'last' && p.order === 'desc') expect(def).toContain('DESC NULLS LAST');
    }
    if (ix.where) expect(def).toContain('WHERE');
  }
}

describe('PostgreSQL DDL on a real PostgreSQL (PGlite)', () => {
  it('the example schema executes and reads back as the IR', async () => {
    const ir = exampleIr();
    await run(renderDdl(ir, { dialect: 'postgresql' }));
    const enums = await rows<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`,
    );
    expect(enums).toEqual(ir.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) })));
    const tables = await rows<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
    );
    expect(tables.map((t) => t.relname)).toEqual(ir.tables.map((t) => t.name).sort());
    for (const t of ir.tables) await expectTableMatches(t);
  });

  it('the kitchen sink (schemas, views, identity, generated, partial/GIN, cycles, hostile names) reads back as the IR', async () => {
    const ir = kitchenSinkIr();
    const ddl = renderDdl(ir, { dialect: 'postgresql' });
    await run(ddl);
    for (const t of ir.tables.filter((x) => x.kind === 'table' || x.definition)) await expectTableMatches(t);
    expect(
      await oidOf({ schema: null, name: 'legacy_report' }),
      'a view without definition is not created',
    ).toBeUndefined();
    expect(ddl).toContain('-- VIEW legacy_report: definition unknown');
    const c = await rows<{ c: string }>(`SELECT obj_description('"order"'::regclass, 'pg_class') AS c`);
    expect(c[0]?.c).toBe(HOSTILE_COMMENT);
    // the deferred cycle really is deferred: both rows in one transaction
    await db.exec(
      `BEGIN; INSERT INTO teams (captain_id) VALUES (1); INSERT INTO players (team_id) VALUES (1); COMMIT;`,
    );
    // the ORM-enforced FK is not a database constraint
    await db.exec(`INSERT INTO "order" ("select", "CamelCase", account_id) VALUES (1, 'x', 999)`);
    await expect(
      db.exec(`INSERT INTO "order" ("select", "CamelCase", account_id) VALUES (0, 'x', 1)`),
    ).rejects.toThrow(/order_select_check/);
    expect(ddl).toMatch(/-- order_account_id_fkey: .* is emulated by the ORM/);
  });

  it('renderTableDdl gives one table that executes on its own', async () => {
    const ir = exampleIr();
    const tags = ir.tables.find((t) => t.name === 'tags')!;
    const ddl = renderTableDdl(ir, tags);
    expect(ddl.startsWith('CREATE TABLE tags (')).toBe(true);
    await run(ddl);
    await expectTableMatches(tags);
    const posts = renderTableDdl(ir, ir.tables.find((t) => t.name === 'posts')!);
    expect(posts).toContain(
      'CREATE INDEX posts_status_published_at_idx ON posts (status, published_at DESC);',
    );
    expect(posts).toContain(
      'ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE NO ACTION;',
    );
  });

  it('quotes exactly the words PostgreSQL reserves, and any name round-trips', async () => {
    const kw = await rows<{ word: string }>(
      `SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY 1`,
    );
    expect([...POSTGRES_RESERVED].sort()).toEqual(kw.map((k) => k.word));
    const names = [
      ...kw.map((k) => k.word),
      'Upper',
      'with space',
      'quote"inside',
      "apo'strophe",
      'ünïcødé',
      '1starts_with_digit',
      'name',
    ];
    const ir = anIr({
      tables: names.map((n) =>
        aTable(n, {
          columns: [
            aColumn(n, 'integer'),
            aColumn(`${n}_2`, 'text', { nullable: true, description: `it's ${n}` }),
          ],
          primaryKey: aPrimaryKey(n, [n]),
        }),
      ),
    });
    await run(renderDdl(ir));
    for (const t of ir.tables) await expectTableMatches(t);
    const ddl = renderDdl(ir);
    expect(ddl).toContain('CREATE TABLE name (');
    expect(ddl).toContain('CREATE TABLE "user" (');
  });

  it('the read-back check catches a difference (it is not vacuous)', async () => {
    const ir = exampleIr();
    await run(renderDdl(ir));
    const posts = ir.tables.find((t) => t.name === 'posts')!;
    const wrong = {
      ...posts,
      columns: posts.columns.map((c) => (c.name === 'view_count' ? { ...c, nullable: true } : c)),
    };
    await expect(expectTableMatches(wrong)).rejects.toThrow(/posts.view_count nullable/);
    const wrongFk = {
      ...posts,
      foreignKeys: posts.foreignKeys.map((f) => ({ ...f, onDelete: 'NO ACTION' as const })),
    };
    await expect(expectTableMatches(wrongFk)).rejects.toThrow(/foreign keys/);
  });

  it('is deterministic and independent of the IR table order', () => {
    const ir = kitchenSinkIr();
    const shuffled = { ...ir, tables: [...ir.tables].reverse() };
    expect(renderDdl(shuffled)).toBe(renderDdl(ir));
  });
});
