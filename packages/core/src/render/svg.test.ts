import { describe, expect, it } from 'vitest';
import { OrmdocConfig, type OrmdocConfigInput } from '../config/schema.js';
import { renderMermaid } from '../mermaid/index.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr } from '../testing/index.js';
import { parseSvg } from '../testing/svg.js';
import { renderDocuments } from './index.js';
import type { RenderedFile } from './types.js';

const render = async (input: OrmdocConfigInput, ir = exampleIr()) =>
  (await renderDocuments({ ir, config: OrmdocConfig.parse(input), cwd: process.cwd() })).files;
const byPath = (files: RenderedFile[]) => new Map(files.map((f) => [f.path, f.content]));

describe('diagrams.svg', () => {
  it('is off by default: no SVG is written or linked', async () => {
    const files = await render({});
    expect(files.filter((f) => f.path.endsWith('.svg'))).toEqual([]);
    expect(files.some((f) => f.content.includes('.svg)'))).toBe(false);
  });

  it('writes er-diagram.svg beside the Mermaid file and shows it in the design document, Mermaid folded below', async () => {
    const files = byPath(await render({ diagrams: { svg: true } }));
    expect(files.has('er-diagram.mmd')).toBe(true);
    parseSvg(files.get('er-diagram.svg') as string);
    const design = files.get('design.md') as string;
    const section = design.slice(
      design.indexOf('## 2. Entity-Relationship Diagram'),
      design.indexOf('## 3.'),
    );
    expect(section).toContain('![ER diagram of the whole schema](er-diagram.svg)');
    expect(section.indexOf('er-diagram.svg')).toBeLessThan(section.indexOf('<details>'));
    expect(section).toContain('```mermaid');
  });

  it("per-table files show their neighbourhood's SVG, written beside them", async () => {
    const ir = exampleIr();
    const files = byPath(await render({ diagrams: { svg: true }, output: { layout: 'per-table' } }, ir));
    for (const t of ir.tables) {
      const page = files.get(`tables/${t.name}.md`) as string;
      expect(page, t.name).toContain(`![${t.name} and the tables it is linked to](${t.name}.svg)`);
      expect(page).not.toContain('```mermaid');
      const svg = files.get(`tables/${t.name}.svg`) as string;
      expect(parseSvg(svg).drawn).toContain(t.name);
    }
  });

  it('a split schema: er-diagram-N.svg for every er-diagram-N.mmd, each linked from the design document', async () => {
    // 40 tables in chains of 4: more than maxTablesPerDiagram (10), so an overview and parts.
    const tables = Array.from({ length: 40 }, (_, i) =>
      aTable(`t${String(i).padStart(2, '0')}`, {
        columns: [aColumn('id', 'integer'), aColumn('up_id', 'integer', { nullable: true })],
        primaryKey: aPrimaryKey(`t${i}`, ['id']),
        foreignKeys: i % 4 ? [aForeignKey(`t${i}`, ['up_id'], `t${String(i - 1).padStart(2, '0')}`)] : [],
      }),
    );
    const ir = anIr({ tables });
    const files = byPath(await render({ diagrams: { svg: true }, mermaid: { maxTablesPerDiagram: 10 } }, ir));
    const mmd = [...files.keys()].filter((p) => /^er-diagram-\d+\.mmd$/.test(p));
    expect(mmd.length).toBeGreaterThan(2);
    const design = files.get('design.md') as string;
    for (const m of mmd) {
      const svg = m.replace(/\.mmd$/, '.svg');
      expect(files.has(svg), svg).toBe(true);
      expect(design, svg).toContain(`(${svg})`);
    }
    expect([...files.keys()].filter((p) => p.endsWith('.svg')).length).toBe(mmd.length);
    expect(renderMermaid(ir, { maxTablesPerDiagram: 10 }).length).toBe(mmd.length);
  });
});
