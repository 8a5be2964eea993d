import type { Ir, Table, TableRef } from '../ir/types.js';

export type FindingSeverity = 'warning' | 'info';
export type FindingCategory =
  | 'performance'
  | 'indexing'
  | 'security'
  | 'validation'
  | 'integrity'
  | 'maintenance';

/** One concrete fact found by analysing a schema, e.g. a foreign key without a supporting index. */
export interface Finding {
  /** Stable rule id, e.g. `fk-without-index`. */
  ruleId: string;
  severity: FindingSeverity;
  category: FindingCategory;
  table?: TableRef;
  /** Database column names the finding is about (in table order where it matters). */
  columns?: string[];
  /** Names the table and columns concretely. */
  message: string;
  /** What to do about it, in the schema's own terms where possible. */
  hint?: string;
}

export interface AnalyzeOptions {
  /** Rule ids to skip. */
  disable?: string[];
  /** Column-name patterns for `pii-column`; replace the defaults (`defaultPiiPatterns`). */
  piiPatterns?: string[];
}

/** What docs and the CLI list about a rule. */
export interface FindingRuleInfo {
  id: string;
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  description: string;
}

export interface RuleContext {
  ir: Ir;
  /** Base tables (no views) in IR order. */
  tables: Table[];
  piiPatterns: string[];
}

export interface FindingRule extends FindingRuleInfo {
  check(ctx: RuleContext): Finding[];
}
