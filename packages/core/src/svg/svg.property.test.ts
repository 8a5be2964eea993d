import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import { deriveRelationships } from '../relationships/derive.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { overlappingBoxes, parseSvg } from '../testing/svg.js';
import { sceneDot } from './_dot.js';
import { layoutBoxes } from './_graphviz.js';
import { planDiagrams } from './_plan.js';
import type { Scene } from './_scene.js';
import { renderSvgDiagrams, renderTableNeighbourhoodSvg } from './index.js';
import { neighbourhoodScene } from './neighbourhood.js';

/** Pieces of names: markup, quotes, backslash escapes Graphviz knows, CDATA ends, non-ASCII, a control character. */
const piece = fc.constantFrom(
  'a',
  'id',
  '<b>',
  '&amp;',
  '"',
  "'",
  '\\N',
  '\\',
  ']]>',
  '--',
  ' ',
  'é',
  '😀',
  '\u0001',
  '</TD>',
);
const name = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

/**
 * Random schemas of 1..60 tables in up to two namespaces with random names, random foreign keys
 * (self-references, parallel keys, cycles, nullable or not) and some junction tables (two FKs
 * covering the key, with or without payload).
 */
const schemas = fc
  .record({
    names: fc.array(name, { minLength: 1, maxLength: 60 }),
    edges: fc.array(fc.tuple(fc.nat(59), fc.nat(59), fc.boolean()), { maxLength: 90 }),
    junctions: fc.array(fc.tuple(fc.nat(59), fc.nat(59), fc.boolean()), { maxLength: 6 }),
    twoSchemas: fc.boolean(),
    max: fc.integer({ min: 2, max: 30 }),
  })
  .map(({ names, edges, junctions, twoSchemas, max }) => {
    const tables: Table[] = names.map((n, i) =>
      aTable(`${n}${i}`, {
        schema: twoSchemas && i % 3 === 0 ? 'app' : null,
        codeName: i % 2 ? `${n}Code` : undefined,
        columns: [aColumn('id', 'integer'), aColumn(`${n}col`, `varchar(${i})`, { codeName: `${n}Field` })],
        primaryKey: aPrimaryKey(`t${i}`, ['id']),
      }),
    );
    const count = tables.length;
    const fk = (child: Table, column: string, parent: Table) => {
      const f = aForeignKey(child.name, [column], parent.name);
      f.references.schema = parent.schema;
      child.foreignKeys.push(f);
    };
    edges.forEach(([from, to, nullable], k) => {
      const child = tables[from % count] as Table;
      child.columns.push(aColumn(`ref_${k}`, 'integer', { nullable }));
      fk(child, `ref_${k}`, tables[to % count] as Table);
    });
    junctions.forEach(([a, b, payload], k) => {
      const j = aTable(`j${k}`, {
        columns: [
          aColumn('a_id', 'integer'),
          aColumn('b_id', 'integer'),
          ...(payload ? [aColumn('note', 'text')] : []),
        ],
        primaryKey: aPrimaryKey(`j${k}`, ['a_id', 'b_id']),
      });
      fk(j, 'a_id', tables[a % count] as Table);
      fk(j, 'b_id', tables[b % count] as Table);
      tables.push(j);
    });
    return { ir: anIr({ tables }), max };
  });

describe('SVG diagrams of random schemas', () => {
  it('are well-formed plain pictures, every table in exactly one part, every foreign key drawn once, no boxes overlapping', async () => {
    await fc.assert(
      fc.asyncProperty(schemas, async ({ ir, max }) => {
        const plan = planDiagrams(ir, { maxTablesPerDiagram: max });
        const drawn = await renderSvgDiagrams(ir, { maxTablesPerDiagram: max });
        expect(drawn.map((d) => d.id)).toEqual(plan.map((p) => p.scene.id));
        for (const d of drawn) {
          const parsed = parseSvg(d.svg);
          expect(parsed.elements).not.toContain('script');
          expect(parsed.attributes.some((a) => /^on|href$/i.test(a.name))).toBe(false);
        }
        // Each table is documented by exactly one detailed diagram.
        const owned = plan.filter((p) => p.kind !== 'overview').flatMap((p) => p.tables.map(tableSortKey));
        expect(owned.sort()).toEqual(ir.tables.map(tableSortKey).sort());
        // Each foreign key has its edge in exactly one detailed diagram, or is part of a junction drawn as N-M there.
        const rels = deriveRelationships(ir);
        const fks = rels.filter((r) => r.kind !== 'many-to-many').map((r) => r.id);
        const seen: string[] = [];
        for (const p of plan.filter((q) => q.kind !== 'overview'))
          for (const e of p.scene.edges) {
            if (e.kind === 'fk') seen.push(e.rel.id);
            if (e.kind === 'n-m')
              for (const r of rels)
                if (
                  r.kind !== 'many-to-many' &&
                  tableSortKey(r.child) === tableSortKey(e.rel.junction) &&
                  !r.selfReference
                )
                  seen.push(r.id);
          }
        expect(seen.sort()).toEqual([...fks].sort());
        for (const p of plan) {
          const boxes = await layoutBoxes(sceneDot(p.scene).dot);
          expect(boxes.length).toBe(p.scene.boxes.length);
          expect(overlappingBoxes(boxes)).toEqual([]);
        }
        // The same schema gives the same bytes.
        const again = await renderSvgDiagrams(ir, { maxTablesPerDiagram: max });
        expect(again.map((d) => d.svg)).toEqual(drawn.map((d) => d.svg));
      }),
      { numRuns: 40 },
    );
  }, 240_000);

  it("a table's neighbourhood is well-formed, draws the table, and never overlaps", async () => {
    await fc.assert(
      fc.asyncProperty(schemas, fc.nat(), async ({ ir }, pick) => {
        const table = ir.tables[pick % ir.tables.length] as Table;
        const d = await renderTableNeighbourhoodSvg(ir, table);
        expect(d?.tables.map(qualifiedName)).toEqual([qualifiedName(table)]);
        const parsed = parseSvg(d?.svg as string);
        expect(parsed.elements).not.toContain('script');
        expect(parsed.texts).toContain(qualifiedName(table).replaceAll('\u0001', '\uFFFD'));
        const scene = neighbourhoodScene(ir, table)?.scene as Scene;
        expect(overlappingBoxes(await layoutBoxes(sceneDot(scene).dot))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
