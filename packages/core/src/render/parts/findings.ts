import { type Finding, type FindingCategory, findingRules } from '../../findings/index.js';
import { qualifiedName } from '../../ir/names.js';
import type { RenderContext } from '../context.js';
import { code, escapeText } from '../markdown.js';
import { tableLink } from './links.js';

/**
 * Where a reader looks for each kind of finding. Every document places each category in exactly one
 * section, so a finding is never pasted twice into the same document:
 * - `indexing` (missing / redundant indexes) → Indexing Strategy / Indexes
 * - `performance` (query paths that cannot use an index, e.g. soft-delete filters) → Query Optimization
 * - `security` (personal data, secrets) → Security / Sensitive Data
 * - `validation` + `integrity` (unchecked JSON, nullable unique keys, no PK, emulated FKs, cascades) → Data Validation
 * - `maintenance` (audit timestamps, ORM-only `updated_at`, wide tables) → change tracking: Data Validation
 *   in the overview, Triggers in the schema reference, Constraints in the design document, Data
 *   Retention in the architecture document.
 */
export const FINDING_SECTIONS = {
  indexing: ['indexing'],
  queryOptimization: ['performance'],
  security: ['security'],
  validation: ['validation', 'integrity'],
  changeTracking: ['maintenance'],
} as const satisfies Record<string, readonly FindingCategory[]>;

/** Summaries name at most this many places per rule; the schema reference lists every one under its table. */
export const MAX_PLACES = 12;

const RULES = new Map(findingRules.map((r, i) => [r.id, { ...r, rank: i }]));

/** Where a finding is, as `table.column, column` text. */
export function findingWhere(f: Finding): string {
  if (!f.table) return '';
  return `${qualifiedName(f.table)}${f.columns?.length ? `.${f.columns.join(', ')}` : ''}`;
}

/** One finding in full (the schema reference's per-table list): severity, rule, message, fix. */
export function findingItem(f: Finding): string {
  const title = RULES.get(f.ruleId)?.title ?? f.ruleId;
  const hint = f.hint ? ` **Fix:** ${escapeText(f.hint)}` : '';
  return `**${f.severity === 'warning' ? 'Warning' : 'Note'}: ${escapeText(title)}** (${code(f.ruleId)}). ${escapeText(f.message)}${hint}`;
}

/** Findings in full as a bullet list, or a one-line statement that the analysis found nothing of this kind. */
export function findingList(findings: Finding[], none: string): string {
  return findings.length === 0 ? none : findings.map((f) => `- ${findingItem(f)}`).join('\n');
}

/**
 * Findings grouped by rule, one bullet per rule: its title, severity, every place it applies (linked
 * to the table's section of the schema reference) and what the rule means. With `fixes`, each place
 * gets its concrete fix as a nested bullet (used where the reader acts on it, e.g. missing indexes).
 */
export function findingSummary(
  ctx: RenderContext,
  findings: Finding[],
  options: { none: string; fixes?: boolean; local?: boolean; maxPlaces?: number },
): string {
  const max = options.maxPlaces ?? MAX_PLACES;
  const more = (n: number) =>
    n > 0
      ? `${n} more${ctx.documents.schema ? ', each listed under its table in the schema reference' : ''}`
      : '';
  if (findings.length === 0) return options.none;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const ordered = [...groups.entries()].sort(([a, fa], [b, fb]) => {
    const sev = (fs: Finding[]) => (fs.some((f) => f.severity === 'warning') ? 0 : 1);
    return sev(fa) - sev(fb) || (RULES.get(a)?.rank ?? 99) - (RULES.get(b)?.rank ?? 99) || a.localeCompare(b);
  });
  const place = (f: Finding) =>
    f.table
      ? tableLink(ctx, f.table, { text: findingWhere(f), local: options.local ?? false })
      : 'schema-wide';
  return ordered
    .map(([id, fs]) => {
      const rule = RULES.get(id);
      const severity = fs.some((f) => f.severity === 'warning') ? 'warning' : 'note';
      const title = `**${escapeText(rule?.title ?? id)}** (${severity}, ${code(id)})`;
      if (options.fixes && fs.some((f) => f.hint)) {
        const items = fs
          .slice(0, max)
          .map((f) => `  - ${place(f)}${f.hint ? `: ${escapeText(f.hint)}` : ''}`);
        if (fs.length > max) items.push(`  - … and ${more(fs.length - max)}.`);
        return [`- ${title}, ${fs.length === 1 ? 'one place' : `${fs.length} places`}:`, ...items].join('\n');
      }
      // One place: its own message is the most concrete statement; several: the places, then what the rule means.
      const only = fs.length === 1 ? fs[0] : undefined;
      if (only) return `- ${title}: ${place(only)}. ${escapeText(only.message)}`;
      const places = fs.slice(0, max).map(place).join(', ');
      const rest = fs.length > max ? ` and ${more(fs.length - max)}` : '';
      return `- ${title}, ${fs.length} places: ${places}${rest}.${rule ? ` ${escapeText(rule.description)}` : ''}`;
    })
    .join('\n');
}
