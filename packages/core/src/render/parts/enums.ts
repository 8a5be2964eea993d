import { qualifiedName } from '../../ir/names.js';
import type { Enum, Ir } from '../../ir/types.js';
import type { RenderContext } from '../context.js';
import { code, escapeCell, escapeText, table } from '../markdown.js';
import { enumKey } from '../memo.js';
import { tagList } from './columns.js';

/** Columns (as `table.column`) that use an enum (from the render's index). */
export function enumUsage(ctx: Pick<RenderContext, 'index'>, e: Enum): string[] {
  return [...(ctx.index.enumUsage.get(enumKey(e)) ?? [])];
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
export function enumBody(ctx: Pick<RenderContext, 'ir' | 'index'>, e: Enum): string {
  const { ir } = ctx;
  const lines: string[] = [];
  if (e.description) lines.push(escapeText(e.description));
  if (e.tags.length) lines.push(`Tags: ${escapeText(tagList(e.tags))}`);
  lines.push(`**Database:** ${enumStorage(ir, e)}`);
  const used = enumUsage(ctx, e);
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
