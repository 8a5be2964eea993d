import type { CommandContext } from './context.js';
import { type DocsRun, todoPath } from './pipeline/docs.js';
import { plural } from './progress.js';

/** How many TODO locations the summary lists before saying "and N more". */
const MAX_TODOS_LISTED = 20;

/** The end-of-run summary of `generate`: documents, tables, findings, TODOs left (file:line). */
export function generateSummary(ctx: CommandContext, run: DocsRun): string {
  const c = ctx.colors;
  const { written, unchanged, removed = [], todos } = run.written;
  const parts = [
    `${written.length} written`,
    `${unchanged.length} unchanged`,
    ...(removed.length > 0 ? [`${removed.length} removed (no longer generated)`] : []),
    plural(run.tables, 'table'),
    plural(run.rendered.findings.length, 'finding'),
    plural(todos.length, 'TODO'),
  ];
  const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = run.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0)
    parts.push(`${plural(warnings, 'warning')}${errors ? `, ${plural(errors, 'error')}` : ''}`);
  const lines = [`${c.green('ormdoc')}: documents in ${run.outDirRel}: ${parts.join(', ')}`];
  if (todos.length > 0) {
    lines.push('TODOs left for a person to fill in:');
    for (const todo of todos.slice(0, MAX_TODOS_LISTED)) {
      lines.push(
        `  ${todoPath(run, todo.file)}:${todo.line}  ${todo.section}${todo.fact ? ` (${todo.fact})` : ''}`,
      );
    }
    if (todos.length > MAX_TODOS_LISTED) lines.push(`  ... and ${todos.length - MAX_TODOS_LISTED} more`);
    lines.push(
      c.dim(
        'Fill them in the documents (text outside ormdoc markers is kept) or set `project.*` in the config.',
      ),
    );
  }
  if (warnings + errors > 0 && !ctx.flags.verbose)
    lines.push(c.dim('Run with --verbose to see the diagnostics.'));
  return lines.join('\n');
}

/** Colour a unified diff: additions green, removals red, hunk headers cyan. */
export function colorDiff(ctx: CommandContext, diff: string): string {
  const c = ctx.colors;
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}

/** One line for CI logs: are the committed documents current? */
export function checkSummary(run: DocsRun): string {
  const stale = run.written.stale;
  const total = stale.length + run.written.unchanged.length;
  if (stale.length === 0)
    return `ormdoc check: ok, ${plural(total, 'document')} in ${run.outDirRel} up to date.`;
  const names = stale.map((s) => todoPath(run, s.path)).join(', ');
  // Documents no longer generated that hold a person's text: generate keeps them, so say what does fix them.
  const kept = run.diagnostics
    .filter((d) => d.code === 'output/orphaned-document' && d.file)
    .map((d) => todoPath(run, d.file as string));
  const keptFix = kept.length
    ? ` ${kept.join(', ')} ${kept.length === 1 ? 'is' : 'are'} no longer generated and ${kept.length === 1 ? 'holds' : 'hold'} your text: move it, then delete ${kept.length === 1 ? 'the file' : 'them'}.`
    : '';
  const regenerate = kept.length < stale.length ? ' run `ormdoc generate` and commit the result.' : '';
  return `ormdoc check: failed, ${stale.length} of ${plural(total, 'document')} in ${run.outDirRel} stale (${names});${regenerate}${keptFix}`;
}
