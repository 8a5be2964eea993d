import { compareRefs, findEnum, findTable } from '../ir/names.js';
import type { Column, Enum, ForeignKey, Ir, Table, TableRef, Tag } from '../ir/types.js';
import { dependencyOrder } from '../relationships/order.js';
import { commentText } from './identifiers.js';

/** The description as the database comment holds it: the text, then its tags (`@pii`, `@owner(x)`). */
export function commentWithTags(description: string | undefined, tags: Tag[]): string | undefined {
  const tagText = tags
    .map((t) => (t.value === undefined ? `@${t.name}` : `@${t.name}(${t.value})`))
    .join(' ');
  const parts = [description, tagText].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : undefined;
}

/** Tables (not views) in FK-safe order, then views and materialized views by name. */
export function orderedRelations(ir: Ir): { tables: Table[]; views: Table[] } {
  const tables = dependencyOrder(ir).order.map((ref) => findTable(ir, ref) as Table);
  const views = ir.tables.filter((t) => t.kind !== 'table').sort(compareRefs);
  return { tables, views };
}

export function enumOf(ir: Ir, column: Column): Enum | undefined {
  const ref = column.type.enum;
  if (!ref) return undefined;
  return findEnum(ir, ref);
}

/** A trailing `-- ...` for a column line, from notes (ORM default, ORM refresh, lossy type). */
export function trailingComment(notes: Array<string | undefined>): string {
  const kept = notes.filter((n): n is string => !!n).map(commentText);
  return kept.length ? ` -- ${kept.join('; ')}` : '';
}

/** Notes about how a column is refreshed on update, for dialects that do not do it in DDL. */
export function onUpdateNote(column: Column, target: 'postgresql' | 'mysql' | 'sqlite'): string | undefined {
  const u = column.onUpdate;
  if (!u) return undefined;
  switch (u.kind) {
    case 'orm':
      return `updated by the ORM on every update: ${u.description}`;
    case 'sql':
      return target === 'mysql'
        ? undefined
        : `refreshed on update with ${u.expression} (no trigger generated)`;
  }
}

/** Lines of a parenthesised, comma-separated body where lines may carry a trailing `-- comment`. */
export function joinBody(items: Array<{ sql: string; comment?: string }>, indent = '  '): string {
  return items
    .map((item, i) => `${indent}${item.sql}${i < items.length - 1 ? ',' : ''}${item.comment ?? ''}`)
    .join('\n');
}

/** A human sentence for an ORM-enforced foreign key (kept as a comment, never as a constraint). */
export function ormForeignKeyNote(table: TableRef, fk: ForeignKey, relationMode?: string): string {
  const target = `${fk.references.schema ? `${fk.references.schema}.` : ''}${fk.references.name}`;
  const mode = relationMode === 'prisma' ? ' (relationMode = "prisma")' : '';
  return commentText(
    `${fk.name}: ${table.name}(${fk.columns.join(', ')}) -> ${target}(${fk.references.columns.join(', ')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate} is emulated by the ORM${mode}; no FOREIGN KEY in the database`,
  );
}

/** Joins statement blocks with one blank line between them, ending with a newline. */
/** A titled group of DDL blocks: the title comment goes on the first block; an empty group vanishes. */
export function section(title: string, blocks: string[]): string[] {
  const [first, ...rest] = blocks;
  return first === undefined ? [] : [`-- ${title}\n${first}`, ...rest];
}

export function joinBlocks(blocks: string[]): string {
  const kept = blocks.filter((b) => b.trim() !== '');
  return kept.length ? `${kept.join('\n\n')}\n` : '';
}
