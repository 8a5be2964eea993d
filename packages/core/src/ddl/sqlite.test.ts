import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { renderDdl } from './index.js';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  SQL = await initSqlJs();
});

function open(ddl: string): Database {
  const db = new SQL.Database();
  db.exec('PRAGMA foreign_keys = ON;');
  try {
    db.exec(ddl);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- DDL ---\n${ddl}`);
  }
  return db;
}

function rows(db: Database, sql: string): Array<Record<string, unknown>> {
  const r = db.exec(sql)[0];
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Columns, NOT NULL, primary key, indexes and foreign keys read back with PRAGMAs match the IR. */
function expectMatches(db: Database, ir: Ir): void {
  for (const t of ir.tables.filter((x) => x.kind === 'table')) {
    const info = rows(db, `PRAGMA table_xinfo(${lit(t.name)})`);
    expect(
      info.map((c) => c.name),
      `${t.name} columns`,
    ).toEqual(t.columns.map((c) => c.name));
    for (const c of t.columns) {
      const got = info.find((i) => i.name === c.name)!;
      expect(Number(got.notnull) === 1, `${t.name}.${c.name} NOT NULL`).toBe(!c.nullable);
    }
    const pk = info.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    expect(
      pk.map((c) => c.name),
      `${t.name} pk`,
    ).toEqual(t.primaryKey?.columns ?? []);
    const indexes = rows(db, `PRAGMA index_list(${lit(t.name)})`).filter((i) => i.origin === 'c');
    expect(indexes.map((i) => [i.name, Number(i.unique) === 1]).sort(), `${t.name} indexes`).toEqual(
      t.indexes.map((i) => [i.name, i.unique]).sort(),
    );
    for (const ix of t.indexes) {
      const cols = rows(db, `PRAGMA index_xinfo(${lit(ix.name)})`).filter((c) => Number(c.key) === 1);
      expect(cols.map((c) => c.name ?? '<expr>')).toEqual(ix.parts.map((p) => p.column ?? '<expr>'));
      expect(cols.map((c) => Number(c.desc) === 1)).toEqual(ix.parts.map((p) => p.order === 'desc'));
    }
    const uniques = rows(db, `PRAGMA index_list(${lit(t.name)})`).filter((i) => i.origin === 'u');
    expect(uniques.length, `${t.name} unique constraints`).toBe(t.uniques.length);
    const fks = new Map<number, { table: string; from: string[]; to: string[]; del: string; upd: string }>();
    for (const f of rows(db, `PRAGMA foreign_key_list(${lit(t.name)})`)) {
      const e = fks.get(Number(f.id)) ?? {
        table: String(f.table),
        from: [],
        to: [],
        del: String(f.on_delete),
        upd: String(f.on_update),
      };
      e.from.push(String(f.from));
      e.to.push(String(f.to));
      fks.set(Number(f.id), e);
    }
    const sortKey = (f: { from: string[] }) => f.from.join(',');
    expect(
      [...fks.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      `${t.name} foreign keys`,
    ).toEqual(
      t.foreignKeys
        .filter((f) => f.enforcedBy === 'database')
        .map((f) => ({
          table: f.references.name,
          from: f.columns,
          to: f.references.columns,
          del: f.onDelete,
          upd: f.onUpdate,
        }))
        .sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  }
}

describe('SQLite DDL on a real SQLite (sql.js)', () => {
  it('the example schema executes, reads back as the IR and enforces its rules', () => {
    const ir = exampleIr();
    const ddl = renderDdl(ir, { dialect: 'sqlite' });
    const db = open(ddl);
    try {
      expectMatches(db, ir);
      expect(ddl).toContain('id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,');
      db.exec(`INSERT INTO users (email, display_name) VALUES ('a@x', 'A'), ('b@x', 'B')`);
      expect(rows(db, 'SELECT id, is_active FROM users ORDER BY id')).toEqual([
        { id: 1, is_active: 1 },
        { id: 2, is_active: 1 },
      ]);
      db.exec(`INSERT INTO organizations (id, name, slug) VALUES ('o1', 'Org', 'org')`);
      // enums are TEXT + CHECK
      expect(() =>
        db.exec(`INSERT INTO memberships (organization_id, user_id, role) VALUES ('o1', 1, 'boss')`),
      ).toThrow(/CHECK/);
      db.exec(`INSERT INTO memberships (organization_id, user_id) VALUES ('o1', 1)`);
      expect(rows(db, 'SELECT role FROM memberships')).toEqual([{ role: 'member' }]);
      // FKs are enforced and cascade
      expect(() => db.exec(`INSERT INTO memberships (organization_id, user_id) VALUES ('nope', 1)`)).toThrow(
        /FOREIGN KEY/,
      );
      db.exec('DELETE FROM users WHERE id = 1');
      expect(rows(db, 'SELECT count(*) AS n FROM memberships')).toEqual([{ n: 0 }]);
      // checks
      db.exec(`INSERT INTO posts (organization_id, title, slug, body) VALUES ('o1', 't', 's', 'b')`);
      expect(() => db.exec('UPDATE posts SET view_count = -1')).toThrow(/posts_view_count_check/);
    } finally {
      db.close();
    }
  });

  it('the kitchen sink executes: no schemas, cycle FKs inline, hostile names, views', () => {
    const ir = kitchenSinkIr();
    const ddl = renderDdl(ir, { dialect: 'sqlite' });
    const db = open(ddl);
    try {
      expectMatches(db, ir);
      expect(ddl).not.toMatch(/billing\./);
      expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'view'`)).toEqual([
        { name: 'active_accounts' },
      ]);
      expect(ddl).toContain('"we""ird" INTEGER');
      expect(ddl).toContain('CREATE TABLE "order" (');
      expect(ddl).toMatch(/-- Orders \| `raw` <script>alert\('x'\)<\/script> --> end\n-- second line\n/);
      db.exec(`INSERT INTO accounts (name, external_id) VALUES ('Zoë', 'x')`);
      expect(rows(db, 'SELECT name_lower, emails FROM accounts')).toEqual([
        { name_lower: 'zoë', emails: '[]' },
      ]);
      db.exec(`INSERT INTO "order" ("select", "CamelCase", account_id) VALUES (1, 'c', 999)`); // ORM-enforced FK: no constraint
      db.exec(
        'BEGIN; INSERT INTO teams (captain_id) VALUES (1); INSERT INTO players (team_id) VALUES (1); COMMIT;',
      );
    } finally {
      db.close();
    }
  });
});
