import { PGlite } from '@electric-sql/pglite';

export type { PGlite };

/**
 * Test harness: a real PostgreSQL (PGlite, embedded WASM) and a normalised "shape" of what a DDL
 * script created, read back from pg_catalog. Two DDL scripts create the same database when their
 * shapes compare equal. Shapes are lines of text per table, so a mismatch reads like a diff.
 */

export interface DbShape {
  enums: Record<string, string[]>;
  /** `schema.table` -> sorted lines describing the table. */
  tables: Record<string, TableShape>;
}

export interface TableShape {
  /** Column names in database order. */
  columnOrder: string[];
  /** One line per column/constraint/index, e.g. `column email varchar(320) NOT NULL`. */
  lines: ShapeLine[];
}

export interface ShapeLine {
  kind: 'column' | 'pk' | 'unique' | 'index' | 'fk' | 'check' | 'comment';
  /** The comparable text (no object names). */
  text: string;
  /** The object's name, compared unless `ignoreNames`. */
  name?: string;
  /** For unique keys: created as a constraint or as a unique index. */
  via?: 'constraint' | 'index';
}

let shared: Promise<PGlite> | undefined;

/** One PGlite per test file (first start compiles WASM: seconds). */
export function startPglite(): Promise<PGlite> {
  shared ??= PGlite.create();
  return shared;
}

/** Drop every user schema and type, leaving an empty `public`. */
export async function resetDatabase(db: PGlite): Promise<void> {
  const { rows } = await db.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  );
  const drops = rows.map((r) => `DROP SCHEMA IF EXISTS ${quoteIdent(r.nspname)} CASCADE;`).join('\n');
  await db.exec(`${drops}\nCREATE SCHEMA public;`);
}

/** Reset, execute `ddl`, and return the shape of what it created. Errors carry the failing DDL. */
export async function shapeOfDdl(db: PGlite, ddl: string): Promise<DbShape> {
  await resetDatabase(db);
  try {
    await db.exec(ddl);
  } catch (e) {
    throw new Error(`DDL failed on PostgreSQL: ${(e as Error).message}\n--- DDL ---\n${ddl}`);
  }
  return introspectPostgres(db);
}

const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** Normalise a default expression: now() and CURRENT_TIMESTAMP are the same thing; sequence names are not compared. */
export function normalizeDefault(expr: string | null): string | null {
  if (expr === null) return null;
  return expr
    .replace(/^nextval\('.*'::regclass\)$/, 'nextval(<sequence>)')
    .replace(/\bCURRENT_TIMESTAMP\b/g, 'now()')
    .replace(/\(?now\(\)\)?(::timestamp(\(\d\))?( with(out)? time zone)?)?/g, 'now()');
}

/** One column of a relation as pg_catalog describes it. */
export interface PgColumn {
  name: string;
  /** `format_type` spelling, e.g. `character varying(320)`. */
  type: string;
  notnull: boolean;
  /** `pg_get_expr` of the default (or of the generation expression). */
  def: string | null;
  /** `a` always, `d` by default, `` none. */
  identity: string;
  /** `s` stored, `` none. */
  generated: string;
  comment: string | null;
}

/** The columns of the relation `oid`, in database order. */
export async function readColumns(db: PGlite, oid: number): Promise<PgColumn[]> {
  const result = await db.query<PgColumn>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS identity, a.attgenerated AS generated,
            col_description(a.attrelid, a.attnum) AS comment
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [oid],
  );
  return result.rows;
}

export async function introspectPostgres(db: PGlite, options: { schemas?: string[] } = {}): Promise<DbShape> {
  const schemaFilter = options.schemas
    ? `n.nspname = ANY($1::text[])`
    : `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
  const params = options.schemas ? [options.schemas] : [];
  const shape: DbShape = { enums: {}, tables: {} };

  const enums = await db.query<{ schema: string; name: string; values: string[] }>(
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${schemaFilter} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  for (const e of enums.rows) shape.enums[`${e.schema}.${e.name}`] = e.values;

  const tables = await db.query<{
    oid: number;
    schema: string;
    name: string;
    comment: string | null;
    kind: string;
  }>(
    `SELECT c.oid, n.nspname AS schema, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment, c.relkind AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${schemaFilter} ORDER BY 2, 3`,
    params,
  );
  for (const t of tables.rows) {
    const lines: ShapeLine[] = [];
    if (t.kind !== 'r' && t.kind !== 'p')
      lines.push({ kind: 'comment', text: `kind ${t.kind === 'v' ? 'view' : 'materialized view'}` });
    const cols = await readColumns(db, t.oid);
    for (const c of cols) {
      const parts = [`column ${c.name} ${c.type}`, c.notnull ? 'NOT NULL' : 'NULL'];
      if (c.identity)
        parts.push(c.identity === 'a' ? 'GENERATED ALWAYS AS IDENTITY' : 'GENERATED BY DEFAULT AS IDENTITY');
      if (c.generated) parts.push(`GENERATED ALWAYS AS ${c.def} STORED`);
      else if (c.def !== null) parts.push(`DEFAULT ${normalizeDefault(c.def)}`);
      lines.push({ kind: 'column', text: parts.join(' ') });
    }
    const cons = await db.query<{
      name: string;
      type: string;
      def: string;
      cols: string[];
      refschema: string | null;
      reftable: string | null;
      refcols: string[] | null;
      del: string;
      upd: string;
    }>(
      `SELECT con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid) AS def,
              ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
              rn.nspname AS refschema, rc.relname AS reftable,
              ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS refcols,
              con.confdeltype AS del, con.confupdtype AS upd
         FROM pg_constraint con
         LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE con.conrelid = $1 ORDER BY con.conname`,
      [t.oid],
    );
    const constraintIndexes = new Set<string>();
    for (const c of cons.rows) {
      const list = `(${c.cols.join(', ')})`;
      if (c.type === 'p') {
        lines.push({ kind: 'pk', text: `pk ${list}`, name: c.name });
        constraintIndexes.add(c.name);
      } else if (c.type === 'u') {
        lines.push({
          kind: 'unique',
          text: `unique ${list}${/NULLS NOT DISTINCT/.test(c.def) ? ' NULLS NOT DISTINCT' : ''}`,
          name: c.name,
          via: 'constraint',
        });
        constraintIndexes.add(c.name);
      } else if (c.type === 'f') {
        lines.push({
          kind: 'fk',
          text: `fk ${list} -> ${c.refschema}.${c.reftable}(${(c.refcols ?? []).join(', ')}) ON DELETE ${ACTIONS[c.del]} ON UPDATE ${ACTIONS[c.upd]}${/DEFERRABLE/.test(c.def) ? ` ${c.def.slice(c.def.indexOf('DEFERRABLE'))}` : ''}`,
          name: c.name,
        });
      } else if (c.type === 'c') lines.push({ kind: 'check', text: c.def, name: c.name });
    }
    const idx = await db.query<{ name: string; def: string; unique: boolean }>(
      `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = $1 ORDER BY 1`,
      [t.oid],
    );
    for (const i of idx.rows) {
      if (constraintIndexes.has(i.name)) continue;
      // "CREATE UNIQUE INDEX name ON schema.table USING btree (a, b DESC) WHERE ..." -> "USING btree (a, b DESC) WHERE ..."
      const body = i.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '');
      const simple = /^USING btree \(([^()]+)\)$/.exec(body);
      if (i.unique && simple)
        lines.push({ kind: 'unique', text: `unique (${simple[1]})`, name: i.name, via: 'index' });
      else
        lines.push({ kind: 'index', text: `${i.unique ? 'unique index' : 'index'} ${body}`, name: i.name });
    }
    if (t.comment) lines.push({ kind: 'comment', text: `comment ${JSON.stringify(t.comment)}` });
    for (const c of cols)
      if (c.comment) lines.push({ kind: 'comment', text: `comment ${c.name} ${JSON.stringify(c.comment)}` });
    shape.tables[`${t.schema}.${t.name}`] = {
      columnOrder: cols.map((c) => c.name),
      lines: lines.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
    };
  }
  return shape;
}

export interface CompareOptions {
  /** Do not compare constraint and index names (cross-ORM comparisons). */
  ignoreNames?: boolean;
  /** A unique constraint and a unique index on the same columns count as the same (default: they differ). */
  uniqueConstraintEqualsIndex?: boolean;
  /** Do not compare column order. */
  ignoreColumnOrder?: boolean;
  /** Do not compare COMMENT ON texts. */
  ignoreComments?: boolean;
}

function renderLine(l: ShapeLine, o: CompareOptions): string {
  let s = l.text;
  if (l.kind === 'unique' && !o.uniqueConstraintEqualsIndex) s += ` [${l.via}]`;
  if (l.name !== undefined && !o.ignoreNames) s += ` "${l.name}"`;
  return s;
}

/** Differences between two shapes, as readable lines; empty when the databases are the same. */
export function compareShapes(expected: DbShape, actual: DbShape, options: CompareOptions = {}): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])].sort();
  for (const k of keys) {
    const a = expected.enums[k];
    const b = actual.enums[k];
    if (!a) out.push(`+ enum ${k} (${b?.join(', ')}) only in actual`);
    else if (!b) out.push(`- enum ${k} (${a.join(', ')}) missing in actual`);
    else if (a.join(',') !== b.join(','))
      out.push(`~ enum ${k}: expected (${a.join(', ')}), actual (${b.join(', ')})`);
  }
  const tables = [...new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])].sort();
  for (const t of tables) {
    const a = expected.tables[t];
    const b = actual.tables[t];
    if (!a) {
      out.push(`+ table ${t} only in actual`);
      continue;
    }
    if (!b) {
      out.push(`- table ${t} missing in actual`);
      continue;
    }
    if (!options.ignoreColumnOrder && a.columnOrder.join(',') !== b.columnOrder.join(','))
      out.push(
        `~ ${t}: column order expected (${a.columnOrder.join(', ')}), actual (${b.columnOrder.join(', ')})`,
      );
    const keep = (l: ShapeLine) => !(options.ignoreComments && l.kind === 'comment');
    const la = a.lines.filter(keep).map((l) => renderLine(l, options));
    const lb = b.lines.filter(keep).map((l) => renderLine(l, options));
    for (const l of la) if (!lb.includes(l)) out.push(`- ${t}: ${l}`);
    for (const l of lb) if (!la.includes(l)) out.push(`+ ${t}: ${l}`);
  }
  return out;
}
