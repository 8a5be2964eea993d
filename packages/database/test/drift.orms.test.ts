import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DriftReport, driftReport, introspectDatabase, parseDatabaseUrl } from '../src/index.js';
import { essentials, HAND_DRIFT } from './_drift.js';
import { ORM_FIXTURES, type OrmFixture } from './_orms.js';
import { postgresUnavailable, startDebianPostgres, startPgliteServer, type TestServer } from './_postgres.js';
import { synchronizeTypeorm } from './_typeorm.js';

/**
 * Drift on real PostgreSQL servers (Debian's postgres on a unix socket, PGlite on a loopback port):
 * each example's database is created by its ORM's own DDL, read back by ormdoc, and compared with
 * the IR ormdoc extracts from the ORM schema: no drift. Then the hand-made drift of _drift.ts is
 * applied, and each change must be reported, on the right side, with its class, and nothing else.
 */

const SERVERS: Array<{ name: string; start: () => Promise<TestServer>; unavailable?: string }> = [
  { name: "Debian's PostgreSQL", start: startDebianPostgres, unavailable: postgresUnavailable() },
  { name: 'PGlite (pglite-socket)', start: startPgliteServer },
];

for (const s of SERVERS)
  describe.skipIf(s.unavailable)(`${s.name}${s.unavailable ? ` (skipped: ${s.unavailable})` : ''}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await s.start();
    });
    afterAll(() => server?.stop());

    async function drift(f: OrmFixture): Promise<DriftReport> {
      const ir = await f.ir();
      const { ir: db } = await introspectDatabase(parseDatabaseUrl(server.url(), '/'), {
        orm: ir.source.orm,
      });
      return driftReport(ir, db, { database: 'test' });
    }

    for (const f of ORM_FIXTURES)
      describe.skipIf(f.unavailable)(`${f.orm}${f.unavailable ? ` (skipped: ${f.unavailable})` : ''}`, () => {
        it("no drift between the ORM's own database and ormdoc's IR of the schema", async () => {
          await server.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
          const ddl = await f.ddl();
          if (ddl === undefined) await synchronizeTypeorm(server.url());
          else await server.exec(ddl);
          expect((await drift(f)).items).toEqual([]);
        });

        it('finds and classifies each hand-made change, and nothing else', async () => {
          for (const h of HAND_DRIFT) if (h.sql) await server.exec(h.sql);
          const report = await drift(f);
          expect(report.items.map(essentials)).toEqual(
            expect.arrayContaining(HAND_DRIFT.map((h) => h.expect)),
          );
          expect(report.items).toHaveLength(HAND_DRIFT.length);
          for (const item of report.items) expect(item.reason.length).toBeGreaterThan(10);
        });
      });
  });

describe.skipIf(postgresUnavailable())('schemas', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startDebianPostgres();
    await server.exec(`CREATE SCHEMA billing;
      CREATE TABLE accounts (id serial PRIMARY KEY);
      CREATE TABLE billing.invoices (id serial PRIMARY KEY, account_id int NOT NULL REFERENCES accounts (id));`);
  });
  afterAll(() => server?.stop());

  it('the default schema is null like the extractors write it; others keep their name', async () => {
    const { ir } = await introspectDatabase(parseDatabaseUrl(server.url(), '/'));
    expect(ir.tables.map((t) => [t.schema, t.name])).toEqual([
      [null, 'accounts'],
      ['billing', 'invoices'],
    ]);
    expect(ir.tables[1]!.foreignKeys[0]!.references).toEqual({
      schema: null,
      name: 'accounts',
      columns: ['id'],
    });
  });

  it('--database-schema reads only those schemas; a FK into one not read is left out', async () => {
    const { ir } = await introspectDatabase(parseDatabaseUrl(server.url(), '/'), { schemas: ['billing'] });
    expect(ir.tables.map((t) => t.name)).toEqual(['invoices']);
    expect(ir.tables[0]!.foreignKeys).toEqual([]);
  });
});
