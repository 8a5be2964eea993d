import initSqlJs, { type Database } from 'sql.js';
import type { DbShape, ShapeLine } from './pg.js';

/** Test harness for SQLite (sql.js, WASM): execute DDL in a fresh in-memory database and read its shape back. */

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

export async function shapeOfSqliteDdl(ddl: string): Promise<DbShape> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db = new SQL.Database();
  try {
    db.exec('PRAGMA foreign_keys = ON;');
    try {
      db.exec(ddl);
    } catch (e) {
      throw new Error(`DDL failed on SQLite: ${(e as Error).message}\n--- DDL ---\n${ddl}`);
    }
    return introspectSqlite(db);
  } finally {
    db.close();
  }
}

function rows(db: Database, sql: string): Array<Record<string, unknown>> {
  const res = db.exec(sql);
  const first = res[0];
  if (!first) return [];
  return first.values.map((v) => Object.fromEntries(first.columns.map((c, i) => [c, v[i]])));
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function introspectSqlite(db: Database): DbShape {
  const shape: DbShape = { enums: {}, tables: {} };
  const tables = rows(
    db,
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
  );
  for (const t of tables) {
    const name = String(t.name);
    const lines: ShapeLine[] = [];
    const cols = rows(db, `PRAGMA table_info(${q(name)})`);
    const pk = cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    for (const c of cols) {
      const parts = [
        `column ${c.name} ${String(c.type).toUpperCase()}`,
        Number(c.notnull) ? 'NOT NULL' : 'NULL',
      ];
      if (c.dflt_value !== null) parts.push(`DEFAULT ${String(c.dflt_value)}`);
      lines.push({ kind: 'column', text: parts.join(' ') });
    }
    if (pk.length) lines.push({ kind: 'pk', text: `pk (${pk.map((c) => c.name).join(', ')})` });
    if (/AUTOINCREMENT/i.test(String(t.sql))) lines.push({ kind: 'pk', text: 'pk AUTOINCREMENT' });
    for (const ix of rows(db, `PRAGMA index_list(${q(name)})`)) {
      if (ix.origin === 'pk') continue;
      const cols = rows(db, `PRAGMA index_xinfo(${q(String(ix.name))})`)
        .filter((c) => Number(c.key) === 1)
        .map((c) => `${c.name === null ? '<expr>' : c.name}${Number(c.desc) ? ' DESC' : ''}`);
      const unique = Number(ix.unique) === 1;
      const text = `${unique ? 'unique' : 'index'} (${cols.join(', ')})${Number(ix.partial) ? ' WHERE ...' : ''}`;
      lines.push(
        unique
          ? {
              kind: 'unique',
              text,
              via: ix.origin === 'u' ? 'constraint' : 'index',
              name: String(ix.name).startsWith('sqlite_autoindex') ? undefined : String(ix.name),
            }
          : { kind: 'index', text, name: String(ix.name) },
      );
    }
    const fks = new Map<number, { table: string; from: string[]; to: string[]; del: string; upd: string }>();
    for (const f of rows(db, `PRAGMA foreign_key_list(${q(name)})`)) {
      const id = Number(f.id);
      const e = fks.get(id) ?? {
        table: String(f.table),
        from: [],
        to: [],
        del: String(f.on_delete),
        upd: String(f.on_update),
      };
      e.from.push(String(f.from));
      e.to.push(String(f.to));
      fks.set(id, e);
    }
    for (const f of fks.values())
      lines.push({
        kind: 'fk',
        text: `fk (${f.from.join(', ')}) -> ${f.table}(${f.to.join(', ')}) ON DELETE ${f.del} ON UPDATE ${f.upd}`,
      });
    for (const m of String(t.sql).matchAll(/CHECK\s*\(/gi)) {
      // The check's text, balanced parentheses, whitespace-normalised.
      let depth = 0;
      let i = (m.index ?? 0) + m[0].length - 1;
      const start = i;
      for (; i < String(t.sql).length; i++) {
        const ch = String(t.sql)[i];
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      lines.push({
        kind: 'check',
        text: `check ${String(t.sql)
          .slice(start, i + 1)
          .replace(/\s+/g, ' ')}`,
      });
    }
    shape.tables[`main.${name}`] = {
      columnOrder: cols.map((c) => String(c.name)),
      lines: lines.sort((a, b) => (a.text < b.text ? -1 : 1)),
    };
  }
  return shape;
}
