import { buildIr, canonicalizeIr, type Ir, type Orm } from '@ormdoc/core';
import type { DatabaseTarget } from '../connection/url.js';
import { objectsOf } from './objects.js';
import { readCatalog } from './read.js';
import type { CatalogRows } from './rows.js';
import { type SessionOptions, withReadOnlySession } from './session.js';
import { tablesOf } from './tables.js';

export interface IntrospectOptions extends SessionOptions {
  /** Schemas to read (default: every user schema). */
  schemas?: readonly string[];
  /**
   * The ORM whose IR this one is compared with or documented beside: the IR records one. The
   * database's own names and types are read either way.
   */
  orm?: Orm;
}

/** What the server says about itself, beside the IR. */
export interface ServerInfo {
  /** `server_version`, e.g. "15.10 (Debian 15.10-0+deb12u1)". */
  version: string;
  database: string;
  /** The connection label without credentials, e.g. postgresql://db.example.com/app. */
  label: string;
  host: string;
}

export interface Introspection {
  ir: Ir;
  server: ServerInfo;
}

/** Read a live PostgreSQL catalog into the IR, in one read-only transaction. */
export async function introspectPostgres(
  target: Extract<DatabaseTarget, { kind: 'postgresql' }>,
  options: IntrospectOptions = {},
): Promise<Introspection> {
  const rows = await withReadOnlySession(target, options, (query) => readCatalog(query, options.schemas));
  return {
    ir: irOfCatalog(rows, options.orm ?? 'prisma', target.label),
    server: {
      version: rows.server.version,
      database: rows.server.database,
      label: target.label,
      host: target.host,
    },
  };
}

/** The IR of a catalog read: pure, so it is tested on rows as well as on a server. */
export function irOfCatalog(rows: CatalogRows, orm: Orm, label: string): Ir {
  const defaultSchema = rows.server.default_schema ?? 'public';
  const schemaOf = (schema: string | null) => (schema === null || schema === defaultSchema ? null : schema);
  const tables = tablesOf(rows, schemaOf);
  // With --database-schema, a foreign key may point into a schema not read: the IR cannot hold it.
  const read = new Set(tables.map((t) => `${t.schema}.${t.name}`));
  for (const t of tables)
    t.foreignKeys = t.foreignKeys?.filter((f) => read.has(`${f.references.schema}.${f.references.name}`));
  const namespaces = [...new Set(rows.relations.map((r) => r.schema))].sort();
  return canonicalizeIr(
    buildIr({
      irVersion: 1,
      dialect: 'postgresql',
      source: { orm, files: [label], objectsReadFrom: ['database'] },
      namespaces,
      tables,
      ...objectsOf(rows, schemaOf),
    }),
  );
}
