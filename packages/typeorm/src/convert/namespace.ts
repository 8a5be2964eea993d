import type { DriverLike, EntityMetadataLike, TypeormDialect } from '../types.js';

/** TypeORM 0.3/1.x entity metadata also carries `database` (`@Entity({ database })`). */
type WithDatabase = EntityMetadataLike & { database?: string };

/**
 * The namespace a table really lands in, as TypeORM's drivers build `tablePath`
 * (`driver.buildTableName(tableName, schema, database)`):
 * - PostgreSQL: `schema` (entity option, else the DataSource's `schema`); `database` is ignored.
 * - MySQL/MariaDB (one `MysqlDriver`): `database` (entity option); `schema` is ignored. No
 *   database means the connection's database, the IR's default namespace (`null`), and so does
 *   naming the connection's own database.
 * - SQLite: neither; every table is in the one database file.
 */
export function tableNamespace(
  dialect: TypeormDialect,
  entity: EntityMetadataLike,
  driver: DriverLike,
): string | null {
  switch (dialect) {
    case 'postgresql':
      return entity.schema ?? null;
    case 'mysql': {
      const database = (entity as WithDatabase).database;
      if (!database) return null;
      const connectionDatabase = (driver as DriverLike & { database?: string }).database;
      return database === connectionDatabase ? null : database;
    }
    case 'sqlite':
      return null;
  }
}

/** True when the entity names a `schema` the dialect's TypeORM driver does not use. */
export function ignoresSchema(dialect: TypeormDialect, entity: EntityMetadataLike): boolean {
  return dialect !== 'postgresql' && typeof entity.schema === 'string' && entity.schema !== '';
}
