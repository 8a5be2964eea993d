import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import { OrmdocError } from '../errors.js';
import { completeIr, firstDifference } from './complete.js';
import { findTable, qualifiedName, tableSortKey, withLookups } from './names.js';
import { Ir as IrSchema } from './schema.js';
import type { Ir, IrInput, Table } from './types.js';

/** `tables[2].columns[0].name` from a zod issue path. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || '(root)';
}

export function zodIssuesToDiagnostics(
  issues: z.core.$ZodIssue[],
  code: string,
  file?: string,
): Diagnostic[] {
  return issues.map((issue) => ({
    severity: 'error' as const,
    code,
    message: issue.message,
    path: jsonPath(issue.path),
    ...(file ? { file } : {}),
  }));
}

/**
 * Validate a value as IR: structure first (zod), then references (every FK, index, key and enum use
 * names something that exists). Returns the parsed IR (defaults filled in) and every problem as data.
 */
export function validateIr(input: unknown): { ir?: Ir; diagnostics: Diagnostic[] } {
  const parsed = IrSchema.safeParse(input);
  if (!parsed.success) return { diagnostics: zodIssuesToDiagnostics(parsed.error.issues, 'ir/invalid') };
  const ir = parsed.data;
  return { ir, diagnostics: checkReferences(ir) };
}

/** Parse and validate, throwing one OrmdocError listing every problem. For untrusted input (IR read from JSON). */
export function parseIr(input: unknown): Ir {
  const { ir, diagnostics } = validateIr(input);
  // Stryker disable next-line ConditionalExpression: without an IR the diagnostics are zod's, all errors, so withReferencesChecked throws the same error
  if (!ir) throw invalidIr(diagnostics);
  return withReferencesChecked(ir, diagnostics);
}

/**
 * The IR of an extractor's typed output: `completeIr` (the defaults zod would fill in, without a
 * second validation pass over the whole IR) and the reference checks, throwing the same
 * IR_INVALID error as `parseIr`. With `ORMDOC_VERIFY_IR` set (the test suite sets it) the zod
 * schema parses the input too, and any difference from `completeIr` is thrown as a bug.
 */
export function buildIr(input: IrInput): Ir {
  const expected = verifyRequested() ? parseForVerification(input) : undefined;
  const ir = completeIr(input);
  if (expected) {
    const difference = firstDifference(expected, ir);
    if (difference)
      throw new Error(
        `ORMDOC_VERIFY_IR: completeIr and the zod schema disagree (zod vs completeIr) at ${difference}. ` +
          'Bring packages/core/src/ir/complete.ts in step with schema.ts.',
      );
  }
  return withReferencesChecked(ir, checkReferences(ir));
}

function verifyRequested(): boolean {
  const flag = process.env.ORMDOC_VERIFY_IR;
  return flag !== undefined && flag !== '' && flag !== '0';
}

/** The zod result `completeIr` must equal; an input zod rejects is an extractor bug, reported like `parseIr` would. */
function parseForVerification(input: IrInput): Ir {
  const parsed = IrSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidIr(zodIssuesToDiagnostics(parsed.error.issues, 'ir/invalid'), 'ORMDOC_VERIFY_IR: ');
}

function withReferencesChecked(ir: Ir, diagnostics: Diagnostic[]): Ir {
  // Stryker disable next-line ConditionalExpression: every diagnostic made here is an error (zod's and the reference checks')
  if (diagnostics.some((d) => d.severity === 'error')) throw invalidIr(diagnostics);
  return ir;
}

function invalidIr(diagnostics: Diagnostic[], prefix = ''): OrmdocError {
  // Stryker disable next-line MethodExpression,ConditionalExpression: every diagnostic made here is an error (kept for a future warning)
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const message = `${prefix}The schema representation is invalid (${errors.length} problem(s)).`;
  return new OrmdocError('IR_INVALID', message, {
    details: errors.map((d) => `${d.path}: ${d.message}`),
    hint: 'This is most likely a bug in the extractor; please report it with the schema that produced it.',
  });
}

function checkReferences(ir: Ir): Diagnostic[] {
  return withLookups(ir, () => referenceProblems(ir));
}

function referenceProblems(ir: Ir): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: string, message: string) =>
    out.push({ severity: 'error', code: 'ir/reference', message, path });
  const seen = new Map<string, number>();
  const enums = new Set(ir.enums.map(tableSortKey));
  ir.tables.forEach((table, ti) => {
    const key = qualifiedName(table);
    if (seen.has(key)) err(`tables[${ti}]`, `duplicate table ${key} (also tables[${seen.get(key)}])`);
    seen.set(key, ti);
    const cols = new Set<string>();
    table.columns.forEach((c, ci) => {
      if (cols.has(c.name)) err(`tables[${ti}].columns[${ci}]`, `duplicate column ${c.name} in ${key}`);
      cols.add(c.name);
      if (c.type.enum && !enums.has(tableSortKey(c.type.enum)))
        err(`tables[${ti}].columns[${ci}].type.enum`, `unknown enum ${qualifiedName(c.type.enum)}`);
    });
    const need = (names: string[], path: string) => {
      for (const n of names) if (!cols.has(n)) err(path, `unknown column ${n} in ${key}`);
    };
    if (table.primaryKey) need(table.primaryKey.columns, `tables[${ti}].primaryKey`);
    table.uniques.forEach((u, i) => {
      need(u.columns, `tables[${ti}].uniques[${i}]`);
    });
    table.indexes.forEach((ix, i) => {
      need(
        ix.parts.flatMap((p) => (p.column ? [p.column] : [])),
        `tables[${ti}].indexes[${i}]`,
      );
    });
    table.foreignKeys.forEach((fk, i) => {
      const path = `tables[${ti}].foreignKeys[${i}]`;
      need(fk.columns, path);
      if (fk.columns.length !== fk.references.columns.length)
        err(
          path,
          `foreign key ${fk.name} has ${fk.columns.length} column(s) but references ${fk.references.columns.length}`,
        );
      const target = findTable(ir, fk.references);
      if (!target)
        err(
          `${path}.references`,
          `foreign key ${fk.name} references unknown table ${qualifiedName(fk.references)}`,
        );
      else
        for (const c of fk.references.columns)
          if (!target.columns.some((tc) => tc.name === c))
            err(
              `${path}.references`,
              `foreign key ${fk.name} references unknown column ${qualifiedName(target)}.${c}`,
            );
    });
  });
  return out;
}

/** Column of a table by database name. */
export function columnOf(table: Table, name: string) {
  return table.columns.find((c) => c.name === name);
}
