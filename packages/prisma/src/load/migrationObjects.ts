import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applyMigrationObjects,
  buildIr,
  canonicalizeIr,
  type Diagnostic,
  type ExtractResult,
  type Ir,
  type MigrationFile,
  readMigrationSql,
  readViewQuery,
  relativePosix,
} from '@ormdoc/core';
import { besideSchema } from './beside.js';
import { applyChecks } from './migrations.js';

/**
 * What Prisma's migrations and views folders add to the schema's IR.
 *
 * PostgreSQL: every `migration.sql`, in order, is read with PostgreSQL's own parser (@ormdoc/core
 * `readMigrationSql`): policies, row-level security, triggers, functions, views, sequences,
 * extensions, roles, comments and the named CHECK constraints Prisma has no syntax for. A view
 * model's query comes from `views/<schema>/<view>.sql` (written by `prisma db pull`) first, then
 * from the migration that creates the view. What the schema itself says wins.
 * Other providers (MySQL, SQLite, SQL Server, CockroachDB): only the CHECK constraints, with the
 * text reader of migrations.ts (the PostgreSQL parser cannot read their dialects).
 */
export async function withMigrationObjects(
  ir: Ir,
  input: { migrations: readonly MigrationFile[]; views?: readonly MigrationFile[] },
): Promise<ExtractResult> {
  if (ir.dialect !== 'postgresql') {
    if (!input.migrations.length) return { ir, diagnostics: [] };
    const withChecks = applyChecks(ir, input.migrations);
    return { ir: withChecks === ir ? ir : canonicalizeIr(buildIr(withChecks)), diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  let current = ir;
  for (const file of input.views ?? []) {
    const { name, schema } = viewOfFile(file.path);
    const view = current.tables.find(
      (t) => t.kind !== 'table' && t.name === name && (schema === null || (t.schema ?? 'public') === schema),
    );
    if (!view || view.definition !== undefined) continue;
    const query = await readViewQuery(file);
    diagnostics.push(...query.diagnostics);
    if (query.value !== undefined)
      current = {
        ...current,
        tables: current.tables.map((t) => (t === view ? { ...t, definition: query.value } : t)),
      };
  }
  if (input.migrations.length) {
    const read = await readMigrationSql(input.migrations);
    const merged = applyMigrationObjects(current, read.value, { checks: true });
    diagnostics.push(...read.diagnostics, ...merged.diagnostics);
    current = merged.value;
  }
  return { ir: current === ir ? ir : canonicalizeIr(buildIr(current)), diagnostics };
}

/** `views/<schema>/<name>.sql` or `views/<name>.sql` -> the view it defines. */
function viewOfFile(file: string): { schema: string | null; name: string } {
  const parts = file.split('/');
  const name = parts[parts.length - 1]!.replace(/\.sql$/, '');
  const parent = parts[parts.length - 2];
  return { schema: parent && parent !== 'views' ? parent : null, name };
}

async function sqlFilesUnder(dir: string): Promise<string[]> {
  let entries: Array<{ name: string; isDirectory(): boolean; isFile(): boolean }>;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sqlFilesUnder(full)));
    else if (e.isFile() && e.name.endsWith('.sql')) out.push(full);
  }
  return out;
}

/** Prisma's `views/**\/*.sql` beside the schema (file or folder), with paths relative to `cwd`. */
export async function readPrismaViews(cwd: string, schemaPaths: readonly string[]): Promise<MigrationFile[]> {
  for (const dir of besideSchema(schemaPaths, 'views')) {
    const files = await sqlFilesUnder(dir);
    if (files.length)
      return Promise.all(
        files.map(async (f) => ({ path: relativePosix(cwd, f), content: await readFile(f, 'utf8') })),
      );
  }
  return [];
}
