import { anIr, aTable } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { withMigrationObjects } from './migrationObjects.js';

const viewModel = () =>
  anIr({
    tables: [aTable('posts'), aTable('recent', { kind: 'view' }), aTable('archived', { kind: 'view' })],
  });
const definition = (ir: ReturnType<typeof anIr>, name: string) =>
  ir.tables.find((t) => t.name === name)?.definition;

describe('withMigrationObjects (Prisma)', () => {
  it("a view model's query comes from views/<schema>/<view>.sql first, then from the migration that creates it", async () => {
    const { ir, diagnostics } = await withMigrationObjects(viewModel(), {
      migrations: [
        {
          path: 'prisma/migrations/1_init/migration.sql',
          content:
            'CREATE VIEW recent AS SELECT 1 AS from_migration;\nCREATE VIEW archived AS SELECT 2 AS from_migration;',
        },
      ],
      views: [{ path: 'prisma/views/public/recent.sql', content: 'SELECT 1 AS from_views_folder' }],
    });
    expect(definition(ir, 'recent')).toBe('SELECT 1 AS from_views_folder');
    expect(definition(ir, 'archived')).toBe('SELECT 2 AS from_migration');
    expect(diagnostics).toEqual([]);
  });

  it('a views file that is not one SELECT: a warning naming it; a file of another schema or without a view model is ignored', async () => {
    const { ir, diagnostics } = await withMigrationObjects(viewModel(), {
      migrations: [],
      views: [
        { path: 'prisma/views/public/recent.sql', content: 'DELETE FROM posts;' },
        { path: 'prisma/views/other/archived.sql', content: 'SELECT 3' },
        { path: 'prisma/views/public/nothing.sql', content: 'SELECT 4' },
      ],
    });
    expect([definition(ir, 'recent'), definition(ir, 'archived')]).toEqual([undefined, undefined]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'migrations/view-file-not-a-query',
        file: 'prisma/views/public/recent.sql',
      }),
    ]);
  });

  it('MySQL / SQLite: only the CHECK constraints, read by the text reader (the PostgreSQL parser cannot read them)', async () => {
    const mysql = anIr({ dialect: 'mysql', tables: [aTable('items')] });
    const { ir, diagnostics } = await withMigrationObjects(mysql, {
      migrations: [
        {
          path: 'prisma/migrations/1/migration.sql',
          content:
            'CREATE TABLE `items` (`qty` INT);\nALTER TABLE `items` ADD CONSTRAINT `items_qty_check` CHECK (qty >= 0);\nCREATE TRIGGER t BEFORE INSERT ON items FOR EACH ROW SET NEW.qty = 0;',
        },
      ],
    });
    expect(ir.tables[0]?.checks.map((c) => [c.name, c.expression])).toEqual([
      ['items_qty_check', 'qty >= 0'],
    ]);
    expect([ir.triggers, diagnostics]).toEqual([[], []]);
  });
});
