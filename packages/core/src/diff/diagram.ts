import { findTable, qualifiedName, sameTable } from '../ir/names.js';
import type { Column, Ir, Table, TableRef } from '../ir/types.js';
import { EntityNames } from '../mermaid/_entities.js';
import { mermaidText, mermaidToken } from '../mermaid/_syntax.js';
import type { SchemaChange } from './schema.js';

/**
 * A Mermaid ER diagram of the changed tables and their direct neighbours (tables one foreign key
 * away, before or after). Changed tables show every column, marked "added", "removed", "renamed
 * from x" or "changed"; dropped tables show their old columns all marked "removed"; neighbours show
 * only their key columns. Without neighbours when they would pass `maxTables`; undefined when no
 * table changed or the changed tables alone pass it.
 */
export const DIFF_DIAGRAM_MAX_TABLES = 30;

export function diffDiagram(
  before: Ir,
  after: Ir,
  changes: readonly SchemaChange[],
  maxTables = DIFF_DIAGRAM_MAX_TABLES,
): { code: string; neighbours: boolean } | undefined {
  const changed = new Set(changes.flatMap((c) => (c.table ? [c.table] : [])));
  if (changed.size === 0) return undefined;
  const byName = new Map<string, { before?: Table; after?: Table }>();
  for (const t of before.tables) byName.set(qualifiedName(t), { before: t });
  for (const t of after.tables) byName.set(qualifiedName(t), { ...byName.get(qualifiedName(t)), after: t });
  const links: Array<{ child: TableRef; parent: TableRef; label: string; gone: boolean; new: boolean }> = [];
  const seen = new Set<string>();
  for (const [ir, tag] of [
    [before, 'before'],
    [after, 'after'],
  ] as const)
    for (const t of ir.tables)
      for (const fk of t.foreignKeys) {
        const key = `${qualifiedName(t)}>${qualifiedName(fk.references)}:${fk.columns.join(',')}`;
        const inAfter = findFk(after, t, fk.columns, fk.references);
        const inBefore = findFk(before, t, fk.columns, fk.references);
        if (seen.has(key)) continue;
        seen.add(key);
        links.push({
          child: t,
          parent: fk.references,
          label: fk.columns.join(', '),
          gone: tag === 'before' && !inAfter,
          new: tag === 'after' && !inBefore,
        });
      }
  const shown = new Set(changed);
  for (const l of links) {
    const c = qualifiedName(l.child);
    const p = qualifiedName(l.parent);
    if (changed.has(c)) shown.add(p);
    if (changed.has(p)) shown.add(c);
  }
  // Neighbours are dropped first when the diagram would be too large to read (or for GitHub to draw).
  const pool = shown.size <= maxTables ? shown : changed;
  if (pool.size > maxTables) return undefined;
  const names = [...pool].filter((n) => byName.has(n)).sort();
  const refs = names.map((n) => {
    const t = byName.get(n)!;
    return (t.after ?? t.before) as Table;
  });
  const ids = new EntityNames(refs);
  const lines = ['erDiagram'];
  for (const n of names) {
    const t = byName.get(n)!;
    lines.push(...entity(ids, t.before, t.after, changed.has(n), changes));
  }
  for (const l of links) {
    if (!pool.has(qualifiedName(l.child)) || !pool.has(qualifiedName(l.parent))) continue;
    const note = l.gone ? ' (removed)' : l.new ? ' (added)' : '';
    lines.push(`  ${ids.id(l.parent)} ||--o{ ${ids.id(l.child)} : "${mermaidText(`${l.label}${note}`)}"`);
  }
  return { code: `${lines.join('\n')}\n`, neighbours: pool === shown };
}

function findFk(ir: Ir, table: TableRef, columns: string[], parent: TableRef): boolean {
  const t = findTable(ir, table);
  return Boolean(
    t?.foreignKeys.some((f) => sameTable(f.references, parent) && f.columns.join() === columns.join()),
  );
}

function entity(
  ids: EntityNames,
  before: Table | undefined,
  after: Table | undefined,
  changed: boolean,
  changes: readonly SchemaChange[],
): string[] {
  const table = (after ?? before) as Table;
  const name = qualifiedName(table);
  const state = !before ? 'added' : !after ? 'removed' : undefined;
  const head = state ? ids.stub(table, `${name} (${state})`) : ids.declaration(table);
  const mine = changes.filter((c) => c.table === name && c.column);
  const keys = new Set([
    ...(table.primaryKey?.columns ?? []),
    ...table.foreignKeys.flatMap((f) => f.columns),
  ]);
  const rows: Array<[Column, string]> = [];
  for (const c of table.columns) {
    const notes = mine
      .filter((m) => m.column === c.name)
      .map(noteOf)
      .filter(Boolean);
    if (!changed && !keys.has(c.name)) continue;
    rows.push([c, state ?? notes.join('; ')]);
  }
  if (before && after)
    for (const m of changes)
      if (m.table === name && m.kind === 'column-dropped') {
        const old = before.columns.find((c) => c.name === m.column);
        if (old) rows.push([old, 'removed']);
      }
  if (rows.length === 0) return [`  ${head}`];
  const pk = new Set(table.primaryKey?.columns ?? []);
  const fk = new Set(table.foreignKeys.flatMap((f) => f.columns));
  const lines = [`  ${head} {`];
  for (const [c, note] of rows) {
    const marks = [pk.has(c.name) ? 'PK' : '', fk.has(c.name) ? 'FK' : ''].filter(Boolean).join(', ');
    const type = c.type.enum ? `${c.type.enum.name}${c.type.isArray ? '[]' : ''}` : c.type.sql;
    lines.push(
      `    ${mermaidToken(type)} ${mermaidToken(c.name)}${marks ? ` ${marks}` : ''}${note ? ` "${mermaidText(note)}"` : ''}`,
    );
  }
  lines.push('  }');
  return lines;
}

function noteOf(c: SchemaChange): string {
  switch (c.kind) {
    case 'column-added':
      return 'added';
    case 'column-renamed':
      return `renamed from ${c.before} (guess)`;
    case 'column-type-changed':
      return `type was ${c.before}`;
    case 'column-nullability-changed':
      return `was ${c.before}`;
    case 'column-default-changed':
      return 'default changed';
    default:
      return '';
  }
}
