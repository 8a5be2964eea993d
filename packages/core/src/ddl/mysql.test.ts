import { describe, expect, it } from 'vitest';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { quoteIdent, renderDdl, renderTableDdl, sqlString } from './index.js';

// No MySQL server is reachable here: these assert the constructs MySQL 8 needs, statement by statement.
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
