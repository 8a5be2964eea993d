import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Ir,
  parseRegions,
  renderDdl,
  renderDocuments,
  resolveConfig,
  writeDocuments,
} from '@ormdoc/core';
import { type PGlite, resetDatabase, startPglite } from '@ormdoc/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { irArb } from './_arbitraries.js';
import { loadMermaidParser, renderingProblems } from './_checks.js';

/**
 * Issue 10, property-based: for random valid IRs (fast-check), rendering never throws and is
 * deterministic, Markdown tables are well formed, the HTML is safe, Mermaid parses, PostgreSQL
 * executes the DDL, and regenerating over hand-edited documents keeps every edit.
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

const config = resolveConfig({ output: { layout: 'single', artifacts: ['ir-json', 'ddl', 'mermaid'] } });
const render = (ir: Ir) => renderDocuments({ ir, config, cwd: tmpdir() });
/** Fixed seeds keep CI reproducible; a failure prints its seed and the shrunk counterexample. */
const SEED = 20_251_123;

/** Render twice: the same documents, with valid tables, safe HTML, parseable regions and Mermaid. */
async function expectValidRendering(ir: Ir): Promise<void> {
  const first = await render(ir);
  const second = await render(structuredClone(ir));
  expect(second.files).toEqual(first.files);
  expect(renderingProblems(first.files, parseMermaid)).toEqual([]);
}

describe('random valid IRs', () => {
  it('render without throwing, deterministically, into valid Markdown tables, safe HTML, parseable Mermaid and regions', async () => {
    await fc.assert(
      fc.asyncProperty(irArb, async (ir) => {
        await expectValidRendering(ir);
      }),
      { numRuns: 100, seed: SEED },
    );
  }, 120_000);

  it('PostgreSQL DDL executes on a real PostgreSQL and creates every table and column', async () => {
    await fc.assert(
      fc.asyncProperty(irArb, async (ir) => {
        const ddl = renderDdl(ir, { dialect: 'postgresql' });
        await resetDatabase(db);
        try {
          await db.exec(ddl);
        } catch (e) {
          throw new Error(`PostgreSQL rejected the DDL: ${(e as Error).message}\n${ddl}`);
        }
        const { rows } = await db.query<{ t: string; n: number }>(
          `SELECT c.relname AS t, count(a.attnum)::int AS n FROM pg_class c
           JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = 'public'
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           WHERE c.relkind = 'r' GROUP BY c.relname`,
        );
        const got = Object.fromEntries(rows.map((r) => [r.t, r.n]));
        const want = Object.fromEntries(ir.tables.map((t) => [t.name, t.columns.length]));
        expect(got).toEqual(want);
      }),
      { numRuns: 50, seed: SEED },
    );
  }, 120_000);

  /** Hand-written lines: never a marker line (a person's marker would be their own business). */
  const editArb = fc
    .string({ unit: 'grapheme', maxLength: 30 })
    .map((s) => s.replace(/\r?\n|\r/g, ' '))
    .filter((s) => !/^<!-- ormdoc:(begin|end) /.test(s));

  it('regenerating over hand-edited documents keeps every edit outside the generated regions, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        irArb,
        irArb,
        fc.array(fc.tuple(fc.nat(), editArb), { minLength: 1, maxLength: 5 }),
        async (before, after, edits) => {
          const outputDir = mkdtempSync(join(tmpdir(), 'ormdoc-robustness-regen-'));
          dirs.push(outputDir);
          const first = await render(before);
          await writeDocuments({ outputDir, files: first.files });
          const expected = new Map<string, string[]>();
          for (const f of first.files.filter((x) => x.path.endsWith('.md'))) {
            const segments = parseRegions(f.content, f.path).map((s) =>
              s.kind === 'text' ? s.text : `${s.begin}${s.body}${s.end}`,
            );
            // Insert each edit as whole lines before segment `at` (or after the last one).
            const inserts = edits.map(([at, text], k) => ({
              at: at % (segments.length + 1),
              block: `EDIT-${k}: ${text}\n`,
            }));
            const blocks: string[] = [];
            let edited = '';
            for (let i = 0; i <= segments.length; i++) {
              for (const ins of inserts.filter((x) => x.at === i)) {
                if (edited !== '' && !edited.endsWith('\n')) edited += '\n';
                edited += ins.block;
                blocks.push(ins.block);
              }
              edited += segments[i] ?? '';
            }
            const needsNewline = edited.length > 0 && !edited.endsWith('\n');
            writeFileSync(join(outputDir, f.path), needsNewline ? `${edited}\n` : edited);
            expected.set(f.path, blocks);
          }
          const second = await render(after);
          await writeDocuments({ outputDir, files: second.files });
          for (const [path, blocks] of expected) {
            const result = readFileSync(join(outputDir, path), 'utf8');
            const outside = parseRegions(result, path)
              .filter((s) => s.kind === 'text')
              .map((s) => (s.kind === 'text' ? s.text : ''))
              .join('');
            let from = 0;
            for (const b of blocks) {
              const at = outside.indexOf(b, from);
              expect(at, `${path}: the edit ${JSON.stringify(b)} was lost or moved`).toBeGreaterThanOrEqual(
                0,
              );
              from = at + b.length;
            }
          }
        },
      ),
      { numRuns: 40, seed: SEED },
    );
  }, 120_000);
});
