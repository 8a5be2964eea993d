import { type Ir, parseRegions, renderDocuments, resolveConfig } from '@ormdoc/core';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPrimaryKey,
  aTable,
  exampleIr,
  kitchenSinkIr,
} from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { code, documentHeadings, escapeCell, escapeText, headingText, Slugger } from './markdown.js';

const render = (ir: Ir, config = resolveConfig({})) => renderDocuments({ ir, config, cwd: process.cwd() });

/** 120 tables in a tree (each references its "parent" table), every one with an `email` column. */
function bigIr(): Ir {
  const name = (i: number) => `t${String(i).padStart(3, '0')}`;
  return anIr({
    source: { orm: 'prisma', files: ['prisma/schema.prisma'] },
    tables: Array.from({ length: 120 }, (_, i) =>
      aTable(name(i), {
        columns: [
          aColumn('id', 'integer'),
          aColumn('parent_id', 'integer', { nullable: true }),
          aColumn('email', 'text'),
        ],
        primaryKey: aPrimaryKey(name(i), ['id']),
        foreignKeys:
          i > 0 ? [aForeignKey(`${name(i)}_parent`, ['parent_id'], name(Math.floor((i - 1) / 3)))] : [],
      }),
    ),
  });
}

/** Every relative link target of a document: `[text](target)` outside code, http(s) excluded. */
function links(content: string): string[] {
  const out: string[] = [];
  // Link text may itself hold a code span, which `prose` would drop; look at the raw text but skip fences.
  const noFences = content.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  for (const m of noFences.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1] as string;
    if (!/^[a-z]+:/.test(target)) out.push(target);
  }
  return out;
}

function resolvePath(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(decodeURIComponent(seg));
  }
  return parts.join('/');
}

describe('heading anchors', () => {
  it('follow GitHub: code and entities stripped, duplicates numbered', () => {
    expect(headingText('Table: `users`')).toBe('Table: users');
    expect(headingText('Security &amp; Access')).toBe('Security & Access');
    const s = new Slugger();
    expect(s.slug('Security & Access Control')).toBe('security--access-control');
    expect(s.slug('3.1 users')).toBe('31-users');
    expect(s.slug('Overview')).toBe('overview');
    expect(s.slug('Overview')).toBe('overview-1');
    expect(s.slug('overview-1')).toBe('overview-1-1');
    const headings = documentHeadings('# A\n\n```md\n# not a heading\n```\n\n## B `c`\n');
    expect(headings.map((h) => [h.level, h.anchor])).toEqual([
      [1, 'a'],
      [2, 'b-c'],
    ]);
  });
});

describe('escaping schema text', () => {
  it('keeps a pipe in a name out of GFM table splitting, backslash included', () => {
    expect(code('a\\|b')).toBe('<code>a&#92;&#124;b</code>');
    expect(code('plain_name')).toBe('`plain_name`');
    expect(`| ${code('a|b')} |`.split('|')).toHaveLength(3);
  });

  it('never lets schema text form a link or open a code span', () => {
    expect(escapeText('[x](javascript:alert(1))')).toBe('[x&#93;(javascript:alert(1))');
    expect(escapeText('see [ref][1] and [a]: b')).toBe('see [ref&#93;[1] and [a&#93;: b');
    expect(escapeText('Quoted with a ` backtick')).toBe('Quoted with a &#96; backtick');
    expect(escapeText('@@index([userId])')).toBe('@@index([userId])');
    expect(escapeCell('[x](y) | `z`')).toBe('[x&#93;(y) &#124; &#96;z&#96;');
  });
});

describe('navigation of the generated documents', () => {
  const cases: Array<[string, () => Ir, Record<string, unknown>]> = [
    ['example', exampleIr, {}],
    ['kitchen sink', kitchenSinkIr, {}],
    ['120 tables (per-table files)', bigIr, {}],
    ['120 tables in one file', bigIr, { output: { layout: 'single' } }],
  ];

  it.each(cases)('every relative link and anchor resolves (%s)', async (_name, ir, config) => {
    const { files } = await render(ir(), resolveConfig(config));
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    const anchors = new Map(
      files.map((f) => [f.path, new Set(documentHeadings(f.content).map((h) => h.anchor))]),
    );
    // The documents do link: the schema reference's index and the summaries point at table sections.
    const all = files.flatMap((f) => links(f.content));
    expect(all.filter((l) => l.includes('#')).length).toBeGreaterThan(10);
    for (const f of files.filter((x) => x.path.endsWith('.md'))) {
      for (const target of links(f.content)) {
        const [path = '', fragment] = target.split('#');
        const file = path === '' ? f.path : resolvePath(f.path, path);
        expect(byPath.has(file), `${f.path}: link to missing ${target}`).toBe(true);
        if (fragment !== undefined)
          expect(anchors.get(file)?.has(fragment), `${f.path}: no heading for ${target}`).toBe(true);
      }
    }
  });

  it('has a table of contents in the long documents that lists every section', async () => {
    const { files } = await render(exampleIr());
    for (const path of ['schema.md', 'design.md', 'target-state.md', 'architecture.md']) {
      const content = files.find((f) => f.path === path)?.content ?? '';
      const toc = parseRegions(content, path).find((s) => s.kind === 'region' && s.id === 'contents');
      const sections = documentHeadings(content).filter((h) => h.level === 2);
      expect(toc?.kind === 'region' && toc.body, path).toBeTruthy();
      for (const h of sections) expect(content, `${path}: ${h.text}`).toContain(`](#${h.anchor})`);
    }
  });
});

describe('reading the example documents', () => {
  let rendered: ReturnType<typeof render> | undefined;
  const get = async (path: string) => {
    rendered ??= render(exampleIr());
    return (await rendered).files.find((f) => f.path === path)?.content ?? '';
  };

  it('writes static headings as plain Markdown, without entities', async () => {
    for (const path of ['overview.md', 'architecture.md']) {
      const headings = documentHeadings(await get(path)).map((h) => h.text);
      expect(headings.filter((h) => /&(amp|lt|gt);/.test(h))).toEqual([]);
    }
    expect(await get('overview.md')).toContain('\n## Security & Access Control\n');
    expect(await get('architecture.md')).toContain('\n## Monitoring & Observability\n');
  });

  it('shows core tables first in overview-style documents and keeps the reference alphabetical', async () => {
    const overview = await get('overview.md');
    const core = parseRegions(overview, 'overview.md').find(
      (s) => s.kind === 'region' && s.id === 'core-tables',
    );
    const shown = documentHeadings(core?.kind === 'region' ? core.body : '').map((h) => h.text);
    // The key tables first (hub, tenancy root), then the most connected.
    expect(shown.slice(0, 2)).toEqual(['users', 'organizations']);
    expect(shown).toHaveLength(6);
    expect(overview).toContain('### Other Tables');
    const design = documentHeadings(await get('design.md')).filter((h) => /^3\.\d+ /.test(h.text));
    expect(design.slice(0, 3).map((h) => h.text)).toEqual(['3.1 users', '3.2 organizations', '3.3 posts']);
    const schema = documentHeadings(await get('schema.md'))
      .filter((h) => h.text.endsWith(' Table'))
      .map((h) => h.text);
    expect(schema).toEqual([...schema].sort());
    expect(await get('schema.md')).toContain('Tables are listed alphabetically');
  });

  it('places each finding once per document, in the section a reader looks in', async () => {
    const { files, findings } = await render(exampleIr());
    const rules = [...new Set(findings.map((f) => f.ruleId))];
    for (const path of ['overview.md', 'design.md', 'target-state.md', 'architecture.md']) {
      const content = files.find((f) => f.path === path)?.content ?? '';
      for (const rule of rules) {
        const count = content.split(`\`${rule}\``).length - 1;
        expect(count, `${path}: ${rule}`).toBeLessThanOrEqual(1);
      }
    }
    const overview = files.find((f) => f.path === 'overview.md')?.content ?? '';
    const region = (id: string) => {
      const s = parseRegions(overview, 'overview.md').find((x) => x.kind === 'region' && x.id === id);
      return s?.kind === 'region' ? s.body : '';
    };
    // Each section counts its findings and links to their one home, findings.md.
    expect(region('query-optimization')).not.toContain('No creation timestamp');
    expect(region('query-optimization')).toContain('Soft-delete column without an index (2)');
    expect(region('query-optimization')).toContain('](findings.md#query-performance)');
    expect(region('indexing-strategy')).toMatch(/Foreign key without a supporting index \(\d+\)/);
    expect(region('data-validation')).toMatch(/No creation timestamp \(\d+\)/);
    expect(region('sensitive-data')).toContain('](findings.md#security)');
    const home = files.find((f) => f.path === 'findings.md')?.content ?? '';
    for (const rule of rules) expect(home, rule).toContain(`\`${rule}\``);
    expect(home).toContain('[`invitations.token`](schema.md#invitations-table)');
  });

  it('leaves one concrete TODO per person-only fact and document', async () => {
    const { files } = await render(exampleIr());
    for (const f of files.filter((x) => x.path.endsWith('.md'))) {
      const keys = f.content
        .split('\n')
        .filter((l) => l.includes('TODO(ormdoc)'))
        .map((l) => /set `project\.(\w+)`/.exec(l)?.[1]);
      expect(
        keys.every((k) => k !== undefined),
        f.path,
      ).toBe(true);
      expect(new Set(keys).size, `${f.path}: ${keys.join(', ')}`).toBe(keys.length);
    }
  });

  it('shows development data with code names, one row per line', async () => {
    const design = await get('design.md');
    expect(design).toContain('const seedUsers = [\n  { id: 1, email: "ada@example.com", displayName: ');
  });
});

describe('a large schema stays usable', () => {
  it('lists the diagram files instead of embedding hundreds of diagrams', async () => {
    const config = resolveConfig({ mermaid: { maxTablesPerDiagram: 1 } }); // 120 one-table diagrams
    const { files } = await render(bigIr(), config);
    const design = files.find((f) => f.path === 'design.md')?.content ?? '';
    expect(design).not.toContain('```mermaid');
    const listed = [...design.matchAll(/\]\((er-diagram-\d+\.mmd)\)/g)].map((m) => m[1]);
    expect(listed).toHaveLength(120);
    for (const file of listed)
      expect(
        files.some((f) => f.path === file),
        file,
      ).toBe(true);
    // Without the mermaid artefact there are no files to point to: the diagrams stay in the document.
    const inline = await render(
      bigIr(),
      resolveConfig({ mermaid: { maxTablesPerDiagram: 1 }, output: { artifacts: ['ddl'] } }),
    );
    expect(
      (inline.files.find((f) => f.path === 'design.md')?.content.match(/```mermaid/g) ?? []).length,
    ).toBe(120);
  });

  it('splits the ER diagram, caps summaries and keeps the full DDL in one place', async () => {
    const { files, findings } = await render(bigIr());
    const get = (p: string) => files.find((f) => f.path === p)?.content ?? '';
    expect(files.filter((f) => f.path.startsWith('tables/'))).toHaveLength(120);
    const design = get('design.md');
    expect((design.match(/```mermaid\nerDiagram/g) ?? []).length).toBeGreaterThan(1);
    // Documents count findings and link to findings.md, which lists every place once (linked to its table file).
    const overview = get('overview.md');
    expect(overview).toContain('Personal data (120)');
    for (const f of findings) expect(overview).not.toContain(f.message);
    const home = get('findings.md');
    expect(
      (home.match(/^- \[`t\d+\.email`\]\(tables\/t\d+\.md\): t\d+\.email likely holds/gm) ?? []).length,
    ).toBe(120);
    expect(get('tables/t005.md')).toContain('](../findings.md#security) on `email`');
    expect(overview).toContain('… and 64 more');
    // Target state: the core tables' SQL inline, the rest linked.
    const target = get('target-state.md');
    expect((target.match(/^CREATE TABLE /gm) ?? []).length).toBe(6);
    expect(target).toContain('the DDL of all 120 tables is in [schema.sql](schema.sql)');
    expect((target.match(/^### t\d+$/gm) ?? []).length).toBe(6); // models of the core tables; the rest are in tables/
    // The full DDL is in one place: the schema.sql artefact, which the schema reference links to.
    expect((get('schema.sql').match(/^CREATE TABLE /gm) ?? []).length).toBe(120);
    const schema = get('schema.md');
    expect(schema).not.toMatch(/^CREATE TABLE /m);
    expect(schema).toContain('is in [schema.sql](schema.sql)');
    // Sample rows of every table go to seed.sql; the design document shows the first ten.
    expect((get('seed.sql').match(/^INSERT INTO /gm) ?? []).length).toBe(120);
    expect(schema).toContain('[seed.sql](seed.sql)');
    expect((design.match(/^const seed/gm) ?? []).length).toBe(10);
    // Data models: an index linking each table's file, not a second copy of every table.
    expect(design).not.toMatch(/^### 3\.1 /m);
    expect((design.match(/\| \[`t\d+`\]\(tables\/t\d+\.md\) \|/g) ?? []).length).toBe(120);
    // Schema-wide lists of per-table facts show the first 50 and point to the table files.
    const o2m = design.slice(design.indexOf('### 4.1'), design.indexOf('### 4.2'));
    expect((o2m.match(/^\| `t\d+` \|/gm) ?? []).length).toBe(50);
    expect(o2m).toContain(
      "… and 69 more: each table's file in the [schema reference](schema.md#all-tables) lists its own.",
    );
    expect(get('overview.md')).toMatch(/… and \d+ more: each table's file/); // the relationship map
    expect(design).toContain('… and 70 more tables, in the order of [schema.sql](schema.sql)');
    // Model definitions: the schema source is named, not repeated.
    expect(schema).not.toContain('```prisma');
    expect(schema).toContain('declared in the schema source: `prisma/schema.prisma`');
  });
});
