import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ir } from '@ormdoc/core';
import { loadDrizzle } from '@ormdoc/drizzle';
import { loadPrisma } from '@ormdoc/prisma';
import { loadSqlmodel } from '@ormdoc/sqlmodel';
import { loadTypeorm } from '@ormdoc/typeorm';
import { drizzleKitExport, ensurePluginBuilt } from '../../drizzle/test/_kit.js';
import { HAS_PYTHON, sqlalchemyDdl } from '../../sqlmodel/test/helpers/python.js';

/**
 * The four examples (examples/<orm>, one domain written once per ORM) as drift fixtures: the IR
 * ormdoc extracts, and the database each ORM's own DDL creates (Prisma's migrations, drizzle-kit
 * export, SQLAlchemy's create_all DDL; TypeORM's own synchronize() runs on the server itself).
 */

export const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');

export type OrmName = 'prisma' | 'drizzle' | 'typeorm' | 'sqlmodel';

export interface OrmFixture {
  orm: OrmName;
  ir: () => Promise<Ir>;
  /** The ORM's own DDL, or undefined when the ORM applies its schema itself (TypeORM). */
  ddl: () => Promise<string | undefined>;
  /** Why this fixture cannot run here, if it cannot. */
  unavailable?: string;
}

export const ORM_FIXTURES: OrmFixture[] = [
  {
    orm: 'prisma',
    ir: async () => (await loadPrisma({ cwd: path.join(EXAMPLES, 'prisma') })).ir,
    // What `prisma migrate deploy` applies: the committed migrations, in order (Prisma wrote them;
    // the CHECKs Prisma has no syntax for were added by hand, as Prisma users do).
    ddl: async () =>
      readdirSync(path.join(EXAMPLES, 'prisma/migrations'))
        .filter((d) => existsSync(path.join(EXAMPLES, 'prisma/migrations', d, 'migration.sql')))
        .sort()
        .map((d) => readFileSync(path.join(EXAMPLES, 'prisma/migrations', d, 'migration.sql'), 'utf8'))
        .join('\n'),
  },
  {
    orm: 'drizzle',
    ir: async () => (await loadDrizzle({ cwd: path.join(EXAMPLES, 'drizzle') })).ir,
    ddl: async () => {
      await ensurePluginBuilt();
      return drizzleKitExport(path.join(EXAMPLES, 'drizzle'));
    },
  },
  {
    orm: 'typeorm',
    ir: async () => (await loadTypeorm({ cwd: path.join(EXAMPLES, 'typeorm') })).ir,
    ddl: async () => undefined,
  },
  {
    orm: 'sqlmodel',
    ir: async () => (await loadSqlmodel({ cwd: path.join(EXAMPLES, 'sqlmodel'), json: 'schema.json' })).ir,
    ddl: () => sqlalchemyDdl(path.join(EXAMPLES, 'sqlmodel'), 'models.py'),
    ...(HAS_PYTHON
      ? {}
      : { unavailable: 'Python with SQLAlchemy not found (apt-get install python3-sqlmodel)' }),
  },
];
