import {
  analyze,
  canonicalizeIr,
  type Finding,
  type Ir,
  type Orm,
  parseIr,
  renderDdl,
  type Table,
} from '@ormdoc/core';
import {
  aColumn,
  anIndex,
  exampleIr,
  kitchenSinkIr,
  type PGlite,
  resetDatabase,
  startPglite,
} from '@ormdoc/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { irArb } from './_arbitraries.js';

/**
 * Issue 16 item 12 / issue 17 item 4: every SQL snippet a finding offers as a fix executes on the
 * documented schema. The database is created from `renderDdl(ir)`; each fix runs in its own
 * transaction (rolled back), so one fix cannot hide or cause another's failure.
 */

let db: PGlite;
beforeAll(async () => {
  db = await startPglite();
});

/** Create the schema, then run every fix; returns the fixes that failed, with PostgreSQL's message. */
async function failingFixes(ir: Ir): Promise<string[]> {
  await resetDatabase(db);
  await db.exec(renderDdl(ir));
  const failed: string[] = [];
  for (const f of analyze(ir)) {
    const sql = f.fix?.sql;
    if (!sql) continue;
    await db.exec('BEGIN');
    try {
      await db.exec(sql);
    } catch (e) {
      failed.push(`${f.ruleId}: ${sql}\n  -> ${(e as Error).message}`);
    } finally {
      await db.exec('ROLLBACK');
    }
  }
  return failed;
}

const withFixes = (findings: Finding[]) => findings.filter((f) => f.fix?.sql);

describe('every fix SQL executes on the schema it was found in', () => {
  it.each([
    ['the example schema', exampleIr()],
    ['the kitchen-sink schema', kitchenSinkIr()],
  ])('%s', async (_name, ir) => {
    expect(withFixes(analyze(ir)).length).toBeGreaterThan(0);
    expect(await failingFixes(ir)).toEqual([]);
  });

  /**
   * Random schemas, dressed with what the rules look at: camelCase soft-delete markers, JSON with
   * documented shapes, text restricted by a CHECK list (with a default), indexes that repeat a key,
   * tables without timestamps, ORM-side defaults; under every source ORM.
   */
  const dressed: fc.Arbitrary<Ir> = fc
    .tuple(
      irArb,
      fc.constantFrom<Orm>('prisma', 'drizzle', 'typeorm', 'sqlalchemy'),
      fc.array(
        fc.record({
          softDelete: fc.constantFrom('none', 'deletedAt', 'deleted_at', 'is_deleted'),
          json: fc.constantFrom('none', 'array', 'object', 'unknown'),
          jsonName: fc.constantFrom('payloadData', 'user', 'data'),
          status: fc.constantFrom('none', 'orderStatus', 'order', 'status'),
          twin: fc.boolean(),
          ormDefault: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
    )
    .map(([ir, orm, extras]) => {
      const tables = ir.tables.map((t, i): Table => {
        const x = extras[i];
        if (!x) return t;
        const columns = [...t.columns];
        const checks = [...t.checks];
        const indexes = [...t.indexes];
        const add = (c: ReturnType<typeof aColumn>) => {
          if (columns.some((x) => x.name === c.name)) return false;
          columns.push(c);
          return true;
        };
        if (x.softDelete !== 'none')
          add(
            aColumn(x.softDelete, x.softDelete === 'is_deleted' ? 'boolean' : 'timestamp(3)', {
              nullable: x.softDelete !== 'is_deleted',
            }),
          );
        if (x.json !== 'none')
          add(
            aColumn(x.jsonName, 'jsonb', {
              ...(x.json === 'array'
                ? { default: { kind: 'literal', value: '[]', sql: "'[]'::jsonb" } }
                : x.json === 'object'
                  ? { default: { kind: 'sql', expression: "'{}'::jsonb" } }
                  : {}),
            }),
          );
        if (
          x.status !== 'none' &&
          add(aColumn(x.status, 'text', { default: { kind: 'literal', value: 'new', sql: "'new'" } }))
        ) {
          checks.push({
            name: `zz_status_${i}`,
            nameExplicit: true,
            expression: `"${x.status}" IN ('new', 'paid', 'it''s done')`,
          });
        }
        if (x.twin && t.primaryKey)
          indexes.push(anIndex(t.name, t.primaryKey.columns, { name: `zz_twin_${i}`, unique: true }));
        if (x.ormDefault)
          add(
            aColumn('publicRef', 'text', {
              default: { kind: 'orm', generator: 'uuid', description: 'uuid()' },
            }),
          );
        return { ...t, columns, checks, indexes };
      });
      return canonicalizeIr(parseIr({ ...ir, source: { ...ir.source, orm }, tables }));
    });

  it('random schemas (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(dressed, async (ir) => {
        expect(await failingFixes(ir)).toEqual([]);
      }),
      { numRuns: 60, seed: 20_261_207 },
    );
  }, 240_000);
});
