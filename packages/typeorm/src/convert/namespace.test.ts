import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTypeormMetadata } from '../load/loadMetadata.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

// Inside the package so the entity file resolves this package's `typeorm`.
const dir = mkdtempSync(path.join('packages/typeorm', '.tmp-namespace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  path.join(dir, 'entities.ts'),
  `import { Column, Entity, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'accounts', schema: 'auth' })
export class Account {
  @PrimaryGeneratedColumn() id: number;
}

@Entity({ name: 'ledgers', database: 'finance' })
export class Ledger {
  @PrimaryGeneratedColumn() id: number;
}

@Entity({ name: 'invoices', schema: 'billing' })
export class Invoice {
  @PrimaryGeneratedColumn() id: number;
  @Column() accountId: number;
  @ManyToOne(() => Account) account: Account;
  @ManyToMany(() => Ledger) @JoinTable({ name: 'invoice_ledgers' }) ledgers: Ledger[];
}
`,
);
// SQLite's `database` means an attached file (the loader's driver has no main file): schemas only.
writeFileSync(
  path.join(dir, 'sqlite.ts'),
  `import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'accounts', schema: 'auth' })
export class Account {
  @PrimaryGeneratedColumn() id: number;
}

@Entity({ name: 'invoices', schema: 'billing' })
export class Invoice {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => Account) account: Account;
}
`,
);

async function namespaces(dialect: TypeormDialect, file = 'entities.ts') {
  const loaded = await loadTypeormMetadata({ cwd: dir, entities: [file], dialect });
  const { ir, diagnostics } = fromTypeormMetadata({
    dialect: loaded.dialect,
    entityMetadatas: loaded.entityMetadatas,
    driver: loaded.dataSource.driver,
    cwd: dir,
  });
  const tables = Object.fromEntries(ir.tables.map((t) => [t.name, t.schema]));
  const fkTargets = ir.tables.flatMap((t) =>
    (t.foreignKeys ?? []).map((fk) => `${t.name}->${fk.references.schema ?? '-'}.${fk.references.name}`),
  );
  const relationEnds = ir.relations.map(
    (r) => `${r.from.schema ?? '-'}.${r.from.name}->${r.to.schema ?? '-'}.${r.to.name}`,
  );
  return { tables, fkTargets: fkTargets.sort(), relationEnds: relationEnds.sort(), diagnostics };
}

describe('table namespace follows what the TypeORM driver creates', () => {
  it('MySQL: `database` qualifies tables, `schema` is ignored (with an info diagnostic)', async () => {
    const got = await namespaces('mysql');
    expect(got.tables).toEqual({ accounts: null, invoice_ledgers: null, invoices: null, ledgers: 'finance' });
    expect(got.fkTargets).toEqual([
      'invoice_ledgers->-.invoices',
      'invoice_ledgers->finance.ledgers',
      'invoices->-.accounts',
    ]);
    expect(got.relationEnds).toEqual(['-.invoices->-.accounts', '-.invoices->finance.ledgers']);
    expect(got.diagnostics.filter((d) => d.code === 'typeorm/schema-ignored').map((d) => d.message)).toEqual([
      expect.stringContaining('accounts'),
      expect.stringContaining('invoices'),
    ]);
  });

  it('PostgreSQL: `schema` qualifies tables (junction in its owner schema), `database` is ignored', async () => {
    const got = await namespaces('postgresql');
    expect(got.tables).toEqual({
      accounts: 'auth',
      invoice_ledgers: 'billing',
      invoices: 'billing',
      ledgers: null,
    });
    expect(got.fkTargets).toContain('invoices->auth.accounts');
    expect(got.diagnostics.some((d) => d.code === 'typeorm/schema-ignored')).toBe(false);
  });

  it('SQLite: no namespaces at all', async () => {
    const got = await namespaces('sqlite', 'sqlite.ts');
    expect(got.tables).toEqual({ accounts: null, invoices: null });
    expect(got.fkTargets).toEqual(['invoices->-.accounts']);
    expect(got.diagnostics.filter((d) => d.code === 'typeorm/schema-ignored')).toHaveLength(2);
  });
});
