import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';

/**
 * A realistic pull request on a small shop schema, used by the golden report: a dropped table, a
 * dropped column, a probable rename, a NOT NULL column without default, a widened and a narrowed
 * type, a new unique, index, check, a changed FK action, an enum value swapped, a new table.
 */
const orderStatus = { schema: null, name: 'order_status' };

export function shopBefore(): Ir {
  return anIr({
    dialect: 'postgresql',
    tables: [
      aTable('audit_log', {
        columns: [aColumn('id', 'bigint'), aColumn('payload', 'jsonb'), aColumn('at', 'timestamp(3)')],
        primaryKey: aPrimaryKey('audit_log', ['id']),
      }),
      aTable('order_items', {
        columns: [
          aColumn('order_id', 'integer'),
          aColumn('product_id', 'integer'),
          aColumn('qty', 'integer'),
        ],
        primaryKey: aPrimaryKey('order_items', ['order_id', 'product_id']),
        foreignKeys: [
          aForeignKey('order_items', ['order_id'], 'orders'),
          aForeignKey('order_items', ['product_id'], 'products'),
        ],
      }),
      aTable('orders', {
        columns: [
          aColumn('id', 'integer'),
          aColumn('user_id', 'integer'),
          aColumn('status', 'order_status', {
            type: { sql: 'order_status', category: 'enum', isArray: false, enum: orderStatus },
          }),
          aColumn('total', 'numeric(10,2)'),
          aColumn('note', 'text', { nullable: true }),
        ],
        primaryKey: aPrimaryKey('orders', ['id']),
        foreignKeys: [aForeignKey('orders', ['user_id'], 'users', ['id'], { onDelete: 'CASCADE' })],
      }),
      aTable('products', {
        columns: [aColumn('id', 'integer'), aColumn('title', 'varchar(200)')],
        primaryKey: aPrimaryKey('products', ['id']),
      }),
      aTable('users', {
        description: 'People who buy.',
        columns: [
          aColumn('id', 'integer'),
          aColumn('email', 'varchar(255)'),
          aColumn('name', 'text', { nullable: true }),
          aColumn('legacy_code', 'varchar(20)', { nullable: true }),
        ],
        primaryKey: aPrimaryKey('users', ['id']),
      }),
    ],
    enums: [anEnum('order_status', ['pending', 'paid', 'shipped', 'cancelled'])],
  });
}

export function shopAfter(): Ir {
  const ir = structuredClone(shopBefore());
  ir.tables = ir.tables.filter((t) => t.name !== 'audit_log');
  const users = ir.tables.find((t) => t.name === 'users')!;
  users.description = 'People who buy, and their contact details.';
  users.columns = [
    aColumn('id', 'integer'),
    aColumn('email', 'text'),
    aColumn('display_name', 'text', { nullable: true }),
    aColumn('phone', 'varchar(32)', { nullable: true, tags: [{ name: 'pii' }] }),
    aColumn('country', 'char(2)'),
  ];
  users.uniques = [{ name: 'users_email_key', nameExplicit: false, columns: ['email'] }];
  const orders = ir.tables.find((t) => t.name === 'orders')!;
  orders.columns = orders.columns.map((c) =>
    c.name === 'total'
      ? { ...c, type: { ...c.type, sql: 'numeric(8,2)' } }
      : c.name === 'note'
        ? { ...c, nullable: false }
        : c,
  );
  orders.foreignKeys = [aForeignKey('orders', ['user_id'], 'users', ['id'], { onDelete: 'RESTRICT' })];
  orders.indexes = [anIndex('orders', ['user_id'])];
  orders.checks = [{ name: 'orders_total_check', nameExplicit: true, expression: 'total >= 0' }];
  ir.tables.push(
    aTable('coupons', {
      columns: [
        aColumn('code', 'varchar(40)'),
        aColumn('user_id', 'integer', { nullable: true }),
        aColumn('percent', 'integer'),
      ],
      primaryKey: aPrimaryKey('coupons', ['code']),
      foreignKeys: [aForeignKey('coupons', ['user_id'], 'users', ['id'], { onDelete: 'SET NULL' })],
    }),
  );
  ir.enums = [anEnum('order_status', ['pending', 'paid', 'shipped', 'refunded'])];
  return ir;
}
