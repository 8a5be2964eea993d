import type { Diagnostic, Result } from '../diagnostics.js';
import { categorizeSqlType, normalizeSqlType } from '../ir/sqltype.js';
import type { Column, Ir, Table, TableRef } from '../ir/types.js';
import { relKey, routineKey } from './_state.js';
import { viewColumns } from './_viewColumns.js';
import type { MigrationObjects, MigrationView } from './types.js';

/**
 * The columns of a view a migration creates, read from its query (`_viewColumns.ts`): a column it
 * shows as is keeps that column's type (enum included); a cast, a literal or a known function
 * gives its type; a computed value's type is known only to the database (`unknown`). None when a
 * `*` reads a relation whose columns are not known.
 */
function viewIrColumns(v: MigrationView, lookup: (ref: TableRef) => Table | undefined): Column[] {
  const columns = v.shape ? viewColumns(v.shape, v.columnNames ?? [], lookup) : undefined;
  return (columns ?? []).map(({ name, type }): Column => {
    if (type?.column) {
      const { orm: _orm, ...shown } = type.column.type;
      return { name, type: shown, nullable: type.nullable, tags: [] };
    }
    const sql = type ? normalizeSqlType('postgresql', type.sql) : 'unknown';
    return {
      name,
      // categorizeSqlType reads the element type of an array itself.
      type: { sql, category: categorizeSqlType(sql), isArray: sql.endsWith('[]') },
      nullable: type?.nullable ?? true,
      tags: [],
    };
  });
}

/**
 * The migration tools' own bookkeeping tables, which no schema declares: Supabase's security
 * advisor asks for RLS on them, so migrations often enable it. Not worth a warning.
 */
const MIGRATION_TOOL_TABLES = new Set(['_prisma_migrations', '__drizzle_migrations']);

export interface ApplyMigrationOptions {
  /** Add the migrations' named CHECK constraints to the tables (Prisma, which has no CHECK syntax). */
  checks?: boolean;
}

/**
 * Put what the migrations leave in place into an extractor's IR. What the ORM declares itself
 * wins: an object of the same identity already in the IR (a policy, trigger, function, sequence,
 * extension or role; a table's RLS, description or check; a view's definition) is kept as it is.
 * Views the ORM does not declare are added as tables of kind view, with the columns their query
 * shows (`viewIrColumns`).
 *
 * Schemas follow the IR's habit: when its tables name the default schema as null, a migration's
 * "public" becomes null too (and the other way round), so references match.
 * The result is not yet canonical: pass it through `canonicalizeIr(buildIr(...))`.
 */
export function applyMigrationObjects(
  ir: Ir,
  objects: MigrationObjects,
  options: ApplyMigrationOptions = {},
): Result<Ir> {
  const diagnostics: Diagnostic[] = [];
  const explicitPublic = ir.tables.some((t) => t.schema === 'public');
  const ns = (schema: string | null): string | null =>
    explicitPublic ? (schema ?? 'public') : schema === 'public' ? null : schema;
  const ref = <T extends TableRef>(t: T): T => ({ ...t, schema: ns(t.schema) });

  const tables = new Map<string, Table>(ir.tables.map((t) => [relKey(t), { ...t }]));
  for (const v of objects.views) {
    const key = relKey(v);
    const t = tables.get(key);
    if (!t)
      tables.set(key, {
        kind: v.kind,
        schema: ns(v.schema),
        name: v.name,
        tags: [],
        columns: viewIrColumns(v, (r) => tables.get(relKey(r))),
        uniques: [],
        indexes: [],
        foreignKeys: [],
        checks: [],
        definition: v.definition,
        source: v.source,
      });
    else if (t.kind !== 'table' && t.definition === undefined)
      tables.set(key, { ...t, definition: v.definition });
  }
  for (const { table, rls } of objects.rls) {
    const t = tables.get(relKey(table));
    if (!t && MIGRATION_TOOL_TABLES.has(table.name)) continue;
    if (!t) {
      diagnostics.push({
        severity: 'warning',
        code: 'migrations/rls-unknown-table',
        message: `Row-level security is set on ${table.schema ? `${table.schema}.` : ''}${table.name}, which the schema does not declare.`,
        ...(rls.source
          ? { file: rls.source.file, ...(rls.source.line ? { line: rls.source.line } : {}) }
          : {}),
        hint: 'Declare the table in the schema, or drop its row-level security in a migration.',
      });
    } else if (t.rls === undefined) tables.set(relKey(table), { ...t, rls });
  }
  for (const c of objects.comments) {
    const t = tables.get(relKey(c.table));
    if (!t) continue;
    if (c.column === undefined) {
      if (t.description === undefined) tables.set(relKey(t), { ...t, description: c.text });
    } else
      tables.set(relKey(t), {
        ...t,
        columns: t.columns.map((col) =>
          col.name === c.column && col.description === undefined ? { ...col, description: c.text } : col,
        ),
      });
  }
  if (options.checks)
    for (const c of objects.checks) {
      const t = tables.get(relKey(c.table));
      if (t && !t.checks.some((k) => k.name === c.check.name))
        tables.set(relKey(t), { ...t, checks: [...t.checks, c.check] });
    }

  const has = <T>(existing: readonly T[], key: (x: T) => string) => {
    const keys = new Set(existing.map(key));
    return (x: T) => !keys.has(key(x));
  };
  const onTable = (p: { table: TableRef; name: string }) => `${relKey(p.table)}\u0000${p.name}`;
  const named = (p: { schema: string | null; name: string }) => relKey(p);

  const policies = objects.policies.map((p) => ({ ...p, table: ref(p.table) }));
  const triggers = objects.triggers.map((t) => ({
    ...t,
    table: ref(t.table),
    function: { ...t.function, schema: ns(t.function.schema) },
  }));
  const routines = objects.routines.map((r) => ({ ...r, schema: ns(r.schema) }));
  const sequences = objects.sequences.map((s) => ({
    ...s,
    schema: ns(s.schema),
    ...(s.ownedBy ? { ownedBy: ref(s.ownedBy) } : {}),
  }));
  return {
    value: {
      ...ir,
      // The migrations were read: an object absent from them is absent (ir/objects.ts objectsComplete),
      // unless a file did not parse in full.
      source: {
        ...ir.source,
        objectsReadFrom: [...new Set([...(ir.source.objectsReadFrom ?? []), 'migration' as const])],
        ...(objects.unread?.length
          ? { objectsUnread: [...new Set([...(ir.source.objectsUnread ?? []), ...objects.unread])] }
          : {}),
      },
      tables: [...tables.values()],
      policies: [...ir.policies, ...policies.filter(has(ir.policies, onTable))],
      triggers: [...ir.triggers, ...triggers.filter(has(ir.triggers, onTable))],
      routines: [
        ...ir.routines,
        ...routines.filter(has(ir.routines, (r) => routineKey(r.schema, r.name, r.arguments))),
      ],
      sequences: [...ir.sequences, ...sequences.filter(has(ir.sequences, named))],
      extensions: [...ir.extensions, ...objects.extensions.filter(has(ir.extensions, (e) => e.name))],
      roles: [...ir.roles, ...objects.roles.filter(has(ir.roles, (r) => r.name))],
    },
    diagnostics,
  };
}
