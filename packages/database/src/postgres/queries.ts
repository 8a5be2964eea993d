/**
 * The catalog queries of a PostgreSQL introspection: one per catalog (never one per table), each
 * parameterised the same way: `$1` is the list of schemas to read, or NULL for every user schema.
 * Objects that belong to an extension (PostGIS's tables, pgcrypto's functions) are left out.
 * The text is PostgreSQL's own (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef).
 */

/** Schemas to read: `$1` when given, else every schema but the system ones. */
const inSchemas = (ns: string) =>
  `(CASE WHEN $1::text[] IS NULL THEN ${ns}.nspname NOT LIKE 'pg\\_%' AND ${ns}.nspname <> 'information_schema' ELSE ${ns}.nspname = ANY($1::text[]) END)`;

const notExtensionMember = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '${catalog}'::regclass AND dep.objid = ${oid} AND dep.deptype = 'e')`;

/** The tables, partitioned tables, views and materialized views read (partitions are their parent's rows). */
const RELATIONS = `rels AS (
  SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND ${inSchemas('n')}
     AND ${notExtensionMember('pg_class', 'c.oid')})`;

export const SERVER_QUERY = `SELECT current_setting('server_version') AS version, current_database() AS database,
  current_schema() AS default_schema`;

export const RELATIONS_QUERY = `WITH ${RELATIONS}
SELECT c.oid::text AS rel, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       obj_description(c.oid, 'pg_class') AS comment, c.relrowsecurity AS rls, c.relforcerowsecurity AS rls_forced,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS definition
  FROM rels JOIN pg_class c ON c.oid = rels.oid JOIN pg_namespace n ON n.oid = c.relnamespace
 ORDER BY n.nspname, c.relname`;

export const COLUMNS_QUERY = `WITH ${RELATIONS}
SELECT a.attrelid::text AS rel, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS identity,
       a.attgenerated AS generated, col_description(a.attrelid, a.attnum) AS comment,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
       (t.typcategory = 'A') AS is_array, et.typtype AS elem_kind, en.nspname AS enum_schema,
       CASE WHEN et.typtype = 'e' THEN et.typname END AS enum_name
  FROM rels JOIN pg_attribute a ON a.attrelid = rels.oid
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
  JOIN pg_namespace en ON en.oid = et.typnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
 WHERE a.attnum > 0 AND NOT a.attisdropped
 ORDER BY a.attrelid, a.attnum`;

const columnNames = (rel: string, keys: string) =>
  `ARRAY(SELECT a.attname FROM unnest(${keys}) WITH ORDINALITY k(n, i)
           JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.n ORDER BY k.i)::text[]`;

export const CONSTRAINTS_QUERY = `WITH ${RELATIONS}
SELECT con.conrelid::text AS rel, con.conname AS name, con.contype AS type, pg_get_constraintdef(con.oid, true) AS def,
       ${columnNames('con.conrelid', 'con.conkey')} AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table, ${columnNames('con.confrelid', 'con.confkey')} AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS deferrable,
       con.condeferred AS deferred, CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END AS check_expr
  FROM rels JOIN pg_constraint con ON con.conrelid = rels.oid
  LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE con.contype IN ('p', 'u', 'f', 'c')
 ORDER BY con.conrelid, con.conname`;

/** Indexes that are not the index of a primary key, unique or exclusion constraint. */
export const INDEXES_QUERY = `WITH ${RELATIONS}
SELECT i.indrelid::text AS rel, ic.relname AS name, am.amname AS method, i.indisunique AS unique,
       i.indnkeyatts AS key_count, pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       pg_get_indexdef(i.indexrelid) AS def,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k ORDER BY k)::text[] AS parts,
       ARRAY(SELECT i.indkey[k - 1] FROM generate_series(1, i.indnatts) k ORDER BY k)::int[] AS attnums,
       ARRAY(SELECT i.indoption[k - 1] FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::int[] AS options,
       ARRAY(SELECT CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END
               FROM generate_series(1, i.indnkeyatts) k JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1] ORDER BY k)::text[] AS opclasses
  FROM rels JOIN pg_index i ON i.indrelid = rels.oid
  JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
 WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                      AND c.contype IN ('p', 'u', 'x'))
 ORDER BY i.indrelid, ic.relname`;

export const ENUMS_QUERY = `SELECT n.nspname AS schema, t.typname AS name, obj_description(t.oid, 'pg_type') AS comment,
       ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS values
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype = 'e' AND ${inSchemas('n')} AND ${notExtensionMember('pg_type', 't.oid')}
 ORDER BY n.nspname, t.typname`;

export const POLICIES_QUERY = `WITH ${RELATIONS}
SELECT p.polrelid::text AS rel, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
       ARRAY(SELECT CASE WHEN ro = 0 THEN 'public' ELSE pg_get_userbyid(ro) END FROM unnest(p.polroles) ro)::text[] AS roles,
       pg_get_expr(p.polqual, p.polrelid, true) AS using, pg_get_expr(p.polwithcheck, p.polrelid, true) AS with_check
  FROM rels JOIN pg_policy p ON p.polrelid = rels.oid
 ORDER BY p.polrelid, p.polname`;

export const TRIGGERS_QUERY = `WITH ${RELATIONS}
SELECT t.tgrelid::text AS rel, t.tgname AS name, t.tgtype AS type, t.tgenabled AS enabled,
       pn.nspname AS function_schema, p.proname AS function_name,
       ARRAY(SELECT a.attname FROM generate_series(0, t.tgattr_count - 1) k
               JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = t.tgattr[k] ORDER BY k)::text[] AS update_of,
       pg_get_triggerdef(t.oid, true) AS def, encode(t.tgargs, 'escape') AS args, t.tgnargs AS arg_count
  FROM rels JOIN (SELECT tg.*, array_length(tg.tgattr::int2[], 1) AS tgattr_count FROM pg_trigger tg) t ON t.tgrelid = rels.oid
  JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace
 WHERE NOT t.tgisinternal
 ORDER BY t.tgrelid, t.tgname`;

export const ROUTINES_QUERY = `SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
       pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
       l.lanname AS language, p.provolatile AS volatility, p.prosecdef AS security_definer,
       p.proconfig AS config, p.prosrc AS body, obj_description(p.oid, 'pg_proc') AS comment
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
 WHERE p.prokind IN ('f', 'p') AND ${inSchemas('n')} AND ${notExtensionMember('pg_proc', 'p.oid')}
 ORDER BY n.nspname, p.proname, 4`;

/** Sequences that no column owns (serial and identity sequences are the column's default). */
export const SEQUENCES_QUERY = `SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min_value,
       s.seqmax::text AS max_value, s.seqcache::text AS cache, s.seqcycle AS cycle
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${inSchemas('n')} AND ${notExtensionMember('pg_class', 'c.oid')}
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i'))
 ORDER BY n.nspname, c.relname`;

export const EXTENSIONS_QUERY = `SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname <> 'plpgsql'
 ORDER BY e.extname`;
