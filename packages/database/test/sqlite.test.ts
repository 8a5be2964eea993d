import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromPrismaSchema } from '@ormdoc/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaMigrateDdl } from '../../prisma/test/helpers/prismaDdl.js';
import { driftReport, introspectDatabase, parseDatabaseUrl } from '../src/index.js';
import { essentials } from './_drift.js';
import { writeSqliteFile } from './_sqlite.js';

/**
 * A SQLite file (written here with sql.js from Prisma's own SQLite DDL) read back by ormdoc and
 * compared with the IR of the Prisma schema: no drift; then drift made by hand on the file.
 */

const SCHEMA = `datasource db {
  provider = "sqlite"
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  active    Boolean  @default(true)
  createdAt DateTime @default(now()) @map("created_at")
  posts     Post[]

  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@index([authorId])
  @@map("posts")
}
`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-sqlite-'));
const file = path.join(dir, 'dev.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (sql: string, base?: Buffer) => writeSqliteFile(file, sql, base);

async function drift() {
  const { ir } = await fromPrismaSchema({ cwd: dir, files: [{ path: 'schema.prisma', content: SCHEMA }] });
  const { ir: db, server } = await introspectDatabase(parseDatabaseUrl(`sqlite:${file}`, dir), {
    orm: 'prisma',
  });
  expect(server.version).toMatch(/^SQLite 3\./);
  return driftReport(ir, db, { database: 'dev.db' });
}

describe('SQLite file', () => {
  beforeAll(async () => {
    await write(await prismaMigrateDdl([{ path: 'schema.prisma', content: SCHEMA }], 'sqlite'));
  });

  it("Prisma's own database and the Prisma schema: no drift", async () => {
    expect((await drift()).items).toEqual([]);
  });

  it('hand-made drift is found and classed, and the file is left as it was', async () => {
    await write(
      'CREATE INDEX hand_made ON users (active); ALTER TABLE users ADD COLUMN legacy TEXT; ALTER TABLE users DROP COLUMN name;',
      readFileSync(file),
    );
    const before = readFileSync(file);
    const report = await drift();
    expect(report.items.map(essentials)).toEqual(
      expect.arrayContaining([
        { side: 'database-only', kind: 'index-dropped', table: 'users', class: 'harmless' },
        {
          side: 'database-only',
          kind: 'column-dropped',
          table: 'users',
          column: 'legacy',
          class: 'harmless',
        },
        { side: 'orm-only', kind: 'column-added', table: 'users', column: 'name', class: 'dangerous' },
      ]),
    );
    expect(report.items).toHaveLength(3);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a missing file is a clear error', async () => {
    await expect(introspectDatabase(parseDatabaseUrl(path.join(dir, 'nope.db'), dir))).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
    });
  });
});
