import { describe, expect, it } from 'vitest';
import { aTable } from '../testing/builders.js';
import { defineRule } from './_rule.js';

// defineRule on its own (this file imports no rule, so a broken defineRule fails a test here
// instead of failing the loading of every rule module: see CONTRIBUTING.md, "Mutation testing").
describe('defineRule', () => {
  it('keeps the constants and gives each finding the rule’s id, severity, category and table', () => {
    const rule = defineRule({
      id: 'some-rule',
      title: 'A title',
      category: 'integrity',
      severity: 'warning',
      description: 'What it finds.',
      check: (ctx, at) => ctx.tables.map((t) => ({ ...at(t), message: `on ${t.name}` })),
    });
    expect(rule).toMatchObject({
      id: 'some-rule',
      title: 'A title',
      category: 'integrity',
      severity: 'warning',
    });
    expect(rule).not.toHaveProperty('check', undefined);
    const table = { ...aTable('a', { schema: 'app' }), extra: 1 };
    const ctx = { ir: {} as never, tables: [table], piiPatterns: [] };
    expect(rule.check(ctx)).toEqual([
      {
        ruleId: 'some-rule',
        severity: 'warning',
        category: 'integrity',
        table: { schema: 'app', name: 'a' },
        message: 'on a',
      },
    ]);
  });
});
