import { qualifiedName, sameTable } from '../ir/names.js';
import type { Table, TableRef } from '../ir/types.js';
import type { ForeignKeyRelationship } from '../relationships/derive.js';
import { entityIdText, mermaidText, mermaidToken } from './_syntax.js';

/** Unique, stable Mermaid entity ids for every table of the IR (quoted; aliased when the id had to change). */
export class EntityNames {
  private readonly ids = new Map<string, string>();

  constructor(tables: TableRef[]) {
    const used = new Set<string>();
    for (const t of tables) {
      const base = entityIdText(qualifiedName(t));
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
      used.add(id);
      this.ids.set(qualifiedName(t), id);
    }
  }

  id(ref: TableRef): string {
    return `"${this.ids.get(qualifiedName(ref)) ?? entityIdText(qualifiedName(ref))}"`;
  }

  /** A stub: the entity with no attributes, shown as `label` (e.g. its name and domain). */
  stub(ref: TableRef, label: string): string {
    const id = this.ids.get(qualifiedName(ref)) ?? entityIdText(qualifiedName(ref));
    return `"${id}"["${mermaidText(label)}"]`;
  }

  /** `"id"` or `"id"["label"]` when the id cannot show the real name. */
  declaration(ref: TableRef): string {
    const name = qualifiedName(ref);
    const id = this.ids.get(name) ?? entityIdText(name);
    return id === name ? `"${id}"` : `"${id}"["${mermaidText(name)}"]`;
  }
}

export interface EntityOptions {
  /** Show attributes (false: the entity name only, for overviews). */
  attributes: boolean;
  /** Show column descriptions as attribute comments. */
  comments: boolean;
}

/** An entity block: `"id" {` then `type name PK, FK "comment"` lines. */
export function entityBlock(table: Table, names: EntityNames, options: EntityOptions): string[] {
  const head = names.declaration(table);
  if (!options.attributes || table.columns.length === 0) return [`  ${head}`];
  const pk = new Set(table.primaryKey?.columns ?? []);
  const fk = new Set(table.foreignKeys.flatMap((f) => f.columns));
  const lines = [`  ${head} {`];
  for (const c of table.columns) {
    const keys: string[] = [];
    if (pk.has(c.name)) keys.push('PK');
    if (fk.has(c.name)) keys.push('FK');
    if (!pk.has(c.name) && isSingleUnique(table, c.name)) keys.push('UK');
    const type = c.type.enum ? `${c.type.enum.name}${c.type.isArray ? '[]' : ''}` : c.type.sql;
    let line = `    ${mermaidToken(type)} ${mermaidToken(c.name)}`;
    if (keys.length) line += ` ${keys.join(', ')}`;
    const comment = options.comments && c.description ? mermaidText(c.description) : '';
    if (comment) line += ` "${comment}"`;
    lines.push(line);
  }
  lines.push('  }');
  return lines;
}

function isSingleUnique(table: Table, column: string): boolean {
  return (
    table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === column) ||
    table.indexes.some((i) => i.unique && !i.where && i.parts.length === 1 && i.parts[0]?.column === column)
  );
}

/**
 * A relationship line, parent on the left: `||--o{` one-to-many, `|o--o{` when the FK is nullable,
 * `||--o|` / `|o--o|` one-to-one. Solid for a database FOREIGN KEY, dotted when only the ORM enforces
 * it (the label then ends with "(ORM)"). Label: the FK columns, or the FK name.
 */
export function relationshipLine(
  rel: ForeignKeyRelationship,
  names: EntityNames,
  label: 'columns' | 'name',
): string {
  const left = rel.optional ? '|o' : '||';
  const right = rel.kind === 'one-to-one' ? 'o|' : 'o{';
  const text = `${label === 'name' ? rel.foreignKey : rel.child.columns.join(', ')}${rel.enforcedBy === 'orm' ? ' (ORM)' : ''}`;
  return `  ${names.id(rel.parent)} ${left}${rel.enforcedBy === 'database' ? '--' : '..'}${right} ${names.id(rel.child)} : "${mermaidText(text)}"`;
}

export function tableIn(tables: TableRef[], ref: TableRef): boolean {
  return tables.some((t) => sameTable(t, ref));
}
