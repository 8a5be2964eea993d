import { qualifiedName } from '../../ir/names.js';
import type { Enum, Ir } from '../../ir/types.js';
import { code, escapeCell, escapeText, table } from '../markdown.js';
import { tagList } from './columns.js';

/** Columns (as `table.column`) that use an enum. */
export function enumUsage(ir: Ir, e: Enum): string[] {
  return ir.tables.flatMap((t) =>
    t.columns
      .filter((c) => c.type.enum && c.type.enum.name === e.name && c.type.enum.schema === e.schema)
      .map((c) => `${qualifiedName(t)}.${c.name}`),
  );
}

export function enumStorage(ir: Ir, e: Enum): string {
  if (e.native)
    return ir.dialect === 'postgresql'
      ? `native enum type ${code(qualifiedName(e))} (CREATE TYPE … AS ENUM)`
      : 'native enum type';
  return ir.dialect === 'mysql'
    ? 'inline ENUM(…) column type'
    : 'text column limited to these values (no database enum type)';
}

/** Enum section body: description, storage, values table, where it is used. */
export function enumBody(ir: Ir, e: Enum): string {
  const lines: string[] = [];
  if (e.description) lines.push(escapeText(e.description));
  if (e.tags.length) lines.push(`Tags: ${escapeText(tagList(e.tags))}`);
  lines.push(`**Database:** ${enumStorage(ir, e)}`);
  const used = enumUsage(ir, e);
  lines.push(`**Used by:** ${used.length ? used.map(code).join(', ') : 'no column'}`);
  lines.push(
    table(
      ['Value', 'Code name', 'Description'],
      e.values.map((v) => [
        code(v.name),
        v.codeName ? code(v.codeName) : '—',
        v.description ? escapeCell(v.description) : '—',
      ]),
    ),
  );
  return lines.join('\n\n');
}
