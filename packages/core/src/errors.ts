/**
 * The one error type of ormdoc. `code` says what went wrong, `hint` says how to fix it, and
 * `file`/`line`/`column` point at the user's input when known. The CLI prints message + hint and
 * exits 1 for every OrmdocError; anything else is a bug (exit 2).
 */
export type OrmdocErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_EMPTY'
  | 'ORM_NOT_DETECTED'
  | 'SCHEMA_INVALID'
  | 'MODULE_LOAD_FAILED'
  | 'DEPENDENCY_MISSING'
  | 'PYTHON_NOT_FOUND'
  | 'EXPORT_INVALID'
  | 'IR_INVALID'
  | 'TEMPLATE_INVALID'
  | 'OUTPUT_UNWRITABLE'
  | 'MARKERS_BROKEN'
  | 'DOCS_STALE'
  | 'DATABASE_ERROR'
  | 'UNSUPPORTED';

export interface OrmdocErrorOptions {
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  cause?: unknown;
  details?: string[];
}

export class OrmdocError extends Error {
  override readonly name = 'OrmdocError';
  readonly code: OrmdocErrorCode;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly details: string[];

  constructor(code: OrmdocErrorCode, message: string, options: OrmdocErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.details = options.details ?? [];
  }

  /** `file:line:column` when known, else undefined. */
  get location(): string | undefined {
    if (!this.file) return undefined;
    return [this.file, this.line, this.line !== undefined ? this.column : undefined]
      .filter((p) => p !== undefined)
      .join(':');
  }
}

/** True for any OrmdocError, also one thrown by another copy of @ormdoc/core. */
export function isOrmdocError(value: unknown): value is OrmdocError {
  return (
    value instanceof Error && value.name === 'OrmdocError' && typeof (value as OrmdocError).code === 'string'
  );
}
