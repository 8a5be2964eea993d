import type {
  A_Const,
  CaseExpr,
  CoalesceExpr,
  ColumnRef,
  FuncCall,
  JoinExpr,
  MinMaxExpr,
  Node,
  RangeVar,
  ResTarget,
  SelectStmt,
  SQLValueFunction,
  SubLink,
  TypeCast,
  TypeName,
} from '@pgsql/types';
import type { Column, Table, TableRef } from '../ir/types.js';
import { fieldsOf, kindOf, strings, tableRef } from './_nodes.js';

/**
 * The output columns of a view read from its query alone, without a database: each column's name
 * (PostgreSQL's own rules, `FigureColname`) and where its type comes from. A column of a table the
 * schema declares takes that column's type; a cast, a literal and a few functions say their type;
 * anything else is computed, and its type is known only to the database.
 */
export type ViewExpr =
  | { kind: 'column'; qualifier?: string; column: string }
  | { kind: 'type'; sql: string; nullable: boolean }
  /** `x::type`: null when its value is. */
  | { kind: 'cast'; sql: string; arg?: ViewExpr }
  /**
   * The type of the first argument whose type is known (coalesce, CASE, greatest/least, min/max), its length or precision kept only when every argument has the same type (never by an
   * aggregate); null unless `coalesce` and one argument never is.
   */
  | { kind: 'same-as'; args: ViewExpr[]; coalesce?: true; aggregate?: true }
  | { kind: 'array-of'; arg: ViewExpr }
  | { kind: 'computed' };

export type ViewOutput =
  | { kind: 'star'; qualifier?: string }
  | { kind: 'value'; name: string; expr: ViewExpr };

/** A relation of the FROM clause, by the name the query uses for it; `table` unknown for a subquery or function. */
export interface ViewRelation {
  alias: string;
  table?: TableRef;
  /** On the outer side of a LEFT/RIGHT/FULL join: its columns may be null in the view. */
  outer: boolean;
}

export interface ViewShape {
  outputs: ViewOutput[];
  relations: ViewRelation[];
  /**
   * A UNION / INTERSECT / EXCEPT: the names and the relations are its leftmost SELECT's; the types
   * are the arms' common type, of which the leftmost arm gives the type without length or precision.
   */
  setOperation?: true;
}

/** The shape of a view's query; undefined when it is not a SELECT (VALUES lists included: their names are column1...). */
export function viewShape(query: Node, typeText: (t: TypeName) => string): ViewShape | undefined {
  let select = fieldsOf<SelectStmt>(query, 'SelectStmt');
  // A UNION / INTERSECT / EXCEPT takes its column names from its leftmost SELECT.
  let setOperation = false;
  while (select?.op && select.op !== 'SETOP_NONE' && select.larg) {
    setOperation = true;
    select = select.larg;
  }
  if (!select?.targetList) return undefined;
  const relations: ViewRelation[] = [];
  for (const item of select.fromClause ?? []) fromItem(item, false, relations);
  const outputs: ViewOutput[] = [];
  for (const t of select.targetList) {
    const target = fieldsOf<ResTarget>(t, 'ResTarget');
    if (!target?.val) continue;
    const ref = fieldsOf<ColumnRef>(target.val, 'ColumnRef');
    const fields = ref?.fields ?? [];
    if (fields.length && kindOf(fields[fields.length - 1]!) === 'A_Star') {
      const qualifier = strings(fields.slice(0, -1)).pop();
      outputs.push(qualifier === undefined ? { kind: 'star' } : { kind: 'star', qualifier });
      continue;
    }
    outputs.push({
      kind: 'value',
      name: target.name ?? columnName(target.val),
      expr: exprOf(target.val, typeText),
    });
  }
  return setOperation ? { outputs, relations, setOperation: true } : { outputs, relations };
}

function fromItem(node: Node, outer: boolean, out: ViewRelation[]): void {
  const rv = fieldsOf<RangeVar>(node, 'RangeVar');
  if (rv) {
    out.push({ alias: rv.alias?.aliasname ?? rv.relname ?? '', table: tableRef(rv), outer });
    return;
  }
  const join = fieldsOf<JoinExpr>(node, 'JoinExpr');
  if (join) {
    const type = join.jointype;
    if (join.larg) fromItem(join.larg, outer || type === 'JOIN_RIGHT' || type === 'JOIN_FULL', out);
    if (join.rarg) fromItem(join.rarg, outer || type === 'JOIN_LEFT' || type === 'JOIN_FULL', out);
    return;
  }
  // A subquery or a function in FROM: known by its alias, its columns not read.
  const alias = fieldsOf<{ alias?: { aliasname?: string } }>(node, kindOf(node))?.alias?.aliasname;
  if (alias) out.push({ alias, outer });
}

const lastName = (names: readonly Node[] | undefined) => strings(names).pop() ?? '';

/** PostgreSQL's name for an output column given no alias (FigureColnameInternal in parse_target.c). */
export function columnName(node: Node): string {
  return figure(node) ?? '?column?';
}

function figure(node: Node): string | undefined {
  switch (kindOf(node)) {
    case 'ColumnRef':
      return strings(fieldsOf<ColumnRef>(node, 'ColumnRef')?.fields).pop();
    case 'A_Indirection': {
      const ind = fieldsOf<{ arg?: Node; indirection?: Node[] }>(node, 'A_Indirection');
      return strings(ind?.indirection).pop() ?? (ind?.arg ? figure(ind.arg) : undefined);
    }
    case 'FuncCall':
      return lastName(fieldsOf<FuncCall>(node, 'FuncCall')?.funcname);
    case 'TypeCast': {
      const cast = fieldsOf<TypeCast>(node, 'TypeCast');
      return (cast?.arg ? figure(cast.arg) : undefined) ?? lastName(cast?.typeName?.names);
    }
    case 'CollateClause': {
      const arg = fieldsOf<{ arg?: Node }>(node, 'CollateClause')?.arg;
      return arg ? figure(arg) : undefined;
    }
    case 'CaseExpr':
      return 'case';
    case 'CoalesceExpr':
      return 'coalesce';
    case 'MinMaxExpr':
      return fieldsOf<MinMaxExpr>(node, 'MinMaxExpr')?.op === 'IS_LEAST' ? 'least' : 'greatest';
    case 'A_ArrayExpr':
      return 'array';
    case 'RowExpr':
      return 'row';
    case 'GroupingFunc':
      return 'grouping';
    case 'NullIfExpr':
      return 'nullif';
    case 'A_Expr':
      return fieldsOf<{ kind?: string }>(node, 'A_Expr')?.kind === 'AEXPR_NULLIF' ? 'nullif' : undefined;
    case 'SQLValueFunction':
      return SQL_VALUE_FUNCTIONS[fieldsOf<SQLValueFunction>(node, 'SQLValueFunction')?.op ?? '']?.[0];
    case 'SubLink': {
      const link = fieldsOf<SubLink>(node, 'SubLink');
      if (link?.subLinkType === 'EXISTS_SUBLINK') return 'exists';
      if (link?.subLinkType === 'ARRAY_SUBLINK') return 'array';
      if (link?.subLinkType !== 'EXPR_SUBLINK' || !link.subselect) return undefined;
      const first = fieldsOf<ResTarget>(
        fieldsOf<SelectStmt>(link.subselect, 'SelectStmt')?.targetList?.[0],
        'ResTarget',
      );
      return first?.name ?? (first?.val ? figure(first.val) : undefined);
    }
    default:
      return undefined;
  }
}

/** CURRENT_DATE and its kin: [the column name PostgreSQL gives, the type]. */
const SQL_VALUE_FUNCTIONS: Record<string, [string, string]> = {
  SVFOP_CURRENT_DATE: ['current_date', 'date'],
  SVFOP_CURRENT_TIME: ['current_time', 'timetz'],
  SVFOP_CURRENT_TIME_N: ['current_time', 'timetz'],
  SVFOP_CURRENT_TIMESTAMP: ['current_timestamp', 'timestamptz'],
  SVFOP_CURRENT_TIMESTAMP_N: ['current_timestamp', 'timestamptz'],
  SVFOP_LOCALTIME: ['localtime', 'time'],
  SVFOP_LOCALTIME_N: ['localtime', 'time'],
  SVFOP_LOCALTIMESTAMP: ['localtimestamp', 'timestamp'],
  SVFOP_LOCALTIMESTAMP_N: ['localtimestamp', 'timestamp'],
  SVFOP_CURRENT_ROLE: ['current_role', 'name'],
  SVFOP_CURRENT_USER: ['current_user', 'name'],
  SVFOP_USER: ['current_user', 'name'],
  SVFOP_SESSION_USER: ['session_user', 'name'],
  SVFOP_CURRENT_CATALOG: ['current_catalog', 'name'],
  SVFOP_CURRENT_SCHEMA: ['current_schema', 'name'],
};

/** Functions whose result type does not depend on their arguments (never null: counts and clocks). */
const FIXED_TYPES: Record<string, { sql: string; nullable: boolean }> = {
  count: { sql: 'bigint', nullable: false },
  now: { sql: 'timestamptz', nullable: false },
  clock_timestamp: { sql: 'timestamptz', nullable: false },
  gen_random_uuid: { sql: 'uuid', nullable: false },
  row_number: { sql: 'bigint', nullable: false },
  rank: { sql: 'bigint', nullable: false },
  dense_rank: { sql: 'bigint', nullable: false },
  bool_and: { sql: 'boolean', nullable: true },
  bool_or: { sql: 'boolean', nullable: true },
  string_agg: { sql: 'text', nullable: true },
  json_agg: { sql: 'json', nullable: true },
  jsonb_agg: { sql: 'jsonb', nullable: true },
  json_build_object: { sql: 'json', nullable: false },
  jsonb_build_object: { sql: 'jsonb', nullable: false },
  concat: { sql: 'text', nullable: false },
  concat_ws: { sql: 'text', nullable: true },
  lower: { sql: 'text', nullable: true },
  upper: { sql: 'text', nullable: true },
};

/** Functions returning the type of their (first typed) argument. */
// Not nullif: its result is the first argument as the implied `=` coerced it (nullif(varchar, '') is text).
const SAME_AS_ARGUMENT = new Set(['min', 'max', 'greatest', 'least', 'coalesce']);
/** Of those, the aggregates: their result has no length or precision (max(numeric(10,2)) is numeric). */
const AGGREGATES = new Set(['min', 'max']);

/** A type without its length, precision or time precision: varchar(320) -> varchar. */
const withoutModifier = (sql: string) => sql.replace(/\([^)]*\)/g, '');

function exprOf(node: Node, typeText: (t: TypeName) => string): ViewExpr {
  switch (kindOf(node)) {
    case 'ColumnRef': {
      const names = strings(fieldsOf<ColumnRef>(node, 'ColumnRef')?.fields);
      const column = names.pop() ?? '';
      const qualifier = names.pop();
      return qualifier === undefined ? { kind: 'column', column } : { kind: 'column', qualifier, column };
    }
    case 'TypeCast': {
      const cast = fieldsOf<TypeCast>(node, 'TypeCast');
      if (!cast?.typeName) return { kind: 'computed' };
      const sql = typeText(cast.typeName);
      return cast.arg ? { kind: 'cast', sql, arg: exprOf(cast.arg, typeText) } : { kind: 'cast', sql };
    }
    case 'A_Const': {
      const c = fieldsOf<A_Const>(node, 'A_Const');
      if (c?.isnull) return { kind: 'type', sql: 'text', nullable: true };
      if (c?.ival !== undefined) return { kind: 'type', sql: 'integer', nullable: false };
      if (c?.fval !== undefined) return { kind: 'type', sql: 'numeric', nullable: false };
      if (c?.boolval !== undefined) return { kind: 'type', sql: 'boolean', nullable: false };
      if (c?.bsval !== undefined) return { kind: 'type', sql: 'bit', nullable: false };
      // An untyped string literal in a view's output becomes text (PostgreSQL 10 and later).
      return { kind: 'type', sql: 'text', nullable: false };
    }
    case 'SQLValueFunction': {
      const sql = SQL_VALUE_FUNCTIONS[fieldsOf<SQLValueFunction>(node, 'SQLValueFunction')?.op ?? '']?.[1];
      return sql ? { kind: 'type', sql, nullable: false } : { kind: 'computed' };
    }
    case 'FuncCall': {
      const call = fieldsOf<FuncCall>(node, 'FuncCall');
      const name = lastName(call?.funcname).toLowerCase();
      const fixed = FIXED_TYPES[name];
      if (fixed) return { kind: 'type', ...fixed };
      const args = (call?.args ?? []).map((a) => exprOf(a, typeText));
      if (SAME_AS_ARGUMENT.has(name) && args.length)
        return name === 'coalesce'
          ? { kind: 'same-as', args, coalesce: true }
          : AGGREGATES.has(name)
            ? { kind: 'same-as', args, aggregate: true }
            : { kind: 'same-as', args };
      if (name === 'array_agg' && args[0]) return { kind: 'array-of', arg: args[0] };
      return { kind: 'computed' };
    }
    case 'CoalesceExpr': {
      const e = sameAs(fieldsOf<CoalesceExpr>(node, 'CoalesceExpr')?.args, typeText);
      return e.kind === 'same-as' ? { ...e, coalesce: true } : e;
    }
    case 'MinMaxExpr':
      return sameAs(fieldsOf<MinMaxExpr>(node, 'MinMaxExpr')?.args, typeText);
    case 'CaseExpr': {
      const c = fieldsOf<CaseExpr>(node, 'CaseExpr');
      const results = (c?.args ?? []).flatMap((w) => {
        const result = fieldsOf<{ result?: Node }>(w, 'CaseWhen')?.result;
        return result ? [result] : [];
      });
      const e = sameAs(c?.defresult ? [...results, c.defresult] : results, typeText);
      // Without ELSE the result may be NULL, a value of no type: the common type loses its modifier.
      return e.kind === 'same-as' && !c?.defresult ? { ...e, args: [...e.args, { kind: 'computed' }] } : e;
    }
    default:
      return { kind: 'computed' };
  }
}

function sameAs(args: readonly Node[] | undefined, typeText: (t: TypeName) => string): ViewExpr {
  const list = (args ?? []).map((a) => exprOf(a, typeText));
  return list.length ? { kind: 'same-as', args: list } : { kind: 'computed' };
}

/** What a view's column is in the IR's terms: its type (SQL text) and whether it can be null; undefined: computed. */
export interface ResolvedType {
  sql: string;
  nullable: boolean;
  /** The column it shows, when it shows one as is (its enum, its description stay with it). */
  column?: Column;
}

/**
 * The view's columns: `*` expanded from the tables the schema declares, every other output named
 * as PostgreSQL names it (or by `CREATE VIEW v (a, b)`, position by position), typed from the
 * column it shows when the schema declares it. Undefined when a `*` reads a relation whose columns
 * are not known (a subquery, a table the schema does not declare): the list would be incomplete.
 */
export function viewColumns(
  shape: ViewShape,
  names: readonly string[],
  lookup: (ref: TableRef) => Table | undefined,
): Array<{ name: string; type?: ResolvedType }> | undefined {
  const rel = (qualifier: string | undefined) =>
    qualifier === undefined ? shape.relations : shape.relations.filter((r) => r.alias === qualifier);
  const columnOf = (qualifier: string | undefined, column: string): ResolvedType | undefined => {
    for (const r of rel(qualifier)) {
      const col = r.table && lookup(r.table)?.columns.find((c) => c.name === column);
      if (col) return { sql: col.type.sql, nullable: col.nullable || r.outer, column: col };
    }
    return undefined;
  };
  const typeOf = (e: ViewExpr): ResolvedType | undefined => {
    switch (e.kind) {
      case 'column':
        return columnOf(e.qualifier, e.column);
      case 'type':
        return { sql: e.sql, nullable: e.nullable };
      case 'cast':
        return { sql: e.sql, nullable: (e.arg && typeOf(e.arg)?.nullable) ?? true };
      case 'array-of': {
        const inner = typeOf(e.arg);
        return inner && { sql: `${inner.sql}[]`, nullable: true };
      }
      case 'same-as': {
        const types = e.args.map(typeOf);
        const first = types.find((t) => t !== undefined);
        if (!first) return undefined;
        const nullable = e.coalesce ? types.every((t) => t?.nullable ?? true) : true;
        const same = !e.aggregate && types.every((t) => t?.sql === first.sql);
        return { sql: same ? first.sql : withoutModifier(first.sql), nullable };
      }
      case 'computed':
        return undefined;
    }
  };
  // A set operation's column is its arms' common type: the leftmost arm's, without its modifier,
  // and null when any arm's is (only the leftmost arm is read).
  const common = (t: ResolvedType | undefined): ResolvedType | undefined =>
    t && shape.setOperation ? { sql: withoutModifier(t.sql), nullable: true } : t;
  const out: Array<{ name: string; type?: ResolvedType }> = [];
  for (const o of shape.outputs) {
    if (o.kind === 'value') {
      const type = common(typeOf(o.expr));
      out.push(type ? { name: o.name, type } : { name: o.name });
      continue;
    }
    const from = rel(o.qualifier);
    if (from.length === 0) return undefined;
    for (const r of from) {
      const table = r.table && lookup(r.table);
      if (!table) return undefined;
      for (const col of table.columns)
        out.push({
          name: col.name,
          type: common({ sql: col.type.sql, nullable: col.nullable || r.outer, column: col }),
        });
    }
  }
  // CREATE VIEW v (a, b) renames the first columns; more names than columns is PostgreSQL's error.
  return out.map((c, i) => (names[i] ? { ...c, name: names[i] } : c));
}
