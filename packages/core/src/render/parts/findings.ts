import { type Finding, type FindingCategory, findingRules } from '../../findings/index.js';
import { qualifiedName } from '../../ir/names.js';
import type { Orm } from '../../ir/types.js';
import type { RenderContext } from '../context.js';
import { code, escapeText, fence } from '../markdown.js';
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

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
/** The most severe level among findings (error before warning before info). */
const worst = (fs: Finding[]) =>
  fs.reduce<Finding['severity']>(
    (w, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w),
    'info',
  );

const RULES = new Map(findingRules.map((r, i) => [r.id, { ...r, rank: i }]));

/** Where a finding is, as `table.column, column` text. */
export function findingWhere(f: Finding): string {
  if (!f.table) return '';
  return `${qualifiedName(f.table)}${f.columns?.length ? `.${f.columns.join(', ')}` : ''}`;
}

const ORM_LABELS: Record<Orm, string> = {
  prisma: 'Prisma',
  drizzle: 'Drizzle',
  typeorm: 'TypeORM',
  sqlmodel: 'SQLAlchemy',
  sqlalchemy: 'SQLAlchemy',
};

/**
 * A finding's fix as code, the ORM's edit first (the next migration would undo a bare SQL change)
 * and its SQL second: `In Prisma: \`@@index([actorId])\` in model AuditLog. SQL: \`CREATE INDEX …;\``.
 * Several SQL statements become an indented `sql` block (inside a list item of that indent).
 */
export function fixCode(f: Finding, options: { orm?: Orm; indent?: string } = {}): string {
  const fix = f.fix;
  if (!fix) return '';
  const parts: string[] = [];
  const statements = (fix.sql ?? '').split('\n').filter((l) => l.trim() !== '');
  if (fix.orm) {
    const where = options.orm ? `In ${ORM_LABELS[options.orm]}` : 'In the ORM';
    const edits = fix.orm
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => code(l))
      .join(' and ');
    const text = fix.text ? ` ${escapeText(fix.text)}` : '';
    parts.push(fix.remove ? `${where}, remove ${edits}${text}.` : `${where}: ${edits}${text}.`);
  } else if (fix.text) parts.push(escapeText(fix.text));
  const label = fix.orm ? 'SQL: ' : '';
  if (statements.length === 1) parts.push(`${label}${code(statements[0] as string)}`);
  else if (statements.length > 1 && label) parts.push('SQL:');
  const inline = parts.join(' ');
  if (statements.length <= 1) return inline;
  const indent = options.indent ?? '  ';
  const block = fence('sql', statements.join('\n'))
    .split('\n')
    .map((l) => `${indent}${l}`)
    .join('\n');
  return `${inline}\n\n${block}`;
}

/** The prose hint, then its code; a hint that ends a sentence introduces the code with a colon. */
function hintWithFix(f: Finding, options: { orm?: Orm; indent?: string }): string {
  const fix = fixCode(f, options);
  const hint = f.hint ? escapeText(f.hint) : '';
  if (!fix) return hint;
  if (!hint) return fix;
  return `${f.fix?.sql ? hint.replace(/\.$/, ':') : hint}${fix.startsWith('\n') ? '' : ' '}${fix}`;
}

/** One finding in full (the schema reference's per-table list): severity, rule, message, fix (code as code). */
export function findingItem(f: Finding, options: { orm?: Orm; indent?: string } = {}): string {
  const title = RULES.get(f.ruleId)?.title ?? f.ruleId;
  const fix = f.hint || f.fix ? ` **Fix:** ${hintWithFix(f, options)}` : '';
  return `**${SEVERITY_LABELS[f.severity]}: ${escapeText(title)}** (${code(f.ruleId)}). ${escapeText(f.message)}${fix}`;
}

/**
 * Findings in full as a bullet list, or a one-line statement that the analysis found nothing of
 * this kind. `orm` names the source ORM in front of ORM code (`In Prisma: …`).
 */
export function findingList(findings: Finding[], none: string, orm?: Orm): string {
  return findings.length === 0
    ? none
    : findings.map((f) => `- ${findingItem(f, { ...(orm ? { orm } : {}), indent: '  ' })}`).join('\n');
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
    return (
      SEVERITY_RANK[worst(fa)] - SEVERITY_RANK[worst(fb)] ||
      (RULES.get(a)?.rank ?? 99) - (RULES.get(b)?.rank ?? 99) ||
      a.localeCompare(b)
    );
  });
  const place = (f: Finding) =>
    f.table
      ? tableLink(ctx, f.table, { text: findingWhere(f), local: options.local ?? false })
      : 'schema-wide';
  return ordered
    .map(([id, fs]) => {
      const rule = RULES.get(id);
      const severity = worst(fs) === 'info' ? 'note' : worst(fs);
      const title = `**${escapeText(rule?.title ?? id)}** (${severity}, ${code(id)})`;
      if (options.fixes && fs.some((f) => f.hint || f.fix)) {
        // The rule's title says what; each place gets its code (or, without code, the prose hint).
        const fixOf = (f: Finding) =>
          f.fix ? fixCode(f, { orm: ctx.ir.source.orm, indent: '    ' }) : f.hint ? escapeText(f.hint) : '';
        const items = fs.slice(0, max).map((f) => {
          const text = fixOf(f);
          return `  - ${place(f)}${text ? `${text.startsWith('\n') ? ':' : ': '}${text}` : ''}`;
        });
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
