import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { renderDocuments } from '../render/index.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { type ErDb, loadMermaidErParser } from '../testing/mermaidParser.js';
import {
  MAX_DIAGRAM_ENTITIES,
  NEIGHBOURHOOD_MAX_NEIGHBOURS,
  renderMermaid,
  renderNeighbourhoodMermaid,
} from './index.js';

let parseMermaid: (code: string) => ErDb;
beforeAll(async () => {
  parseMermaid = await loadMermaidErParser();
});

/**
 * Random schemas of 1..300 tables with hubs: many FKs point to one of the first three tables, and
 * many leave the last table (a child linked to dozens of parents), besides random FKs.
 */
const hubSchemas = fc
  .record({
    count: fc.integer({ min: 1, max: 300 }),
    edges: fc.array(fc.tuple(fc.nat(299), fc.nat(299), fc.boolean(), fc.nat(3)), {
      maxLength: 600,
      size: 'max',
    }),
    max: fc.integer({ min: 1, max: 80 }),
  })
  .map(({ count, edges, max }) => {
    const tables = Array.from({ length: count }, (_, i) =>
      aTable(`t${String(i).padStart(3, '0')}`, {
        columns: [aColumn('id', 'integer')],
        primaryKey: aPrimaryKey(`t${i}`, ['id']),
      }),
    );
    edges.forEach(([from, to, nullable, shape], k) => {
      // shape 0: to a hub; 1: from the wide child; else random.
      const child = tables[shape === 1 ? count - 1 : from % count] as Table;
      const parent = tables[shape === 0 ? to % Math.min(3, count) : to % count] as Table;
      child.columns.push(aColumn(`ref_${k}`, 'integer', { nullable }));
      child.foreignKeys.push(aForeignKey(child.name, [`ref_${k}`], parent.name));
    });
    return { ir: anIr({ tables }), max };
  });

/** Entity names and `parent->child` edges as Mermaid itself reads them. */
function read(code: string): { entities: string[]; edges: string[] } {
  const db = parseMermaid(code);
  const byId = new Map<string, string>();
  for (const [name, e] of db.getEntities()) byId.set((e as unknown as { id: string }).id, name);
  return {
    entities: [...db.getEntities().keys()],
    edges: db.getRelationships().map((r) => `${byId.get(r.entityA)}->${byId.get(r.entityB)}`),
  };
}

const fks = (tables: Table[]) =>
  tables.flatMap((t) => t.foreignKeys.map((fk) => `${qualifiedName(fk.references)}->${qualifiedName(t)}`));

describe(`no ER diagram has more than ${MAX_DIAGRAM_ENTITIES} entities (properties)`, () => {
  it('renderMermaid: every diagram within the cap (stubs included, whatever maxTablesPerDiagram), every FK an edge of some part, each table in full once', () => {
    fc.assert(
      fc.property(hubSchemas, ({ ir, max }) => {
        const diagrams = renderMermaid(ir, { maxTablesPerDiagram: max });
        const drawn = new Set<string>();
        const full: string[] = [];
        for (const d of diagrams) {
          const { entities, edges } = read(d.code);
          expect(entities.length, d.title).toBeLessThanOrEqual(MAX_DIAGRAM_ENTITIES);
          if (d.kind === 'overview') continue;
          for (const e of edges) drawn.add(e);
          full.push(...d.tables.map(qualifiedName));
          expect(entities.sort()).toEqual([...d.tables, ...(d.stubs ?? [])].map(qualifiedName).sort());
        }
        expect(full.sort()).toEqual(ir.tables.map(qualifiedName).sort());
        for (const e of fks(ir.tables)) expect(drawn.has(e), `FK ${e} has no edge`).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('renderNeighbourhoodMermaid: the table and at most NEIGHBOURHOOD_MAX_NEIGHBOURS neighbours, the most linked first; `omitted` counts the rest', () => {
    fc.assert(
      fc.property(hubSchemas, fc.nat(3), ({ ir }, pick) => {
        // The hubs, the wide child or a random table.
        const focus = ir.tables[pick === 3 ? ir.tables.length - 1 : pick % ir.tables.length] as Table;
        const me = qualifiedName(focus);
        const links = new Map<string, number>();
        for (const t of ir.tables)
          for (const fk of t.foreignKeys) {
            const parent = qualifiedName(fk.references);
            if (qualifiedName(t) !== me && parent !== me) continue;
            for (const n of new Set([parent, qualifiedName(t)]))
              if (n !== me) links.set(n, (links.get(n) ?? 0) + 1);
          }
        const d = renderNeighbourhoodMermaid(ir, focus);
        if (!d) throw new Error('no diagram');
        const { entities, edges } = read(d.code);
        const kept = Math.min(links.size, NEIGHBOURHOOD_MAX_NEIGHBOURS);
        expect(entities.length).toBe(kept + 1);
        expect(entities.length).toBeLessThanOrEqual(MAX_DIAGRAM_ENTITIES);
        expect(d.omitted ?? 0).toBe(links.size - kept);
        const shown = entities.filter((e) => e !== me);
        const least = Math.min(...shown.map((n) => links.get(n) ?? 0));
        for (const [n, count] of links) if (!shown.includes(n)) expect(count).toBeLessThanOrEqual(least);
        const expected = fks(ir.tables).filter((e) => {
          const [p, c] = e.split('->') as [string, string];
          return (p === me || c === me) && [p, c].every((x) => x === me || shown.includes(x));
        });
        expect(new Set(edges)).toEqual(new Set(expected));
        expect(renderNeighbourhoodMermaid(ir, focus)).toEqual(d);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('every Mermaid ER diagram in every document ormdoc renders (schema, design, table files, domain pages) is within the cap', async () => {
    await fc.assert(
      fc.asyncProperty(hubSchemas, fc.boolean(), async ({ ir, max }, byConfig) => {
        // Domains of up to 100 tables from the config (t0.., t1.., t2..), or the clusters ormdoc finds.
        const domains = { a: { tables: ['t0*'] }, b: { tables: ['t1*'] }, c: { tables: ['t2*'] } };
        const config = resolveConfig({
          mermaid: { maxTablesPerDiagram: max },
          ...(byConfig ? { domains } : {}),
        });
        const { files } = await renderDocuments({ ir, config, cwd: process.cwd() });
        for (const f of files)
          for (const m of f.content.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
            const code = m[1] as string;
            if (!code.includes('erDiagram')) continue;
            expect(read(code).entities.length, f.path).toBeLessThanOrEqual(MAX_DIAGRAM_ENTITIES);
          }
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
