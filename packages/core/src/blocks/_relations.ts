import { findTable, qualifiedName, sameTable, tableSortKey } from '../ir/names.js';
import type { ForeignKey, Ir, Table } from '../ir/types.js';
import { isUniqueColumnSet } from '../relationships/derive.js';
import { camelCase, fieldName, modelName, pascalCase, singularize } from './_names.js';
import { tableKind } from './_text.js';

/** One foreign key seen as a pair of navigation fields, for model definitions (Prisma, SQLAlchemy). */
export interface RelationFields {
  child: Table;
  parent: Table;
  fk: ForeignKey;
  /** Field on the child model pointing at the parent (`author`). */
  childField: string;
  /** Back-relation field on the parent model (`comments`; `userProfile` for one-to-one; `replies` for `Comment.parent`). */
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

/** `post` -> `posts`, `category` -> `categories`; already plural names stay. */
function plural(name: string): string {
  if (singularize(name) !== name) return name;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

const IRREGULAR: Record<string, string> = {
  author: 'authored',
  sender: 'sent',
  recipient: 'received',
  receiver: 'received',
  buyer: 'bought',
  seller: 'sold',
  payer: 'paid',
  writer: 'written',
  sponsor: 'sponsored',
  host: 'hosted',
  maker: 'made',
  holder: 'held',
  leader: 'led',
};

/**
 * The participle that names what a person did in a relation: `author` -> `authored`, `editor` ->
 * `edited`, `createdBy` -> `created`, `assignee` -> `assigned`; undefined when the field is not
 * named like an agent (`billingAddress`).
 */
function participle(field: string): string | undefined {
  if (/By$/.test(field) && field.length > 2) return field.slice(0, -2);
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  const last = (words.pop() ?? '').toLowerCase();
  const head = words.join('');
  const join = (w: string) => (head ? `${head}${w.charAt(0).toUpperCase()}${w.slice(1)}` : w);
  if (IRREGULAR[last]) return join(IRREGULAR[last]);
  if (/ee$/.test(last) && last.length > 4) return join(`${last.slice(0, -2)}ed`);
  if (/(or|er)$/.test(last) && last.length > 4) return join(`${last.slice(0, -2)}ed`);
  return undefined;
}

/**
 * The back-relation field on the parent model: the child table in plural camelCase (`comments`;
 * singular for one-to-one: `userProfile`). A self-relation reads as what it holds (`parent` ->
 * `replies` for comment-like tables, `children` otherwise); several foreign keys between the same
 * pair are told apart by their field (`author` -> `authoredPosts`, `createdBy` -> `createdPosts`).
 */
function backRelationBase(
  child: Table,
  childField: string,
  oneToOne: boolean,
  self: boolean,
  clash: boolean,
): string {
  const noun = oneToOne ? singularize(child.name) : plural(child.name);
  if (self && oneToOne) return `${childField}Of`;
  if (self && /^parent/i.test(childField))
    return tableKind(child) === 'comment' || tableKind(child) === 'content' ? 'replies' : 'children';
  if (!self && !clash) return camelCase(noun);
  const verb = participle(childField);
  return verb ? `${verb}${pascalCase(noun)}` : `${childField}${pascalCase(noun)}`;
}

/** The base table (not a view) a reference points at. */
function baseTable(ir: Ir, ref: Parameters<typeof findTable>[1]): Table | undefined {
  const t = findTable(ir, ref);
  return t?.kind === 'table' ? t : undefined;
}

/** The navigation fields of one IR, with each table's relations indexed (built together, never cached across calls). */
export interface Relations {
  all: readonly RelationFields[];
  byTable: ReadonlyMap<string, RelationFields[]>;
}

/** The relations a table is the child or the parent of, in `all` order. */
export function relationsOf(rels: Relations, table: Parameters<typeof tableSortKey>[0]): RelationFields[] {
  return rels.byTable.get(tableSortKey(table)) ?? [];
}

/** `relationFields` with the per-table index that `relationsOf` reads. */
export function indexedRelations(ir: Ir): Relations {
  const all = relationFields(ir);
  const byTable = new Map<string, RelationFields[]>();
  for (const r of all)
    for (const end of sameTable(r.child, r.parent) ? [r.child] : [r.child, r.parent]) {
      const k = tableSortKey(end);
      const list = byTable.get(k);
      if (list) list.push(r);
      else byTable.set(k, [r]);
    }
  return { all, byTable };
}

/** Navigation fields for every foreign key between base tables of the IR, deterministic. */
export function relationFields(ir: Ir): RelationFields[] {
  const tables = ir.tables.filter((t) => t.kind === 'table');
  const taken = new Map<string, Set<string>>(
    tables.map((t) => [qualifiedName(t), new Set(t.columns.map((c) => fieldName(c)))]),
  );
  const childFields = new Map<ForeignKey, string>();
  for (const child of tables)
    for (const fk of child.foreignKeys) {
      const parent = baseTable(ir, fk.references);
      if (!parent) continue;
      const firstCol = child.columns.find((c) => c.name === fk.columns[0]);
      const stem =
        fk.columns.length === 1 && firstCol ? fieldName(firstCol).replace(/(_id|Id|ID|_fk)$/, '') : '';
      const childBase =
        stem && stem !== fieldName(firstCol ?? { name: '' })
          ? camelCase(stem)
          : camelCase(singularize(parent.name));
      childFields.set(fk, unique(childBase, taken.get(qualifiedName(child)) ?? new Set()));
    }
  const out: RelationFields[] = [];
  for (const child of tables)
    for (const fk of child.foreignKeys) {
      const parent = baseTable(ir, fk.references);
      const childField = childFields.get(fk);
      if (!parent || !childField) continue;
      const siblings = child.foreignKeys.filter((f) => sameTable(f.references, fk.references));
      const backCount = parent.foreignKeys.filter((f) => sameTable(f.references, child)).length;
      const self = sameTable(child, parent);
      // Among several keys to the same parent, the one named after the parent keeps the plain name.
      const plainName = camelCase(singularize(parent.name));
      const namedAfterParent = siblings.filter((f) => childFields.get(f) === plainName);
      const clash = siblings.length > 1 && !(namedAfterParent.length === 1 && childField === plainName);
      const oneToOne = isUniqueColumnSet(child, fk.columns);
      const parentBase = backRelationBase(child, childField, oneToOne, self, clash);
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
        ...(self || siblings.length + backCount > 1
          ? { relationName: `${modelName(child)}${pascalCase(childField)}` }
          : {}),
      });
    }
  return out;
}
