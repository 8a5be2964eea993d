import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { type ErDb, loadMermaidErParser } from '../testing/mermaidParser.js';
import { clusterTables } from './_split.js';
import { NEIGHBOURHOOD_MAX_NEIGHBOURS, renderMermaid, renderNeighbourhoodMermaid } from './index.js';

let parseMermaid: (code: string) => ErDb;
beforeAll(async () => {
  parseMermaid = await loadMermaidErParser();
});

/** Random schemas of 1..300 tables in up to two namespaces, random FKs (self-references, parallel FKs, cycles). */
const schemas = fc
  .record({
    count: fc.integer({ min: 1, max: 300 }),
    edges: fc.array(fc.tuple(fc.nat(299), fc.nat(299), fc.boolean()), { maxLength: 400 }),
    max: fc.integer({ min: 1, max: 40 }),
    inApp: fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
    twoSchemas: fc.boolean(),
  })
  .map(({ count, edges, max, inApp, twoSchemas }) => {
    const tables = Array.from({ length: count }, (_, i) =>
      aTable(`t${(i * 13) % 300}`, {
        schema: twoSchemas && inApp[i] ? 'app' : null,
        columns: [aColumn('id', 'integer')],
        primaryKey: aPrimaryKey(`t${i}`, ['id']),
      }),
    );
    edges.forEach(([from, to, nullable], k) => {
      const child = tables[from % count] as Table;
      const parent = tables[to % count] as Table;
      child.columns.push(aColumn(`ref_${k}`, 'integer', { nullable }));
      const fk = aForeignKey(child.name, [`ref_${k}`], parent.name);
      fk.references.schema = parent.schema;
      child.foreignKeys.push(fk);
    });
    return { ir: anIr({ tables }), max };
  });

/** The entity names and `parent->child` edges Mermaid itself reads from a diagram. */
function read(code: string): { entities: string[]; edges: string[] } {
  const db = parseMermaid(code);
  const byId = new Map<string, string>();
  for (const [name, e] of db.getEntities()) byId.set((e as unknown as { id: string }).id, name);
  return {
    entities: [...db.getEntities().keys()],
    edges: db.getRelationships().map((r) => `${byId.get(r.entityA)}->${byId.get(r.entityB)}`),
  };
}

describe('renderMermaid split by domains (properties)', () => {
  it('every FK has an edge in some diagram, every table is drawn in full in exactly one part, stubs never duplicate an entity, Mermaid parses every diagram', () => {
    fc.assert(
      fc.property(schemas, ({ ir, max }) => {
        const diagrams = renderMermaid(ir, { maxTablesPerDiagram: max });
        const parts = diagrams.filter((d) => d.kind === 'part' || d.kind === 'full');
        const drawn = new Set<string>();
        for (const d of parts) {
          const { entities, edges } = read(d.code);
          for (const e of edges) drawn.add(e);
          const full = d.tables.map(qualifiedName);
          const stubs = (d.stubs ?? []).map(qualifiedName);
          expect(new Set([...full, ...stubs]).size, `${d.title}: a stub duplicates an entity`).toBe(
            full.length + stubs.length,
          );
          expect(entities.sort()).toEqual([...full, ...stubs].sort());
          expect(full.length).toBeLessThanOrEqual(d.kind === 'full' ? ir.tables.length : max);
        }
        for (const d of diagrams.filter((x) => x.kind === 'overview')) read(d.code);
        expect(parts.flatMap((d) => d.tables.map(qualifiedName)).sort()).toEqual(
          ir.tables.map(qualifiedName).sort(),
        );
        for (const t of ir.tables)
          for (const fk of t.foreignKeys) {
            const edge = `${qualifiedName(fk.references)}->${qualifiedName(t)}`;
            if (!drawn.has(edge)) throw new Error(`FK ${fk.name} (${edge}) has no edge in any diagram`);
          }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('clusterTables: every table exactly once, no group above max, deterministic', () => {
    fc.assert(
      fc.property(schemas, ({ ir, max }) => {
        const groups = clusterTables(ir.tables, max);
        expect(groups.flat().map(qualifiedName).sort()).toEqual(ir.tables.map(qualifiedName).sort());
        for (const g of groups) expect(g.length).toBeLessThanOrEqual(max);
        expect(clusterTables([...ir.tables].reverse(), max)).toEqual(groups);
      }),
      { numRuns: 100 },
    );
  });

  it('renderNeighbourhoodMermaid: up to NEIGHBOURHOOD_MAX_NEIGHBOURS neighbours, the table in full, each neighbour once by name, every FK touching the table drawn', () => {
    fc.assert(
      fc.property(schemas, fc.nat(), ({ ir }, pick) => {
        const focus = ir.tables[pick % ir.tables.length] as Table;
        const d = renderNeighbourhoodMermaid(ir, focus);
        if (!d) throw new Error('no diagram');
        const { entities, edges } = read(d.code);
        const me = qualifiedName(focus);
        const expected = new Set<string>();
        const neighbours = new Set<string>();
        for (const t of ir.tables)
          for (const fk of t.foreignKeys) {
            const parent = qualifiedName(fk.references);
            if (qualifiedName(t) !== me && parent !== me) continue;
            expected.add(`${parent}->${qualifiedName(t)}`);
            for (const n of [parent, qualifiedName(t)]) if (n !== me) neighbours.add(n);
          }
        // A hub keeps its most linked neighbours only: caps.property.test.ts states that case.
        if (neighbours.size > NEIGHBOURHOOD_MAX_NEIGHBOURS) return;
        expect(entities.sort()).toEqual([me, ...neighbours].sort());
        expect(new Set(edges)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
