import type { Finding } from '../../findings/index.js';
import { qualifiedName } from '../../ir/names.js';
import { escapeText } from '../markdown.js';

export function findingItem(f: Finding): string {
  const where = f.table
    ? `${qualifiedName(f.table)}${f.columns?.length ? `.${f.columns.join(', ')}` : ''}`
    : '';
  const hint = f.hint ? ` _Fix:_ ${escapeText(f.hint)}` : '';
  return `**${f.severity}** (${escapeText(f.ruleId)}${where ? `, ${escapeText(where)}` : ''}): ${escapeText(f.message)}${hint}`;
}

/** Findings as a bullet list, or a one-line statement that the analysis found nothing of this kind. */
export function findingList(findings: Finding[], none: string): string {
  return findings.length === 0 ? none : findings.map((f) => `- ${findingItem(f)}`).join('\n');
}
