import { tableRef } from '../ir/names.js';
import type { TableRef } from '../ir/types.js';
import type { Finding, FindingRule, FindingRuleInfo, RuleContext } from './types.js';

/** The fields every finding of a rule starts with: the rule's id, severity and category, and the table. */
export type FindingHead = Pick<Finding, 'ruleId' | 'severity' | 'category' | 'table'>;

/** What a rule's check receives besides the context: `at(table)` gives the head of a finding there. */
export type At = (table: TableRef) => FindingHead;

/**
 * One rule from its constants and its check. The check builds each finding as
 * `{ ...at(table), columns, message, hint, fix }`, so id, severity and category come from the
 * constants (never from `this`, which depends on how a method is called).
 */
export function defineRule(
  rule: FindingRuleInfo & { check(ctx: RuleContext, at: At): Finding[] },
): FindingRule {
  const { check, ...info } = rule;
  const at: At = (table) => ({
    ruleId: info.id,
    severity: info.severity,
    category: info.category,
    table: tableRef(table),
  });
  return { ...info, check: (ctx) => check(ctx, at) };
}
