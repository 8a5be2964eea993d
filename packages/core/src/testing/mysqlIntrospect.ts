import type { MysqlHarness } from './mysql.js';
import type { DbShape, ShapeLine } from './pg.js';

/**
 * Reads a MariaDB/MySQL database back from information_schema into a `DbShape`. Tables of the
 * test database are keyed by bare name (`users`), tables of other databases as `db.table`.
 * MariaDB specifics are normalised: integer display widths, `json` (a LONGTEXT with an automatic
 * `json_valid` check), `'NULL'` defaults and lower-case `current_timestamp()`.
 */

type Row = Record<string, unknown>;

const SYSTEM = `('mysql', 'information_schema', 'performance_schema', 'sys')`;

async function rows(h: MysqlHarness, sql: string): Promise<Row[]> {
  const [r] = await h.connection.query(sql);
  return r as Row[];
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** One spelling per MySQL type, so declared types and introspected types compare. */
export function canonicalMysqlType(type: string): string {
  const trimmed = type.trim();
  const enumLike = /^(enum|set)\s*\(/i.exec(trimmed);
  if (enumLike?.[1])
    return `${enumLike[1].toLowerCase()}(${trimmed.slice(enumLike[0].length, -1).replace(/',\s+'/g, "','")})`;
  let t = trimmed.toLowerCase().replace(/\s+/g, ' ');
  t = t.replace(/^integer\b/, 'int').replace(/^(bool|boolean)$/, 'tinyint(1)');
  t = t.replace(/^serial$/, 'bigint unsigned');
  t = t.replace(/^(numeric|dec|fixed)\b/, 'decimal').replace(/^decimal$/, 'decimal(10,0)');
  t = t.replace(/^(double precision|real)$/, 'double');
  t = t.replace(/^character varying/, 'varchar').replace(/^(char|binary|bit)$/, '$1(1)');
  if (!/^tinyint\(1\)/.test(t))
    t = t.replace(/^(tiny|small|medium|big)?int\(\d+\)/, (m) => m.replace(/\(\d+\)/, ''));
  return t;
}

/** Normalise a COLUMN_DEFAULT: none for `NULL`, upper-case CURRENT_TIMESTAMP(n). */
export function normalizeMysqlDefault(value: string | null): string | null {
  if (value === null || value === 'NULL') return null;
  return value
    .replace(/\b(current_timestamp|now)\(\)/gi, 'CURRENT_TIMESTAMP')
    .replace(/\b(current_timestamp|now)\((\d)\)/gi, 'CURRENT_TIMESTAMP($2)')
    .replace(/\bcurrent_timestamp\b/g, 'CURRENT_TIMESTAMP');
}

export async function introspectMysql(h: MysqlHarness): Promise<DbShape> {
  const [[cur]] = [await rows(h, 'SELECT DATABASE() AS db')];
  const current = str(cur?.db);
  const key = (db: string, table: string) => (db === current ? table : `${db}.${table}`);
  const shape: DbShape = { enums: {}, tables: {} };

  const tables = await rows(
    h,
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_COMMENT AS comment
       FROM information_schema.TABLES WHERE TABLE_SCHEMA NOT IN ${SYSTEM} ORDER BY 1, 2`,
  );
  const columns = await rows(
    h,
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
            COLUMN_DEFAULT AS def, EXTRA AS extra, GENERATION_EXPRESSION AS gen, COLUMN_COMMENT AS comment
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA NOT IN ${SYSTEM} ORDER BY 1, 2, ORDINAL_POSITION`,
  );
  const checks = await rows(
    h,
    `SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, LEVEL AS level, CHECK_CLAUSE AS clause
       FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA NOT IN ${SYSTEM} ORDER BY 1, 2, 3`,
  );
  const stats = await rows(
    h,
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col,
            SUB_PART AS sub, COLLATION AS coll, INDEX_TYPE AS type
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA NOT IN ${SYSTEM} ORDER BY 1, 2, 3, SEQ_IN_INDEX`,
  );
  const fkCols = await rows(
    h,
    `SELECT k.TABLE_SCHEMA AS db, k.TABLE_NAME AS tbl, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col,
            k.REFERENCED_TABLE_SCHEMA AS refDb, k.REFERENCED_TABLE_NAME AS refTable, k.REFERENCED_COLUMN_NAME AS refCol,
            r.DELETE_RULE AS del, r.UPDATE_RULE AS upd
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
      WHERE k.TABLE_SCHEMA NOT IN ${SYSTEM} AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY 1, 2, 3, k.ORDINAL_POSITION`,
  );

  const of = (list: Row[], db: string, tbl: string) => list.filter((r) => r.db === db && r.tbl === tbl);
  for (const t of tables) {
    const db = str(t.db);
    const name = str(t.name);
    const lines: ShapeLine[] = [];
    if (t.type === 'VIEW') lines.push({ kind: 'comment', text: 'kind view' });
    const tableChecks = of(checks, db, name);
    const jsonColumns = new Set(
      tableChecks
        .filter((c) => c.level === 'Column' && /^json_valid\(`?[^`]+`?\)$/.test(str(c.clause)))
        .map((c) => str(c.name)),
    );
    const cols = of(columns, db, name);
    for (const c of cols) {
      const col = str(c.name);
      const type =
        jsonColumns.has(col) && /^longtext\b/.test(str(c.type)) ? 'json' : canonicalMysqlType(str(c.type));
      const parts = [`column ${col} ${type}`, c.nullable === 'YES' ? 'NULL' : 'NOT NULL'];
      const extra = str(c.extra).toLowerCase();
      if (/generated/.test(extra))
        parts.push(`GENERATED ALWAYS AS (${str(c.gen)}) ${/stored/.test(extra) ? 'STORED' : 'VIRTUAL'}`);
      else {
        const d = normalizeMysqlDefault(c.def === null || c.def === undefined ? null : str(c.def));
        if (d !== null) parts.push(`DEFAULT ${d}`);
      }
      if (/auto_increment/.test(extra)) parts.push('AUTO_INCREMENT');
      const onUpdate = /on update (.+)$/.exec(extra);
      if (onUpdate?.[1]) parts.push(`ON UPDATE ${normalizeMysqlDefault(onUpdate[1])}`);
      lines.push({ kind: 'column', text: parts.join(' ') });
      if (str(c.comment))
        lines.push({ kind: 'comment', text: `comment ${col} ${JSON.stringify(str(c.comment))}` });
    }
    for (const c of tableChecks) {
      if (c.level === 'Column' && jsonColumns.has(str(c.name))) continue;
      lines.push({ kind: 'check', text: `CHECK (${str(c.clause)})`, name: str(c.name) });
    }
    const indexes = new Map<string, Row[]>();
    for (const s of of(stats, db, name)) indexes.set(str(s.name), [...(indexes.get(str(s.name)) ?? []), s]);
    for (const [ixName, parts] of indexes) {
      const cols = parts
        .map((p) => `${str(p.col)}${p.sub !== null ? `(${str(p.sub)})` : ''}${p.coll === 'D' ? ' DESC' : ''}`)
        .join(', ');
      const first = parts[0];
      const type = str(first?.type);
      const method = type === 'BTREE' ? '' : `${type} `;
      const unique = Number(first?.nonUnique) === 0;
      if (ixName === 'PRIMARY') lines.push({ kind: 'pk', text: `pk (${cols})` });
      else if (unique && !method)
        lines.push({ kind: 'unique', text: `unique (${cols})`, name: ixName, via: 'constraint' });
      else
        lines.push({
          kind: 'index',
          text: `${unique ? 'unique ' : ''}index ${method}(${cols})`,
          name: ixName,
        });
    }
    const fks = new Map<string, Row[]>();
    for (const f of of(fkCols, db, name)) fks.set(str(f.name), [...(fks.get(str(f.name)) ?? []), f]);
    for (const [fkName, parts] of fks) {
      const f = parts[0] as Row;
      const cols = parts.map((p) => str(p.col)).join(', ');
      const refCols = parts.map((p) => str(p.refCol)).join(', ');
      lines.push({
        kind: 'fk',
        text: `fk (${cols}) -> ${key(str(f.refDb), str(f.refTable))}(${refCols}) ON DELETE ${str(f.del)} ON UPDATE ${str(f.upd)}`,
        name: fkName,
      });
    }
    if (str(t.comment) && t.type !== 'VIEW')
      lines.push({ kind: 'comment', text: `comment ${JSON.stringify(str(t.comment))}` });
    shape.tables[key(db, name)] = {
      columnOrder: cols.map((c) => str(c.name)),
      lines: lines.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
    };
  }
  return shape;
}
