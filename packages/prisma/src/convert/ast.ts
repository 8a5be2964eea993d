import { createRequire } from 'node:module';
import type {
  Enum as AstEnum,
  Field as AstField,
  Attribute,
  AttributeArgument,
  BlockAttribute,
  Func,
  KeyValue,
  Schema,
  Value,
} from '@mrleebo/prisma-ast';

export type { AstEnum, AstField, Attribute, BlockAttribute, Func, Schema, Value };

type PrismaAst = typeof import('@mrleebo/prisma-ast');
let parserPair:
  | { getSchema: PrismaAst['getSchema']; options: Parameters<PrismaAst['getSchema']>[1] }
  | undefined;

/**
 * Parse schema text with @mrleebo/prisma-ast, keeping node locations (lines). The package (and
 * chevrotain, whose grammar analysis runs on load) is only loaded when some text needs it.
 */
export function parseSchemaText(content: string): Schema {
  if (!parserPair) {
    const prismaAst = createRequire(import.meta.url)('@mrleebo/prisma-ast') as PrismaAst;
    const parser = new prismaAst.PrismaParser({ nodeLocationTracking: 'full' });
    const Visitor = prismaAst.VisitorClassFactory(parser);
    parserPair = {
      getSchema: prismaAst.getSchema,
      options: { parser, visitor: new Visitor() } as Parameters<PrismaAst['getSchema']>[1],
    };
  }
  return parserPair.getSchema(content, parserPair.options);
}

/** `"abc"` -> `abc` (Prisma string literal with its escapes). */
export function unquote(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

export function isFunc(v: unknown): v is Func {
  return typeof v === 'object' && v !== null && (v as Func).type === 'function';
}

function isKeyValue(v: unknown): v is KeyValue {
  return typeof v === 'object' && v !== null && (v as KeyValue).type === 'keyValue';
}

/** The named argument `key` of an attribute, or the first positional one when `key` is null. */
export function attrArg(
  attr: { args?: AttributeArgument[] } | undefined,
  key: string | null,
): Value | Func | undefined {
  for (const a of attr?.args ?? []) {
    const v = a.value;
    if (key === null && !isKeyValue(v)) return v as Value | Func;
    if (key !== null && isKeyValue(v) && v.key === key) return v.value;
  }
  return undefined;
}

/** A field attribute by name (`map`, `ignore`, `default`) and optional group (`db`). */
export function fieldAttr(field: AstField, name: string, group?: string): Attribute | undefined {
  return field.attributes?.find((a) => a.name === name && (group === undefined || a.group === group));
}

export function fieldAttrsInGroup(field: AstField, group: string): Attribute[] {
  return (field.attributes ?? []).filter((a) => a.group === group);
}

/** The names in an array argument such as `fields: [a, b]` or `[a(sort: Desc), b]`. */
export function arrayNames(v: unknown): string[] {
  if (typeof v === 'object' && v !== null && (v as { type?: string }).type === 'array') {
    return ((v as { args: unknown[] }).args ?? []).flatMap((x) =>
      typeof x === 'string' ? [x] : isFunc(x) ? [x.name] : [],
    );
  }
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [x] : []));
  return [];
}
