import type { IrInput } from '@ormdoc/core';
import type { EntityMetadataLike, RelationMetadataLike } from '../types.js';

type RelationInput = IrInput['relations'] extends Array<infer R> | undefined ? R : never;

type NamespaceOf = (m: EntityMetadataLike) => string | null;

/** TypeORM relations as navigation relations, with ORM-side cascade and eager options. */
export function navigationRelations(
  entities: EntityMetadataLike[],
  namespaceOf: NamespaceOf,
): RelationInput[] {
  const ref = (m: EntityMetadataLike) => ({ schema: namespaceOf(m), name: m.tableName });
  const out: RelationInput[] = [];
  const seen = new Set<string>();
  // (junction metadatas have no relations: TypeORM's junction builders add none)
  for (const entity of entities) {
    // Single-table-inheritance children repeat their parent's relations on the same table: once each.
    for (const relation of entity.relations) {
      const key = JSON.stringify([namespaceOf(entity), entity.tableName, relation.propertyPath]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(convertRelation(entity, relation, ref));
    }
  }
  return out;
}

function convertRelation(
  entity: EntityMetadataLike,
  relation: RelationMetadataLike,
  ref: (m: EntityMetadataLike) => { schema: string | null; name: string },
): RelationInput {
  const target = relation.inverseEntityMetadata;
  const toOne = relation.relationType === 'many-to-one' || relation.relationType === 'one-to-one';
  // (a relation without foreign keys, one-to-many or an inverse side, always has its inverse relation)
  // Stryker disable next-line OptionalChaining: see above
  const fk = relation.foreignKeys[0] ?? relation.inverseRelation?.foreignKeys[0];
  const cascade = [
    relation.isCascadeInsert && 'insert',
    relation.isCascadeUpdate && 'update',
    relation.isCascadeRemove && 'remove',
    relation.isCascadeSoftRemove && 'soft-remove',
    relation.isCascadeRecover && 'recover',
  ].filter((x): x is string => typeof x === 'string');
  const out: RelationInput = {
    from: { ...ref(entity), field: relation.propertyPath },
    to: {
      ...ref(target),
      ...(relation.inverseRelation ? { field: relation.inverseRelation.propertyPath } : {}),
    },
    cardinality: toOne ? 'one' : 'many',
  };
  if (toOne) {
    // The join columns decide: a @Column declared NOT NULL wins over the relation's own `nullable`.
    const owning = relation.foreignKeys[0];
    const columns = owning ? entity.columns.filter((c) => owning.columnNames.includes(c.databaseName)) : [];
    out.nullable = columns.length > 0 ? columns.some((c) => c.isNullable) : relation.isNullable;
  }
  if (fk && relation.relationType !== 'many-to-many') out.foreignKey = fk.name;
  const junction = relation.junctionEntityMetadata ?? relation.inverseRelation?.junctionEntityMetadata;
  if (relation.relationType === 'many-to-many' && junction) out.through = ref(junction);
  if (cascade.length > 0) out.ormCascade = cascade;
  // What saving the collection does to rows removed from it: TypeORM's OneToManySubjectBuilder
  // reads `orphanedRowAction` from the many-to-one side (default: nullify the foreign key).
  const orphans =
    // Stryker disable next-line OptionalChaining: a one-to-many always has its many-to-one inverse
    relation.relationType === 'one-to-many' ? relation.inverseRelation?.orphanedRowAction : undefined;
  if (orphans && orphans !== 'nullify') out.ormOnDelete = `orphanedRowAction: ${orphans}`;
  if (relation.isEager) out.eager = true;
  return out;
}
