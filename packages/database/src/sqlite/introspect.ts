import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  buildIr,
  type ColumnDefault,
  canonicalizeIr,
  categorizeSqlType,
  type Ir,
  type IrInput,
  normalizeSqlType,
  type Orm,
  OrmdocError,
  type ReferentialAction,
} from '@ormdoc/core';
import type { DatabaseTarget } from '../connection/url.js';
import type { Introspection, IntrospectOptions } from '../postgres/introspect.js';
import { COLUMNS_QUERY, FOREIGN_KEYS_QUERY, INDEXES_QUERY, OBJECTS_QUERY } from './queries.js';

type TableInput = IrInput['tables'][number];
type Row = Record<string, string | number | null>;

/**
 * Read a SQLite file into the IR with sql.js (SQLite compiled to WebAssembly: no native install).
 * The file is read into memory and never written back: ormdoc cannot change it.
 */
export async function introspectSqlite(
  target: Extract<DatabaseTarget, { kind: 'sqlite' }>,
  options: IntrospectOptions,
): Promise<Introspection> {
  if (!existsSync(target.file))
    throw new OrmdocError('INPUT_NOT_FOUND', `SQLite database file not found: ${target.file}`, {
      hint: 'Pass the path of an existing .db/.sqlite file (or a postgres:// URL).',
    });
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs({
    locateFile: (f: string) => createRequire(import.meta.url).resolve(`sql.js/dist/${f}`),
  });
  const db = new SQL.Database(readFileSync(target.file));
  try {
    const all = (sql: string): Row[] => {
      const [result] = db.exec(sql);
      if (!result) return [];
      return result.values.map((v) =>
        Object.fromEntries(result.columns.map((c, i) => [c, v[i] as Row[string]])),
      );
    };
    const [version] = all('SELECT sqlite_version() AS v');
    const rows = {
      objects: all(OBJECTS_QUERY),
      columns: all(COLUMNS_QUERY),
      foreignKeys: all(FOREIGN_KEYS_QUERY),
      indexes: all(INDEXES_QUERY),
    };
    return {
      ir: irOfSqlite(rows, options.orm ?? 'drizzle', target.label),
      server: {
        version: `SQLite ${String(version?.v ?? '')}`,
        database: target.file,
        label: target.label,
        host: target.host,
      },
    };
  } catch (error) {
    if (error instanceof OrmdocError) throw error;
    throw new OrmdocError('DATABASE_ERROR', `Cannot read ${target.label}: ${(error as Error).message}`, {
      hint: 'Check that the file is a SQLite database.',
    });
  } finally {
    db.close();
  }
}

const ACTIONS: Record<string, ReferentialAction> = {
  'NO ACTION': 'NO ACTION',
  RESTRICT: 'RESTRICT',
  CASCADE: 'CASCADE',
  'SET NULL': 'SET NULL',
  'SET DEFAULT': 'SET DEFAULT',
};

function group(rows: Row[], key: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) map.set(String(r[key]), [...(map.get(String(r[key])) ?? []), r]);
  return map;
}

/** The IR of the rows of a SQLite file's catalog. */
export function irOfSqlite(
  rows: { objects: Row[]; columns: Row[]; foreignKeys: Row[]; indexes: Row[] },
  orm: Orm,
  label: string,
): Ir {
  const columns = group(rows.columns, 'tbl');
  const fks = group(rows.foreignKeys, 'tbl');
  const indexes = group(rows.indexes, 'tbl');
  const indexSql = new Map(
    rows.objects.filter((o) => o.type === 'index').map((o) => [String(o.name), String(o.sql ?? '')]),
  );
  const tables: TableInput[] = rows.objects
    .filter((o) => o.type === 'table' || o.type === 'view')
    .map((o) => {
      const name = String(o.name);
      const sql = String(o.sql ?? '');
      const cols = (columns.get(name) ?? []).filter((c) => Number(c.hidden) === 0 || Number(c.hidden) >= 2);
      const pk = cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
      const rowid = pk.length === 1 && String(pk[0]!.type).toUpperCase() === 'INTEGER';
      const table: TableInput = {
        kind: o.type === 'view' ? 'view' : 'table',
        schema: null,
        name,
        columns: cols.map((c) => {
          const type = normalizeSqlType('sqlite', String(c.type || 'blob'));
          const isPk = rowid && c.name === pk[0]!.name;
          const def = isPk
            ? ({
                kind: 'sequence',
                style: /\bAUTOINCREMENT\b/i.test(sql) ? 'auto-increment' : 'rowid',
              } as const)
            : defaultOf(c.def === null ? null : String(c.def));
          return {
            name: String(c.name),
            type: { sql: type, category: categorizeSqlType(type), isArray: false },
            nullable: Number(c.not_null) === 0 && !isPk,
            ...(def ? { default: def } : {}),
          };
        }),
        uniques: [],
        indexes: [],
        foreignKeys: [],
        checks: [],
      };
      if (o.type === 'view') {
        table.definition = sql.replace(/^CREATE\s+VIEW\s+\S+\s+AS\s+/i, '');
        return table;
      }
      if (pk.length > 0) table.primaryKey = { name: `${name}_pkey`, columns: pk.map((c) => String(c.name)) };
      for (const [id, parts] of group(fks.get(name) ?? [], 'id')) {
        const first = parts[0]!;
        table.foreignKeys!.push({
          name: `${name}_fk_${id}`,
          columns: parts.map((p) => String(p.col)),
          references: {
            schema: null,
            name: String(first.ref),
            columns: parts.map((p) => String(p.refcol ?? p.col)),
          },
          onDelete: ACTIONS[String(first.on_delete)] ?? 'NO ACTION',
          onUpdate: ACTIONS[String(first.on_update)] ?? 'NO ACTION',
          enforcedBy: 'database',
        });
      }
      for (const [index, parts] of group(indexes.get(name) ?? [], 'name')) {
        const first = parts[0]!;
        if (first.origin === 'pk') continue;
        const cols = parts.map((p) => String(p.col));
        if (first.origin === 'u') {
          table.uniques!.push({ name: index, nameExplicit: false, columns: cols });
          continue;
        }
        const where = /\bWHERE\s+([\s\S]+)$/i.exec(indexSql.get(index) ?? '')?.[1]?.trim();
        table.indexes!.push({
          name: index,
          nameExplicit: true,
          unique: Number(first.is_unique) === 1,
          parts: parts.map((p) => ({
            ...(p.col !== null ? { column: String(p.col) } : { expression: '(expression)' }),
            ...(Number(p.is_desc) === 1 ? { order: 'desc' as const } : {}),
          })),
          ...(Number(first.partial) === 1 && where ? { where } : {}),
        });
      }
      return table;
    });
  return canonicalizeIr(
    buildIr({ irVersion: 1, dialect: 'sqlite', source: { orm, files: [label] }, tables }),
  );
}

function defaultOf(text: string | null): ColumnDefault | undefined {
  if (text === null) return undefined;
  const quoted = /^'((?:[^']|'')*)'$/.exec(text);
  if (quoted) return { kind: 'literal', value: quoted[1]!.replace(/''/g, "'"), sql: text };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'literal', value: Number(text), sql: text };
  if (/^(true|false)$/i.test(text)) return { kind: 'literal', value: /^true$/i.test(text), sql: text };
  if (/^null$/i.test(text)) return { kind: 'literal', value: null, sql: 'NULL' };
  return { kind: 'sql', expression: text.replace(/^\((.*)\)$/s, '$1') };
}
