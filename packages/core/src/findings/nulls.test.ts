import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dialect, Ir } from '../ir/types.js';
import { aColumn, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { type PGlite, startPglite } from '../testing/pg.js';
import { DEFAULT_NULLS } from './_util.js';
import { analyze } from './index.js';

let pg: PGlite;
beforeAll(async () => {
  pg = await startPglite();
});

/** Where NULL comes in `ORDER BY v <direction>` on a real database. */
async function observed(
  dialect: 'postgresql' | 'sqlite',
  direction: 'asc' | 'desc',
): Promise<'first' | 'last'> {
  const query = `SELECT v FROM (SELECT 1 AS v UNION ALL SELECT NULL) AS t ORDER BY v ${direction.toUpperCase()}`;
  if (dialect === 'postgresql') {
    const { rows } = await pg.query<{ v: number | null }>(query);
    return rows[0]?.v === null ? 'first' : 'last';
  }
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const first = db.exec(query)[0]?.values[0]?.[0];
  db.close();
  return first === null ? 'first' : 'last';
}

describe('DEFAULT_NULLS, row by row', () => {
  it.each([
    ['postgresql', 'asc'],
    ['postgresql', 'desc'],
    ['sqlite', 'asc'],
    ['sqlite', 'desc'],
  ] as const)('%s %s agrees with the database', async (dialect, direction) => {
    expect(DEFAULT_NULLS[dialect][direction]).toBe(await observed(dialect, direction));
  });
  // No MySQL, CockroachDB or SQL Server here: their documentation says NULLs compare smallest.
  it.each(['mysql', 'cockroachdb', 'sqlserver'] as const)(
    '%s: NULLs first ascending, last descending',
    (d) => {
      expect(DEFAULT_NULLS[d]).toEqual({ asc: 'first', desc: 'last' });
    },
  );
});

describe('duplicate-index compares where NULLs sort, with the dialect default filled in', () => {
  const ir = (dialect: Dialect, nulls: 'first' | 'last', order?: 'desc'): Ir =>
    anIr({
      dialect,
      tables: [
        aTable('t', {
          columns: [aColumn('id', 'integer'), aColumn('v', 'integer')],
          primaryKey: aPrimaryKey('t', ['id']),
          indexes: [
            anIndex('t', ['v'], {
              name: 't_v_key',
              unique: true,
              parts: [{ column: 'v', ...(order ? { order } : {}) }],
            }),
            anIndex('t', ['v'], {
              name: 't_v_idx',
              parts: [{ column: 'v', nulls, ...(order ? { order } : {}) }],
            }),
          ],
        }),
      ],
    });
  const dup = (x: Ir) =>
    analyze(x)
      .filter((f) => f.ruleId === 'duplicate-index')
      .map((f) => f.columns);
  it.each([
    ['postgresql', 'last', undefined, true],
    ['postgresql', 'first', undefined, false],
    ['postgresql', 'first', 'desc', true],
    ['postgresql', 'last', 'desc', false],
    ['sqlite', 'first', undefined, true],
    ['sqlite', 'last', undefined, false],
    ['mysql', 'first', undefined, true],
  ] as const)('%s NULLS %s %s beside the plain key: redundant %s', (dialect, nulls, order, redundant) => {
    expect(dup(ir(dialect, nulls, order))).toEqual(redundant ? [['v']] : []);
  });
});
