import type { PGlite } from '@electric-sql/pglite';
import { type DbShape, introspectPostgres, resetDatabase } from '@ormdoc/core/testing';
import type { LoadedMetadata } from '../../src/index.js';
import { pgliteAsPg } from './pgliteDriver.js';

interface SyncableDataSource {
  initialize(): Promise<unknown>;
  synchronize(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * The database TypeORM itself creates for the loaded entities: a DataSource of the user's TypeORM
 * copy, with the same options and entities, connected to PGlite, runs `synchronize()` (its schema
 * builder, the same code path as `synchronize: true`); the result is read back by introspection.
 */
export async function typeormShape(db: PGlite, loaded: LoadedMetadata): Promise<DbShape> {
  await resetDatabase(db);
  // synchronize() does not create schemas (a migration or the DBA does): create the ones entities use.
  for (const schema of new Set(loaded.entityMetadatas.flatMap((m) => (m.schema ? [m.schema] : []))))
    await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const DataSource = loaded.dataSource.constructor as new (o: Record<string, unknown>) => SyncableDataSource;
  const ds = new DataSource({ ...loaded.dataSource.options, driver: pgliteAsPg(db), logging: false });
  await ds.initialize();
  try {
    await ds.synchronize();
  } finally {
    await ds.destroy();
  }
  return introspectPostgres(db);
}

/** The database ormdoc's DDL creates. */
export async function ddlShape(db: PGlite, ddl: string): Promise<DbShape> {
  await resetDatabase(db);
  try {
    await db.exec(ddl);
  } catch (e) {
    throw new Error(`ormdoc DDL failed on PostgreSQL: ${(e as Error).message}\n--- DDL ---\n${ddl}`);
  }
  return introspectPostgres(db);
}
