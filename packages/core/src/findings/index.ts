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
  const found: Finding[] = [];
  withLookups(ir, () =>
    withFixMemo(() => {
      for (const rule of rules) {
        if (disabled.has(rule.id) || (rule.offByDefault && !enabled.has(rule.id))) continue;
        for (const finding of rule.check(ctx)) found.push(finding);
      }
    }),
  );
  // Found in rule order, each rule in the order it met them; the sort is stable, so sorting by
  // table keeps that order within a table (and among the findings on no table, which come first).
  return found.sort((a, b) => {
    if (a.table && b.table) return compareRefs(a.table, b.table);
    return a.table ? 1 : b.table ? -1 : 0;
  });
}
