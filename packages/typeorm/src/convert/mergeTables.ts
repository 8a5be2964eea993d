import type { Diagnostic, IrInput } from '@ormdoc/core';

type TableInput = IrInput['tables'][number];

/**
 * Tables that two metadatas map (an explicit entity for table `x` and a `@ManyToMany` whose
 * `@JoinTable({ name: 'x' })` is the same table) become one, as TypeORM's schema builder makes
 * one: it creates the table from the first metadata (entities come before junction tables), then
 * adds the columns, indexes, uniques, checks and foreign keys of the others whose names the
 * table does not have yet. A warning names the table when the definitions disagree on a shared
 * column or on the primary key, where the outcome depends on TypeORM's synchronisation order.
 */
export function mergeSameTables(tables: TableInput[], diagnostics: Diagnostic[]): TableInput[] {
  const byKey = new Map<string, TableInput>();
  const out: TableInput[] = [];
  for (const table of tables) {
    const key = `${table.schema ?? ''}\0${table.name}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, table);
      out.push(table);
      continue;
    }
    if (first.implicit && !table.implicit) {
      // The explicit entity's definition is the base, whatever order the metadata came in.
      out[out.indexOf(first)] = table;
      byKey.set(key, table);
      mergeInto(table, first, diagnostics);
    } else mergeInto(first, table, diagnostics);
  }
  return out;
}

function mergeInto(base: TableInput, other: TableInput, diagnostics: Diagnostic[]): void {
  const differing: string[] = [];
  for (const column of other.columns) {
    const same = base.columns.find((c) => c.name === column.name);
    if (!same) base.columns.push(column);
    else if (same.type.sql !== column.type.sql || same.nullable !== column.nullable)
      differing.push(column.name);
  }
  const pk = (t: TableInput) => t.primaryKey?.columns.join(',') ?? '';
  if (!base.primaryKey && other.primaryKey) base.primaryKey = other.primaryKey;
  else if (other.primaryKey && pk(base) !== pk(other)) differing.push(`primary key (${pk(other)})`);
  const named = <T extends { name?: string | undefined }>(into: T[], from: T[] | undefined) => {
    for (const item of from ?? []) if (!item.name || !into.some((x) => x.name === item.name)) into.push(item);
  };
  base.indexes ??= [];
  base.uniques ??= [];
  base.foreignKeys ??= [];
  base.checks ??= [];
  named(base.indexes, other.indexes);
  named(base.uniques, other.uniques);
  named(base.foreignKeys, other.foreignKeys);
  named(base.checks, other.checks);
  delete base.implicit;
  const where = base.schema ? `${base.schema}.${base.name}` : base.name;
  diagnostics.push({
    severity: differing.length > 0 ? 'warning' : 'info',
    code: 'typeorm/table-mapped-twice',
    message:
      differing.length > 0
        ? `Table ${where} is mapped by an entity and by a @JoinTable that disagree on ${differing.join(', ')}; documented as the entity declares it. TypeORM's synchronisation applies both in turn.`
        : `Table ${where} is mapped by an entity and by a @JoinTable; documented as one table, as TypeORM creates it.`,
    ...(base.source?.file ? { file: base.source.file } : {}),
    ...(base.source?.line ? { line: base.source.line } : {}),
    hint: 'Give the @JoinTable the same join columns as the entity, or map the many-to-many through the entity (two @ManyToOne).',
  });
}
