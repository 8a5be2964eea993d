import { qualifiedName, sameTable } from '../ir/names.js';
import type { ForeignKey, Ir, Table } from '../ir/types.js';
import { isUniqueColumnSet } from '../relationships/derive.js';
import { camelCase, fieldName, modelName, pascalCase, singularize } from './_names.js';

/** One foreign key seen as a pair of navigation fields, for model definitions (Prisma, SQLAlchemy). */
export interface RelationFields {
  child: Table;
  parent: Table;
  fk: ForeignKey;
  /** Field on the child model pointing at the parent (`author`). */
  childField: string;
  /** Back-relation field on the parent model (`comments`, or `userProfile` for one-to-one). */
  parentField: string;
  oneToOne: boolean;
  optional: boolean;
  /** Set when the pair of models needs a relation name to be unambiguous (self-relations, several FKs). */
  relationName?: string;
}

function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

/** Navigation fields for every foreign key between base tables of the IR, deterministic. */
export function relationFields(ir: Ir): RelationFields[] {
  const tables = ir.tables.filter((t) => t.kind === 'table');
  const taken = new Map<string, Set<string>>(
    tables.map((t) => [qualifiedName(t), new Set(t.columns.map((c) => fieldName(c)))]),
  );
  const out: RelationFields[] = [];
  for (const child of tables)
    for (const fk of child.foreignKeys) {
      const parent = tables.find((t) => sameTable(t, fk.references));
      if (!parent) continue;
      const pairCount = child.foreignKeys.filter((f) => sameTable(f.references, fk.references)).length;
      const backCount = parent.foreignKeys.filter((f) => sameTable(f.references, child)).length;
      const self = sameTable(child, parent);
      const firstCol = child.columns.find((c) => c.name === fk.columns[0]);
      const stem =
        fk.columns.length === 1 && firstCol ? fieldName(firstCol).replace(/(_id|Id|ID|_fk)$/, '') : '';
      const childBase =
        stem && stem !== fieldName(firstCol ?? { name: '' })
          ? camelCase(stem)
          : camelCase(singularize(parent.name));
      const childField = unique(childBase, taken.get(qualifiedName(child)) ?? new Set());
      const oneToOne = isUniqueColumnSet(child, fk.columns);
      const plain = oneToOne ? camelCase(singularize(child.name)) : camelCase(child.name);
      const parentBase = self
        ? oneToOne
          ? `${childField}Of`
          : `${camelCase(childField)}${pascalCase(child.name)}`
        : pairCount > 1
          ? `${plain}As${pascalCase(childField)}`
          : plain;
      const parentField = unique(parentBase, taken.get(qualifiedName(parent)) ?? new Set());
      const optional = fk.columns.some((c) => child.columns.find((col) => col.name === c)?.nullable);
      out.push({
        child,
        parent,
        fk,
        childField,
        parentField,
        oneToOne,
        optional,
        ...(self || pairCount + backCount > 1
          ? { relationName: `${modelName(child)}${pascalCase(childField)}` }
          : {}),
      });
    }
  return out;
}
