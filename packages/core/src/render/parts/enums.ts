import { qualifiedName } from '../../ir/names.js';
import type { Enum, Ir, Table } from '../../ir/types.js';
import { code, escapeCell, escapeText, table } from '../markdown.js';
import { tagList } from './columns.js';

/** Columns (as `table.column`) that use an enum. */
export function enumUsage(ir: Ir, e: Enum): string[] {
  return [...(enumUsageIndex(ir.tables).get(e.schema)?.get(e.name) ?? [])];
}

/** Per `tables` array: enum schema -> enum name -> `table.column` using it, in table and column order. */
type UsageIndex = Map<string | null | undefined, Map<string, string[]>>;
const usageIndexes = new WeakMap<readonly Table[], { length: number; index: UsageIndex }>();

function enumUsageIndex(tables: readonly Table[]): UsageIndex {
  const cached = usageIndexes.get(tables);
  if (cached && cached.length === tables.length) return cached.index;
  const index: UsageIndex = new Map();
  for (const t of tables)
    for (const c of t.columns) {
      const ref = c.type.enum;
      if (!ref) continue;
      let byName = index.get(ref.schema);
      if (!byName) {
        byName = new Map();
        index.set(ref.schema, byName);
      }
      const list = byName.get(ref.name);
      const place = `${qualifiedName(t)}.${c.name}`;
      if (list) list.push(place);
      else byName.set(ref.name, [place]);
    }
  usageIndexes.set(tables, { length: tables.length, index });
  return index;
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
