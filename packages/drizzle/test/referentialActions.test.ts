import { fromDrizzleTables } from '@ormdoc/drizzle';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { integer as sqliteInteger, sqliteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { referentialAction } from '../src/convert/constraints.js';
import { drizzleKitDdl } from './_kit.js';

/**
 * drizzle's referential actions and their default, one row each, held to drizzle-kit itself: the
 * IR's `onDelete`/`onUpdate` must be what drizzle-kit writes in the foreign key of its own DDL.
 */
type Action = 'cascade' | 'restrict' | 'no action' | 'set null' | 'set default';
const ACTIONS: Array<Action | undefined> = [
  undefined,
  'cascade',
  'restrict',
  'no action',
  'set null',
  'set default',
];

/** The actions of the one foreign key in drizzle-kit's DDL (either order: SQLite's says ON UPDATE first), upper-cased. */
function kitActions(ddl: string): { onDelete: string; onUpdate: string } {
  const action = (on: string) => {
    const m = new RegExp(`ON ${on} (cascade|restrict|no action|set null|set default)`, 'i').exec(ddl);
    if (!m) throw new Error(`no ON ${on} in drizzle-kit's DDL:\n${ddl}`);
    return m[1]!.toUpperCase();
  };
  return { onDelete: action('DELETE'), onUpdate: action('UPDATE') };
}

describe("drizzle referential actions: the IR says what drizzle-kit's DDL says", () => {
  const cases = ACTIONS.flatMap((a) => [
    { onDelete: a, onUpdate: undefined },
    ...(a ? [{ onDelete: undefined, onUpdate: a }] : []),
  ]);
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('postgresql %s', async (_, actions) => {
    const parent = pgTable('parent', { id: integer().primaryKey() });
    const child = pgTable('child', {
      id: integer().primaryKey(),
      parentId: integer().references(() => parent.id, actions),
    });
    const kit = kitActions(await drizzleKitDdl('postgresql', { parent, child }));
    expect(kit).toEqual({
      onDelete: (actions.onDelete ?? 'no action').toUpperCase(),
      onUpdate: (actions.onUpdate ?? 'no action').toUpperCase(),
    });
    const { ir } = fromDrizzleTables({ dialect: 'postgresql', tables: [parent, child] });
    const fk = ir.tables.find((t) => t.name === 'child')!.foreignKeys[0]!;
    expect({ onDelete: fk.onDelete, onUpdate: fk.onUpdate }).toEqual(kit);
  });

  it.each(ACTIONS.map((a) => [a ?? 'default', a] as const))('sqlite onDelete %s', async (_, onDelete) => {
    const parent = sqliteTable('parent', { id: sqliteInteger().primaryKey() });
    const child = sqliteTable('child', {
      id: sqliteInteger().primaryKey(),
      parentId: sqliteInteger().references(() => parent.id, { onDelete }),
    });
    const kit = kitActions(await drizzleKitDdl('sqlite', { parent, child }));
    expect(kit).toEqual({ onDelete: (onDelete ?? 'no action').toUpperCase(), onUpdate: 'NO ACTION' });
    const { ir } = fromDrizzleTables({ dialect: 'sqlite', tables: [parent, child] });
    const fk = ir.tables.find((t) => t.name === 'child')!.foreignKeys[0]!;
    expect({ onDelete: fk.onDelete, onUpdate: fk.onUpdate }).toEqual(kit);
  });
});

describe('referentialAction: one row per drizzle action name', () => {
  it.each([
    ['cascade', 'CASCADE'],
    ['restrict', 'RESTRICT'],
    ['no action', 'NO ACTION'],
    ['set null', 'SET NULL'],
    ['set default', 'SET DEFAULT'],
    ['CASCADE', 'CASCADE'],
    [undefined, 'NO ACTION'],
    ['', 'NO ACTION'],
  ])('%s -> %s', (action, sql) => {
    expect(referentialAction(action)).toBe(sql);
  });
});
