import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CheckConstraint, Ir } from '@ormdoc/core';
import { relativePosix } from '@ormdoc/core';
import { besideSchema } from './beside.js';

/**
 * Prisma has no syntax for CHECK constraints: teams add them by hand to a migration
 * (`ALTER TABLE "t" ADD CONSTRAINT "c" CHECK (...)`). ormdoc reads them back from the
 * migration history next to the schema, in order, honouring later `DROP CONSTRAINT`s.
 *
 * This text reader is for MySQL, SQLite, SQL Server and CockroachDB migrations only: PostgreSQL
 * migrations are read with PostgreSQL's own parser (migrationObjects.ts -> @ormdoc/core
 * `readMigrationSql`), which cannot read the other dialects (backticks, SQLite's table
 * redefinitions...). Only the statements around CHECK constraints are recognised here.
 */
export interface MigrationFile {
  path: string;
  content: string;
}

/** A quoted ("x", `x`, [x]) or bare identifier; one capture group. */
const ID = String.raw`(?:"((?:[^"]|"")+)"|\x60([^\x60]+)\x60|\[([^\]]+)\]|(\w+))`;
const QNAME = String.raw`${ID}(?:\s*\.\s*${ID})?`;
const STATEMENTS: Array<[kind: Event['kind'], re: RegExp]> = [
  [
    'add',
    new RegExp(
      String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QNAME}\s+ADD\s+CONSTRAINT\s+${ID}\s+CHECK\s*\(`,
      'gi',
    ),
  ],
  [
    'drop',
    new RegExp(
      String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QNAME}\s+DROP\s+(?:CONSTRAINT|CHECK)\s+(?:IF\s+EXISTS\s+)?${ID}`,
      'gi',
    ),
  ],
  ['create', new RegExp(String.raw`CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${QNAME}\s*\(`, 'gi')],
  ['dropTable', new RegExp(String.raw`DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${QNAME}`, 'gi')],
  ['rename', new RegExp(String.raw`ALTER\s+TABLE\s+${QNAME}\s+RENAME\s+TO\s+${QNAME}`, 'gi')],
  ['alter', new RegExp(String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QNAME}\s`, 'gi')],
];
const DROP_COLUMN = new RegExp(String.raw`\bDROP\s+COLUMN\s+(?:IF\s+EXISTS\s+)?${ID}`, 'gi');
const INLINE_CHECK = new RegExp(String.raw`CONSTRAINT\s+${ID}\s+CHECK\s*\(`, 'gi');

interface Event {
  kind: 'add' | 'drop' | 'create' | 'dropTable' | 'rename' | 'alter';
  at: number;
  match: RegExpExecArray;
}

/** The text between the parenthesis at `open` and its match (quotes respected). */
function balanced(sql: string, open: number): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return sql.slice(open + 1, i).trim();
  }
  return undefined;
}

/** The index of the `;` ending the statement that continues at `from` (quotes respected). */
function statementEnd(sql: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === ';') return i;
  }
  return sql.length;
}

/** Whether a CHECK expression names a column, quoted (`"x"`) or bare (`x`). */
function mentions(expression: string, column: string): boolean {
  if (expression.includes(`"${column.replace(/"/g, '""')}"`)) return true;
  return /^\w+$/.test(column) && new RegExp(String.raw`(?<![\w"])${column}(?![\w"])`).test(expression);
}

/** The identifier captured at group `g` (one of the four alternatives of ID). */
function ident(m: RegExpExecArray, g: number): string | undefined {
  const v = m[g] ?? m[g + 1] ?? m[g + 2] ?? m[g + 3];
  return v?.replace(/""/g, '"');
}

/** A possibly schema-qualified name starting at group `g` (uses 8 groups). */
function qname(m: RegExpExecArray, g: number): { schema: string | null; table: string } {
  const first = ident(m, g)!;
  const second = ident(m, g + 4);
  return second === undefined ? { schema: null, table: first } : { schema: first, table: second };
}

type Found = { schema: string | null; table: string; check: CheckConstraint };

/** CHECK constraints the migrations leave in place (ALTER TABLE ... ADD CONSTRAINT, or inline in CREATE TABLE). */
export function checksFromMigrations(migrations: readonly MigrationFile[]): Found[] {
  const found = new Map<string, Found>();
  const key = (t: { schema: string | null; table: string }) => `${t.schema ?? ''}\u0000${t.table}`;
  const byTable = (t: { schema: string | null; table: string }) =>
    [...found.entries()].filter(([, f]) => key(f) === key(t));
  for (const file of migrations) {
    const sql = file.content.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length));
    const events: Event[] = [];
    for (const [kind, re] of STATEMENTS)
      for (const match of sql.matchAll(re)) events.push({ kind, at: match.index ?? 0, match });
    for (const { kind, match } of events.sort((a, b) => a.at - b.at)) {
      const t = qname(match, 1);
      switch (kind) {
        case 'add': {
          const name = ident(match, 9)!;
          const expression = balanced(sql, (match.index ?? 0) + match[0].length - 1);
          if (expression)
            found.set(`${key(t)}\u0000${name}`, { ...t, check: { name, nameExplicit: true, expression } });
          break;
        }
        case 'drop':
          found.delete(`${key(t)}\u0000${ident(match, 9)}`);
          break;
        case 'create': {
          for (const [k] of byTable(t)) found.delete(k);
          const body = balanced(sql, (match.index ?? 0) + match[0].length - 1) ?? '';
          for (const c of body.matchAll(INLINE_CHECK)) {
            const name = ident(c as RegExpExecArray, 1)!;
            const expression = balanced(body, (c.index ?? 0) + c[0].length - 1);
            if (expression)
              found.set(`${key(t)}\u0000${name}`, { ...t, check: { name, nameExplicit: true, expression } });
          }
          break;
        }
        case 'dropTable':
          for (const [k] of byTable(t)) found.delete(k);
          break;
        case 'alter': {
          // PostgreSQL drops a CHECK with any column it involves (`DROP COLUMN "x", DROP COLUMN "y"`).
          const end = statementEnd(sql, (match.index ?? 0) + match[0].length);
          for (const d of sql.slice((match.index ?? 0) + match[0].length, end).matchAll(DROP_COLUMN)) {
            const column = ident(d as RegExpExecArray, 1);
            if (!column) continue;
            for (const [k, f] of byTable(t)) if (mentions(f.check.expression, column)) found.delete(k);
          }
          break;
        }
        case 'rename': {
          const to = qname(match, 9);
          for (const [k, f] of byTable(t)) {
            found.delete(k);
            const moved = { ...f, ...to };
            found.set(`${key(moved)}\u0000${f.check.name}`, moved);
          }
          break;
        }
      }
    }
  }
  return [...found.values()];
}

/** Add the migrations' CHECK constraints to the tables they name (unknown tables are skipped). */
export function applyChecks(ir: Ir, migrations: readonly MigrationFile[]): Ir {
  const checks = checksFromMigrations(migrations);
  if (checks.length === 0) return ir;
  return {
    ...ir,
    tables: ir.tables.map((t) => {
      const mine = checks.filter(
        (c) => c.table === t.name && (c.schema === null || c.schema === (t.schema ?? 'public')),
      );
      if (mine.length === 0) return t;
      return {
        ...t,
        checks: [...t.checks, ...mine.map((c) => c.check)].sort((a, b) => (a.name < b.name ? -1 : 1)),
      };
    }),
  };
}

/** `migrations/<name>/migration.sql` beside the schema (file or folder), in migration order. */
export async function readMigrations(cwd: string, schemaPaths: readonly string[]): Promise<MigrationFile[]> {
  for (const dir of besideSchema(schemaPaths, 'migrations')) {
    let entries: string[];
    try {
      if (!(await stat(dir)).isDirectory()) continue;
      entries = (await readdir(dir)).sort();
    } catch {
      continue;
    }
    const out: MigrationFile[] = [];
    for (const name of entries) {
      const file = path.join(dir, name, 'migration.sql');
      try {
        out.push({ path: relativePosix(cwd, file) || '.', content: await readFile(file, 'utf8') });
      } catch {
        // not a migration folder
      }
    }
    return out;
  }
  return [];
}
