import {
  type AstField,
  arrayNames,
  attrArg,
  type BlockAttribute,
  fieldAttr,
  fieldAttrsInGroup,
  isFunc,
  unquote,
  type Value,
} from './ast.js';
import type { PrismaDefaultScalar, PrismaField, PrismaIndex, PrismaModel } from './dmmf.js';
import type { TextBlock } from './schemaText.js';

/**
 * DMMF-shaped stand-ins built from the schema text, for what the DMMF drops but the database
 * still has: `@ignore`d fields, `Unsupported(...)` fields and `@@ignore`d models.
 */

const SCALARS = new Set([
  'String',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'Boolean',
  'DateTime',
  'Json',
  'Bytes',
]);

/**
 * A default's value as the DMMF gives it: numbers as numbers, except a BigInt's (`bigint`), which
 * the DMMF gives as text (a JavaScript number rounds 9007199254740993 to ...992).
 */
function astScalar(v: unknown, bigint = false): PrismaDefaultScalar | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('"')) return unquote(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return bigint ? v : Number(v);
  return v;
}

function astDefault(field: AstField): PrismaField['default'] {
  const bigint = field.fieldType === 'BigInt';
  const v = attrArg(fieldAttr(field, 'default'), null);
  if (v === undefined) return undefined;
  if (isFunc(v)) {
    return {
      name: v.name,
      args: (v.params ?? []).flatMap((p) => {
        const s = astScalar(p);
        return typeof s === 'string' || typeof s === 'number' ? [s] : [];
      }),
    };
  }
  if (
    Array.isArray(v) ||
    (typeof v === 'object' && v !== null && (v as { type?: string }).type === 'array')
  ) {
    const items = Array.isArray(v) ? v : ((v as { args: Value[] }).args ?? []);
    return items.flatMap((x) => {
      const s = astScalar(x, bigint);
      return s === undefined ? [] : [s];
    });
  }
  return astScalar(v, bigint);
}

/** A scalar/enum field from its text. `enumNames` tells enums from scalars. */
export function synthField(field: AstField, enumNames: ReadonlySet<string>): PrismaField | undefined {
  if (isFunc(field.fieldType)) return undefined; // Unsupported(...) is handled by the caller
  const type = field.fieldType;
  const kind = SCALARS.has(type) ? 'scalar' : enumNames.has(type) ? 'enum' : undefined;
  if (!kind) return undefined; // relation field
  const db = fieldAttrsInGroup(field, 'db')[0];
  const nativeType: [string, string[]] | null = db
    ? [db.name, (db.args ?? []).map((a) => String(unquote(a.value as Value) ?? a.value))]
    : null;
  const def = astDefault(field);
  return {
    name: field.name,
    kind,
    type,
    dbName: unquote(attrArg(fieldAttr(field, 'map'), null)) ?? null,
    isList: field.array === true,
    isRequired: field.optional !== true,
    isUnique: fieldAttr(field, 'unique') !== undefined,
    isId: fieldAttr(field, 'id') !== undefined,
    isUpdatedAt: fieldAttr(field, 'updatedAt') !== undefined,
    hasDefaultValue: def !== undefined,
    default: def,
    nativeType,
  };
}

/** A whole `@@ignore`d model: its scalar fields and its keys and indexes. */
export function synthModel(
  block: TextBlock,
  enumNames: ReadonlySet<string>,
): { model: PrismaModel; indexes: PrismaIndex[] } {
  const fields: PrismaField[] = [];
  const indexes: PrismaIndex[] = [];
  for (const f of block.fields) {
    const field = synthField(f.ast, enumNames);
    if (!field) continue;
    fields.push(field);
    for (const [attr, type] of [
      ['id', 'id'],
      ['unique', 'unique'],
    ] as const) {
      const a = fieldAttr(f.ast, attr);
      if (!a) continue;
      const map = unquote(attrArg(a, 'map'));
      indexes.push({
        model: block.name,
        type,
        isDefinedOnField: true,
        ...(map ? { dbName: map } : {}),
        fields: [{ name: f.name }],
      });
    }
  }
  for (const a of block.attributes) {
    const type = blockIndexType(a);
    if (!type) continue;
    const map = unquote(attrArg(a, 'map'));
    const algorithm = attrArg(a, 'type');
    indexes.push({
      model: block.name,
      type,
      isDefinedOnField: false,
      ...(map ? { dbName: map } : {}),
      ...(typeof algorithm === 'string' ? { algorithm } : {}),
      fields: indexFields(attrArg(a, 'fields') ?? attrArg(a, null)),
    });
  }
  return {
    model: {
      name: block.name,
      dbName: block.dbName ?? null,
      schema: block.schema,
      fields,
      primaryKey: null,
      documentation: block.documentation,
    },
    indexes,
  };
}

function blockIndexType(a: BlockAttribute): PrismaIndex['type'] | undefined {
  switch (a.name) {
    case 'id':
      return 'id';
    case 'unique':
      return 'unique';
    case 'index':
      return 'normal';
    case 'fulltext':
      return 'fulltext';
    default:
      return undefined;
  }
}

function indexFields(v: unknown): PrismaIndex['fields'] {
  const out: Array<PrismaIndex['fields'][number]> = [];
  const items =
    typeof v === 'object' && v !== null && (v as { type?: string }).type === 'array'
      ? ((v as { args: unknown[] }).args ?? [])
      : [];
  for (const item of items) {
    if (typeof item === 'string') out.push({ name: item });
    else if (isFunc(item)) {
      const args = (item.params ?? []) as unknown[];
      const kv = (key: string) =>
        (
          args.find((p) => typeof p === 'object' && p !== null && (p as { key?: string }).key === key) as
            | { value: Value }
            | undefined
        )?.value;
      const sort = kv('sort');
      const length = kv('length');
      const ops = kv('ops');
      out.push({
        name: item.name,
        // ascending is the default: the IR (keysAndIndexes) records only a descending part
        ...(sort === 'Desc' ? { sortOrder: 'desc' as const } : {}),
        ...(length !== undefined ? { length: Number(length) } : {}),
        ...(typeof ops === 'string' ? { operatorClass: ops } : {}),
      });
    }
  }
  return out.length > 0 ? out : arrayNames(v).map((name) => ({ name }));
}
