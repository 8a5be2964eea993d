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
    const rows = report.risks.map((r) => [
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
  if (diagram)
    out.push(
      '### Diagram',
      '',
      'Changed tables and their direct neighbours.',
      '',
      fence('mermaid', diagram),
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}

export function summaryLine(report: DiffReport): string {
  const { changes, tables, risks } = report.summary;
  if (changes === 0) return 'No schema changes.';
  const head = `**${changes} ${changes === 1 ? 'change' : 'changes'}** in ${tables} ${tables === 1 ? 'table' : 'tables'}`;
  const flagged = RISK_CLASSES.filter((c) => risks[c] > 0).map((c) => `${ICON[c]} ${risks[c]} ${c}`);
  return flagged.length ? `${head}: ${flagged.join(' · ')}` : `${head}, none of them risky.`;
}

function groups(changes: readonly SchemaChange[]): Array<[string, SchemaChange[]]> {
  const map = new Map<string, SchemaChange[]>();
  for (const c of changes) {
    const key = c.table ? `Table ${code(c.table)}` : `Enum ${code(c.enum ?? '?')}`;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return [...map];
}

function where(c: SchemaChange): string {
  const target = c.column
    ? `${c.table}.${c.column}`
    : c.table
      ? c.name
        ? `${c.table} ${c.name}`
        : c.table
      : `${c.enum} ${c.kind.startsWith('enum-value') ? c.name : ''}`.trim();
  return `${code(target)} ${escapeCell(c.kind.replace(/-/g, ' '))}`;
}

const VERB: Partial<Record<SchemaChange['kind'], string>> = {
  'table-added': 'table added',
  'table-dropped': 'table dropped',
  'view-added': 'view added',
  'view-dropped': 'view dropped',
  'enum-added': 'enum added',
  'enum-dropped': 'enum dropped',
};

function line(c: SchemaChange): string {
  const v = (s: string | undefined) => code(s ?? '');
  const subject = c.column ? `column ${code(c.column)}` : c.name ? code(c.name) : '';
  switch (c.kind) {
    case 'table-added':
    case 'table-dropped':
    case 'view-added':
    case 'view-dropped':
      return `**${VERB[c.kind]}**`;
    case 'enum-added':
    case 'enum-dropped':
      return `**${VERB[c.kind]}** (${v(c.after ?? c.before)})`;
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
      const what = escapeText(c.kind.replace(/-/g, ' ').replace(/ (added|dropped|changed)$/, ''));
      const verb = /-(added|dropped|changed)$/.exec(c.kind)?.[1] ?? 'changed';
      const sign = verb === 'added' ? '➕' : verb === 'dropped' ? '➖' : '✏️';
      const values =
        c.before !== undefined && c.after !== undefined
          ? `: ${v(c.before)} → ${v(c.after)}`
          : c.after !== undefined
            ? ` ${v(c.after)}`
            : c.before !== undefined
              ? ` (was ${v(c.before)})`
              : '';
      return `${sign} ${what} ${verb}${subject ? ` ${subject}` : ''}${values}`;
    }
  }
}
