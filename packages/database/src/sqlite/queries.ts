/**
 * The catalog queries of a SQLite file: one per catalog, with the pragma table-valued functions
 * joined to sqlite_schema (never one query per table).
 */

export const OBJECTS_QUERY = `SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema
 WHERE type IN ('table', 'view', 'index', 'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
 ORDER BY type, name`;

export const COLUMNS_QUERY = `SELECT m.name AS tbl, c.cid, c.name, c.type, c."notnull" AS not_null, c.dflt_value AS def, c.pk, c.hidden
  FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) c
 WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
 ORDER BY m.name, c.cid`;

export const FOREIGN_KEYS_QUERY = `SELECT m.name AS tbl, f.id, f.seq, f."table" AS ref, f."from" AS col, f."to" AS refcol,
       f.on_update, f.on_delete
  FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
 ORDER BY m.name, f.id, f.seq`;

export const INDEXES_QUERY = `SELECT m.name AS tbl, i.name, i."unique" AS is_unique, i.origin, i.partial,
       x.seqno, x.cid, x.name AS col, x."desc" AS is_desc, x.key
  FROM sqlite_schema m JOIN pragma_index_list(m.name) i JOIN pragma_index_xinfo(i.name) x
 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND x.key = 1
 ORDER BY m.name, i.name, x.seqno`;
