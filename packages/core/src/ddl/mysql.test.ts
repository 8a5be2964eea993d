import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import {
  type MysqlHarness,
  mysqlShapeMismatches,
  mysqlSkip,
  shapeOfMysqlDdl,
  startMysql,
  withoutExpressionIndexes,
} from '../testing/mysql.js';
import { quoteIdent, renderDdl, renderTableDdl, sqlString } from './index.js';

// String assertions on the constructs MySQL 8 needs; the MariaDB block below executes them on a real server.
describe('MySQL DDL', () => {
  const example = renderDdl(exampleIr(), { dialect: 'mysql' });
  const sink = renderDdl(kitchenSinkIr(), { dialect: 'mysql' });

  it('inlines enums, uses AUTO_INCREMENT and MySQL defaults', () => {
    expect(example).toContain("  role enum('owner','admin','member') NOT NULL DEFAULT 'member',");
    expect(example).toContain('  id int NOT NULL AUTO_INCREMENT,');
    expect(example).toContain('  id bigint NOT NULL AUTO_INCREMENT,'); // audit_logs bigserial
    expect(example).toContain(
      'created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), -- postgresql type timestamptz(3)',
    );
    expect(example).toContain("settings json NOT NULL DEFAULT ('{}'),"); // JSON needs an expression default
    expect(example).toContain('id char(36) NOT NULL DEFAULT (uuid()), -- postgresql type uuid');
    expect(example).not.toMatch(/CREATE TYPE|COMMENT ON/);
    expect(example).toContain(") COMMENT='A person who can sign in.';");
    expect(example).toContain("email varchar(320) NOT NULL COMMENT 'Login email address. @pii',");
  });

  it('adds foreign keys after the tables with their actions, and indexes with order', () => {
    expect(example).toContain(
      'ALTER TABLE comments ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE NO ACTION;',
    );
    expect(example.indexOf('ALTER TABLE')).toBeGreaterThan(example.lastIndexOf('CREATE TABLE'));
    expect(example).toContain(
      'CREATE INDEX posts_status_published_at_idx ON posts (status, published_at DESC);',
    );
    expect(example).toContain('CONSTRAINT posts_view_count_check CHECK (view_count >= 0)');
  });

  it('quotes with backticks only when needed and translates identifier quotes in expressions', () => {
    expect(sink).toContain('CREATE TABLE `order` (');
    expect(sink).toContain('  `select` int NOT NULL');
    expect(sink).toContain('  `we"ird` int NULL,');
    expect(sink).toContain('CHECK (`select` > 0)');
    expect(sink).toContain('CREATE DATABASE IF NOT EXISTS billing;');
    expect(sink).toContain('CREATE TABLE billing.invoices (');
    expect(quoteIdent('mysql', 'a`b')).toBe('`a``b`');
    expect(quoteIdent('mysql', 'plain_name')).toBe('plain_name');
    expect(sqlString('mysql', "it's a \\ path")).toBe("'it''s a \\\\ path'");
  });

  it('says what MySQL cannot do instead of emitting invalid SQL', () => {
    expect(sink).toContain(
      '-- CREATE INDEX accounts_doc_idx ON accounts (doc); (MySQL has no gin index; not created)',
    );
    expect(sink).toMatch(
      /CREATE INDEX accounts_name_active_idx ON accounts \(name\(255\)\); -- prefix length 255 added .*partial index WHERE deleted_at IS NULL left out/,
    );
    expect(sink).toMatch(/teams_captain_id_fkey .*; -- MySQL cannot defer constraint checks/);
    expect(sink).toMatch(
      /-- order_account_id_fkey: .* is emulated by the ORM; no FOREIGN KEY in the database/,
    );
    expect(sink).toContain("emails json NOT NULL DEFAULT ('[]'), -- postgresql type text[]");
    expect(sink).toContain(
      'external_id char(36) NOT NULL, -- postgresql type uuid; default set by the ORM: cuid()',
    );
    expect(sink).toContain('-- view legacy_report: definition unknown');
    expect(sink).toMatch(
      /-- invoices_account_id_fkey: billing\.invoices\(account_id\) -> accounts\(id\) .* not created: MySQL looks up/,
    );
    expect(sink).toContain('name_lower text GENERATED ALWAYS AS (lower(name)) STORED,'); // no NULL: MariaDB rejects it
  });

  it('keeps a MySQL IR as written', () => {
    const ir = anIr({
      dialect: 'mysql',
      tables: [
        aTable('t', {
          columns: [
            aColumn('id', 'int', { default: { kind: 'sequence', style: 'auto-increment' } }),
            aColumn('at', 'datetime(3)', {
              default: { kind: 'sql', expression: 'CURRENT_TIMESTAMP(3)' },
              onUpdate: { kind: 'sql', expression: 'CURRENT_TIMESTAMP(3)' },
            }),
          ],
          primaryKey: aPrimaryKey('t', ['id']),
        }),
      ],
    });
    expect(renderTableDdl(ir, ir.tables[0]!)).toBe(
      'CREATE TABLE t (\n  id int NOT NULL AUTO_INCREMENT,\n  at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n  PRIMARY KEY (id)\n);\n',
    );
    expect(renderDdl(ir)).toContain('CREATE TABLE t ('); // default dialect: the IR's own
  });
});

const gate = mysqlSkip();

/** Identifiers MySQL only takes quoted: reserved words, backticks, quotes, spaces, a leading digit. */
function hostileIr(): Ir {
  const parent = 'we`ird "table"';
  return anIr({
    dialect: 'mysql',
    source: { orm: 'drizzle', files: [] },
    enums: [anEnum('mood', ["it's", 'a`b', 'back\\slash'])],
    tables: [
      aTable(parent, {
        columns: [
          aColumn('select', 'int', { default: { kind: 'sequence', style: 'auto-increment' } }),
          aColumn('1st col', 'varchar(20)', {
            default: { kind: 'literal', value: "o'clock", sql: "'o''clock'" },
          }),
          aColumn('mood', 'enum', {
            nullable: true,
            type: { sql: 'enum', category: 'enum', isArray: false, enum: { schema: null, name: 'mood' } },
          }),
        ],
        primaryKey: aPrimaryKey(parent, ['select']),
        uniques: [{ name: 'u`1', nameExplicit: true, columns: ['1st col'] }],
        checks: [{ name: 'order check', nameExplicit: true, expression: "`1st col` <> ''" }],
      }),
      aTable('order', {
        columns: [aColumn('id', 'int'), aColumn('parent`id', 'int', { nullable: true })],
        primaryKey: aPrimaryKey('order', ['id']),
        indexes: [
          anIndex('order', ['parent`id'], {
            name: 'by "parent"',
            parts: [{ column: 'parent`id', order: 'desc' }],
          }),
        ],
        foreignKeys: [
          aForeignKey('order', ['parent`id'], parent, ['select'], {
            name: 'fk `parent`',
            onDelete: 'SET NULL',
            onUpdate: 'CASCADE',
          }),
        ],
      }),
    ],
  });
}

describe.skipIf(gate.skip)(`MySQL DDL executed ${gate.title}`, () => {
  let h: MysqlHarness;
  beforeAll(async () => {
    h = await startMysql();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('creates the example database exactly as its IR says', async () => {
    const ir = exampleIr();
    const shape = await shapeOfMysqlDdl(h, renderDdl(ir, { dialect: 'mysql' }));
    expect(Object.keys(shape.tables).length).toBe(ir.tables.filter((t) => t.kind === 'table').length);
    expect(mysqlShapeMismatches(ir, shape)).toEqual([]);
    // Spot checks of what the server itself reports, independent of the IR comparison.
    expect(shape.tables.memberships?.lines.map((l) => l.text)).toContain(
      "column role enum('owner','admin','member') NOT NULL DEFAULT 'member'",
    );
    expect(shape.tables.users?.lines.map((l) => l.text)).toContain(
      'comment email "Login email address. @pii"',
    );
  });

  it('creates the kitchen sink, with its second database and ORM-only keys left out', async () => {
    const ir = kitchenSinkIr();
    const { ddl, skipped } = withoutExpressionIndexes(renderDdl(ir, { dialect: 'mysql' }));
    expect(skipped).toEqual(['accounts_lower_name_idx']); // MySQL 8 functional index; MariaDB has none
    const shape = await shapeOfMysqlDdl(h, ddl);
    expect(Object.keys(shape.tables)).toEqual(expect.arrayContaining(['billing.invoices', 'order']));
    expect(mysqlShapeMismatches(ir, shape)).toEqual([]);
  });

  it('round-trips hostile identifiers, strings and enum values', async () => {
    const ir = hostileIr();
    const shape = await shapeOfMysqlDdl(h, renderDdl(ir));
    expect(mysqlShapeMismatches(ir, shape)).toEqual([]);
    const parent = shape.tables['we`ird "table"'];
    expect(parent?.columnOrder).toEqual(['select', '1st col', 'mood']);
    expect(parent?.lines.map((l) => l.text)).toContain(
      "column mood enum('it''s','a`b','back\\\\slash') NULL",
    );
    expect(shape.tables.order?.lines).toContainEqual({
      kind: 'fk',
      text: 'fk (parent`id) -> we`ird "table"(select) ON DELETE SET NULL ON UPDATE CASCADE',
      name: 'fk `parent`',
    });
  });
});
