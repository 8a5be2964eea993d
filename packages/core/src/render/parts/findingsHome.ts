import { type Finding, type FindingCategory, findingRules } from '../../findings/index.js';
import type { TableRef } from '../../ir/types.js';
import { findingsOf, type RenderContext } from '../context.js';
import { code, escapeText, link } from '../markdown.js';
import { FINDING_SECTIONS } from './findings.js';

/**
 * One home per fact: every finding is written once, in `findings.md`; the other documents say how
 * many there are and link to the section that lists them (with every place and its fix).
 */
export const FINDINGS_FILE = 'findings.md';

export type FindingSection = keyof typeof FINDING_SECTIONS;

/** The sections of `findings.md`, in order, with their headings (and so their anchors). */
export const FINDING_HEADINGS: Record<FindingSection, { heading: string; anchor: string; noun: string }> = {
  indexing: { heading: 'Indexing', anchor: 'indexing', noun: 'missing or redundant indexes' },
  queryOptimization: {
    heading: 'Query Performance',
    anchor: 'query-performance',
    noun: 'query paths without an index',
  },
  security: { heading: 'Security', anchor: 'security', noun: 'personal data, secrets and access rules' },
  validation: {
    heading: 'Validation and Integrity',
    anchor: 'validation-and-integrity',
    noun: 'validation and integrity findings',
  },
  changeTracking: { heading: 'Change Tracking', anchor: 'change-tracking', noun: 'change-tracking findings' },
};

const TITLES = new Map(findingRules.map((r) => [r.id, r.title]));

/** `findings.md` relative to a document in `up` (`../` from a subfolder). */
export function findingsLink(text: string, section?: FindingSection, up = ''): string {
  return link(text, `${up}${FINDINGS_FILE}`, section ? FINDING_HEADINGS[section].anchor : undefined);
}

/**
 * What another document says instead of repeating a section's findings: how many, by rule title
 * (counts only, never a finding's text), and where they are.
 */
export function findingsPointer(ctx: RenderContext, section: FindingSection, none: string): string {
  const findings = findingsOf(ctx, [...FINDING_SECTIONS[section]] as FindingCategory[]);
  if (findings.length === 0) return none;
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([id, n]) => `${escapeText(TITLES.get(id) ?? id)} (${n})`).join(', ');
  const { heading } = FINDING_HEADINGS[section];
  return `**From the analysis:** ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}: ${rules}. Each place and its fix: ${findingsLink(`Findings › ${heading}`, section)}.`;
}

/** The section of `findings.md` a finding is listed in. */
export function sectionOf(f: Finding): FindingSection {
  for (const [section, categories] of Object.entries(FINDING_SECTIONS) as Array<
    [FindingSection, readonly FindingCategory[]]
  >)
    if (categories.includes(f.category)) return section;
  return 'validation';
}

/** A table's findings as links into `findings.md`: rule ids and the columns concerned, no text. */
export function tableFindingsPointer(ctx: RenderContext, t: TableRef, up = ''): string {
  const findings = findingsOf(
    ctx,
    ['performance', 'indexing', 'security', 'validation', 'integrity', 'maintenance'],
    t,
  );
  if (findings.length === 0) return '';
  const items = findings.map((f) => {
    const where = f.columns?.length ? ` on ${f.columns.map(code).join(', ')}` : '';
    return `${findingsLink(TITLES.get(f.ruleId) ?? f.ruleId, sectionOf(f), up)}${where}`;
  });
  return `**Findings** (each with its fix in ${findingsLink('Findings', undefined, up)}): ${items.join('; ')}.`;
}
