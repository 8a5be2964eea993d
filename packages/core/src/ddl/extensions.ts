import type { Column, ColumnCategory, Index, Ir, Table } from '../ir/types.js';

/**
 * PostgreSQL extensions a schema relies on, so that its DDL can `CREATE EXTENSION` them first and
 * execute, as the ORM's own tool would (TypeORM installs uuid-ossp itself; Prisma's
 * `extensions = [...]` and drizzle users' migrations do it by hand).
 *
 * Each table below maps one vocabulary (types, functions, operator classes, index methods) onto the
 * extension that provides it; tests check them row by row. `gen_random_uuid()` is core PostgreSQL
 * since 13 and needs nothing.
 */

/** Types (element type, without length/array) -> extension. */
export const TYPE_EXTENSIONS: Readonly<Record<string, string>> = {
  vector: 'vector',
  halfvec: 'vector',
  sparsevec: 'vector',
  citext: 'citext',
  geometry: 'postgis',
  geography: 'postgis',
  box2d: 'postgis',
  box3d: 'postgis',
  hstore: 'hstore',
  ltree: 'ltree',
  lquery: 'ltree',
  ltxtquery: 'ltree',
  cube: 'cube',
  earth: 'earthdistance',
  seg: 'seg',
  isbn: 'isn',
  isbn13: 'isn',
  issn: 'isn',
  issn13: 'isn',
  ismn: 'isn',
  ismn13: 'isn',
  ean13: 'isn',
  upc: 'isn',
  lo: 'lo',
};

/** Trigger functions that contrib extensions install (`EXECUTE FUNCTION moddatetime(updated_at)`) -> extension. */
export const TRIGGER_FUNCTION_EXTENSIONS: Readonly<Record<string, string>> = {
  moddatetime: 'moddatetime',
  autoinc: 'autoinc',
  insert_username: 'insert_username',
  check_primary_key: 'refint',
  check_foreign_key: 'refint',
  lo_manage: 'lo',
  triggered_change_notification: 'tcn',
};

/** Functions (called in defaults, checks, index expressions, generated columns, views) -> extension. */
export const FUNCTION_EXTENSIONS: Readonly<Record<string, string>> = {
  uuid_generate_v1: 'uuid-ossp',
  uuid_generate_v1mc: 'uuid-ossp',
  uuid_generate_v3: 'uuid-ossp',
  uuid_generate_v4: 'uuid-ossp',
  uuid_generate_v5: 'uuid-ossp',
  uuid_nil: 'uuid-ossp',
  uuid_ns_dns: 'uuid-ossp',
  uuid_ns_url: 'uuid-ossp',
  uuid_ns_oid: 'uuid-ossp',
  uuid_ns_x500: 'uuid-ossp',
  gen_random_bytes: 'pgcrypto',
  gen_salt: 'pgcrypto',
  crypt: 'pgcrypto',
  digest: 'pgcrypto',
  hmac: 'pgcrypto',
  pgp_sym_encrypt: 'pgcrypto',
  pgp_sym_decrypt: 'pgcrypto',
  pgp_pub_encrypt: 'pgcrypto',
  pgp_pub_decrypt: 'pgcrypto',
  similarity: 'pg_trgm',
  word_similarity: 'pg_trgm',
  strict_word_similarity: 'pg_trgm',
  show_trgm: 'pg_trgm',
  unaccent: 'unaccent',
  levenshtein: 'fuzzystrmatch',
  soundex: 'fuzzystrmatch',
  metaphone: 'fuzzystrmatch',
  dmetaphone: 'fuzzystrmatch',
  ll_to_earth: 'earthdistance',
  earth_distance: 'earthdistance',
  earth_box: 'earthdistance',
};

/** Operator classes -> extension. (btree_gin / btree_gist classes are recognised by `btreeGinGist`.) */
export const OPCLASS_EXTENSIONS: Readonly<Record<string, string>> = {
  gin_trgm_ops: 'pg_trgm',
  gist_trgm_ops: 'pg_trgm',
  vector_l2_ops: 'vector',
  vector_ip_ops: 'vector',
  vector_cosine_ops: 'vector',
  vector_l1_ops: 'vector',
  halfvec_l2_ops: 'vector',
  halfvec_ip_ops: 'vector',
  halfvec_cosine_ops: 'vector',
  halfvec_l1_ops: 'vector',
  sparsevec_l2_ops: 'vector',
  sparsevec_ip_ops: 'vector',
  sparsevec_cosine_ops: 'vector',
  sparsevec_l1_ops: 'vector',
  bit_hamming_ops: 'vector',
  bit_jaccard_ops: 'vector',
  gist_ltree_ops: 'ltree',
  gist__ltree_ops: 'ltree',
  gin_hstore_ops: 'hstore',
  gist_hstore_ops: 'hstore',
  gist_geometry_ops_2d: 'postgis',
  gist_geometry_ops_nd: 'postgis',
  gist_geography_ops: 'postgis',
};

/** Index methods -> extension. */
export const METHOD_EXTENSIONS: Readonly<Record<string, string>> = {
  hnsw: 'vector',
  ivfflat: 'vector',
  bloom: 'bloom',
};

/** Extensions that need another one installed first. */
export const EXTENSION_REQUIRES: Readonly<Record<string, string[]>> = {
  earthdistance: ['cube'],
};

/** Column categories GIN/GiST index only through btree_gin/btree_gist (no built-in operator class). */
const BTREE_LIKE: ReadonlySet<ColumnCategory> = new Set<ColumnCategory>([
  'string',
  'integer',
  'bigint',
  'decimal',
  'float',
  'boolean',
  'datetime',
  'date',
  'time',
  'interval',
  'uuid',
  'enum',
  'binary',
]);

/** btree_gin's / btree_gist's operator classes (`int4_ops` for GIN, `gist_int4_ops` for GiST). */
const BTREE_GIN_OPCLASS =
  /^(int2|int4|int8|float4|float8|numeric|money|oid|text|varchar|bpchar|char|name|bytea|bit|varbit|bool|date|time|timetz|timestamp|timestamptz|interval|uuid|macaddr|macaddr8|enum)_ops$/;
const BTREE_GIST_OPCLASS =
  /^gist_(int2|int4|int8|float4|float8|numeric|cash|oid|text|vbit|bpchar|bit|bool|bytea|date|time|timetz|timestamp|timestamptz|interval|uuid|macaddr|macaddr8|inet|cidr|enum)_ops$/;

export interface RequiredExtension {
  name: string;
  /** `WITH SCHEMA`, when the IR declares one. */
  schema?: string;
  /** Why: `declared`, or what needs it (`notes.id default uuid_generate_v4()`). */
  reason: string;
}

/** An extension a name points at, with the schema it was qualified with (`extensions.citext`). */
export interface ExtensionUse {
  name: string;
  schema?: string;
}

const unquote = (s: string) => s.replace(/"/g, '');

/** Extension of a SQL type, from its element name (`vector(1536)` -> vector, `extensions.citext[]` -> citext in extensions). */
export function typeExtension(sql: string): ExtensionUse | undefined {
  const base = unquote(
    sql
      .replace(/(\[\d*\])+$/, '')
      .replace(/\(.*$/s, '')
      .trim(),
  ).toLowerCase();
  const dot = base.lastIndexOf('.');
  const name = TYPE_EXTENSIONS[base.slice(dot + 1)];
  if (!name) return undefined;
  const schema = dot > 0 ? base.slice(0, dot) : undefined;
  return schema && schema !== 'public' && schema !== 'pg_catalog' ? { name, schema } : { name };
}

const IDENT = '"?([a-z_][a-z0-9_$]*)"?';
const CALL = new RegExp(`(?<![\\w$."])(?:${IDENT}\\s*\\.\\s*)?${IDENT}\\s*\\(`, 'gi');

/** Extensions of the functions an SQL expression calls (`uuid_generate_v4()` -> uuid-ossp; `st_*` -> postgis). */
export function expressionExtensions(expression: string): ExtensionUse[] {
  const out = new Map<string, ExtensionUse>();
  // String literals cannot call anything: blank them out first.
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  for (const m of code.matchAll(CALL)) {
    const fn = (m[2] ?? '').toLowerCase();
    const name = FUNCTION_EXTENSIONS[fn] ?? (/^st_[a-z0-9_]+$/.test(fn) ? 'postgis' : undefined);
    if (!name || out.has(name)) continue;
    const schema = m[1]?.toLowerCase();
    out.set(
      name,
      schema && schema !== 'public' && schema !== 'pg_catalog' ? { name, schema: m[1] as string } : { name },
    );
  }
  return [...out.values()];
}

/** Extension an index part needs: its operator class, its method, or btree_gin/gist for a scalar under GIN/GiST. */
export function indexPartExtension(
  method: string,
  opclass: string | undefined,
  column: Column | undefined,
): string | undefined {
  const m = method.toLowerCase();
  const op = opclass?.toLowerCase().replace(/^.*\./, '');
  if (op) {
    const known = OPCLASS_EXTENSIONS[op];
    if (known) return known;
    if (m === 'gin' && BTREE_GIN_OPCLASS.test(op)) return 'btree_gin';
    if (m === 'gist' && BTREE_GIST_OPCLASS.test(op)) return 'btree_gist';
    return undefined;
  }
  if (!column || column.type.isArray || (column.type.enum === undefined && typeExtension(column.type.sql)))
    return undefined;
  if (!BTREE_LIKE.has(column.type.category)) return undefined;
  if (m === 'gin') return 'btree_gin';
  if (m === 'gist') return 'btree_gist';
  return undefined;
}

type Add = (use: ExtensionUse | string, reason: string) => void;

function indexNeeds(table: Table, ix: Index, add: Add): void {
  const method = (ix.method ?? 'btree').toLowerCase();
  const at = `index ${ix.name}`;
  const viaMethod = METHOD_EXTENSIONS[method];
  if (viaMethod) add(viaMethod, `${at} USING ${method}`);
  for (const p of ix.parts) {
    const column = p.column !== undefined ? table.columns.find((c) => c.name === p.column) : undefined;
    const ext = indexPartExtension(method, p.opclass, column);
    if (ext)
      add(ext, `${at} (${p.column ?? p.expression}${p.opclass ? ` ${p.opclass}` : ''}) USING ${method}`);
    if (p.expression) for (const e of expressionExtensions(p.expression)) add(e, `${at} expression`);
  }
  if (ix.where) for (const e of expressionExtensions(ix.where)) add(e, `${at} WHERE`);
}

/**
 * Every extension the schema relies on, in the order to create them (what another needs first,
 * then by name): the IR's own (`ir.extensions`, with their schema) plus those inferred from
 * column types, defaults, generated columns, checks, indexes and view definitions.
 */
export function requiredExtensions(ir: Ir): RequiredExtension[] {
  const found = new Map<string, RequiredExtension>();
  for (const e of ir.extensions)
    found.set(e.name, { name: e.name, ...(e.schema ? { schema: e.schema } : {}), reason: e.origin });
  const add: Add = (use, reason) => {
    const { name, schema } = typeof use === 'string' ? { name: use, schema: undefined } : use;
    if (!found.has(name)) found.set(name, { name, ...(schema ? { schema } : {}), reason });
    for (const dep of EXTENSION_REQUIRES[name] ?? [])
      add(schema ? { name: dep, schema } : dep, `required by ${name}`);
  };
  for (const table of ir.tables) {
    for (const c of table.columns) {
      const at = `${table.name}.${c.name}`;
      if (!c.type.enum) {
        const viaType = typeExtension(c.type.sql);
        if (viaType) add(viaType, `${at} type ${c.type.sql}`);
      }
      if (c.default?.kind === 'sql')
        for (const e of expressionExtensions(c.default.expression))
          add(e, `${at} default ${c.default.expression}`);
      if (c.generated)
        for (const e of expressionExtensions(c.generated.expression)) add(e, `${at} generated column`);
    }
    for (const ch of table.checks)
      for (const e of expressionExtensions(ch.expression)) add(e, `${table.name} check ${ch.name}`);
    for (const ix of table.indexes) indexNeeds(table, ix, add);
    if (table.definition)
      for (const e of expressionExtensions(table.definition)) add(e, `view ${table.name}`);
  }
  for (const p of ir.policies)
    for (const expr of [p.using, p.withCheck])
      if (expr) for (const e of expressionExtensions(expr)) add(e, `policy ${p.name}`);
  for (const t of ir.triggers) {
    const ext = TRIGGER_FUNCTION_EXTENSIONS[t.function.name];
    const own = ir.routines.some((r) => r.name === t.function.name);
    if (ext && !own && (t.function.schema === null || t.function.schema === 'public'))
      add(ext, `trigger ${t.name} executes ${t.function.name}()`);
  }
  // Dependencies first: a short topological pass over EXTENSION_REQUIRES, by name otherwise.
  const names = [...found.keys()].sort();
  const ordered: string[] = [];
  const visit = (n: string) => {
    if (ordered.includes(n) || !found.has(n)) return;
    for (const dep of EXTENSION_REQUIRES[n] ?? []) visit(dep);
    ordered.push(n);
  };
  for (const n of names) visit(n);
  return ordered.map((n) => found.get(n) as RequiredExtension);
}
