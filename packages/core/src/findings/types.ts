import type { Ir, Table, TableRef } from '../ir/types.js';

/** `error`: PostgreSQL (or the dialect) will reject the DDL; `warning`: likely a problem; `info`: worth knowing. */
export type FindingSeverity = 'error' | 'warning' | 'info';
export type FindingCategory =
  | 'performance'
  | 'indexing'
  | 'security'
  | 'validation'
  | 'integrity'
  | 'maintenance';

/**
 * The fix of a finding as code, so documents can show it as code rather than prose mixed with code:
 * `{ orm: '@@index([actorId])', text: 'in model AuditLog', sql: 'CREATE INDEX audit_logs_actor_id_idx ON audit_logs (actor_id);' }`.
 * Documents show the ORM edit first (a bare SQL change is undone by the ORM's next migration).
 */
export interface FindingFix {
  /** SQL that applies the fix on the schema's dialect (one statement per line). */
  sql?: string;
  /** The same change written in the source ORM's schema code (`@@index([actorId])`). */
  orm?: string;
  /** Where the ORM code goes, in words (`in model AuditLog`, `in __table_args__ of AuditLog`). */
  text?: string;
  /** The ORM edit removes `orm` (from where `text` says) rather than adding it. */
  remove?: boolean;
}

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
  /** What to do about it, as prose (the code, when there is some, is in `fix`). */
  hint?: string;
  /** The fix as code: SQL and/or the source ORM's schema code. */
  fix?: FindingFix;
}

export interface AnalyzeOptions {
  /** Rule ids to skip. */
  disable?: string[];
  /** Rules that are off by default (`offByDefault`) to run anyway. */
  enable?: string[];
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
  /** Too noisy on real projects to run unless the config enables it (`findings.enable`). */
  offByDefault?: boolean;
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
