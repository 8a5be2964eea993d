import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { relationshipMap } from './asciiMap.js';

/** `hub` referenced by `n` tables, and `others` pairs each linked by one FK. */
function hubAndOthers(n: number, others: number) {
  const tables: Table[] = [aTable('hub')];
  for (let i = 0; i < n; i++)
    tables.push(
      aTable(`child_${String(i).padStart(2, '0')}`, {
        foreignKeys: [aForeignKey(`c${i}`, ['hub_id'], 'hub')],
      }),
    );
  for (let i = 0; i < others; i++) {
    tables.push(aTable(`p${i}`));
    tables.push(aTable(`q${i}`, { foreignKeys: [aForeignKey(`q${i}`, ['p_id'], `p${i}`)] }));
  }
  return anIr({ tables });
}

const relationshipLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.includes('('))
    .map((l) => l.replace(/ … \+\d+ more$/, ''));

describe('relationshipMap with maxLines', () => {
  it("issue 17: a hub's family no longer pushes every other table out of a 50-line map", () => {
    const { text, omitted } = relationshipMap(hubAndOthers(80, 10), { maxLines: 50 });
    const lines = relationshipLines(text);
    expect(lines).toHaveLength(50);
    for (let i = 0; i < 10; i++) expect(text).toMatch(new RegExp(`^p${i} +──► +q${i} `, 'm'));
    expect(lines.filter((l) => l.startsWith('hub '))).toHaveLength(40);
    expect(text).toMatch(/^hub +──► +child_39 .*\) … \+40 more$/m);
    expect(omitted).toEqual([{ table: 'hub', lines: 40 }]);
  });

  it('says how much of which tables was left out when not every table fits one line', () => {
    const { text, omitted } = relationshipMap(hubAndOthers(3, 10), { maxLines: 4 });
    expect(relationshipLines(text)).toHaveLength(4);
    expect(omitted.reduce((n, o) => n + o.lines, 0)).toBe(13 - 4);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^… and \d+ more relationships of \d+ more tables$/);
  });

  it('groups lines under a header per domain when there are several', () => {
    const ir = hubAndOthers(2, 1);
    const { text } = relationshipMap(ir, {
      domains: [
        {
          id: 'a',
          name: 'Hub area',
          source: 'config',
          tables: ['hub', 'child_00', 'child_01'].map((name) => ({ schema: null, name })),
        },
        {
          id: 'b',
          name: 'Pairs',
          source: 'config',
          tables: ['p0', 'q0'].map((name) => ({ schema: null, name })),
        },
      ],
    });
    expect(text.split('\n\n').map((s) => s.split('\n')[0])).toEqual([
      '── Hub area (3 tables) ──',
      '── Pairs (2 tables) ──',
    ]);
  });

  it('property: never over budget, nothing lost from the count, and fair (a cut table shows at least as many lines as any other, less one)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (count, edges, budget) => {
          const tables = Array.from({ length: count }, (_, i) =>
            aTable(`t${i}`, { columns: [aColumn('id', 'integer')] }),
          );
          edges.forEach(([a, b], k) => {
            const child = tables[a % count] as Table;
            child.columns.push(aColumn(`c${k}`, 'integer'));
            child.foreignKeys.push(aForeignKey(child.name, [`c${k}`], `t${b % count}`));
          });
          const ir = anIr({ tables });
          const all = relationshipLines(relationshipMap(ir).text);
          const { text, omitted } = relationshipMap(ir, { maxLines: budget });
          const shown = relationshipLines(text);
          expect(shown.length).toBe(Math.min(budget, all.length));
          expect(shown.length + omitted.reduce((n, o) => n + o.lines, 0)).toBe(all.length);
          for (const l of shown) expect(all).toContain(l);
          const perLeft = new Map<string, number>();
          for (const l of shown)
            perLeft.set(l.split(' ')[0] as string, (perLeft.get(l.split(' ')[0] as string) ?? 0) + 1);
          const most = Math.max(0, ...perLeft.values());
          for (const o of omitted) expect(perLeft.get(o.table) ?? 0).toBeGreaterThanOrEqual(most - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
