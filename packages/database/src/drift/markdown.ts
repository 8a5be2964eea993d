import type { DriftClass } from './classify.js';
import type { DriftItem, DriftReport, DriftSide } from './report.js';

const SIDES: Record<DriftSide, string> = {
  'database-only': 'only in the database',
  'orm-only': 'only in the ORM',
  differs: 'differs',
};

const CLASSES: Record<DriftClass, string> = {
  dangerous: '🔴 dangerous',
  'needs-migration': '🟠 needs migration',
  harmless: '🟢 harmless',
};

const cell = (s: string | undefined) =>
  s === undefined || s === '' ? '' : `\`${s.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\n/g, ' ')}\``;

/** One line: how many differences of each class. */
export function driftSummaryLine(report: DriftReport): string {
  const s = report.summary;
  if (s.differences === 0) return `No drift: the database matches the ${report.orm} schema.`;
  return `**${s.differences} difference${s.differences === 1 ? '' : 's'}** in ${s.tables} table${s.tables === 1 ? '' : 's'}: ${s.dangerous} dangerous, ${s['needs-migration']} needing a migration, ${s.harmless} harmless.`;
}

/** The drift report as Markdown: a summary, then one table of differences per database table. */
export function renderDriftMarkdown(report: DriftReport): string {
  const lines = [`# Drift: ${report.orm} schema vs ${report.database}`, '', driftSummaryLine(report), ''];
  const groups = new Map<string, DriftItem[]>();
  for (const item of report.items) {
    const key = item.table ?? (item.enum ? `enum ${item.enum}` : '(database)');
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const [group, items] of groups) {
    lines.push(`## ${group.startsWith('enum ') ? `Enum \`${group.slice(5)}\`` : `\`${group}\``}`, '');
    lines.push('| Where | What | Database | ORM | Class | Why |', '|---|---|---|---|---|---|');
    for (const i of items) {
      const what = [
        i.kind.replace(/-/g, ' '),
        i.column ? cell(i.column) : '',
        i.name && i.name !== i.column ? cell(i.name) : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(
        `| ${SIDES[i.side]} | ${what} | ${cell(i.database)} | ${cell(i.orm)} | ${CLASSES[i.class]} | ${i.reason} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
