import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, anIr, aRoutine, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { objectsIr } from '../testing/objectsIr.js';
import { analyze, findingRules } from './index.js';

// What `analyze` and `findingRules` promise whatever the rules find (mutation tests: see
// CONTRIBUTING.md, "Mutation testing").

const allRules = findingRules.map((r) => r.id);
const everything = (ir: Ir) => analyze(ir, { enable: allRules });

describe('findingRules', () => {
  it('lists every rule once, each with a title and a description', () => {
    expect(new Set(allRules).size).toBe(findingRules.length);
    for (const r of findingRules) {
      expect(r.title.length, r.id).toBeGreaterThan(0);
      expect(r.description.length, r.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['name-clash', 'integrity', 'error'],
    ['opclass-mismatch', 'integrity', 'error'],
    ['policy-on-missing-table', 'integrity', 'error'],
    ['table-without-primary-key', 'integrity', 'warning'],
    ['fk-without-index', 'indexing', 'warning'],
    ['emulated-foreign-key', 'integrity', 'warning'],
    ['duplicate-index', 'indexing', 'warning'],
    ['unbounded-text-unique', 'indexing', 'info'],
    ['nullable-unique', 'validation', 'info'],
    ['soft-delete-without-index', 'performance', 'info'],
    ['cascade-chain', 'integrity', 'info'],
    ['policy-without-rls', 'security', 'warning'],
    ['rls-without-policy', 'security', 'info'],
    ['security-definer-search-path', 'security', 'warning'],
    ['trigger-function-missing', 'integrity', 'warning'],
    ['pii-column', 'security', 'info'],
    ['secret-column', 'security', 'warning'],
    ['orm-only-default', 'integrity', 'info'],
    ['orm-only-update-timestamp', 'maintenance', 'info'],
    ['enum-as-text', 'validation', 'info'],
    ['json-without-check', 'validation', 'info'],
    ['missing-timestamps', 'maintenance', 'info'],
    ['wide-table', 'maintenance', 'info'],
  ])('%s: %s, %s (errors are DDL PostgreSQL rejects)', (id, category, severity) => {
    const i = findingRules.findIndex((r) => r.id === id);
    expect(findingRules[i]).toMatchObject({ category, severity });
    expect(i).toBeGreaterThanOrEqual(0);
  });

  it('says offByDefault only on the rules that are off by default', () => {
    for (const r of findingRules) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'title']));
    const off = findingRules.filter((r) => 'offByDefault' in r);
    expect(off.map((r) => [r.id, r.offByDefault])).toEqual([['unbounded-text-unique', true]]);
  });
});

describe('analyze', () => {
  const irs = { example: exampleIr(), kitchenSink: kitchenSinkIr(), objects: objectsIr() };

  it.each(Object.entries(irs))('%s: each finding carries its rule’s id, severity and category', (_n, ir) => {
    const found = everything(ir);
    expect(found.length).toBeGreaterThan(0);
    const byId = new Map(findingRules.map((r) => [r.id, r]));
    for (const f of found) {
      const rule = byId.get(f.ruleId);
      expect(rule, f.ruleId).toBeDefined();
      expect([f.severity, f.category]).toEqual([rule?.severity, rule?.category]);
      // The table is a plain reference, whatever the rule held.
      if (f.table) expect(Object.keys(f.table).sort()).toEqual(['name', 'schema']);
    }
  });

  it.each(Object.entries(irs))(
    '%s: orders table-less findings first, then by table, then by rule',
    (_n, ir) => {
      const found = everything(ir);
      const ruleIndex = (id: string) => allRules.indexOf(id);
      const key = (f: (typeof found)[number]) =>
        f.table ? `1${f.table.schema === null ? '0' : `1${f.table.schema}`}\u0000${f.table.name}` : '0';
      for (let i = 1; i < found.length; i++) {
        const [a, b] = [found[i - 1]!, found[i]!];
        expect(key(a) <= key(b), `${key(a)} before ${key(b)}`).toBe(true);
        if (key(a) === key(b)) expect(ruleIndex(a.ruleId)).toBeLessThanOrEqual(ruleIndex(b.ruleId));
      }
    },
  );

  it('keeps the order a rule met its findings within one table', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'integer'), aColumn('z_email', 'text'), aColumn('a_phone', 'text')],
    });
    const pii = analyze(anIr({ tables: [t] })).filter((f) => f.ruleId === 'pii-column');
    expect(pii.map((f) => f.columns?.[0])).toEqual(['z_email', 'a_phone']);
  });

  it('keeps findings on no table in the order they were met', () => {
    const ir = anIr({
      routines: ['b', 'a', 'c'].map((n) => aRoutine(n, { securityDefiner: true })),
    });
    expect(analyze(ir).map((f) => f.message.split(' ')[2])).toEqual(['b()', 'a()', 'c()']);
  });

  it('sorts a table-less finding before every table’s, whichever came first', () => {
    const ir = anIr({
      tables: [aTable('t', { columns: [aColumn('id', 'integer')] })],
      routines: [aRoutine('f', { securityDefiner: true })],
    });
    expect(analyze(ir).map((f) => f.ruleId)).toEqual([
      'security-definer-search-path',
      'table-without-primary-key',
    ]);
  });

  it('runs a rule that is off by default only when enabled, and skips disabled rules', () => {
    const t = aTable('t', {
      columns: [aColumn('id', 'text')],
      uniques: [{ name: 't_id_key', nameExplicit: false, columns: ['id'] }],
    });
    const ids = (options: Parameters<typeof analyze>[1]) =>
      analyze(anIr({ tables: [t] }), options).map((f) => f.ruleId);
    expect(ids({})).not.toContain('unbounded-text-unique');
    expect(ids({ enable: ['unbounded-text-unique'] })).toContain('unbounded-text-unique');
    expect(ids({ enable: ['unbounded-text-unique'], disable: ['unbounded-text-unique'] })).not.toContain(
      'unbounded-text-unique',
    );
    expect(ids({ disable: ['no-such-rule'] })).toEqual(ids({}));
    expect(ids({ disable: ['table-without-primary-key'] })).not.toContain('table-without-primary-key');
    expect(ids({})).toContain('table-without-primary-key');
  });
});
