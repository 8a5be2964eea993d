import type {
  AlterFunctionStmt,
  CreateFunctionStmt,
  FunctionParameter,
  Node,
  ObjectWithArgs,
  TypeName,
  VariableSetStmt,
} from '@pgsql/types';
import type { Routine } from '../ir/types.js';
import { defBool, defElems, defText, fieldsOf, listItems, qualified, strings } from './_nodes.js';
import { type MigrationState, routineKey, type StatementContext } from './_state.js';

/** CREATE [OR REPLACE] FUNCTION / PROCEDURE and ALTER FUNCTION: signature, language, volatility, security, SET, body. */

const INPUT_MODES = new Set([
  'FUNC_PARAM_IN',
  'FUNC_PARAM_INOUT',
  'FUNC_PARAM_VARIADIC',
  'FUNC_PARAM_DEFAULT',
]);

function parameters(list: readonly Node[] | undefined): FunctionParameter[] {
  return (list ?? []).flatMap((n) => {
    const p = fieldsOf<FunctionParameter>(n, 'FunctionParameter');
    return p ? [p] : [];
  });
}

/**
 * A type as a signature compares it: the parser already turns `integer`, `int` and `int4` into
 * `int4`, `double precision` and `float8` into `float8`, `character varying` into `varchar`; the
 * last name is kept (a schema prefix and type modifiers do not tell overloads apart), with `[]`
 * per array dimension.
 */
function typeKey(t: TypeName | undefined): string {
  const names = strings(t?.names);
  return `${names[names.length - 1] ?? ''}${'[]'.repeat(t?.arrayBounds?.length ?? 0)}`;
}

/** The input argument types: the part of the signature that tells overloads apart. */
export function inputTypes(params: readonly FunctionParameter[]): string {
  return params
    .filter((p) => INPUT_MODES.has(p.mode ?? 'FUNC_PARAM_DEFAULT') && p.argType)
    .map((p) => typeKey(p.argType))
    .join(',');
}

/** The input types of a function as DROP / ALTER / COMMENT name it; undefined when no list was given. */
export function objectInputTypes(o: ObjectWithArgs): string | undefined {
  if (o.args_unspecified) return undefined;
  if (o.objfuncargs) return inputTypes(parameters(o.objfuncargs));
  return (o.objargs ?? []).map((t) => typeKey(fieldsOf<TypeName>(t, 'TypeName'))).join(',');
}

/** `SET name = value` / `SET name FROM CURRENT` as the value text (lists joined with ", "). */
function setValue(v: VariableSetStmt, ctx: StatementContext): string {
  if (v.kind === 'VAR_SET_CURRENT') return 'FROM CURRENT';
  return (v.args ?? [])
    .map((a) => {
      const c = fieldsOf<{ sval?: { sval?: string } }>(a, 'A_Const');
      return c?.sval ? (c.sval.sval ?? '') : ctx.deparse(a);
    })
    .join(', ');
}

/** Apply function options (CREATE's and ALTER's share them) onto a routine. */
function withOptions(r: Routine, options: readonly Node[] | undefined, ctx: StatementContext): Routine {
  const out: Routine = { ...r, config: { ...r.config } };
  for (const d of defElems(options)) {
    switch (d.defname) {
      case 'language':
        out.language = defText(d) ?? out.language;
        break;
      case 'volatility':
        out.volatility = (defText(d) ?? 'volatile') as Routine['volatility'];
        break;
      case 'security':
        out.securityDefiner = defBool(d);
        break;
      case 'as': {
        const parts = strings(listItems(d.arg));
        out.body = parts.join(', ');
        break;
      }
      case 'set': {
        const v = fieldsOf<VariableSetStmt>(d.arg, 'VariableSetStmt');
        if (!v?.name) {
          if (v?.kind === 'VAR_RESET_ALL') out.config = {};
        } else if (v.kind === 'VAR_RESET' || v.kind === 'VAR_SET_DEFAULT') delete out.config[v.name];
        else out.config[v.name] = setValue(v, ctx);
        break;
      }
    }
  }
  return out;
}

function returnsText(s: CreateFunctionStmt, params: readonly FunctionParameter[], ctx: StatementContext) {
  const table = params.filter((p) => p.mode === 'FUNC_PARAM_TABLE');
  if (table.length)
    return `TABLE(${table.map((p) => `${p.name ?? ''} ${ctx.deparse({ TypeName: p.argType! })}`.trim()).join(', ')})`;
  return s.returnType ? ctx.deparse({ TypeName: s.returnType }) : undefined;
}

export function createFunction(state: MigrationState, s: CreateFunctionStmt, ctx: StatementContext): void {
  const { schema, name } = qualified(strings(s.funcname));
  const params = parameters(s.parameters);
  const returns = returnsText(s, params, ctx);
  const base: Routine = {
    schema,
    name,
    kind: s.is_procedure ? 'procedure' : 'function',
    arguments: params
      .filter((p) => p.mode !== 'FUNC_PARAM_TABLE')
      .map((p) => ctx.deparse({ FunctionParameter: p }))
      .join(', '),
    ...(returns ? { returns } : {}),
    language: 'sql',
    volatility: 'volatile',
    securityDefiner: false,
    config: {},
    ...(s.sql_body ? { body: ctx.deparse(s.sql_body) } : {}),
    declaredIn: 'migration',
    source: { file: ctx.file, line: ctx.line },
  };
  const types = inputTypes(params);
  const key = routineKey(schema, name, types);
  const previous = state.routines.get(key);
  const routine = withOptions(base, s.options, ctx);
  // CREATE OR REPLACE keeps the function's comment.
  if (previous?.description) routine.description = previous.description;
  state.routines.set(key, { ...routine, inputTypes: types });
}

/** The routines an ObjectWithArgs names: one overload, or every overload when no argument list was given. */
export function matchRoutines(state: MigrationState, o: ObjectWithArgs): string[] {
  const { schema, name } = qualified(strings(o.objname));
  const types = objectInputTypes(o);
  if (types !== undefined) {
    const key = routineKey(schema, name, types);
    return state.routines.has(key) ? [key] : [];
  }
  const prefix = routineKey(schema, name, '');
  return [...state.routines.keys()].filter((k) => k.startsWith(prefix));
}

export function alterFunction(state: MigrationState, s: AlterFunctionStmt, ctx: StatementContext): void {
  if (!s.func) return;
  for (const key of matchRoutines(state, s.func)) {
    const r = state.routines.get(key)!;
    state.routines.set(key, { ...withOptions(r, s.actions, ctx), inputTypes: r.inputTypes });
  }
}
