import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { aForeignKey, anIr, aTable } from '../testing/index.js';
import { computeDomains } from './index.js';

/** Random schemas: n tables t0..t(n-1), random FKs (self-references and cycles included), some in a second schema, some with files. */
const schemas = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 150 }),
    schemaMask: fc.array(fc.boolean(), { maxLength: 60 }),
    files: fc.array(fc.nat({ max: 4 }), { maxLength: 60 }),
    useSchemas: fc.boolean(),
    useFiles: fc.boolean(),
  })
  .map(({ n, edges, schemaMask, files, useSchemas, useFiles }) => {
    const schemaOf = (i: number) => (useSchemas && schemaMask[i] ? 'other' : null);
    const tables: Table[] = Array.from({ length: n }, (_, i) =>
      aTable(`t${i}`, {
        schema: schemaOf(i),
        ...(useFiles ? { source: { file: `src/f${files[i] ?? 0}.ts` } } : {}),
        foreignKeys: edges
          .filter(([a]) => a % n === i)
          .map(([, b], k) => ({
            ...aForeignKey(`t${i}`, [`c${k}`], `t${b % n}`),
            references: { schema: schemaOf(b % n), name: `t${b % n}`, columns: ['id'] },
          })),
      }),
    );
    return anIr({ tables });
  });

describe('computeDomains properties', () => {
  it('every table is in exactly one domain, no domain is empty, ids are unique and sorted', () => {
    fc.assert(
      fc.property(schemas, (ir) => {
        const ds = computeDomains(ir);
        const seen = ds.flatMap((d) => d.tables.map(qualifiedName));
        expect(seen.sort()).toEqual(ir.tables.map(qualifiedName).sort());
        expect(ds.every((d) => d.tables.length > 0)).toBe(true);
        const ids = ds.map((d) => d.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(ids);
      }),
      { numRuns: 300 },
    );
  });

  it('deterministic: the same IR, in any table order, gives the same domains', () => {
    fc.assert(
      fc.property(schemas, fc.nat(), (ir, seed) => {
        const rank = (name: string) =>
          [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0) + seed) % 100003, seed);
        const shuffled = { ...ir, tables: [...ir.tables].sort((a, b) => rank(a.name) - rank(b.name)) };
        expect(computeDomains(shuffled)).toEqual(computeDomains(ir));
      }),
      { numRuns: 200 },
    );
  });

  it('config wins: a configured domain holds exactly the tables it lists (not claimed by an earlier one)', () => {
    fc.assert(
      fc.property(schemas, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (ir, picks) => {
        const listed = [...new Set(picks.map((p) => (ir.tables[p % ir.tables.length] as Table).name))];
        const ds = computeDomains(ir, { domains: { Picked: { tables: listed } } });
        const picked = ds.find((d) => d.id === 'picked');
        expect(picked?.source).toBe('config');
        expect(picked?.tables.map((t) => t.name).sort()).toEqual(
          ir.tables
            .filter((t) => listed.includes(t.name))
            .map((t) => t.name)
            .sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('k disconnected cliques (2..12 tables each) are clustered into exactly those cliques', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 12 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (sizes, salt) => {
          const tables: Table[] = [];
          const cliqueOf = new Map<string, number>();
          sizes.forEach((size, c) => {
            for (let i = 0; i < size; i++) {
              // Interleave names so cliques are not contiguous in name order.
              const name = `x${(i * 31 + c * 7 + salt) % 1000}_${c}_${i}`;
              cliqueOf.set(name, c);
              tables.push(aTable(name));
            }
          });
          const byClique = sizes.map((_, c) => tables.filter((t) => cliqueOf.get(t.name) === c));
          for (const members of byClique)
            members.forEach((t, i) => {
              for (const u of members.slice(i + 1))
                t.foreignKeys.push(aForeignKey(t.name, [`${u.name}_id`], u.name));
            });
          const ds = computeDomains(anIr({ tables }));
          const got = ds
            .map((d) =>
              d.tables
                .map((t) => t.name)
                .sort()
                .join(','),
            )
            .sort();
          const want = byClique
            .map((m) =>
              m
                .map((t) => t.name)
                .sort()
                .join(','),
            )
            .sort();
          expect(got).toEqual(want);
          expect(ds.every((d) => d.source === 'cluster' && d.hub !== undefined)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
