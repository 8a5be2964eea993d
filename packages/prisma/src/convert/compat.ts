import type { Diagnostic } from '@ormdoc/core';
import type { PrismaMajor } from '../load/version.js';
import { type LintDiagnostic, lintSchema, type SchemaFiles } from './wasm.js';

/**
 * Rules of a newer Prisma than the project's. ormdoc validates with the Prisma it bundles (7.x);
 * a schema the project's own Prisma 5 or 6 accepts can break a rule that only a later major
 * added. Each rule here says from which major Prisma refuses it, how to recognise Prisma's
 * message, and how to take the construct out of the text handed to the validator (same lines, so
 * every file:line stays true). What it took out changes nothing ormdoc documents: the IR has no
 * keys for views (Prisma creates none), and a preview feature name is not part of the database.
 */
export interface NewerRule {
  id: string;
  /** The first Prisma major that refuses it. */
  since: number;
  message: RegExp;
  /** The text that replaces the span Prisma pointed at; `undefined` when it cannot be taken out. */
  neutralise(span: string, match: RegExpExecArray): string | undefined;
  /** What to change so that Prisma `since` accepts the schema. */
  hint: string;
}

/** Preview features Prisma 5 and 6 knew and Prisma 7 no longer does (the others only warn). */
const REMOVED_PREVIEW_FEATURES = new Set(['metrics']);

export const NEWER_RULES: readonly NewerRule[] = [
  {
    id: 'view-primary-key',
    since: 6,
    message: /Views cannot have primary keys/,
    neutralise: (span) => blank(span),
    hint: 'Prisma 6 refuses `@id`/`@@id` on a view: use `@unique`/`@@unique` instead before upgrading.',
  },
  {
    id: 'removed-preview-feature',
    since: 7,
    message: /The preview feature "(\w+)" is not known/,
    neutralise: (span, match) => {
      const name = match[1] ?? '';
      if (!REMOVED_PREVIEW_FEATURES.has(name)) return undefined;
      // the span is the whole list, on one line (Prisma refuses a generator value over several lines)
      const items = [...span.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((f) => f !== name);
      return `[${items.map((f) => `"${f}"`).join(', ')}]`;
    },
    hint: 'Prisma 7 no longer knows this preview feature: remove it from `previewFeatures` before upgrading.',
  },
];

/** Spaces in place of every character but line breaks. */
const blank = (text: string) => text.replace(/[^\n\r]/g, ' ');

/**
 * The files without the constructs that only a newer Prisma than the project's refuses (the errors
 * of the bundled validator that match a rule of `NEWER_RULES` the project's major does not have),
 * and one warning per construct (file, line, rule); `undefined` when there is none. Errors of
 * every version stay in the files: reading them again reports those, at the same lines. An unknown
 * major counts as the oldest one (what the project's own tool accepts is documented; the warning
 * says the version was not found).
 */
export async function relaxNewerRules(
  files: SchemaFiles,
  project: PrismaMajor | undefined,
): Promise<{ files: SchemaFiles; diagnostics: Diagnostic[] } | undefined> {
  let current = files;
  const diagnostics: Diagnostic[] = [];
  // Prisma validates in phases (configuration first, then the datamodel): a few rounds at most.
  for (let round = 0; round < 4; round++) {
    const errors = (await lintSchema(current)).filter((d) => !d.is_warning);
    const edits = new Map<string, Array<{ start: number; end: number; text: string }>>();
    for (const error of errors) {
      const file = fileOf(current, error);
      const edit = file && neutralised(file, error, project);
      if (!file || !edit) continue;
      const list = edits.get(file[0]) ?? [];
      list.push(edit.edit);
      edits.set(file[0], list);
      diagnostics.push(warning(file, error, edit.rule, project));
    }
    if (edits.size === 0) break;
    current = current.map(([name, content]) => [name, applyEdits(content, edits.get(name) ?? [])] as const);
  }
  return diagnostics.length ? { files: current, diagnostics } : undefined;
}

function fileOf(files: SchemaFiles, error: LintDiagnostic) {
  return files.find(([name]) => name === error.file_name) ?? (files.length === 1 ? files[0] : undefined);
}

function neutralised(
  [, content]: readonly [string, string],
  error: LintDiagnostic,
  project: PrismaMajor | undefined,
) {
  for (const rule of NEWER_RULES) {
    const match = rule.message.exec(error.text);
    if (!match || (project && project.major >= rule.since)) continue;
    const span = content.slice(error.start, error.end);
    const text = rule.neutralise(span, match);
    if (text !== undefined) return { rule, edit: { start: error.start, end: error.end, text } };
  }
  return undefined;
}

/** Replace spans (Prisma's lint offsets are JavaScript string indices), last first so earlier offsets hold. */
function applyEdits(content: string, edits: Array<{ start: number; end: number; text: string }>): string {
  let out = content;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function warning(
  [name, content]: readonly [string, string],
  error: LintDiagnostic,
  rule: NewerRule,
  project: PrismaMajor | undefined,
): Diagnostic {
  const line = content.slice(0, error.start).split('\n').length;
  const version = project
    ? `the project's Prisma ${project.major} (${project.from}) accepts it`
    : "the project's Prisma version was not found (no installed `prisma`, no range in package.json), so it is read as an older Prisma would";
  return {
    severity: 'warning',
    code: `prisma/newer-rule/${rule.id}`,
    message: `${name}:${line}: Prisma ${rule.since}+ refuses this ("${error.text.replace(/^Error validating: /, '')}"), but ${version}; documented as that version reads it.`,
    file: name,
    line,
    hint: rule.hint,
  };
}
