import type { z } from 'zod';
import { Ir as IrSchema } from './schema.js';
import type { Ir, IrInput } from './types.js';

/**
 * `completeIr(input)`: what `Ir.parse(input)` returns for a valid input, without validating it.
 *
 * For typed, trusted extractor output the zod pass is pure overhead (about a second at 10,000 tables).
 * This builds the same result: defaults filled in (`.default(...)`), unknown keys dropped, an
 * optional key kept only when present (zod keeps `{ a: undefined }` as is), keys in the schema's
 * order, every object and array a new one. The plan is read once from the zod schemas themselves
 * (schema.ts), so a field or default added there is picked up here; a construct that would change
 * values (transform, pipe, catch, `.trim()`-like overwrite checks, unions zod would have to try
 * option by option) is refused with an error naming where it is, instead of being guessed at.
 * `buildIr` with `ORMDOC_VERIFY_IR` set (the whole test suite) checks the result against zod.
 */
export function completeIr(input: IrInput): Ir {
  plan ??= completerFor(IrSchema, 'Ir');
  return plan(input) as Ir;
}

/** The completer of any zod schema built from the constructs completeIr follows (throws on others). */
export function completerFor(schema: z.ZodType, name = '(root)'): (value: unknown) => unknown {
  return compile(schema as unknown as ZodLike, name);
}

type Complete = (value: unknown) => unknown;

/** The parts of a zod v4 schema definition (`schema._zod.def`) the plan reads. */
interface Def {
  type: string;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  element?: ZodLike;
  innerType?: ZodLike;
  options?: ZodLike[];
  discriminator?: string;
  valueType?: ZodLike;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string } } }>;
  readonly defaultValue?: unknown;
}
interface ZodLike {
  _zod: { def: Def };
}

let plan: Complete | undefined;

/** Types whose output is the input value itself. */
const LEAVES = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'null',
  'literal',
  'enum',
  'unknown',
  'any',
]);
const identity: Complete = (v) => v;

function compile(schema: ZodLike, at: string): Complete {
  const def = schema._zod.def;
  if (def.checks?.some((c) => c._zod.def.check === 'overwrite'))
    throw unsupported(at, 'a check that rewrites the value (trim, toLowerCase, overwrite)');
  if (LEAVES.has(def.type)) return identity;
  switch (def.type) {
    case 'object':
      return compileObject(def, at);
    case 'array': {
      const element = compile(need(def.element, at), `${at}[]`);
      // Stryker disable next-line ConditionalExpression: mapping with identity copies the array as slice() does
      return element === identity
        ? (v) => (v as unknown[]).slice()
        : (v) => (v as unknown[]).map((e) => element(e));
    }
    case 'nullable': {
      const inner = compile(need(def.innerType, at), at);
      // Stryker disable next-line ConditionalExpression: identity of null is null
      return inner === identity ? identity : (v) => (v === null ? null : inner(v));
    }
    case 'record': {
      const value = compile(need(def.valueType, at), `${at}{}`);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v as object))
          if (k !== '__proto__') out[k] = value((v as Record<string, unknown>)[k]);
        return out;
      };
    }
    case 'union':
      return def.discriminator === undefined
        ? compileUnion(def, at)
        : compileTagged(def, def.discriminator, at);
    default:
      throw unsupported(at, `zod type "${def.type}"`);
  }
}

interface Field {
  key: string;
  complete: Complete;
  /** Set for `.default(...)`: the value an absent (or undefined) key gets, a fresh copy each time. */
  fallback?: () => unknown;
}

function compileObject(def: Def, at: string): Complete {
  if (def.catchall && def.catchall._zod.def.type !== 'never')
    throw unsupported(at, 'an object keeping unknown keys (catchall, loose, passthrough)');
  const fields: Field[] = Object.entries(need(def.shape, at)).map(([key, schema]) => {
    const path = `${at}.${key}`;
    const d = schema._zod.def;
    if (d.type === 'default') {
      const inner = need(d.innerType, path);
      return { key, complete: compile(inner, path), fallback: () => d.defaultValue };
    }
    const inner = d.type === 'optional' ? need(d.innerType, path) : schema;
    const innerType = inner._zod.def.type;
    if (innerType === 'optional' || innerType === 'default' || innerType === 'prefault')
      throw unsupported(path, `a nested optional/default (${d.type} of ${innerType})`);
    return { key, complete: compile(inner, path) };
  });
  return (v) => {
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const x = input[f.key];
      if (x !== undefined) out[f.key] = f.complete(x);
      else if (f.fallback) out[f.key] = f.fallback();
      else if (f.key in input) out[f.key] = undefined;
    }
    return out;
  };
}

/** A discriminated union: the option is chosen by the tag, as zod does. */
function compileTagged(def: Def, tag: string, at: string): Complete {
  const byTag = new Map<unknown, Complete>();
  for (const option of need(def.options, at)) {
    const tagSchema = need(option._zod.def.shape?.[tag], at)._zod.def;
    const values = tagSchema.type === 'literal' ? need(tagSchema.values, at) : [];
    if (values.length === 0) throw unsupported(at, `a union tag "${tag}" that is not a literal`);
    const complete = compile(option, `${at}<${String(values[0])}>`);
    for (const value of values) byTag.set(value, complete);
  }
  return (v) => (byTag.get((v as Record<string, unknown>)[tag]) ?? identity)(v);
}

/** A plain union: its options must differ in JSON type, so the first option of the value's type is the one zod keeps. */
function compileUnion(def: Def, at: string): Complete {
  const options = need(def.options, at).map((option, i) => {
    const kind = jsonKind(option._zod.def);
    if (!kind) throw unsupported(at, `union option ${i} of zod type "${option._zod.def.type}"`);
    return { kind, complete: compile(option, `${at}|${i}`) };
  });
  const kinds = options.map((o) => o.kind).filter((k) => k !== 'any');
  if (new Set(kinds).size !== kinds.length)
    throw unsupported(at, 'a union with two options of one JSON type (use z.discriminatedUnion)');
  return (v) => {
    const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    for (const o of options) if (o.kind === kind || o.kind === 'any') return o.complete(v);
    return v;
  };
}

function jsonKind(def: Def): string | undefined {
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'array':
      return def.type;
    case 'object':
    case 'record':
      return 'object';
    case 'unknown':
    case 'any':
      return 'any';
    default:
      return undefined;
  }
}

function need<T>(value: T | undefined, at: string): T {
  if (value === undefined) throw unsupported(at, 'a zod definition this version does not describe');
  return value;
}

function unsupported(at: string, what: string): Error {
  return new Error(
    `completeIr (packages/core/src/ir/complete.ts) cannot follow ${what} at ${at} in the IR schema; ` +
      'teach it the construct or keep the schema to plain fields, optionals, defaults and unions.',
  );
}

/**
 * Where two values first differ, comparing as `JSON.stringify` would but stricter: key order and
 * keys whose value is `undefined` count too. `undefined` when they are the same.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const here = path || '(root)';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${here}: ${show(a)} vs ${show(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${here}: ${show(a)} vs ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${here}: ${a.length} item(s) vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const first = ka.findIndex((key, i) => key !== kb[i]);
  if (first >= 0 || ka.length !== kb.length) {
    const i = first >= 0 ? first : ka.length;
    return `${here}: key #${i} is ${show(ka[i])} vs ${show(kb[i])}`;
  }
  for (const k of ka) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      path ? `${path}.${k}` : k,
    );
    if (d) return d;
  }
  return undefined;
}

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
