import { compareRefs, withLookups } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { withFixMemo } from './_fixes.js';
import { duplicateIndex, fkWithoutIndex, unboundedTextUnique } from './rules/indexing.js';
import {
  cascadeChain,
  emulatedForeignKey,
  nullableUnique,
  ormOnlyDefault,
  tableWithoutPrimaryKey,
} from './rules/integrity.js';
import {
  missingTimestamps,
  ormOnlyUpdateTimestamp,
  softDeleteWithoutIndex,
  wideTable,
} from './rules/maintenance.js';
import {
  policyOnMissingTable,
  policyWithoutRls,
  rlsWithoutPolicy,
  securityDefinerSearchPath,
  triggerFunctionMissing,
} from './rules/objects.js';
import { nameClash, opclassMismatch } from './rules/rejected.js';
import { defaultPiiPatterns, piiColumn, secretColumn } from './rules/security.js';
import { enumAsText, jsonWithoutCheck } from './rules/validation.js';
import type { AnalyzeOptions, Finding, FindingRule, FindingRuleInfo } from './types.js';

export { defaultPiiPatterns, secretPatterns } from './rules/security.js';
export { checkedValueList } from './rules/validation.js';
export type {
  AnalyzeOptions,
  Finding,
  FindingCategory,
  FindingFix,
  FindingRuleInfo,
  FindingSeverity,
} from './types.js';

/** The rules in their reporting order (within a table, findings follow this order). */
const rules: FindingRule[] = [
  nameClash,
  opclassMismatch,
  policyOnMissingTable,
  tableWithoutPrimaryKey,
  fkWithoutIndex,
  emulatedForeignKey,
  duplicateIndex,
  unboundedTextUnique,
  nullableUnique,
  softDeleteWithoutIndex,
  cascadeChain,
  policyWithoutRls,
  rlsWithoutPolicy,
  securityDefinerSearchPath,
  triggerFunctionMissing,
  piiColumn,
  secretColumn,
  ormOnlyDefault,
  ormOnlyUpdateTimestamp,
  enumAsText,
  jsonWithoutCheck,
  missingTimestamps,
  wideTable,
];

/** Every rule `analyze` knows, for docs and `ormdoc rules`-style listings. */
export const findingRules: FindingRuleInfo[] = rules.map(
  ({ id, title, category, severity, description, offByDefault }) => ({
    id,
    title,
    category,
    severity,
    description,
    ...(offByDefault ? { offByDefault } : {}),
  }),
);

/**
 * Analyse a schema: concrete, named facts for the Performance / Indexing / Security / Validation
 * sections of the documents. Pure and deterministic: ordered by table (default schema first, then
 * by name), then by rule (the `findingRules` order), then by the order the rule met them.
 * Unknown ids in `disable` are ignored. Rules marked `offByDefault` run only when `enable` names them.
 */
export function analyze(ir: Ir, options: AnalyzeOptions = {}): Finding[] {
  // Stryker disable next-line ArrayDeclaration: a junk id names no rule, so nothing more is disabled
  const disabled = new Set(options.disable ?? []);
  // Stryker disable next-line ArrayDeclaration: a junk id names no rule, so nothing more is enabled
  const enabled = new Set(options.enable ?? []);
  const ctx = {
    ir,
    tables: ir.tables.filter((t) => t.kind === 'table'),
    piiPatterns: options.piiPatterns ?? defaultPiiPatterns,
  };
  const found: Array<{ finding: Finding; rule: number; seq: number }> = [];
  let seq = 0;
  withLookups(ir, () =>
    withFixMemo(() =>
      rules.forEach((rule, ruleIndex) => {
        if (disabled.has(rule.id) || (rule.offByDefault && !enabled.has(rule.id))) return;
        for (const finding of rule.check(ctx)) found.push({ finding, rule: ruleIndex, seq: seq++ });
      }),
    ),
  );
  found.sort((a, b) => {
    const ta = a.finding.table;
    const tb = b.finding.table;
    if (ta && tb) {
      const c = compareRefs(ta, tb);
      if (c !== 0) return c;
    } else if (ta || tb) return ta ? 1 : -1;
    return a.rule - b.rule || a.seq - b.seq;
  });
  return found.map((f) => f.finding);
}
