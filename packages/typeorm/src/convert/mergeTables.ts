import type { Diagnostic, IrInput } from '@ormdoc/core';

/** A table as `convertTable` makes it: every list present. */
export type ConvertedTable = IrInput['tables'][number] &
  Required<Pick<IrInput['tables'][number], 'indexes' | 'uniques' | 'foreignKeys' | 'checks'>>;

/**
 * Tables that two metadatas map (an explicit entity for table `x` and a `@ManyToMany` whose
 * `@JoinTable({ name: 'x' })` is the same table, or two `@JoinTable`s of one name) become one, as
 * TypeORM's schema builder makes one: it creates the table from the first metadata (entities come
 * before junction tables), then adds the columns, indexes, uniques, checks and foreign keys of the
 * others whose names the table does not have yet. A warning names the table when the definitions
 * disagree on a shared column or on the primary key, where the outcome depends on TypeORM's
 * synchronisation order. The table stays implicit only when no entity maps it.
 */
export function mergeSameTables(tables: ConvertedTable[], diagnostics: Diagnostic[]): ConvertedTable[] {
  const byKey = new Map<string, ConvertedTable>();
  const out: ConvertedTable[] = [];
  for (const table of tables) {
    const key = JSON.stringify([table.schema, table.name]);
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

function mergeInto(base: ConvertedTable, other: ConvertedTable, diagnostics: Diagnostic[]): void {
  const differing: string[] = [];
  for (const column of other.columns) {
    const same = base.columns.find((c) => c.name === column.name);
    if (!same) base.columns.push(column);
    else if (same.type.sql !== column.type.sql || same.nullable !== column.nullable)
      differing.push(column.name);
  }
  // (every TypeORM table has a primary key: the metadata build rejects an entity without one)
  // Stryker disable next-line OptionalChaining,LogicalOperator,StringLiteral: see above
  const pk = (t: ConvertedTable) => t.primaryKey?.columns.join(',') ?? '';
  if (pk(base) !== pk(other)) differing.push(`primary key (${pk(other)})`);
  const named = <T extends { name?: string | undefined }>(into: T[], from: T[]) => {
    for (const item of from) if (!into.some((x) => x.name === item.name)) into.push(item);
  };
  named(base.indexes, other.indexes);
  named(base.uniques, other.uniques);
  named(base.foreignKeys, other.foreignKeys);
  named(base.checks, other.checks);
  const where = base.schema ? `${base.schema}.${base.name}` : base.name;
  const joinTables = base.implicit === true; // no entity maps it: two @JoinTable of one name
  const mapped = joinTables
    ? `Table ${where} is the @JoinTable of two many-to-many relations`
    : `Table ${where} is mapped by an entity and by a @JoinTable`;
  diagnostics.push({
    severity: differing.length > 0 ? 'warning' : 'info',
    code: 'typeorm/table-mapped-twice',
    message:
      differing.length > 0
        ? `${mapped} that disagree on ${differing.join(', ')}; documented as the ${joinTables ? 'first' : 'entity'} declares it. TypeORM's synchronisation applies both in turn.`
        : `${mapped}; documented as one table, as TypeORM creates it.`,
    ...(base.source?.file ? { file: base.source.file } : {}),
    ...(base.source?.line ? { line: base.source.line } : {}),
    hint: joinTables
      ? 'Put @JoinTable on one side of a many-to-many only (the owning side), or give each relation its own join table name.'
      : 'Give the @JoinTable the same join columns as the entity, or map the many-to-many through the entity (two @ManyToOne).',
  });
}
