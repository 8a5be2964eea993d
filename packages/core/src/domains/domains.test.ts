import { describe, expect, it } from 'vitest';
import { OrmdocConfig } from '../config/schema.js';
import type { Table } from '../ir/types.js';
import { aForeignKey, anIr, aTable, exampleIr } from '../testing/index.js';
import { checkDomainsConfig, computeDomains } from './index.js';

const names = (ds: ReturnType<typeof computeDomains>) =>
  Object.fromEntries(
    ds.map((d) => [d.name, d.tables.map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name))]),
  );

/** `child` has one FK to each of `parents`. */
function t(name: string, parents: string[] = [], overrides: Partial<Table> = {}): Table {
  return aTable(name, {
    foreignKeys: parents.map((p, i) => aForeignKey(name, [`${p}_id${i}`], p)),
    ...overrides,
  });
}

describe('computeDomains: sources', () => {
  it('config wins over every other source, globs match names, schema.name and code names; the rest is inferred', () => {
    const ir = anIr({
      tables: [
        t('invoices', [], { tags: [{ name: 'domain', value: 'Sales' }], source: { file: 'a.prisma' } }),
        t('invoice_lines', ['invoices'], { source: { file: 'a.prisma' } }),
        t('payments', ['invoices'], { codeName: 'Payment', source: { file: 'b.prisma' } }),
        t('users', [], { source: { file: 'b.prisma' } }),
        t('sessions', ['users'], { source: { file: 'b.prisma' } }),
      ],
    });
    const config = OrmdocConfig.parse({
      domains: { Billing: { tables: ['invoice*', 'Payment'], description: 'Money in.' } },
    });
    const ds = computeDomains(ir, config);
    expect(names(ds)).toEqual({
      Billing: ['invoice_lines', 'invoices', 'payments'],
      users: ['sessions', 'users'],
    });
    expect(ds.find((d) => d.id === 'billing')).toMatchObject({ source: 'config', description: 'Money in.' });
  });

  it('tags @domain/@namespace/@module with a value group tables; the same name as a config domain is one domain', () => {
    const ir = anIr({
      tables: [
        t('a', [], { tags: [{ name: 'domain', value: 'Billing' }] }),
        t('b', [], { tags: [{ name: 'namespace', value: 'Auth' }] }),
        t('c', [], { tags: [{ name: 'module', value: 'Auth' }] }),
        t('d'),
      ],
    });
    const ds = computeDomains(ir, { domains: { Billing: { tables: ['d'] } } });
    expect(names(ds)).toEqual({ Auth: ['b', 'c'], Billing: ['d', 'a'].sort() });
    expect(ds.map((d) => d.source)).toEqual(['tag', 'config']);
  });

  it('PostgreSQL schemas, when more than one is used (the default schema is public)', () => {
    const ir = anIr({
      tables: [t('users'), aTable('invoices', { schema: 'billing' }), aTable('plans', { schema: 'billing' })],
    });
    expect(names(computeDomains(ir))).toEqual({
      billing: ['billing.invoices', 'billing.plans'],
      public: ['users'],
    });
    expect(computeDomains(ir).every((d) => d.source === 'schema')).toBe(true);
  });

  it('multi-file Prisma schemas: one file, one domain; implicit tables join their neighbour', () => {
    const ir = anIr({
      tables: [
        t('User', [], { source: { file: 'prisma/schema/user.prisma', line: 1 } }),
        t('Post', ['User'], { source: { file: 'prisma/schema/blog.prisma', line: 1 } }),
        t('Tag', [], { source: { file: 'prisma/schema/blog.prisma', line: 9 } }),
        t('_PostToTag', ['Post', 'Tag'], { implicit: true }),
        t('Account', ['User'], { source: { file: 'prisma/schema/user.prisma', line: 9 } }),
        t('Session', ['Device'], { source: { file: 'prisma/schema/schema.prisma', line: 1 } }),
        t('Device', [], { source: { file: 'prisma/schema/schema.prisma', line: 9 } }),
      ],
    });
    const ds = computeDomains(ir);
    // schema.prisma in prisma/schema/ names nothing: its domain is named after its hub table.
    expect(names(ds)).toEqual({
      Blog: ['Post', 'Tag', '_PostToTag'],
      Device: ['Device', 'Session'],
      User: ['Account', 'User'],
    });
    expect(ds.every((d) => d.source === 'file')).toBe(true);
  });

  it('Drizzle schema files: a generic file name (schema.ts, index.ts) is named after its folder', () => {
    const ir = anIr({
      tables: [
        t('users', [], { source: { file: 'src/auth/schema.ts' } }),
        t('sessions', ['users'], { source: { file: 'src/auth/schema.ts' } }),
        t('orders', ['users'], { source: { file: 'src/shop/orders.ts' } }),
        t('order_items', ['orders'], { source: { file: 'src/shop/orders.ts' } }),
      ],
    });
    expect(names(computeDomains(ir))).toEqual({
      Auth: ['sessions', 'users'],
      Orders: ['order_items', 'orders'],
    });
  });

  it('TypeORM entity folders: one table per file gives one domain per folder', () => {
    const ir = anIr({
      tables: [
        t('user', [], { source: { file: 'src/identity/user.entity.ts' } }),
        t('role', [], { source: { file: 'src/identity/role.entity.ts' } }),
        t('order', ['user'], { source: { file: 'src/sales/order.entity.ts' } }),
        t('product', [], { source: { file: 'src/sales/product.entity.ts' } }),
      ],
    });
    expect(names(computeDomains(ir))).toEqual({ Identity: ['role', 'user'], Sales: ['order', 'product'] });
  });

  it('module folders: src/modules/billing/entities is the Billing domain, not "entities"', () => {
    const ir = anIr({
      tables: [
        t('invoice', [], { source: { file: 'src/modules/billing/entities/invoice.entity.ts' } }),
        t('payment', ['invoice'], { source: { file: 'src/modules/billing/entities/payment.entity.ts' } }),
        t('user', [], { source: { file: 'src/modules/users/entities/user.entity.ts' } }),
        t('role', [], { source: { file: 'src/modules/users/entities/role.entity.ts' } }),
      ],
    });
    expect(names(computeDomains(ir))).toEqual({ Billing: ['invoice', 'payment'], Users: ['role', 'user'] });
  });

  it('one file or one folder says nothing: the FK graph is clustered, named after each hub', () => {
    const files = { source: { file: 'prisma/schema.prisma' } };
    const ir = anIr({
      tables: [
        t('users', [], files),
        t('accounts', ['users'], files),
        t('sessions', ['users'], files),
        t('profiles', ['users'], files),
        t('orders', [], files),
        t('order_items', ['orders', 'products'], files),
        t('products', [], files),
        t('shipments', ['orders'], files),
        t('settings', [], files),
      ],
    });
    const ds = computeDomains(ir);
    expect(names(ds)).toEqual({
      orders: ['order_items', 'orders', 'products', 'shipments'],
      users: ['accounts', 'profiles', 'sessions', 'users'],
      'Standalone tables': ['settings'],
    });
    expect(ds.find((d) => d.name === 'users')?.hub).toEqual({ schema: null, name: 'users' });
    expect(ds.find((d) => d.name === 'Standalone tables')?.hub).toBeUndefined();
  });

  it('a junction table goes with a neighbour, not alone', () => {
    const ir = anIr({
      tables: [
        t('a', []),
        t('a1', ['a']),
        t('a2', ['a']),
        t('b', []),
        t('b1', ['b']),
        t('b2', ['b']),
        t('a_b', ['a', 'b']),
      ],
    });
    const ds = computeDomains(ir);
    expect(ds).toHaveLength(2);
    expect(ds.some((d) => d.tables.some((x) => x.name === 'a_b'))).toBe(true);
  });

  it('the bundled example: every table once, hubs named, deterministic', () => {
    const ir = exampleIr();
    const a = computeDomains(ir);
    expect(a.flatMap((d) => d.tables).length).toBe(ir.tables.length);
    expect(computeDomains(structuredClone(ir))).toEqual(a);
  });

  it('the config key is validated (strict: unknown keys in a domain are errors)', () => {
    expect(() => OrmdocConfig.parse({ domains: { A: { table: ['x'] } } })).toThrow();
    expect(OrmdocConfig.parse({}).domains).toBeUndefined();
  });

  it('a pair of tables tied to a cluster by one FK joins it (no domain of two beside its neighbour)', () => {
    const k5 = ['a', 'b', 'c', 'd', 'e'];
    const ir = anIr({
      tables: [
        ...k5.map((n, i) => t(n, k5.slice(0, i))),
        aTable('x', { foreignKeys: ['1', '2', '3'].map((k) => aForeignKey('x', [`y${k}`], 'y')) }),
        t('y', ['a']),
      ],
    });
    expect(computeDomains(ir).map((d) => d.tables.length)).toEqual([7]);
  });

  it('communities merged by modularity above CLUSTER_MAX are split again (a ring of 80 cliques of 4)', () => {
    const name = (c: number, i: number) => `c${String(c).padStart(2, '0')}_${i}`;
    const tables: Table[] = [];
    for (let c = 0; c < 80; c++)
      for (let i = 0; i < 4; i++) {
        const table = t(
          name(c, i),
          Array.from({ length: i }, (_, j) => name(c, j)),
        );
        if (i === 0) table.foreignKeys.push(aForeignKey(table.name, ['next'], name((c + 1) % 80, 1)));
        tables.push(table);
      }
    const ds = computeDomains(anIr({ tables }));
    expect(ds).toHaveLength(80);
    for (const d of ds) expect(new Set(d.tables.map((x) => x.name.slice(0, 3))).size).toBe(1);
  });

  it('Louvain aggregates: two groups joined by one bridge are two domains', () => {
    const ir = anIr({
      tables: [
        t('t00', ['t01', 't03', 't02']),
        t('t01', ['t00']),
        t('t02'),
        t('t03'),
        t('t04', ['t03']),
        t('t05', ['t11']),
        t('t11', ['t03']),
      ],
    });
    expect(names(computeDomains(ir))).toEqual({
      t00: ['t00', 't01', 't02'],
      t03: ['t03', 't04', 't05', 't11'],
    });
  });

  it('checkDomainsConfig warns about an entry that matches no table and a domain left empty', () => {
    const ir = anIr({ tables: [t('invoices'), t('users')] });
    const ds = checkDomainsConfig(ir, {
      domains: {
        Billing: { tables: ['invoicez', 'invoices'] },
        Again: { tables: ['invoices'] },
        Ok: { tables: ['u*'] },
      },
    });
    expect(ds.map((d) => [d.code, d.path])).toEqual([
      ['config/domain-matches-nothing', 'domains.Billing.tables[0]'],
      ['config/domain-empty', 'domains.Again'],
    ]);
  });

  it('a file holding most of a large schema is clustered, each cluster named after the file and its hub', () => {
    const tables: Table[] = [];
    for (const group of ['a', 'b', 'c'])
      for (let i = 0; i < 10; i++)
        tables.push(
          t(`${group}${i}`, i === 0 ? [] : [`${group}0`], { source: { file: 'prisma/schema/core.prisma' } }),
        );
    tables.push(t('w1', [], { source: { file: 'prisma/schema/workflows.prisma' } }));
    tables.push(t('w2', ['w1'], { source: { file: 'prisma/schema/workflows.prisma' } }));
    const ds = computeDomains(anIr({ tables }));
    expect(ds.map((d) => [d.name, d.source, d.tables.length])).toEqual([
      ['Core: a0', 'cluster', 10],
      ['Core: b0', 'cluster', 10],
      ['Core: c0', 'cluster', 10],
      ['Workflows', 'file', 2],
    ]);
  });
});
