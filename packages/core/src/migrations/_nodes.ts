import type { DefElem, Node, RangeVar, RoleSpec, TypeName } from '@pgsql/types';
import type { TableRef } from '../ir/types.js';

/** Helpers over libpg-query's parse tree (`@pgsql/types`): each node is `{ Kind: fields }`. */

/** The one key of a node: `CreatePolicyStmt`, `String`, `A_Expr`, ... */
export function kindOf(node: Node): string {
  return Object.keys(node)[0] ?? '';
}

/** The fields of a node of the given kind, or undefined when it is another kind. */
export function fieldsOf<T>(node: Node | undefined, kind: string): T | undefined {
  return node ? ((node as Record<string, unknown>)[kind] as T | undefined) : undefined;
}

/** The `sval`s of a list of `String` nodes (qualified names, column lists). */
export function strings(list: readonly Node[] | undefined): string[] {
  const out: string[] = [];
  for (const n of list ?? []) {
    const s = fieldsOf<{ sval?: string }>(n, 'String');
    if (s) out.push(s.sval ?? '');
  }
  return out;
}

/** The items of a `List` node (or the node itself when it is not a list). */
export function listItems(node: Node | undefined): Node[] {
  if (!node) return [];
  const list = fieldsOf<{ items?: Node[] }>(node, 'List');
  return list ? (list.items ?? []) : [node];
}

/** `[schema?, name]` (a catalog prefix is ignored) into a qualified name. */
export function qualified(names: readonly string[]): { schema: string | null; name: string } {
  return { schema: names.length > 1 ? names[names.length - 2]! : null, name: names[names.length - 1] ?? '' };
}

export function tableRef(rv: RangeVar | undefined): TableRef {
  return { schema: rv?.schemaname ?? null, name: rv?.relname ?? '' };
}

/** A role as the policy or GRANT names it: the role's name, or public / current_user / ... */
export function roleName(node: Node): string {
  const spec = fieldsOf<RoleSpec>(node, 'RoleSpec');
  switch (spec?.roletype) {
    case 'ROLESPEC_CSTRING':
      return spec.rolename ?? '';
    case 'ROLESPEC_CURRENT_ROLE':
      return 'current_role';
    case 'ROLESPEC_CURRENT_USER':
      return 'current_user';
    case 'ROLESPEC_SESSION_USER':
      return 'session_user';
    default:
      return 'public';
  }
}

/** The value of a DefElem's argument as text: strings, integers, floats (kept as text), booleans, name lists. */
export function defText(d: DefElem): string | undefined {
  const arg = d.arg;
  if (!arg) return undefined;
  switch (kindOf(arg)) {
    case 'String':
      return fieldsOf<{ sval?: string }>(arg, 'String')?.sval ?? '';
    case 'Integer':
      return String(fieldsOf<{ ival?: number }>(arg, 'Integer')?.ival ?? 0);
    case 'Float':
      return fieldsOf<{ fval?: string }>(arg, 'Float')?.fval ?? '';
    case 'Boolean':
      return String(fieldsOf<{ boolval?: boolean }>(arg, 'Boolean')?.boolval ?? false);
    case 'List':
      return strings(listItems(arg)).join('.');
    default:
      return undefined;
  }
}

/** A DefElem argument that is a boolean (`Boolean`, or an integer 0/1 as some options spell it). */
export function defBool(d: DefElem): boolean {
  const arg = d.arg;
  if (!arg) return true;
  const b = fieldsOf<{ boolval?: boolean }>(arg, 'Boolean');
  if (b) return b.boolval ?? false;
  const i = fieldsOf<{ ival?: number }>(arg, 'Integer');
  return i ? (i.ival ?? 0) !== 0 : true;
}

/** The DefElems of an option list. */
export function defElems(list: readonly Node[] | undefined): DefElem[] {
  const out: DefElem[] = [];
  for (const n of list ?? []) {
    const d = fieldsOf<DefElem>(n, 'DefElem');
    if (d) out.push(d);
  }
  return out;
}

/** Column names an expression mentions (the last name of every ColumnRef in it). */
export function columnsMentioned(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const n of node) columnsMentioned(n, into);
  } else if (node && typeof node === 'object') {
    const ref = (node as { ColumnRef?: { fields?: Node[] } }).ColumnRef;
    if (ref) {
      const names = strings(ref.fields);
      if (names.length) into.add(names[names.length - 1]!);
    } else for (const v of Object.values(node)) columnsMentioned(v, into);
  }
  return into;
}

export type { TypeName };
