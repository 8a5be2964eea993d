import { describe, expect, it } from 'vitest';
import { analyze } from '../findings/index.js';
import { sameTable } from '../ir/names.js';
import { deriveRelationships } from '../relationships/derive.js';
import { exampleIr } from '../testing/exampleIr.js';
import { kitchenSinkIr } from '../testing/kitchenSinkIr.js';
import { indexFindings, indexRelationships, ofTable } from './memo.js';

describe('per-render indexes', () => {
  for (const [label, make] of [
    ['example', exampleIr],
    ['kitchen sink', kitchenSinkIr],
  ] as const) {
    it(`${label}: each table's relationships and findings equal the full scans`, () => {
      const ir = make();
      const relationships = deriveRelationships(ir);
      const findings = analyze(ir);
      const byRelationship = indexRelationships(relationships);
      const byFinding = indexFindings(findings);
      for (const t of ir.tables) {
        expect(ofTable(byRelationship, t)).toEqual(
          relationships.filter((r) =>
            r.kind === 'many-to-many'
              ? sameTable(r.left, t) || sameTable(r.right, t) || sameTable(r.junction, t)
              : sameTable(r.parent, t) || sameTable(r.child, t),
          ),
        );
        expect(ofTable(byFinding, t)).toEqual(findings.filter((f) => f.table && sameTable(f.table, t)));
      }
      expect(relationships.length).toBeGreaterThan(0);
      expect(findings.length).toBeGreaterThan(0);
    });
  }
});
