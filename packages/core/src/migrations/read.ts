import type { Node, ParseResult } from '@pgsql/types';
import type { Diagnostic, Result } from '../diagnostics.js';
import { applyStatement } from './_apply.js';
import { loadPgParser, type PgParser } from './_pg.js';
import { MigrationState } from './_state.js';
import { SourceText } from './_text.js';
import type { MigrationFile, MigrationObjects } from './types.js';

export const EMPTY_MIGRATION_OBJECTS: MigrationObjects = {
  policies: [],
  roles: [],
  triggers: [],
  routines: [],
  sequences: [],
  extensions: [],
  rls: [],
  views: [],
  comments: [],
  checks: [],
  statements: 0,
};

interface ParsedStatement {
  stmt: Node;
  /** Byte offset of the statement in the file. */
  at: number;
}

/** The parser's error as file:line, with its message. */
function parseWarning(file: MigrationFile, text: SourceText, e: unknown): Diagnostic {
  const details = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const line = details?.cursorPosition !== undefined ? text.lineOfChar(details.cursorPosition) : undefined;
  return {
    severity: 'warning',
    code: 'migrations/parse-error',
    message: `PostgreSQL cannot parse this SQL file: ${e instanceof Error ? e.message : String(e)}. The statements of the file that parse on their own are still read.`,
    file: file.path,
    ...(line !== undefined ? { line } : {}),
    hint: 'Fix the SQL (PostgreSQL would reject it too), or, if the file targets another database, keep it out of the migrations folder.',
  };
}

/**
 * The statements of a file. When the file does not parse as a whole, PostgreSQL's own lexer
 * splits it at top-level semicolons (dollar quotes and strings are single tokens) and every
 * piece that parses on its own is kept: one bad statement does not hide the rest.
 */
function statementsOf(
  pg: PgParser,
  file: MigrationFile,
  text: SourceText,
  diagnostics: Diagnostic[],
  unread: Set<string>,
): ParsedStatement[] {
  let tree: ParseResult;
  let cursor: number | undefined;
  try {
    tree = pg.parse(file.content);
    return (tree.stmts ?? []).flatMap((s) => (s.stmt ? [{ stmt: s.stmt, at: s.stmt_location ?? 0 }] : []));
  } catch (e) {
    diagnostics.push(parseWarning(file, text, e));
    unread.add(file.path);
    cursor = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
  }
  let tokens: Array<{ start: number; end: number; text: string }>;
  try {
    tokens = pg.scan(file.content);
  } catch {
    // The lexer fails too (an unterminated quote): what comes before the error is still split.
    try {
      tokens = cursor === undefined ? [] : pg.scan(file.content.slice(0, cursor));
    } catch {
      return [];
    }
  }
  const out: ParsedStatement[] = [];
  let from = 0;
  const pieceEnds = [...tokens.filter((t) => t.text === ';').map((t) => t.end), text.bytes.length];
  for (const end of pieceEnds) {
    const piece = text.bytes.subarray(from, end).toString('utf8');
    try {
      for (const s of pg.parse(piece).stmts ?? [])
        if (s.stmt) out.push({ stmt: s.stmt, at: from + (s.stmt_location ?? 0) });
    } catch {
      // the broken statement, already reported
    }
    from = end;
  }
  return out;
}

/**
 * Read PostgreSQL migration files, in the order given, with PostgreSQL's own parser, and apply
 * their statements in order: a later DROP, ALTER or CREATE OR REPLACE wins. Returns the
 * policies, row-level security, triggers, functions, views, sequences, extensions, roles,
 * comments and named CHECKs that the whole history leaves in place, each with its file:line.
 *
 * Problems come back as diagnostics: a file that does not parse (a warning at the parser's
 * file:line; the rest is read), and one `info` counting the statements the parser accepted that
 * ormdoc does not model (GRANT, DO, INSERT, ...), by kind.
 */
export async function readMigrationSql(files: readonly MigrationFile[]): Promise<Result<MigrationObjects>> {
  if (files.length === 0) return { value: EMPTY_MIGRATION_OBJECTS, diagnostics: [] };
  const pg = await loadPgParser();
  const state = new MigrationState();
  const diagnostics: Diagnostic[] = [];
  const unread = new Set<string>();
  for (const file of files) {
    const text = new SourceText(file.content);
    for (const { stmt, at } of statementsOf(pg, file, text, diagnostics, unread))
      applyStatement(state, stmt, { file: file.path, line: text.statementLine(at), deparse: pg.deparse });
  }
  if (state.unmodeled.size) {
    const kinds = [...state.unmodeled].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    const total = kinds.reduce((n, [, c]) => n + c, 0);
    diagnostics.push({
      severity: 'info',
      code: 'migrations/unmodeled-statements',
      message: `${total} statement${total === 1 ? '' : 's'} of the migrations ${total === 1 ? 'is' : 'are'} not documented (ormdoc does not model ${total === 1 ? 'it' : 'them'}): ${kinds.map(([k, c]) => `${c} ${k}`).join(', ')}.`,
      hint: 'Their effects (grants, data changes, DO blocks) are not in the documents; describe them in the hand-written parts if they matter.',
    });
  }
  return { value: { ...state.result(), ...(unread.size ? { unread: [...unread] } : {}) }, diagnostics };
}

/**
 * A view's query kept in a file of its own (Prisma's `views/<schema>/<view>.sql`): the file must
 * be one SELECT (or VALUES) statement; its deparsed text is returned, or a warning.
 */
export async function readViewQuery(file: MigrationFile): Promise<Result<string | undefined>> {
  const pg = await loadPgParser();
  const text = new SourceText(file.content);
  let stmts: ParseResult['stmts'];
  try {
    stmts = pg.parse(file.content).stmts ?? [];
  } catch (e) {
    return { value: undefined, diagnostics: [parseWarning(file, text, e)] };
  }
  const only = stmts.length === 1 ? stmts[0]?.stmt : undefined;
  if (only && 'SelectStmt' in only) return { value: pg.deparse(only, true), diagnostics: [] };
  return {
    value: undefined,
    diagnostics: [
      {
        severity: 'warning',
        code: 'migrations/view-file-not-a-query',
        message: "A view file should hold the view's query, one SELECT statement; this one is not read.",
        file: file.path,
        hint: 'Keep only the SELECT of the view in the file (what `prisma db pull` writes).',
      },
    ],
  };
}
