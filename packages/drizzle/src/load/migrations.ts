import path from 'node:path';
import {
  applyMigrationObjects,
  buildIr,
  canonicalizeIr,
  type ExtractResult,
  readMigrationFolder,
  readMigrationSql,
} from '@ormdoc/core';

/**
 * What drizzle-kit's migrations folder adds to the schema's IR (PostgreSQL only): the `out`
 * folder of drizzle.config (drizzle-kit's default `drizzle`, relative to the working directory),
 * its `*.sql` in the order of `meta/_journal.json` (or the `<name>/migration.sql` folders of
 * drizzle-kit 1.0), read with PostgreSQL's own parser (@ormdoc/core `readMigrationSql`). Policies,
 * RLS, views, sequences and roles the schema declares itself win (declaredIn 'orm'); the
 * migrations add what drizzle cannot declare (functions, triggers, extensions, comments) and what
 * was written by hand in a custom migration. No folder, no files: the IR is returned as it is,
 * and the parser is never loaded.
 */
export async function withDrizzleMigrations(
  result: ExtractResult,
  options: { cwd: string; out?: string },
): Promise<ExtractResult> {
  if (result.ir.dialect !== 'postgresql') return result;
  const files = await readMigrationFolder(path.resolve(options.cwd, options.out ?? 'drizzle'), options.cwd);
  if (files.length === 0) return result;
  const read = await readMigrationSql(files);
  const merged = applyMigrationObjects(result.ir, read.value);
  return {
    ...result,
    ir: canonicalizeIr(buildIr(merged.value)),
    diagnostics: [...result.diagnostics, ...read.diagnostics, ...merged.diagnostics],
  };
}
