import {
  applyMigrationObjects,
  buildIr,
  canonicalizeIr,
  type Diagnostic,
  type ExtractResult,
  type MigrationObjects,
  readMigrationSql,
  type SourceLocation,
} from '@ormdoc/core';
import type { SqlalchemyExport } from '../format/schema.js';

/**
 * The DDL a SQLAlchemy MetaData attaches to its create events (`event.listen(table,
 * "after_create", DDL("CREATE TRIGGER ..."))`, a `@compiles` view element, ...) read with
 * PostgreSQL's own parser, as core reads migration SQL: the policies, RLS, triggers, functions,
 * views and sequences it creates join the IR, declared in the ORM (the models module; SQLAlchemy
 * keeps no line for a listener). Listeners that are Python functions cannot be read: they are
 * counted in one diagnostic. The parser is loaded only when there is such DDL.
 */
export async function withDdlEvents(
  result: ExtractResult,
  doc: SqlalchemyExport,
  file?: string,
): Promise<ExtractResult> {
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  const where = doc.moduleFile ?? file;
  const functions = [
    ...new Set(doc.ddlEvents.flatMap((e) => (e.sql === null ? [e.listener ?? 'a function'] : []))),
  ];
  if (functions.length > 0)
    diagnostics.push({
      severity: 'info',
      code: 'sqlmodel/ddl-listener-unread',
      message: `${functions.length} create-event listener${functions.length === 1 ? ' is a Python function' : 's are Python functions'}; the SQL ${functions.length === 1 ? 'it runs is' : 'they run is'} not documented: ${functions.join(', ')}.`,
      ...(where ? { file: where } : {}),
      hint: 'Attach the SQL as a DDL("...") element (event.listen(table, "after_create", DDL(...))) so it can be read, or describe it in the hand-written parts.',
    });
  const statements = doc.ddlEvents.flatMap((e) => (e.sql ? [e.sql] : []));
  if (doc.dialect !== 'postgresql' || statements.length === 0) return { ir: result.ir, diagnostics };

  const path = where ?? 'models';
  // Each statement ends on a line of its own: a DDL text may end in a `--` comment (or a `;`; an
  // empty statement is nothing to PostgreSQL).
  const read = await readMigrationSql([{ path, content: statements.map((s) => `${s}\n;\n`).join('') }]);
  for (const d of read.diagnostics) diagnostics.push(reword(d, path));
  const source: SourceLocation = { file: path };
  const merged = applyMigrationObjects(result.ir, asOrm(read.value, source));
  diagnostics.push(...merged.diagnostics);
  // the DDL events are what the ORM declares, not a migrations folder read in full (the IR of an
  // export has no objectsReadFrom of its own)
  const { objectsReadFrom: _read, ...irSource } = merged.value.source;
  return { ir: canonicalizeIr(buildIr({ ...merged.value, source: irSource })), diagnostics };
}

/** The objects as declared in the ORM's module (the lines of the joined SQL mean nothing to a reader). */
function asOrm(o: MigrationObjects, source: SourceLocation): MigrationObjects {
  const orm = <T extends { declaredIn: string; source?: SourceLocation }>(x: T): T => ({
    ...x,
    declaredIn: 'orm',
    source,
  });
  return {
    ...o,
    policies: o.policies.map(orm),
    roles: o.roles.map(orm),
    triggers: o.triggers.map(orm),
    routines: o.routines.map(orm),
    sequences: o.sequences.map(orm),
    extensions: o.extensions.map((e) => ({ ...e, source })),
    rls: o.rls.map((r) => ({ ...r, rls: { ...r.rls, declaredIn: 'orm', source } })),
    views: o.views.map((v) => ({ ...v, source })),
    // comments keep the reader's lines: applyMigrationObjects takes only their table and text
  };
}

/** The migration reader's diagnostics, said of DDL events (no line: they would point into the joined SQL). */
function reword(d: Diagnostic, file: string): Diagnostic {
  const { line: _line, ...rest } = d;
  if (d.code === 'migrations/unmodeled-statements')
    return {
      ...rest,
      code: 'sqlmodel/ddl-unmodeled',
      file,
      message: d.message.replace('of the migrations', 'attached to create events'),
    };
  // Stryker disable next-line ConditionalExpression: the reader reports no other code (the return below is for a later one)
  if (d.code === 'migrations/parse-error')
    return {
      ...rest,
      code: 'sqlmodel/ddl-parse-error',
      file,
      message: d.message.replace('this SQL file', 'the DDL attached to create events'),
    };
  // Stryker disable next-line all: the reader reports no other code yet
  return { ...rest, file };
}
