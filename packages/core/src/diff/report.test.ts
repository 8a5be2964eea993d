import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaidErParser } from '../testing/mermaidParser.js';
import { shopAfter, shopBefore } from './_fixtures.js';
import { diffDiagram } from './diagram.js';
import { renderDiffMarkdown, summaryLine } from './markdown.js';
import { diffReport, failsOn } from './report.js';
import { DiffReport, diffReportJsonSchema } from './schema.js';

const labels = { base: 'main (1a2b3c4)', head: 'working tree' };

describe('diff report', () => {
  const report = diffReport(shopBefore(), shopAfter(), labels);
  let parse: (code: string) => unknown;
  beforeAll(async () => {
    parse = await loadMermaidErParser();
  });

  it('classifies the shop pull request: every risk points at its change', () => {
    expect(report.risks.map((r) => `${r.rule} ${report.changes[r.change]!.kind}`)).toEqual([
      'DS101 table-dropped',
      'MF105 column-type-changed',
      'PG102 column-type-changed',
      'MF102 column-nullability-changed',
      'PG101 index-added',
      'BC102 foreign-key-action-changed',
      'MF104 check-added',
      'BC101 column-renamed',
      'DS102 column-dropped',
      'MF101 column-added',
      'MF103 unique-added',
      'DS103 enum-value-dropped',
    ]);
    expect(report.summary).toEqual({
      changes: 16,
      tables: 4,
      risks: { destructive: 3, 'data-dependent': 5, locking: 2, breaking: 2 },
    });
  });

  it('is valid against its own published JSON Schema, which is committed up to date', () => {
    expect(DiffReport.parse(report)).toEqual(report);
    const committed = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(diffReportJsonSchema());
  });

  it('--fail-on: destructive, data-dependent (or worse), any risk', () => {
    const none = diffReport(shopBefore(), shopBefore(), labels);
    expect([
      failsOn(report, 'destructive'),
      failsOn(report, 'data-dependent'),
      failsOn(report, 'any'),
    ]).toEqual([true, true, true]);
    expect([failsOn(none, 'destructive'), failsOn(none, 'data-dependent'), failsOn(none, 'any')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('renders the pull-request report (golden file) with a diagram Mermaid parses', async () => {
    const markdown = renderDiffMarkdown(report, shopBefore(), shopAfter());
    await expect(markdown).toMatchFileSnapshot('./__golden__/report.md');
    const code = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(code).toBeDefined();
    const db = (await loadMermaidErParser())(code!);
    // Changed tables (users, orders, coupons, audit_log) and their neighbours (order_items).
    expect(db.getEntities().size).toBe(5);
  });

  it('escapes schema names: a hostile name cannot break the tables, the code spans or the diagram', async () => {
    const before = shopBefore();
    const after = shopAfter();
    const users = after.tables.find((t) => t.name === 'users')!;
    users.columns.push({ ...users.columns[0]!, name: 'a|b`c<script>', nullable: false });
    const markdown = renderDiffMarkdown(diffReport(before, after, labels), before, after);
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('MF101 | <code>'); // the hostile column's risk row, name as entities
    const risksTable = markdown.split('### Risks')[1]!.split('### Changes')[0]!;
    for (const row of risksTable.trim().split('\n')) expect(row.match(/(?<!\\)\|/g)?.length).toBe(6);
    const code = /```mermaid\n([\s\S]*?)```/.exec(markdown)![1]!;
    expect(() => parse(code)).not.toThrow();
  });

  it('keeps the diagram readable: neighbours go first, then the diagram, past the table limit', () => {
    const changes = report.changes;
    expect(diffDiagram(shopBefore(), shopAfter(), changes, 5)?.neighbours).toBe(true);
    const without = diffDiagram(shopBefore(), shopAfter(), changes, 4);
    expect(without?.neighbours).toBe(false);
    expect(without?.code).not.toContain('order_items');
    expect(diffDiagram(shopBefore(), shopAfter(), changes, 3)).toBeUndefined();
  });

  it('says so when nothing changed', () => {
    const markdown = renderDiffMarkdown(
      diffReport(shopBefore(), shopBefore(), labels),
      shopBefore(),
      shopBefore(),
    );
    expect(markdown).toContain('No schema changes.');
    expect(markdown).not.toContain('```mermaid');
  });
});

describe('summary line', () => {
  it('names only what changed: an enum-only change counts no tables', () => {
    const before = shopBefore();
    const after = shopBefore();
    const e = after.enums[0]!;
    after.enums[0] = { ...e, values: [...e.values, { name: 'ARCHIVED' }] } as typeof e;
    const line = summaryLine(diffReport(before, after, labels));
    expect(line).toBe('**1 change** (1 enum), none of them risky.');
  });
});
