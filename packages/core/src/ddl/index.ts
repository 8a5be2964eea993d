import { withLookups } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import type { DdlDialect } from './identifiers.js';
import { mysqlDdl, mysqlTableDdl } from './mysql.js';
import { postgresDdl, postgresTableDdl } from './postgres.js';
import { sqliteDdl, sqliteTableDdl } from './sqlite.js';

export type { DdlDialect } from './identifiers.js';
export { quoteIdent, sqlString } from './identifiers.js';

export interface DdlOptions {
  /** Target dialect; defaults to the IR's own (PostgreSQL for CockroachDB and SQL Server). */
  dialect?: DdlDialect;
}

function targetOf(ir: Ir, options: DdlOptions): DdlDialect {
  if (options.dialect) return options.dialect;
  return ir.dialect === 'mysql' || ir.dialect === 'sqlite' ? ir.dialect : 'postgresql';
}

/**
 * The whole schema as executable DDL for one dialect: namespaces, enum types, tables in FK-safe
 * order with their keys, checks and indexes, comments, foreign keys and views. Deterministic.
 */
export function renderDdl(ir: Ir, options: DdlOptions = {}): string {
  const dialect = targetOf(ir, options);
  return withLookups(ir, () => {
    switch (dialect) {
      case 'postgresql':
        return postgresDdl(ir);
      case 'mysql':
        return mysqlDdl(ir);
      case 'sqlite':
        return sqliteDdl(ir);
    }
  });
}

/** One table's DDL (CREATE TABLE with its indexes, comments and foreign keys), or one view's. */
export function renderTableDdl(ir: Ir, table: Table, options: DdlOptions = {}): string {
  const dialect = targetOf(ir, options);
  switch (dialect) {
    case 'postgresql':
      return postgresTableDdl(ir, table);
    case 'mysql':
      return mysqlTableDdl(ir, table);
    case 'sqlite':
      return sqliteTableDdl(ir, table);
  }
}
