/** Problems that do not stop the run come back as data, never as console output from a library. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable identifier, e.g. `prisma/unsupported-column`, `ir/unknown-fk-target`. */
  code: string;
  message: string;
  /** JSON path into the IR or an input document, e.g. `tables[3].columns[0].type`. */
  path?: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file
    ? [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':')
    : undefined;
  const head = [where, d.severity, d.code].filter(Boolean).join(' ');
  const path = d.path ? ` (at ${d.path})` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${head}: ${d.message}${path}${hint}`;
}

/** What every extractor returns: the IR and the problems it met along the way. */
export interface ExtractResult {
  ir: import('./ir/types.js').Ir;
  diagnostics: Diagnostic[];
  /**
   * Absolute paths of every file and folder the result depends on, when the extractor can name
   * them all (Prisma): an unchanged run then skips the extraction (`reuseUnchanged`).
   */
  inputs?: string[];
}
