import type { NavigationRelation, Table } from '@ormdoc/core';
import type { ExportRelationship } from '../format/schema.js';

const DEFAULT_CASCADE = 'merge,save-update';
const EAGER = new Set(['joined', 'selectin', 'subquery', 'immediate']);

/** The foreign key a relationship() follows: the one whose columns are its foreign-key columns. */
function foreignKeyOf(
  r: ExportRelationship,
  tables: Table[],
): { name: string; nullable: boolean } | undefined {
  // Stryker disable next-line ArrayDeclaration: a junk column is no `table.column` of the owner, so it is filtered out
  const cols = r.foreignKeyColumns ?? [];
  // a many-to-many's foreign-key columns are the secondary table's, neither side's: none matches
  const owner = r.direction === 'MANYTOONE' ? r.table : r.targetTable;
  const table = owner && tables.find((t) => t.name === owner.name && t.schema === owner.schema);
  if (!table) return undefined;
  const names = cols.filter((c) => c.startsWith(`${table.name}.`)).map((c) => c.slice(table.name.length + 1));
  const fk = table.foreignKeys.find(
    (f) => f.columns.length === names.length && f.columns.every((c) => names.includes(c)),
  );
  if (!fk) return undefined;
  // Stryker disable next-line OptionalChaining: a foreign key's columns are columns of its table
  const nullable = fk.columns.some((c) => table.columns.find((x) => x.name === c)?.nullable);
  return { name: fk.name, nullable };
}

/**
 * What the ORM does on delete, beside the database's ON DELETE: the delete cascade
 * (SQLModel `cascade_delete=True` is `cascade="all, delete-orphan"`) and `passive_deletes`, which
 * leaves the children the session has not loaded to the database's ON DELETE (`"all"`: the ORM
 * never deletes nor nulls them).
 */
function ormOnDelete(cascade: string[], passive: ExportRelationship['passiveDeletes']): string | undefined {
  const rules: string[] = [];
  if (cascade.includes('delete'))
    rules.push(cascade.includes('delete-orphan') ? 'delete, delete-orphan' : 'delete');
  if (passive === true) rules.push('passive_deletes: rows not loaded are left to the database ON DELETE');
  if (passive === 'all') rules.push('passive_deletes="all": the ORM never deletes nor nulls child rows');
  return rules.length ? rules.join('; ') : undefined;
}

/** SQLAlchemy relationship() -> navigation relations (secondary -> through). */
export function convertRelationships(rels: ExportRelationship[], tables: Table[]): NavigationRelation[] {
  const out: NavigationRelation[] = [];
  for (const r of rels) {
    if (!r.table || !r.targetTable) continue;
    const back = r.backPopulates ?? r.backref ?? undefined;
    const fk = foreignKeyOf(r, tables);
    const cascade = [...r.cascade].sort();
    const rel: NavigationRelation = {
      from: { schema: r.table.schema, name: r.table.name, field: r.key },
      to: { schema: r.targetTable.schema, name: r.targetTable.name, ...(back ? { field: back } : {}) },
      cardinality: r.uselist ? 'many' : 'one',
    };
    if (fk) {
      rel.foreignKey = fk.name;
      if (r.direction === 'MANYTOONE') rel.nullable = fk.nullable;
    }
    if (r.secondary) rel.through = { schema: r.secondary.schema, name: r.secondary.name };
    if (cascade.length && cascade.join(',') !== DEFAULT_CASCADE) rel.ormCascade = cascade;
    const onDelete = ormOnDelete(cascade, r.passiveDeletes);
    if (onDelete) rel.ormOnDelete = onDelete;
    if (r.lazy && EAGER.has(r.lazy)) rel.eager = true;
    if (r.doc) rel.description = r.doc;
    out.push(rel);
  }
  return out;
}
