import { findEnum, qualifiedName, sameTable } from '../ir/names.js';
import type { Column, ColumnDefault, Enum, Index, Ir, ReferentialAction, Table } from '../ir/types.js';
import { fieldName as codeName, enumTypeName, modelName } from './_names.js';
import { indexedRelations, type Relations, relationsOf } from './_relations.js';

const ACTIONS: Record<ReferentialAction, string> = {
  'NO ACTION': 'NoAction',
  RESTRICT: 'Restrict',
  CASCADE: 'Cascade',
  'SET NULL': 'SetNull',
  'SET DEFAULT': 'SetDefault',
};

const str = (s: string) => JSON.stringify(s);

/** A Prisma field name: the code name, made a valid identifier (`we"ird` -> `we_ird`, then `@map`ped). */
function fieldName(column: Pick<Column, 'name' | 'codeName'>): string {
  const name = codeName(column);
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return name;
  const safe = name.normalize('NFKD').replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[A-Za-z]/.test(safe) ? safe : `f${safe}`;
}
const docLines = (text: string | undefined, tags: Array<{ name: string; value?: string }>, indent = '') =>
  [...(text ? text.split('\n') : []), ...tags.map((t) => `@${t.name}${t.value ? `(${t.value})` : ''}`)].map(
    (l) => `${indent}/// ${l}`.trimEnd(),
  );

/** Prisma scalar type and native type attribute for a column. */
function prismaType(ir: Ir, column: Column): { type: string; native?: string } {
  const sql = column.type.sql.toLowerCase().replace(/\[\]$/, '');
  const args = /\(([^)]*)\)/.exec(sql)?.[1];
  const pg = ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';
  switch (column.type.category) {
    case 'enum': {
      const ref = column.type.enum;
      const e = findEnum(ir, ref);
      return { type: e ? enumTypeName(e) : 'String' };
    }
    case 'string':
      if (sql.startsWith('varchar') || sql.startsWith('character varying'))
        return { type: 'String', native: args ? `@db.VarChar(${args})` : '@db.VarChar' };
      if (sql.startsWith('char')) return { type: 'String', native: `@db.Char(${args ?? 1})` };
      if (sql === 'citext') return { type: 'String', native: '@db.Citext' };
      return { type: 'String', ...(pg || sql !== 'text' ? {} : { native: '@db.Text' }) };
    case 'uuid':
      return { type: 'String', ...(pg ? { native: '@db.Uuid' } : {}) };
    case 'integer':
      return { type: 'Int', ...(sql.startsWith('smallint') ? { native: '@db.SmallInt' } : {}) };
    case 'bigint':
      return { type: 'BigInt' };
    case 'decimal':
      return { type: 'Decimal', ...(args ? { native: `@db.Decimal(${args})` } : {}) };
    case 'float':
      return { type: 'Float', ...(sql === 'real' ? { native: '@db.Real' } : {}) };
    case 'boolean':
      return { type: 'Boolean' };
    case 'datetime': {
      const tz = /tz|with time zone/.test(sql);
      if (!pg) return { type: 'DateTime' };
      if (tz) return { type: 'DateTime', native: `@db.Timestamptz(${args ?? 6})` };
      return { type: 'DateTime', ...(args === '3' ? {} : { native: `@db.Timestamp(${args ?? 6})` }) };
    }
    case 'date':
      return { type: 'DateTime', native: '@db.Date' };
    case 'time':
      return { type: 'DateTime', native: /tz/.test(sql) ? '@db.Timetz' : '@db.Time' };
    case 'json':
      return { type: 'Json', ...(pg && sql === 'json' ? { native: '@db.Json' } : {}) };
    case 'binary':
      return { type: 'Bytes' };
    case 'network':
      return { type: 'String', ...(pg && sql === 'inet' ? { native: '@db.Inet' } : {}) };
    case 'interval':
    case 'geometry':
    case 'vector':
    case 'other':
      return { type: `Unsupported(${str(column.type.sql)})` };
  }
}

function prismaDefault(column: Column, enumDef: Enum | undefined): string | undefined {
  const d: ColumnDefault | undefined = column.default;
  if (!d) return undefined;
  switch (d.kind) {
    case 'sequence':
      return 'autoincrement()';
    case 'sql': {
      const e = d.expression.trim().toLowerCase();
      if (e === 'now()' || e === 'current_timestamp') return 'now()';
      return `dbgenerated(${str(d.expression)})`;
    }
    case 'literal':
      if (enumDef && typeof d.value === 'string') return d.value;
      if (typeof d.value === 'string') return str(d.value);
      if (typeof d.value === 'number' || typeof d.value === 'boolean') return String(d.value);
      if (d.value === null) return undefined;
      if (Array.isArray(d.value))
        return `[${d.value.map((v) => (typeof v === 'string' ? str(v) : String(v))).join(', ')}]`;
      return str(JSON.stringify(d.value));
    case 'orm': {
      const g = d.generator.toLowerCase();
      if (['uuid', 'cuid', 'nanoid', 'ulid', 'now'].includes(g)) return `${g}()`;
      return undefined;
    }
  }
}

function indexFields(table: Table, ix: Index): string | undefined {
  if (ix.parts.some((p) => p.column === undefined)) return undefined;
  return ix.parts
    .map((p) => {
      const col = table.columns.find((c) => c.name === p.column);
      const name = col ? fieldName(col) : (p.column as string);
      return p.order === 'desc' ? `${name}(sort: Desc)` : name;
    })
    .join(', ');
}

function modelBlock(ir: Ir, table: Table, multiSchema: boolean, rels: Relations): string {
  const lines: string[] = [...docLines(table.description, table.tags), `model ${modelName(table)} {`];
  const fields: string[][] = [];
  const singleUnique = new Set<string>();
  for (const u of table.uniques) if (u.columns.length === 1) singleUnique.add(u.columns[0] as string);
  for (const ix of table.indexes)
    if (ix.unique && !ix.where && ix.parts.length === 1 && ix.parts[0]?.column && !ix.parts[0].order)
      singleUnique.add(ix.parts[0].column);
  const pk = table.primaryKey?.columns ?? [];
  for (const column of table.columns) {
    const enumDef = findEnum(ir, column.type.enum, { loose: true });
    const { type, native } = prismaType(ir, column);
    const attrs: string[] = [];
    if (pk.length === 1 && pk[0] === column.name) attrs.push('@id');
    if (singleUnique.has(column.name)) attrs.push('@unique');
    const def = prismaDefault(column, enumDef);
    if (def) attrs.push(`@default(${def})`);
    if (column.onUpdate?.kind === 'orm') attrs.push('@updatedAt');
    if (fieldName(column) !== column.name) attrs.push(`@map(${str(column.name)})`);
    if (native) attrs.push(native);
    const suffix = column.type.isArray ? '[]' : column.nullable ? '?' : '';
    for (const l of docLines(column.description, column.tags, '  ')) fields.push([l]);
    fields.push([`  ${fieldName(column)}`, `${type}${suffix}`, attrs.join(' ')]);
  }
  for (const r of relationsOf(rels, table).filter((x) => sameTable(x.child, table))) {
    const fk = r.fk;
    const cols = fk.columns.map((c) => fieldName(table.columns.find((x) => x.name === c) ?? { name: c }));
    const refs = fk.references.columns.map((c) =>
      fieldName(r.parent.columns.find((x) => x.name === c) ?? { name: c }),
    );
    const args = [
      ...(r.relationName ? [str(r.relationName)] : []),
      `fields: [${cols.join(', ')}]`,
      `references: [${refs.join(', ')}]`,
      `onDelete: ${ACTIONS[fk.onDelete]}`,
      `onUpdate: ${ACTIONS[fk.onUpdate]}`,
      ...(fk.nameExplicit ? [`map: ${str(fk.name)}`] : []),
    ];
    fields.push([
      `  ${r.childField}`,
      `${modelName(r.parent)}${r.optional ? '?' : ''}`,
      `@relation(${args.join(', ')})`,
    ]);
  }
  for (const r of relationsOf(rels, table).filter((x) => sameTable(x.parent, table))) {
    const type = r.oneToOne ? `${modelName(r.child)}?` : `${modelName(r.child)}[]`;
    fields.push([`  ${r.parentField}`, type, r.relationName ? `@relation(${str(r.relationName)})` : '']);
  }
  const w0 = Math.max(0, ...fields.filter((f) => f.length > 1).map((f) => (f[0] ?? '').length));
  const w1 = Math.max(0, ...fields.filter((f) => f.length > 1).map((f) => (f[1] ?? '').length));
  for (const f of fields)
    lines.push(
      f.length === 1
        ? (f[0] as string)
        : `${(f[0] ?? '').padEnd(w0)} ${(f[1] ?? '').padEnd(w1)} ${f[2] ?? ''}`.trimEnd(),
    );
  const block: string[] = [];
  if (pk.length > 1)
    block.push(
      `@@id([${pk.map((c) => fieldName(table.columns.find((x) => x.name === c) ?? { name: c })).join(', ')}])`,
    );
  for (const u of table.uniques)
    if (u.columns.length > 1)
      block.push(
        `@@unique([${u.columns.map((c) => fieldName(table.columns.find((x) => x.name === c) ?? { name: c })).join(', ')}])`,
      );
  for (const ix of table.indexes) {
    const f = indexFields(table, ix);
    if (!f) {
      block.push(`// index ${ix.name} on an expression is not expressible in Prisma (kept in the database)`);
      continue;
    }
    if (ix.unique && ix.parts.length === 1 && singleUnique.has(ix.parts[0]?.column ?? '')) continue;
    if (ix.where) block.push(`// partial index ${ix.name} (WHERE ${ix.where}) is not expressible in Prisma`);
    else
      block.push(
        `${ix.unique ? '@@unique' : '@@index'}([${f}]${ix.method && ix.method !== 'btree' ? `, type: ${ix.method.charAt(0).toUpperCase()}${ix.method.slice(1)}` : ''})`,
      );
  }
  if (modelName(table) !== table.name) block.push(`@@map(${str(table.name)})`);
  if (multiSchema) block.push(`@@schema(${str(table.schema ?? 'public')})`);
  if (block.length > 0) lines.push('', ...block.map((b) => `  ${b}`));
  lines.push('}');
  return lines.join('\n');
}

function enumBlock(e: Enum, multiSchema: boolean): string {
  const lines = [...docLines(e.description, e.tags), `enum ${enumTypeName(e)} {`];
  for (const v of e.values) {
    const ok = /^[A-Za-z][A-Za-z0-9_]*$/.test(v.name);
    lines.push(
      ok
        ? `  ${v.name}`
        : `  ${(v.codeName ?? v.name.replace(/\W+/g, '_')).replace(/^(\d)/, '_$1')} @map(${str(v.name)})`,
    );
  }
  const block = [
    ...(enumTypeName(e) !== e.name ? [`@@map(${str(e.name)})`] : []),
    ...(multiSchema ? [`@@schema(${str(e.schema ?? 'public')})`] : []),
  ];
  if (block.length > 0) lines.push('', ...block.map((b) => `  ${b}`));
  lines.push('}');
  return lines.join('\n');
}

const PROVIDERS: Record<Ir['dialect'], string> = {
  postgresql: 'postgresql',
  cockroachdb: 'cockroachdb',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
};

/**
 * A schema.prisma rendition of the IR: datasource, enums, one model per base table with `@map`/
 * `@@map` to database names, native types, defaults, `@updatedAt`, keys, indexes and relation
 * fields on both sides (named when ambiguous). Views, expression and partial indexes are noted as
 * comments. Multi-schema IRs get `schemas` and `@@schema`.
 */
export function prismaSchema(ir: Ir): string {
  const tables = ir.tables.filter((t) => t.kind === 'table');
  const schemas = [
    ...new Set([...tables.map((t) => t.schema), ...ir.enums.map((e) => e.schema)].map((s) => s ?? 'public')),
  ].sort();
  const multiSchema = schemas.length > 1 || (schemas[0] !== undefined && schemas[0] !== 'public');
  const head = [
    'generator client {',
    '  provider = "prisma-client-js"',
    '}',
    '',
    'datasource db {',
    `  provider = ${str(PROVIDERS[ir.dialect])}`,
    ...(multiSchema ? [`  schemas  = [${schemas.map(str).join(', ')}]`] : []),
    '}',
  ].join('\n');
  const views = ir.tables.filter((t) => t.kind !== 'table');
  const rels = indexedRelations(ir);
  const blocks = [
    head,
    ...ir.enums.map((e) => enumBlock(e, multiSchema)),
    ...tables.map((t) => modelBlock(ir, t, multiSchema, rels)),
    ...(views.length > 0
      ? [`// Views not rendered as models: ${views.map((v) => qualifiedName(v)).join(', ')}`]
      : []),
  ];
  return `${blocks.join('\n\n')}\n`;
}
