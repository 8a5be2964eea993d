import { findEnum } from '../ir/names.js';
import type { Column, Ir, Table } from '../ir/types.js';
import { enumTypeName, fieldName, modelName, tsKey } from './_names.js';

/** A JSDoc block (or nothing) from a description and tags; `*\/` is escaped. */
export function jsDoc(
  description: string | undefined,
  tags: Array<{ name: string; value?: string }>,
  indent = '',
): string[] {
  const lines = [
    ...(description ? description.split('\n') : []),
    ...tags.map((t) => `@${t.name}${t.value ? ` ${t.value}` : ''}`),
  ].map((l) => l.replace(/\*\//g, '*\\/'));
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`];
}

/** The TypeScript type of a column's values (without null). */
export function tsType(ir: Ir, column: Column): string {
  let base: string;
  switch (column.type.category) {
    case 'enum': {
      const ref = column.type.enum;
      const e = findEnum(ir, ref);
      base = e ? enumTypeName(e) : 'string';
      break;
    }
    case 'string':
    case 'uuid':
    case 'network':
    case 'time':
    case 'interval':
      base = 'string';
      break;
    case 'decimal':
      base = 'string';
      break;
    case 'integer':
    case 'float':
      base = 'number';
      break;
    case 'bigint':
      base = 'bigint';
      break;
    case 'boolean':
      base = 'boolean';
      break;
    case 'datetime':
    case 'date':
      base = 'Date';
      break;
    case 'json':
      base = 'unknown';
      break;
    case 'binary':
      base = 'Uint8Array';
      break;
    case 'vector':
      base = 'number[]';
      break;
    case 'geometry':
    case 'other':
      base = 'unknown';
      break;
  }
  return column.type.isArray ? (/^\w+$/.test(base) ? `${base}[]` : `Array<${base}>`) : base;
}

/** The TypeScript interface of one table or view (code names, `| null`, JSDoc); the enum types it names are declared by `typescriptInterfaces`. */
export function tableInterface(ir: Ir, table: Table): string {
  const lines = jsDoc(table.description, table.tags);
  lines.push(`export interface ${modelName(table)} {`);
  for (const column of table.columns) {
    lines.push(...jsDoc(column.description, column.tags, '  '));
    lines.push(`  ${tsKey(fieldName(column))}: ${tsType(ir, column)}${column.nullable ? ' | null' : ''};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * One TypeScript interface per table (and view), with code names, `| null` for nullable columns,
 * enums as string-literal union types and JSDoc from descriptions and tags. Types describe what a
 * typical driver returns: decimals as string, bigint as bigint, timestamps as Date, JSON as unknown.
 */
export function typescriptInterfaces(ir: Ir): string {
  const blocks: string[] = [];
  for (const e of ir.enums) {
    const doc = jsDoc(e.description, e.tags);
    const union = e.values.map((v) => JSON.stringify(v.name)).join(' | ');
    blocks.push([...doc, `export type ${enumTypeName(e)} = ${union};`].join('\n'));
  }
  for (const table of ir.tables) blocks.push(tableInterface(ir, table));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}
