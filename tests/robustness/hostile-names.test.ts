import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Ir,
  parseRegions,
  renderDdl,
  renderDocuments,
  renderMermaid,
  resolveConfig,
  writeDocuments,
} from '@ormdoc/core';
import {
  aColumn,
  anIr,
  aPrimaryKey,
  aTable,
  kitchenSinkIr,
  type PGlite,
  resetDatabase,
  startPglite,
} from '@ormdoc/core/testing';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  htmlProblems,
  loadMermaidParser,
  mermaidBlocks,
  mermaidProblems,
  pathProblems,
  tableProblems,
} from './_checks.js';
import { listFiles } from './_cli.js';
import { HOSTILE_NAMES, hostileIr } from './_hostile.js';

/**
 * Issue 10, hostile and odd names: `|`, backticks, `<script>`, `-->`, newlines, quotes, unicode,
 * reserved words, 63- and 200-character names, path characters and control characters in table,
 * column, enum and comment text must give valid Markdown tables, HTML-safe output, valid Mermaid,
 * DDL that PostgreSQL executes, and files that stay inside the output directory.
 */

let db: PGlite;
let parseMermaid: Awaited<ReturnType<typeof loadMermaidParser>>;
const dirs: string[] = [];

beforeAll(async () => {
  [db, parseMermaid] = await Promise.all([startPglite(), loadMermaidParser()]);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Hostile names of our own, and core's kitchen-sink IR. */
const CASES: Array<[string, () => Ir]> = [
  ['hostile names', () => hostileIr()],
  ['kitchenSinkIr()', kitchenSinkIr],
];

/** Every template, every artefact, one file per table (so table names become file names). */
const config = resolveConfig({ output: { layout: 'per-table', artifacts: ['ir-json', 'ddl', 'mermaid'] } });
const render = (ir: Ir) => renderDocuments({ ir, config, cwd: tmpdir() });

describe.each(CASES)('%s', (_label, makeIr) => {
  it('renders every document without throwing, deterministically', async () => {
    const a = await render(makeIr());
    const b = await render(makeIr());
    expect(a.files.length).toBeGreaterThan(5);
    expect(b.files).toEqual(a.files);
  });

  it('Markdown tables keep the header’s column count on every row (GFM cell splitting)', async () => {
    const { files } = await render(makeIr());
    const problems = files
      .filter((f) => f.path.endsWith('.md'))
      .flatMap((f) => tableProblems(f.content, f.path));
    expect(problems).toEqual([]);
  });

  it('rendered HTML holds no element, attribute or comment from a name (marked, GFM)', async () => {
    const { files } = await render(makeIr());
    const problems = files
      .filter((f) => f.path.endsWith('.md'))
      .flatMap((f) => htmlProblems(f.content, f.path));
    expect(problems).toEqual([]);
  });

  it('no name can forge or break a region marker: every document parses into its regions', async () => {
    const { files } = await render(makeIr());
    for (const f of files.filter((x) => x.path.endsWith('.md')))
      expect(() => parseRegions(f.content, f.path)).not.toThrow();
  });

  it('Mermaid’s own parser accepts every diagram (.mmd files, ```mermaid blocks, renderMermaid)', async () => {
    const ir = makeIr();
    const { files } = await render(ir);
    const problems: string[] = [];
    for (const d of renderMermaid(ir)) problems.push(...mermaidProblems(parseMermaid, d.code, d.title));
    for (const f of files) {
      if (f.path.endsWith('.mmd')) problems.push(...mermaidProblems(parseMermaid, f.content, f.path));
      if (f.path.endsWith('.md'))
        mermaidBlocks(f.content).forEach((code, i) => {
          problems.push(...mermaidProblems(parseMermaid, code, `${f.path} block ${i + 1}`));
        });
    }
    expect(problems).toEqual([]);
  });

  it('every output path is a tame relative name; writing creates nothing outside the output directory', async () => {
    const ir = makeIr();
    const { files } = await render(ir);
    expect(files.flatMap((f) => pathProblems('/out', f.path))).toEqual([]);
    const root = mkdtempSync(join(tmpdir(), 'ormdoc-robustness-hostile-'));
    dirs.push(root);
    const outputDir = join(root, 'out');
    const written = await writeDocuments({ outputDir, files });
    expect(written.written.length).toBe(files.length);
    expect(listFiles(root)).toEqual(files.map((f) => `out/${f.path}`).sort());
    const again = await writeDocuments({ outputDir, files });
    expect(again.written).toEqual([]);
  });

  it('PostgreSQL DDL executes on PostgreSQL and creates every table, column and comment as named', async () => {
    const ir = makeIr();
    await resetDatabase(db);
    await db.exec(renderDdl(ir, { dialect: 'postgresql' }));
    const { rows } = await db.query<{ t: string }>(
      `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    );
    // PostgreSQL keeps the first 63 bytes of an identifier; a view without a definition cannot be created.
    const expected = ir.tables
      .filter((t) => t.kind === 'table' || t.definition !== undefined)
      .map((t) => Buffer.from(t.name).subarray(0, 63).toString())
      .sort();
    expect(rows.map((r) => r.t).sort()).toEqual(expected);
  });
});

describe('hostile names, specifically', () => {
  it('each hostile table name reaches the documents readable: as text in the HTML, verbatim only in SQL', async () => {
    const { files } = await render(hostileIr());
    const md = files.filter((f) => f.path.endsWith('.md'));
    const html = md.map((f) => marked.parse(f.content, { async: false, gfm: true }) as string).join('\n');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('emoji_😀_table');
    expect(html).toContain('جدول_المستخدمين');
    expect(html).not.toMatch(/<script/i);
    // In SQL the name is a quoted identifier, as PostgreSQL needs it: the DDL artefact, and the fix
    // SQL of findings.md (inside a code span, which Markdown keeps verbatim and inert).
    expect(files.find((f) => f.path === 'schema.sql')?.content).toContain(
      'CREATE TABLE "<script>alert(1)</script>"',
    );
    expect(files.find((f) => f.path === 'findings.md')?.content).toContain('ON "<script>alert(1)</script>"');
  });

  it('column comments round-trip through PostgreSQL byte for byte', async () => {
    const ir = hostileIr();
    await resetDatabase(db);
    await db.exec(renderDdl(ir, { dialect: 'postgresql' }));
    const name = HOSTILE_NAMES.script!;
    const { rows } = await db.query<{ d: string }>(
      `SELECT col_description(c.oid, a.attnum) AS d FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relname = $1 AND a.attname = $1`,
      [name],
    );
    expect(rows[0]?.d).toBe(
      ir.tables.find((t) => t.name === name)!.columns.find((c) => c.name === name)!.description,
    );
  });

  // Regressions: each of these broke the documents before core's markdown.ts escaped them.
  const oneTable = (table: string, column: string, description?: string) =>
    anIr({
      tables: [
        aTable(table, {
          columns: [aColumn('id', 'integer'), aColumn(column, 'text')],
          primaryKey: aPrimaryKey(table, [column]),
          ...(description ? { description } : {}),
        }),
      ],
    });
  const mdFiles = async (ir: Ir) => (await render(ir)).files.filter((f) => f.path.endsWith('.md'));

  it('a column named `a\\|b` keeps its table rows whole (a `\\|` in a code span splits a GFM row)', async () => {
    const problems = (await mdFiles(oneTable('t', 'a\\|b'))).flatMap((f) => tableProblems(f.content, f.path));
    expect(problems).toEqual([]);
  });

  it('a table named `[x](javascript:alert(1))` never becomes a link (headings, findings, cells)', async () => {
    const files = await mdFiles(oneTable('[x](javascript:alert(1))', 'c'));
    expect(files.flatMap((f) => htmlProblems(f.content, f.path))).toEqual([]);
  });

  it('a backtick in a description cannot pair with a later code span and expose a raw <script>', async () => {
    const files = await mdFiles(
      oneTable('t', '</script><script>alert(1)</script>', 'Quoted with a ` backtick'),
    );
    expect(files.flatMap((f) => htmlProblems(f.content, f.path))).toEqual([]);
  });
});
