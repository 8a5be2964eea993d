import type { Ir } from '../ir/types.js';
import { code, escapeCell, escapeText, fence, table } from '../render/markdown.js';
import { diffDiagram } from './diagram.js';
import { RISK_CLASSES } from './report.js';
import type { DiffReport, RiskClass, SchemaChange } from './schema.js';

const ICON: Record<RiskClass, string> = {
  destructive: '🔴',
  'data-dependent': '🟠',
  locking: '🟡',
  breaking: '🔵',
};

/**
 * The pull-request report: a summary line, the risk table (rule, change, why, safer way), the
 * change list grouped by table and enum, and a Mermaid ER diagram of the changed tables and their
 * direct neighbours. Every schema name is escaped (it comes from user code).
 */
export function renderDiffMarkdown(report: DiffReport, before: Ir, after: Ir): string {
  const out: string[] = [`## Database schema changes: ${code(report.base)} → ${code(report.head)}`, ''];
  out.push(summaryLine(report), '');
  if (report.changes.length === 0) return `${out.join('\n').trimEnd()}\n`;
  if (report.risks.length > 0) {
    out.push('### Risks', '');
    const order = (c: RiskClass) => RISK_CLASSES.indexOf(c);
    const risks = [...report.risks].sort((a, b) => order(a.class) - order(b.class) || a.change - b.change);
    const rows = risks.map((r) => [
      `${ICON[r.class]} ${r.class}`,
      r.rule,
      where(report.changes[r.change]!),
      escapeCell(r.reason),
      escapeCell(r.safer),
    ]);
    out.push(table(['Risk', 'Rule', 'Change', 'Why it matters', 'Safer way'], rows), '');
  }
  out.push('### Changes', '');
  for (const [group, list] of groups(report.changes)) {
    out.push(`#### ${group}`, '');
    for (const c of list) out.push(`- ${line(c)}`);
    out.push('');
  }
  const diagram = diffDiagram(before, after, report.changes);
  if (diagram) {
    const caption = diagram.neighbours ? 'Changed tables and their direct neighbours.' : 'Changed tables.';
    out.push('### Diagram', '', caption, '', fence('mermaid', diagram.code), '');
  } else if (report.summary.tables > 0)
    out.push(
      '### Diagram',
      '',
      `${report.summary.tables} tables changed: too many for one readable diagram.`,
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}

export function summaryLine(report: DiffReport): string {
  const { changes, tables, risks } = report.summary;
  if (changes === 0) return 'No schema changes.';
  const enums = new Set(report.changes.flatMap((c) => (c.table ? [] : [c.enum]))).size;
  const where = [
    ...(tables || !enums ? [plural(tables, 'table')] : []),
    ...(enums ? [plural(enums, 'enum')] : []),
  ].join(', ');
  const head = `**${plural(changes, 'change')}** (${where})`;
  const flagged = RISK_CLASSES.filter((c) => risks[c] > 0).map((c) => `${ICON[c]} ${risks[c]} ${c}`);
  return flagged.length ? `${head}: ${flagged.join(' · ')}` : `${head}, none of them risky.`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function groups(changes: readonly SchemaChange[]): Array<[string, SchemaChange[]]> {
  const map = new Map<string, SchemaChange[]>();
  for (const c of changes) {
    const key = c.table ? `Table ${code(c.table)}` : `Enum ${code(c.enum ?? '?')}`;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return [...map];
}

const NOUN: Partial<Record<SchemaChange['kind'], string>> = {
  'column-type-changed': 'type',
  'column-nullability-changed': 'nullability',
  'column-default-changed': 'default',
  'description-changed': 'description',
  'tags-changed': 'tags',
  'enforcement-changed': 'enforced by',
  'view-changed': 'view definition',
  'primary-key-added': 'primary key',
  'primary-key-dropped': 'primary key',
  'primary-key-changed': 'primary key',
  'unique-added': 'unique',
  'unique-dropped': 'unique',
  'index-added': 'index',
  'index-dropped': 'index',
  'foreign-key-added': 'foreign key',
  'foreign-key-dropped': 'foreign key',
  'foreign-key-action-changed': 'foreign key actions',
  'check-added': 'check',
  'check-dropped': 'check',
  'check-changed': 'check',
};

const verbOf = (c: SchemaChange) => /-(added|dropped|changed|renamed)$/.exec(c.kind)?.[1] ?? 'changed';

/** The risk table's "Change" cell: what, where, and for column edits the values. */
function where(c: SchemaChange): string {
  const target = c.column ? `${c.table}.${c.column}` : (c.table ?? c.enum ?? '');
  const noun = c.column
    ? (NOUN[c.kind] ?? 'column')
    : (NOUN[c.kind] ?? c.kind.replace(/-(added|dropped|changed|renamed)$/, '').replace(/-/g, ' '));
  const name = c.column ? '' : c.name ? ` ${code(c.name)}` : '';
  const values =
    c.kind === 'column-renamed'
      ? ` (from ${code(c.before ?? '')}, a guess)`
      : c.column && c.before !== undefined && c.after !== undefined
        ? ` (${code(c.before)} → ${code(c.after)})`
        : '';
  return `${code(target)} ${escapeCell(noun)}${name} ${verbOf(c)}${values}`;
}

function line(c: SchemaChange): string {
  const v = (s: string | undefined) => code(s ?? '');
  switch (c.kind) {
    case 'table-added':
    case 'view-added':
      return `➕ **${c.kind === 'view-added' ? 'view' : 'table'} added**${c.after ? ` ${v(c.after)}` : ''}`;
    case 'table-dropped':
    case 'view-dropped':
      return `➖ **${c.kind === 'view-dropped' ? 'view' : 'table'} dropped**${c.before ? ` (was ${v(c.before)})` : ''}`;
    case 'enum-added':
      return `➕ **enum added** ${v(c.after)}`;
    case 'enum-dropped':
      return `➖ **enum dropped** (was ${v(c.before)})`;
    case 'column-added':
      return `➕ column ${code(c.column ?? '')} ${v(c.after)}`;
    case 'column-dropped':
      return `➖ column ${code(c.column ?? '')} (was ${v(c.before)})`;
    case 'column-renamed':
      return `✏️ column ${v(c.before)} → ${v(c.after)} _(probable rename: a dropped and an added column of the same type)_`;
    case 'enum-value-added':
      return `➕ value ${v(c.name)}`;
    case 'enum-value-dropped':
      return `➖ value ${v(c.name)}`;
    case 'constraint-renamed':
      return `✏️ renamed ${v(c.before)} → ${v(c.after)}`;
    default: {
      const verb = verbOf(c);
      const sign = verb === 'added' ? '➕' : verb === 'dropped' ? '➖' : '✏️';
      const subject = `${c.column ? `column ${code(c.column)} ` : ''}${escapeText(NOUN[c.kind] ?? c.kind)}${!c.column && c.name && !c.kind.startsWith('enum') && c.table ? ` ${code(c.name)}` : ''}`;
      const values =
        c.before !== undefined && c.after !== undefined
          ? `: ${v(c.before)} → ${v(c.after)}`
          : c.after !== undefined
            ? ` ${v(c.after)}`
            : c.before !== undefined
              ? ` (was ${v(c.before)})`
              : '';
      return `${sign} ${subject}${verb === 'changed' ? '' : ` ${verb}`}${values}`;
    }
  }
}
