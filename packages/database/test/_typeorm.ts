import path from 'node:path';
import { loadTypeormMetadata } from '@ormdoc/typeorm';
import pg from 'pg';
import { EXAMPLES } from './_orms.js';

interface SyncableDataSource {
  initialize(): Promise<unknown>;
  synchronize(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * TypeORM's own schema builder on a real server: a DataSource of the example's TypeORM copy with
 * the example's options and entities, connected with `pg` to `url`, runs `synchronize()`.
 */
export async function synchronizeTypeorm(url: string): Promise<void> {
  const loaded = await loadTypeormMetadata({
    cwd: path.join(EXAMPLES, 'typeorm'),
    dataSource: 'src/data-source.ts',
  });
  const DataSource = loaded.dataSource.constructor as new (o: Record<string, unknown>) => SyncableDataSource;
  const ds = new DataSource({
    ...(loaded.dataSource as unknown as { options: Record<string, unknown> }).options,
    url,
    driver: pg,
    extra: { max: 1 },
    logging: false,
  });
  await ds.initialize();
  try {
    await ds.synchronize();
  } finally {
    await ds.destroy();
  }
}
