interface ColumnArgs {
  target: unknown;
  options?: { primary?: boolean };
  mode?: string;
}
interface ArgsStorage {
  tables?: Array<{ target: unknown; type?: string }>;
  columns?: ColumnArgs[];
}

/**
 * Names of the listed entity classes that have no primary column, counting the columns their
 * parent classes declare (TypeORM's metadata args storage, shared by every copy and fork under the
 * global `typeormMetadataArgsStorage`). TypeORM crashes with a bare TypeError when a relation points
 * at such an entity; these names make that error actionable.
 */
export function entitiesWithoutPrimaryColumn(entities: readonly unknown[]): string[] {
  const storage = (globalThis as { typeormMetadataArgsStorage?: ArgsStorage }).typeormMetadataArgsStorage;
  if (!storage?.tables || !storage.columns) return [];
  const primaryOwners = new Set(
    storage.columns.filter((c) => c.options?.primary || c.mode === 'objectId').map((c) => c.target),
  );
  const tables = new Set(storage.tables.filter((t) => !t.type || t.type === 'regular').map((t) => t.target));
  const out: string[] = [];
  for (const entity of entities) {
    if (typeof entity !== 'function' || !tables.has(entity)) continue;
    let hasPrimary = false;
    for (
      let t: unknown = entity;
      typeof t === 'function' && t !== Function.prototype;
      t = Object.getPrototypeOf(t)
    )
      if (primaryOwners.has(t)) hasPrimary = true;
    if (!hasPrimary) out.push((entity as { name: string }).name);
  }
  return out.sort();
}
