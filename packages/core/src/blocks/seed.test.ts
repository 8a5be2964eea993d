import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDdl } from '../ddl/index.js';
import type { Ir } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { resetDatabase, startPglite } from '../testing/pg.js';
import { sampleRows, seedScriptSql, updatedAtNotes } from './index.js';

let db: PGlite;
beforeAll(async () => {
  db = await startPglite();
});
afterAll(async () => {
  await db.close();
});

async function load(ir: Ir, rowsPerTable = 2): Promise<void> {
  await resetDatabase(db);
  await db.exec(renderDdl(ir));
  await db.exec(seedScriptSql(ir, { rowsPerTable }));
}

const count = async (table: string) =>
  Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n);

describe('seedScriptSql on PostgreSQL', () => {
  it('executes after the example DDL and inserts every sample row', async () => {
    await load(exampleIr());
    for (const [table, rows] of sampleRows(exampleIr())) expect(await count(table)).toBe(rows.length);
    const { rows } = await db.query<{ email: string; display_name: string }>(
      'SELECT email, display_name FROM users ORDER BY id',
    );
    expect(rows).toEqual([
      { email: 'ada@example.com', display_name: 'Ada Lovelace' },
      { email: 'grace@example.com', display_name: 'Grace Hopper' },
    ]);
  });

  it('moves serial sequences past the inserted ids', async () => {
    await load(exampleIr(), 3);
    const { rows } = await db.query<{ id: number }>("INSERT INTO tags (name) VALUES ('fresh') RETURNING id");
    expect(rows[0]?.id).toBe(4);
  });

  it('executes on the kitchen sink: schemas, quoted names, identity columns, arrays, a FK cycle', async () => {
    await load(kitchenSinkIr(), 3);
    expect(await count('billing.line_adjustments')).toBe(3);
    expect(await count('"order"')).toBe(3);
    const teams = await db.query<{ captain_id: number | null }>('SELECT captain_id FROM teams ORDER BY id');
    expect(teams.rows.map((r) => r.captain_id)).toEqual([1, null, 3]);
    const { rows } = await db.query<{ id: string }>('INSERT INTO players (team_id) VALUES (1) RETURNING id');
    expect(Number(rows[0]?.id)).toBe(4);
  });

  it('writes one INSERT per table in FK-safe order', () => {
    const sql = seedScriptSql(exampleIr());
    const order = [...sql.matchAll(/^INSERT INTO (\w+)/gm)].map((m) => m[1]);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('posts'));
    expect(order.indexOf('posts')).toBeLessThan(order.indexOf('comments'));
    expect(order.indexOf('tags')).toBeLessThan(order.indexOf('post_tags'));
    expect(order).toHaveLength(12);
  });

  it('renders literals for MySQL and SQLite', () => {
    const ir = anIr({
      tables: [
        aTable('flags', {
          columns: [
            aColumn('id', 'integer'),
            aColumn('is_on', 'boolean'),
            aColumn('created_at', 'timestamp(3)'),
          ],
          primaryKey: aPrimaryKey('flags', ['id']),
        }),
      ],
    });
    expect(seedScriptSql(ir, { dialect: 'sqlite' })).toContain("(1, 1, '2025-02-02 10:30:00')");
    expect(seedScriptSql(ir, { dialect: 'mysql' })).toContain("(1, TRUE, '2025-02-02 10:30:00')");
  });
});

describe('updatedAtNotes trigger SQL on PostgreSQL', () => {
  it('describes the ORM-managed updated_at columns of the example', () => {
    const notes = updatedAtNotes(exampleIr());
    expect(notes.map((n) => `${n.table.name}.${n.column}`)).toEqual([
      'comments.updated_at',
      'organizations.updated_at',
      'posts.updated_at',
      'users.updated_at',
    ]);
    expect(notes.every((n) => n.managedBy === 'orm' && n.triggerSql)).toBe(true);
    expect(notes[0]?.description).toContain('Prisma sets updated_at on every update');
  });

  it('executes, and the trigger refreshes the column on a plain UPDATE', async () => {
    await load(exampleIr());
    for (const note of updatedAtNotes(exampleIr())) await db.exec(note.triggerSql ?? '');
    await db.exec("UPDATE users SET bio = 'changed' WHERE id = 1");
    const { rows } = await db.query<{ fresh: boolean }>(
      "SELECT updated_at > '2025-06-01'::timestamptz AS fresh FROM users ORDER BY id",
    );
    expect(rows.map((r) => r.fresh)).toEqual([true, false]);
  });

  it('reports database-side refreshes without trigger SQL', () => {
    const ir = anIr({
      dialect: 'mysql',
      tables: [
        aTable('t', {
          columns: [
            aColumn('id', 'integer'),
            aColumn('touched', 'datetime', { onUpdate: { kind: 'sql', expression: 'CURRENT_TIMESTAMP' } }),
          ],
        }),
      ],
    });
    expect(updatedAtNotes(ir)).toEqual([
      {
        table: { schema: null, name: 't' },
        column: 'touched',
        managedBy: 'database',
        description:
          'The database sets touched to CURRENT_TIMESTAMP on every update (ON UPDATE), whoever performs it.',
      },
    ]);
  });
});
