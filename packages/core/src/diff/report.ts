import type { Ir } from '../ir/types.js';
import { diffIr } from './compare.js';
import { rulesFor } from './rules.js';
import {
  DIFF_REPORT_VERSION,
  type DiffReport,
  type Risk,
  type RiskClass,
  type SchemaChange,
} from './schema.js';

export const RISK_CLASSES: readonly RiskClass[] = ['destructive', 'data-dependent', 'locking', 'breaking'];

/** The risks of a list of changes, for the dialect the head revision targets. */
export function classifyChanges(changes: readonly SchemaChange[], dialect: Ir['dialect']): Risk[] {
  return changes.flatMap((change, index) =>
    rulesFor(change, dialect).map((r) => ({
      rule: r.id,
      class: r.class,
      title: r.title,
      reason: r.reason,
      safer: r.safer,
      change: index,
    })),
  );
}

/** Diff two IRs and classify the changes: what `ormdoc diff --format json` prints. */
export function diffReport(before: Ir, after: Ir, labels: { base: string; head: string }): DiffReport {
  const changes = diffIr(before, after);
  const risks = classifyChanges(changes, after.dialect);
  const counts = Object.fromEntries(RISK_CLASSES.map((c) => [c, risks.filter((r) => r.class === c).length]));
  const tables = new Set(changes.flatMap((c) => (c.table ? [c.table] : [])));
  return {
    reportVersion: DIFF_REPORT_VERSION,
    base: labels.base,
    head: labels.head,
    summary: { changes: changes.length, tables: tables.size, risks: counts as Record<RiskClass, number> },
    changes,
    risks,
  };
}

export type FailOn = 'destructive' | 'data-dependent' | 'any';

/**
 * Whether `--fail-on` trips: `destructive` on destructive risks; `data-dependent` on those and on
 * data-dependent ones (both can fail or lose data on real rows); `any` on any risk of any class.
 */
export function failsOn(report: DiffReport, failOn: FailOn): boolean {
  const r = report.summary.risks;
  if (failOn === 'destructive') return r.destructive > 0;
  if (failOn === 'data-dependent') return r.destructive + r['data-dependent'] > 0;
  return report.risks.length > 0;
}
