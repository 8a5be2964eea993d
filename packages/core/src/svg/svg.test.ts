import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrmdocError } from '../errors.js';
import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Ir, Table } from '../ir/types.js';
import { renderMermaid } from '../mermaid/index.js';
import { deriveRelationships } from '../relationships/derive.js';
import { aColumn, aForeignKey, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, HOSTILE_COMMENT } from '../testing/index.js';
import { overlappingBoxes, parseSvg } from '../testing/svg.js';
import { sceneDot } from './_dot.js';
import { layoutBoxes, layoutSvg } from './_graphviz.js';
import { planDiagrams } from './_plan.js';
import { renderSvgDiagrams, renderTableNeighbourhoodSvg, type SvgDiagram } from './index.js';
import { neighbourhoodScene } from './neighbourhood.js';

/** Titles (tooltips) of the node groups and edge groups of an SVG. */
function groups(svg: string): { nodes: string[]; edges: string[] } {
  const pick = (cls: string) =>
    [...svg.matchAll(new RegExp(`<g id="[^"]*" class="${cls}">\\n<title>([^<]*)</title>`, 'g'))].map((m) =>
      (m[1] as string)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  return { nodes: pick('node'), edges: pick('edge') };
}

/** What GitHub's image renderer needs: a plain static picture (no script, no event handler, no link out, no font from elsewhere). */
function expectPlainStatic(svg: string): void {
  const parsed = parseSvg(svg);
  expect(parsed.elements[0]).toBe('?xml');
  expect(parsed.elements).toContain('svg');
  for (const forbidden of ['script', 'foreignObject', 'style', 'image', 'use', 'a', 'iframe'])
    expect(parsed.elements).not.toContain(forbidden);
  for (const a of parsed.attributes) {
    expect(a.name.toLowerCase().startsWith('on')).toBe(false);
    expect(a.name).not.toMatch(/href$/i);
    expect(a.value).not.toMatch(/url\(|javascript:|@import/i);
  }
  expect(svg).not.toContain('<!--');
  expect(svg).not.toContain('<!DOCTYPE');
}

async function assertNoOverlap(ir: Ir, options: Parameters<typeof planDiagrams>[1] = {}) {
  for (const p of planDiagrams(ir, options)) {
    const boxes = await layoutBoxes(sceneDot(p.scene).dot);
    expect(boxes.length).toBe(p.scene.boxes.length);
    expect(overlappingBoxes(boxes), p.scene.id).toEqual([]);
  }
}

describe('renderSvgDiagrams on the example schema', () => {
  it('draws one diagram of every table: valid XML, a plain static picture, the same bytes every time', async () => {
    const ir = exampleIr();
    const [first, ...rest] = await renderSvgDiagrams(ir);
    expect(rest).toEqual([]);
    const d = first as SvgDiagram;
    expect({ id: d.id, file: d.file, kind: d.kind }).toEqual({
      id: 'er-diagram',
      file: 'er-diagram.svg',
      kind: 'full',
    });
    expect(d.tables.map(qualifiedName)).toEqual(ir.tables.map(qualifiedName));
    expectPlainStatic(d.svg);
    expect((await renderSvgDiagrams(exampleIr()))[0]?.svg).toBe(d.svg);
  });

  it('boxes show names, code names, columns with types and PK/FK/UK marks', async () => {
    const ir = exampleIr();
    const svg = (await renderSvgDiagrams(ir))[0]?.svg as string;
    const texts = new Set(parseSvg(svg).drawn);
    for (const t of ir.tables) {
      expect(texts.has(t.name), t.name).toBe(true);
      // A junction drawn as an N-M edge shows its name only.
      if (t.codeName && t.codeName !== t.name && t.name !== 'post_tags')
        expect(texts.has(t.codeName), t.codeName).toBe(true);
    }
    const posts = ir.tables.find((t) => t.name === 'posts') as Table;
    for (const c of posts.columns) {
      expect(texts.has(c.name), c.name).toBe(true);
      if (c.codeName && c.codeName !== c.name) expect(texts.has(c.codeName)).toBe(true);
      expect(texts.has(c.type.enum ? c.type.enum.name : c.type.sql), c.type.sql).toBe(true);
    }
    for (const mark of ['PK', 'FK', 'UK']) expect(texts.has(mark)).toBe(true);
  });

  it('one edge per foreign key, a junction without payload as one N-M edge, a self-reference as a loop', async () => {
    const ir = exampleIr();
    const svg = (await renderSvgDiagrams(ir))[0]?.svg as string;
    const { nodes, edges } = groups(svg);
    // post_tags (no payload) is folded into posts → tags; memberships (role, joined_at) stays a box.
    expect(nodes).not.toContain('post_tags');
    expect(nodes).toContain('memberships');
    expect(nodes.length).toBe(ir.tables.length - 1);
    const fks = deriveRelationships(ir).filter((r) => r.kind !== 'many-to-many');
    expect(edges.length).toBe(fks.length - 2 + 1);
    expect(edges).toContain('posts → tags');
    expect(edges).toContain('comments → comments');
    expect(parseSvg(svg).drawn).toContain('post_tags');
    // Crow's feet: every FK edge starts with the one end (tee) and ends with zero-or-many (crow, circle) or zero-or-one.
    const dot = sceneDot(planDiagrams(ir)[0]?.scene as never).dot;
    const arrows = [...dot.matchAll(/arrowtail=(\w+), arrowhead=(\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(new Set(arrows)).toEqual(
      new Set(['teetee crowodot', 'teeodot crowodot', 'teetee teeodot', 'crowodot crowodot']),
    );
    // user_profiles.user_id is unique: one-to-one; audit_logs.actor_id is nullable: zero-or-one parent.
    expect(dot).toMatch(/-> n\d+:l\d+ \[[^\]]*arrowtail=teetee, arrowhead=teeodot/);
  });

  it('the overlap check finds boxes that overlap and passes boxes that only touch', () => {
    const box = (name: string, x: number, y: number) => ({ name, x, y, width: 10, height: 10 });
    expect(overlappingBoxes([box('a', 0, 0), box('b', 9, 9), box('c', 30, 0)])).toEqual([['a', 'b']]);
    expect(overlappingBoxes([box('a', 0, 0), box('b', 10, 0), box('c', 0, 10)])).toEqual([]);
  });

  it('lays out boxes that never overlap', async () => {
    await assertNoOverlap(exampleIr());
    await assertNoOverlap(exampleIr(), { maxTablesPerDiagram: 3 });
  });
});

/** Clusters of `size` tables (a star around a hub, with a self-reference) chained to the previous cluster's hub. */
function clustered(clusters: number, size: number): Ir {
  const tables: Table[] = [];
  for (let c = 0; c < clusters; c++) {
    const hub = aTable(`hub_${c}`, {
      columns: [aColumn('id', 'integer'), aColumn('parent_id', 'integer', { nullable: true })],
      primaryKey: aPrimaryKey(`hub_${c}`, ['id']),
    });
    hub.foreignKeys.push(aForeignKey(hub.name, ['parent_id'], hub.name));
    if (c > 0) {
      hub.columns.push(aColumn('prev_id', 'integer'));
      hub.foreignKeys.push(aForeignKey(hub.name, ['prev_id'], `hub_${c - 1}`));
    }
    tables.push(hub);
    for (let i = 1; i < size; i++)
      tables.push(
        aTable(`leaf_${c}_${i}`, {
          columns: [aColumn('id', 'integer'), aColumn('hub_id', 'integer')],
          primaryKey: aPrimaryKey(`leaf_${c}_${i}`, ['id']),
          foreignKeys: [aForeignKey(`leaf_${c}_${i}`, ['hub_id'], hub.name)],
        }),
      );
  }
  return anIr({ tables });
}

describe('the split', () => {
  it('is the Mermaid split: er-diagram-N.svg draws the tables of er-diagram-N.mmd', async () => {
    for (const [ir, max] of [
      [exampleIr(), 4],
      [clustered(12, 8), 10],
      [clustered(30, 4), 6],
    ] as const) {
      const mermaid = renderMermaid(ir, { maxTablesPerDiagram: max });
      const svg = planDiagrams(ir, { maxTablesPerDiagram: max });
      expect(svg.length).toBe(mermaid.length);
      svg.forEach((p, i) => {
        const m = mermaid[i];
        expect(p.scene.id).toBe(`er-diagram-${i + 1}`);
        expect(p.scene.title).toBe(m?.title);
        expect(p.kind).toBe(m?.kind);
        expect(p.tables.map(qualifiedName)).toEqual(m?.tables.map(qualifiedName));
        expect(p.stubs.map(qualifiedName)).toEqual((m?.stubs ?? []).map(qualifiedName));
      });
      await assertNoOverlap(ir, { maxTablesPerDiagram: max });
    }
  });

  it('above 50 parts, the overview is regions: a top page of regions, one page per region of at most 50 parts', async () => {
    const ir = clustered(130, 3);
    const plan = planDiagrams(ir, { maxTablesPerDiagram: 3 });
    const mermaid = renderMermaid(ir, { maxTablesPerDiagram: 3 });
    const parts = plan.filter((p) => p.kind === 'part');
    expect(mermaid.some((m) => m.kind === 'overview')).toBe(false);
    expect(parts.length).toBe(mermaid.length);
    expect(parts.length).toBeGreaterThan(50);
    const [top, ...rest] = plan;
    const regions = rest.filter((p) => p.kind === 'overview');
    expect(top?.scene.id).toBe('er-diagram-overview');
    expect(top?.scene.boxes.length).toBe(regions.length);
    expect(regions.length).toBeGreaterThan(1);
    expect(plan.slice(1, regions.length + 1)).toEqual(regions);
    // Every part is on exactly one region page, and no page holds more than 50 boxes.
    const titles = regions.flatMap((p) => p.scene.boxes.map((b) => (b.kind === 'part' ? b.title : '')));
    expect([...titles].sort()).toEqual(parts.map((p) => p.scene.title).sort());
    for (const p of [top, ...regions]) expect(p?.scene.boxes.length).toBeLessThanOrEqual(50);
    expect(regions.flatMap((p) => p.tables.map(tableSortKey)).sort()).toEqual(
      ir.tables.map(tableSortKey).sort(),
    );
    // A region's box on the top page counts its parts and tables.
    const texts = parseSvg((await renderSvgDiagrams(ir, { maxTablesPerDiagram: 3 }))[0]?.svg as string).drawn;
    regions.forEach((r) => {
      expect(texts).toContain(`${r.scene.boxes.length} parts, ${r.tables.length} tables`);
    });
    // Regions are packed: as few as the 50-box pages allow, so one level of regions under the top.
    expect(regions.length).toBe(Math.ceil(parts.length / 50));
    const drawn = await renderSvgDiagrams(ir, { maxTablesPerDiagram: 3 });
    for (const d of drawn.slice(0, regions.length + 1)) expectPlainStatic(d.svg);
    await assertNoOverlap(ir, { maxTablesPerDiagram: 3 });
  });
});

describe('links for an inlined SVG (href)', () => {
  it('table boxes link to the page the caller names, overview boxes to the diagram that draws them', async () => {
    const ir = clustered(30, 4);
    const href = {
      table: (t: { name: string }) => `tables/${t.name}.html?a="b"&c`,
      diagram: (id: string) => `${id}.html`,
    };
    const drawn = await renderSvgDiagrams(ir, { maxTablesPerDiagram: 6, href });
    const ids = new Set(drawn.map((d) => d.id));
    const overview = drawn.find((d) => d.kind === 'overview') as SvgDiagram;
    const targets = parseSvg(overview.svg)
      .attributes.filter((a) => a.name === 'xlink:href')
      .map((a) => a.value);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(ids.has(t.replace(/\.html$/, ''))).toBe(true);
    const part = drawn.find((d) => d.kind === 'part') as SvgDiagram;
    const links = parseSvg(part.svg)
      .attributes.filter((a) => a.name === 'xlink:href')
      .map((a) => a.value);
    expect(links).toContain(`tables/${part.tables[0]?.name}.html?a="b"&c`);
    // Each link's tooltip names its box (not Graphviz's `<TABLE>`).
    const tips = parseSvg(part.svg)
      .attributes.filter((a) => a.name === 'xlink:title')
      .map((a) => a.value);
    expect(tips).toContain(part.tables[0]?.name);
    expect(tips.some((t) => t.includes('<'))).toBe(false);
    // Without `href`, no links at all.
    expect(
      (await renderSvgDiagrams(ir, { maxTablesPerDiagram: 6 })).some((d) => d.svg.includes('href')),
    ).toBe(false);
  });
});

describe('the overview of a very large schema', () => {
  it('has one level of regions up to 2,500 parts and a top page of at most 50 regions', () => {
    const ir = clustered(1200, 3);
    const plan = planDiagrams(ir, { maxTablesPerDiagram: 3 });
    const parts = plan.filter((p) => p.kind === 'part').length;
    const overviews = plan.filter((p) => p.kind === 'overview');
    expect(parts).toBeGreaterThan(1000);
    expect(overviews[0]?.scene.id).toBe('er-diagram-overview');
    expect(overviews[0]?.scene.boxes.length).toBeLessThanOrEqual(50);
    expect(overviews.every((p) => /^er-diagram-overview(-\d+)?$/.test(p.scene.id))).toBe(true);
    expect(overviews.length - 1).toBe(overviews[0]?.scene.boxes.length);
    // Each region box leads to its page, each part box on a page to the part's diagram.
    const ids = new Set(plan.map((p) => p.scene.id));
    for (const p of overviews)
      for (const b of p.scene.boxes)
        expect(b.kind === 'part' && b.target !== undefined && ids.has(b.target)).toBe(true);
  });
});

describe('renderTableNeighbourhoodSvg', () => {
  it("draws a table's one-hop neighbourhood, folding a junction into an N-M edge to the other side", async () => {
    const ir = exampleIr();
    const posts = await renderTableNeighbourhoodSvg(ir, { schema: null, name: 'posts' });
    expect(posts?.id).toBe('table-posts');
    expect(posts?.kind).toBe('neighbourhood');
    expectPlainStatic(posts?.svg as string);
    const { nodes, edges } = groups(posts?.svg as string);
    expect(new Set(nodes)).toEqual(
      new Set(['posts', 'organizations', 'users', 'attachments', 'comments', 'tags']),
    );
    expect(edges).toContain('posts → tags');
    // The junction's own neighbourhood draws it as a box with its two foreign keys.
    const junction = await renderTableNeighbourhoodSvg(ir, { schema: null, name: 'post_tags' });
    expect(new Set(groups(junction?.svg as string).nodes)).toEqual(new Set(['post_tags', 'posts', 'tags']));
    const comments = await renderTableNeighbourhoodSvg(ir, { schema: null, name: 'comments' });
    expect(groups(comments?.svg as string).edges).toContain('comments → comments');
    expect(await renderTableNeighbourhoodSvg(ir, { schema: null, name: 'nope' })).toBeUndefined();
    // Names with the same safe form get files of their own.
    const odd = anIr({ tables: [aTable('a b'), aTable('a_b'), aTable('a/b')] });
    const ids = await Promise.all(
      odd.tables.map(async (t) => (await renderTableNeighbourhoodSvg(odd, t))?.file),
    );
    expect(ids[1]).toBe('table-a_b.svg');
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^table-[A-Za-z0-9_.-]+\.svg$/);
  });

  it('keeps a hub to its 30 most linked neighbours and counts the others', async () => {
    const ir = clustered(1, 45);
    const hub = await renderTableNeighbourhoodSvg(ir, { schema: null, name: 'hub_0' });
    expect(hub?.omitted).toBe(44 - 30);
    expect(groups(hub?.svg as string).nodes.length).toBe(31);
    const scene = neighbourhoodScene(ir, { schema: null, name: 'hub_0' });
    expect(overlappingBoxes(await layoutBoxes(sceneDot(scene?.scene as never).dot))).toEqual([]);
  });
});

describe('hostile names', () => {
  const hostile = [
    '<script>alert("x")</script>',
    `a&b"c'd]]>e--f`,
    '</TD></TR></TABLE>>',
    'back\\slash \\N \\l',
    'ctl\u0001\u0008',
  ];
  const ir = anIr({
    tables: hostile.map((name, i) =>
      aTable(name, {
        codeName: `${name}Code`,
        description: HOSTILE_COMMENT,
        columns: [
          aColumn('id', 'integer', { description: HOSTILE_COMMENT }),
          aColumn(`${name}_col`, `varchar(${i})<img src=x onerror=alert(1)>`, {
            codeName: '"><svg onload=alert(1)>',
          }),
          aColumn('prev', 'integer', { nullable: true }),
        ],
        primaryKey: aPrimaryKey(name, ['id']),
        foreignKeys: [aForeignKey(name, ['prev'], hostile[(i + 1) % hostile.length] as string)],
      }),
    ),
  });

  it('stay text: every diagram parses back as XML, no element or attribute comes from a name, and the names read back verbatim', async () => {
    const drawn = [
      ...(await renderSvgDiagrams(ir)),
      ...(await renderSvgDiagrams(ir, { maxTablesPerDiagram: 2 })),
      ...((await Promise.all(ir.tables.map((t) => renderTableNeighbourhoodSvg(ir, t)))) as SvgDiagram[]),
    ];
    for (const d of drawn) {
      expectPlainStatic(d.svg);
      const parsed = parseSvg(d.svg);
      expect(new Set(parsed.elements)).toEqual(
        new Set(
          parsed.elements.filter((e) =>
            ['?xml', 'svg', 'g', 'title', 'polygon', 'text', 'path', 'polyline', 'ellipse'].includes(e),
          ),
        ),
      );
    }
    const texts = new Set(drawn.flatMap((d) => parseSvg(d.svg).drawn));
    for (const name of hostile.slice(0, 4)) {
      expect(texts.has(name), name).toBe(true);
      expect(texts.has(`${name}Code`), name).toBe(true);
    }
    // Characters XML cannot hold are replaced, the rest kept.
    expect(texts.has('ctl\uFFFD\uFFFD')).toBe(true);
    expect(texts.has('"><svg onload=alert(1)>')).toBe(true);
  });
});

describe('loading', () => {
  it('a layout Graphviz refuses is tried again on a fresh instance with the fallback, then stops with an error naming the fix', async () => {
    const good = 'digraph { a -> b; }';
    const svg = await layoutSvg('digraph { a -> ', 'Broken', () => good);
    expect(parseSvg(svg).elements).toContain('svg');
    const failed = await layoutSvg('digraph { a -> ', 'Broken', () => 'digraph {').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OrmdocError);
    expect((failed as OrmdocError).code).toBe('UNSUPPORTED');
    expect((failed as OrmdocError).message).toContain('"Broken"');
    expect((failed as OrmdocError).hint).toContain('diagrams: { svg: false }');
    // Graphviz works again afterwards.
    expect(parseSvg(await layoutSvg(good, 'Good', () => good)).elements).toContain('svg');
  });

  it('Graphviz is imported only by a dynamic import (a run without SVG never loads it)', () => {
    const root = join(import.meta.dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const statics = files.filter((f) =>
      /^import (?!type )[^;]*from '@hpcc-js\/wasm-graphviz'/m.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(statics).toEqual([]);
    expect(readFileSync(join(root, 'svg/_graphviz.ts'), 'utf8')).toContain(
      "import('@hpcc-js/wasm-graphviz')",
    );
  });
});
