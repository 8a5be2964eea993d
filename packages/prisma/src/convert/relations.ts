import type { ForeignKey, NavigationRelation, Table } from '@ormdoc/core';
import type { ConvertContext, ModelInfo } from './context.js';
import { columnName } from './context.js';
import type { PrismaField } from './dmmf.js';
import { defaultName, referentialAction } from './names.js';
import type { SchemaText } from './schemaText.js';

interface RelationSide {
  info: ModelInfo;
  field: PrismaField;
}

/** Foreign keys of one model, from its relation fields that hold `fields:`/`references:`. */
export function foreignKeysOf(ctx: ConvertContext, info: ModelInfo, text: SchemaText): ForeignKey[] {
  const out: ForeignKey[] = [];
  if (info.kind === 'view') return out;
  for (const field of info.model.fields) {
    if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
    const target = ctx.models.get(field.type);
    if (!target || target.kind === 'view') continue;
    const columns = field.relationFromFields.map((f) => columnName(info, f));
    const optional = field.relationFromFields.some(
      (f) => info.model.fields.find((x) => x.name === f)?.isRequired === false,
    );
    const map = text.blocks.get(info.model.name)?.fields.find((f) => f.name === field.name)?.relationMap;
    out.push({
      name: map ?? defaultName(ctx.dialect, info.table, columns, 'fkey'),
      nameExplicit: map !== undefined,
      columns,
      references: {
        schema: target.schema,
        name: target.table,
        columns: (field.relationToFields ?? []).map((f) => columnName(target, f)),
      },
      onDelete: referentialAction(field.relationOnDelete) ?? (optional ? 'SET NULL' : 'RESTRICT'),
      onUpdate: referentialAction(field.relationOnUpdate) ?? 'CASCADE',
      enforcedBy: ctx.relationMode === 'prisma' ? 'orm' : 'database',
    });
  }
  return out;
}

/** Both sides of every relation, keyed by relation name. */
function relationSides(ctx: ConvertContext): Map<string, RelationSide[]> {
  const byName = new Map<string, RelationSide[]>();
  for (const info of ctx.models.values())
    for (const field of info.model.fields) {
      if (field.kind !== 'object' || !field.relationName) continue;
      const list = byName.get(field.relationName) ?? [];
      list.push({ info, field });
      byName.set(field.relationName, list);
    }
  return byName;
}

function singleIdColumn(info: ModelInfo, tables: Map<ModelInfo, Table>) {
  const table = tables.get(info);
  const pk = table?.primaryKey?.columns;
  if (!table || pk?.length !== 1) return undefined;
  return table.columns.find((c) => c.name === pk[0]);
}

/**
 * Implicit many-to-many junction tables `_{relation}`: columns `A` and `B` referencing the ids of
 * the two models in alphabetical order of their Prisma names, as Prisma Migrate creates them.
 */
export function implicitJunctions(ctx: ConvertContext, tables: Map<ModelInfo, Table>): Map<string, Table> {
  const out = new Map<string, Table>();
  const pg = ctx.dialect === 'postgresql' || ctx.dialect === 'cockroachdb';
  for (const [relationName, sides] of relationSides(ctx)) {
    if (sides.length !== 2 || !sides.every((s) => s.field.isList && !s.field.relationFromFields?.length))
      continue;
    const [a, b] = [...sides].sort((x, y) => (x.info.model.name < y.info.model.name ? -1 : 1)) as [
      RelationSide,
      RelationSide,
    ];
    const idA = singleIdColumn(a.info, tables);
    const idB = singleIdColumn(b.info, tables);
    if (!idA || !idB) continue;
    const name = `_${relationName}`;
    const column = (col: 'A' | 'B', id: typeof idA) => ({
      name: col,
      type: { ...id.type, isArray: false },
      nullable: false,
      tags: [],
    });
    const fk = (col: 'A' | 'B', side: RelationSide, id: typeof idA): ForeignKey => ({
      name: `${name}_${col}_fkey`,
      nameExplicit: false,
      columns: [col],
      references: { schema: side.info.schema, name: side.info.table, columns: [id.name] },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
      enforcedBy: ctx.relationMode === 'prisma' ? 'orm' : 'database',
    });
    out.set(relationName, {
      kind: 'table',
      schema: a.info.schema,
      name,
      tags: [],
      columns: [column('A', idA), column('B', idB)],
      ...(pg ? { primaryKey: { name: `${name}_AB_pkey`, nameExplicit: false, columns: ['A', 'B'] } } : {}),
      uniques: [],
      indexes: [
        ...(pg
          ? []
          : [
              {
                name: `${name}_AB_unique`,
                nameExplicit: false,
                unique: true,
                parts: [{ column: 'A' }, { column: 'B' }],
              },
            ]),
        { name: `${name}_B_index`, nameExplicit: false, unique: false, parts: [{ column: 'B' }] },
      ],
      foreignKeys: [fk('A', a, idA), fk('B', b, idB)],
      checks: [],
      implicit: true,
    });
  }
  return out;
}

/** One navigation relation per relation field, pointing at its back-relation. */
export function navigationRelations(
  ctx: ConvertContext,
  tables: Map<ModelInfo, Table>,
  junctions: Map<string, Table>,
): NavigationRelation[] {
  const out: NavigationRelation[] = [];
  for (const [relationName, sides] of relationSides(ctx)) {
    for (const side of sides) {
      const other = sides.find((s) => s !== side);
      const target = ctx.models.get(side.field.type);
      if (!target) continue;
      const holder = side.field.relationFromFields?.length ? side : other;
      const fk = holder
        ? tables
            .get(holder.info)
            ?.foreignKeys.find(
              (f) =>
                f.columns.join(',') ===
                (holder.field.relationFromFields ?? []).map((c) => columnName(holder.info, c)).join(','),
            )
        : undefined;
      const junction = junctions.get(relationName);
      out.push({
        name: relationName,
        from: { schema: side.info.schema, name: side.info.table, field: side.field.name },
        to: {
          schema: target.schema,
          name: target.table,
          ...(other ? { field: other.field.name } : {}),
        },
        cardinality: side.field.isList ? 'many' : 'one',
        ...(side.field.isList ? {} : { nullable: !side.field.isRequired }),
        ...(fk ? { foreignKey: fk.name } : {}),
        ...(junction ? { through: { schema: junction.schema, name: junction.name } } : {}),
        ...(side.field.documentation ? { description: side.field.documentation } : {}),
      });
    }
  }
  return out;
}
