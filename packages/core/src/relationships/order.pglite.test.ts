import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedScriptSql } from '../blocks/seedScript.js';
import { renderDdl } from '../ddl/index.js';
import { findTable, qualifiedName } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  resetDatabase,
  startPglite,
} from '../testing/index.js';
import { dependencyOrder } from './order.js';

/**
 * Issue 17: the documented order must insert on a real PostgreSQL. Random schemas of 2..8 tables
 * with at least one cycle, FK columns nullable or not, some FKs DEFERRABLE; every run rebuilds the
 * database from `renderDdl`, inserts one row per table in `dependencyOrder` with the postponed FK
 * columns NULL, then sets the postponed FKs with UPDATE.
 */
const cyclic = fc
  .record({
    count: fc.integer({ min: 2, max: 8 }),
    ring: fc.array(fc.nat(9), { minLength: 8, maxLength: 8 }),
    extra: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.nat(9)), { maxLength: 14 }),
  })
  .map(({ count, ring, extra }) => {
    const tables = Array.from({ length: count }, (_, i) =>
      aTable(`t${i}`, { columns: [aColumn('id', 'integer')], primaryKey: aPrimaryKey(`t${i}`, ['id']) }),
    );
    const link = (from: number, to: number, kind: number, k: number) => {
      const child = tables[from % count] as Table;
      child.columns.push(aColumn(`c${k}`, 'integer', { nullable: kind < 5 }));
      const fk = aForeignKey(child.name, [`c${k}`], `t${to % count}`);
      fk.name = `fk${k}`;
      if (kind === 9) fk.deferrable = 'initially-deferred';
      child.foreignKeys.push(fk);
    };
    // A ring through every table (so there is a cycle), then random extra FKs (chords, self-references).
    for (let i = 0; i < count; i++) link(i, i + 1, ring[i] as number, i);
    extra.forEach(([a, b, kind], k) => {
      link(a, b, kind, 100 + k);
    });
    return anIr({ tables });
  });

let db: PGlite;
beforeAll(async () => {
  db = await startPglite();
}, 60_000);

async function insertInOrder(ir: Ir): Promise<void> {
  const { order, cycleForeignKeys, selfReferences } = dependencyOrder(ir);
  const nullFirst = new Map<string, Set<string>>();
  const updates: string[] = [];
  for (const p of [...cycleForeignKeys, ...selfReferences]) {
    if (!p.nullable) continue;
    const t = findTable(ir, p.table) as Table;
    const fk = t.foreignKeys.find((f) => f.name === p.foreignKey);
    if (!fk) continue;
    const set = nullFirst.get(qualifiedName(t)) ?? new Set<string>();
    for (const c of fk.columns) set.add(c);
    nullFirst.set(qualifiedName(t), set);
    updates.push(`UPDATE "${t.name}" SET ${fk.columns.map((c) => `"${c}" = 1`).join(', ')} WHERE id = 1;`);
  }
  await db.exec('BEGIN');
  try {
    for (const ref of order) {
      const t = findTable(ir, ref) as Table;
      const nulls = nullFirst.get(qualifiedName(t)) ?? new Set();
      const values = t.columns.map((c) => (c.name === 'id' ? '1' : nulls.has(c.name) ? 'NULL' : '1'));
      await db.exec(
        `INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${values.join(', ')});`,
      );
    }
    for (const u of updates) await db.exec(u);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK');
    throw e;
  }
}

describe('dependencyOrder on PostgreSQL (PGlite)', () => {
  it('rows inserted in the documented order, postponed FKs NULL then updated, all succeed; an unbreakable cycle really fails', async () => {
    await fc.assert(
      fc.asyncProperty(cyclic, async (ir) => {
        await resetDatabase(db);
        await db.exec(renderDdl(ir, { dialect: 'postgresql' }));
        const { unbreakable } = dependencyOrder(ir);
        const hard = unbreakable.filter((u) => !u.selfReference);
        if (hard.length === 0) await insertInOrder(ir);
        else await expect(insertInOrder(ir)).rejects.toThrow(/foreign key|null value/);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('the seed script (seed.sql) built on the same order runs when no cycle is unbreakable', async () => {
    await fc.assert(
      fc.asyncProperty(cyclic, async (ir) => {
        fc.pre(dependencyOrder(ir).unbreakable.every((u) => u.selfReference));
        await resetDatabase(db);
        await db.exec(renderDdl(ir, { dialect: 'postgresql' }));
        await db.exec(`BEGIN;\n${seedScriptSql(ir, { dialect: 'postgresql' })}\nCOMMIT;`);
        const t0 = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "t0"');
        expect(t0.rows[0]?.n).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
