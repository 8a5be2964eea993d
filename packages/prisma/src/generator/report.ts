import { type Diagnostic, formatDiagnostic } from '@ormdoc/core/reuse';

/**
 * What `prisma generate` shows of a run's diagnostics. Prisma keeps a generator's stderr for the
 * JSON-RPC answers and shows the rest only when the generator fails (or under DEBUG), but it
 * passes the generator's stdout through to the terminal: warnings and errors are printed there,
 * one block per run, so that a user of the generator sees what a user of the CLI sees. Info
 * diagnostics are counted, not listed (`ormdoc inspect` lists them).
 */
export function diagnosticsReport(diagnostics: readonly Diagnostic[]): string {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const info = diagnostics.length - shown.length;
  if (shown.length === 0) return '';
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const errors = shown.filter((d) => d.severity === 'error').length;
  const warnings = shown.length - errors;
  const head = [errors ? count(errors, 'error') : '', warnings ? count(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ');
  const lines = shown.map((d) => `  ${formatDiagnostic(d).replaceAll('\n', '\n  ')}`);
  const more = info ? `\n  (and ${count(info, 'info diagnostic')}: \`ormdoc inspect\` lists them)` : '';
  return `ormdoc: ${head}:\n${lines.join('\n')}${more}\n`;
}

/** Print the report where Prisma shows it: the generator's stdout. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  process.stdout.write(diagnosticsReport(diagnostics));
}
