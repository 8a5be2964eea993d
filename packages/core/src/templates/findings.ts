import { type Finding, type FindingCategory, findingRules } from '../findings/index.js';
import { findingsOf, projectName, type RenderContext } from '../render/context.js';
import { Doc } from '../render/doc.js';
import { code, escapeHeading, escapeText } from '../render/markdown.js';
import { securityFacts } from '../render/parts/common.js';
import { FINDING_SECTIONS, findingWhere, fixCode } from '../render/parts/findings.js';
import { FINDING_HEADINGS, FINDINGS_FILE, type FindingSection } from '../render/parts/findingsHome.js';
import { tableLink } from '../render/parts/links.js';
import type { RenderedFile } from '../render/types.js';

const NONE: Record<FindingSection, string> = {
  indexing:
    'The analysis found no indexing problem: every foreign key has a supporting index and no index is redundant.',
  queryOptimization: 'The analysis found no query path that cannot use an index.',
  security: 'No finding about personal data, secrets or access rules.',
  validation: 'The analysis found no validation or integrity problem.',
  changeTracking:
    'Every table records when rows are created and changed, and the database itself maintains those columns.',
};

const RULES = new Map(findingRules.map((r, i) => [r.id, { ...r, rank: i }]));

/** Each rule once (title, severity, what it means), then every place with its own message and fix. */
function byRule(ctx: RenderContext, findings: Finding[], none: string): string {
  if (findings.length === 0) return none;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  const warning = (fs: Finding[]) => (fs.some((f) => f.severity === 'warning') ? 0 : 1);
  const ordered = [...groups].sort(
    ([a, fa], [b, fb]) =>
      warning(fa) - warning(fb) ||
      (RULES.get(a)?.rank ?? 999) - (RULES.get(b)?.rank ?? 999) ||
      (a < b ? -1 : 1),
  );
  const orm = ctx.ir.source.orm;
  return ordered
    .map(([id, fs]) => {
      const rule = RULES.get(id);
      const places = fs.map((f) => {
        const where = f.table ? tableLink(ctx, f.table, { text: findingWhere(f) }) : 'Schema-wide';
        const fix = fixCode(f, { orm, indent: '  ' });
        const hint = f.hint ? ` ${escapeText(f.hint)}` : '';
        const code = fix ? `${fix.startsWith('\n') ? '' : ' '}${fix}` : '';
        return `- ${where}: ${escapeText(f.message)}${hint || code ? ` **Fix:**${hint}${code}` : ''}`;
      });
      return [
        `### ${escapeHeading(rule?.title ?? id)}`,
        `${code(id)} · ${warning(fs) === 0 ? 'warning' : 'note'} · ${fs.length === 1 ? 'one place' : `${fs.length} places`}.${rule ? ` ${escapeText(rule.description)}` : ''}`,
        places.join('\n'),
      ].join('\n\n');
    })
    .join('\n\n');
}

/**
 * The one home of every finding: each section lists every place with its fix (the other documents
 * count them and link here), so a finding is written once however many documents mention it.
 */
export function renderFindings(ctx: RenderContext): RenderedFile {
  const name = projectName(ctx);
  const doc = new Doc(ctx);
  doc.region(
    'title',
    `# ${escapeHeading(name ? `${name} — Schema Findings` : 'Schema Findings')}\n\nWhat the analysis of the schema found, each place once, with its fix (the ORM edit first where there is one). The other documents count these and link here. Disable a rule with \`findings.disable\` in the config.`,
  );
  doc.contents();
  for (const [section, categories] of Object.entries(FINDING_SECTIONS) as Array<
    [FindingSection, readonly FindingCategory[]]
  >) {
    doc.heading(2, FINDING_HEADINGS[section].heading);
    const findings = findingsOf(ctx, [...categories]);
    const lead = section === 'security' ? `${securityFacts(ctx, { all: true, handling: false })}\n\n` : '';
    doc.region(`findings:${section}`, `${lead}${byRule(ctx, findings, NONE[section])}`);
  }
  return { path: FINDINGS_FILE, content: doc.toString() };
}
