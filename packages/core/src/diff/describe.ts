import { qualifiedName } from '../ir/names.js';
import type {
  CheckConstraint,
  Column,
  ColumnDefault,
  ForeignKey,
  Index,
  PrimaryKey,
  Tag,
  UniqueConstraint,
} from '../ir/types.js';

/** Short SQL-like texts of IR pieces: what a change shows as its before and after. */

export function defaultText(d: ColumnDefault | undefined): string {
  if (!d) return '(none)';
  switch (d.kind) {
    case 'sql':
      return d.expression;
    case 'literal':
      return d.sql;
    case 'sequence':
      return d.style;
    case 'orm':
      return `${d.description} (ORM)`;
  }
}

export function typeText(c: Column): string {
  return c.type.sql;
}

export function nullText(c: Column): string {
  return c.nullable ? 'NULL' : 'NOT NULL';
}

export function columnText(c: Column): string {
  const parts = [c.type.sql, nullText(c)];
  if (c.default) parts.push(`DEFAULT ${defaultText(c.default)}`);
  return parts.join(' ');
}

const list = (cols: readonly string[]) => `(${cols.join(', ')})`;

export function keyText(k: PrimaryKey | UniqueConstraint): string {
  return list(k.columns);
}

export function indexText(i: Index): string {
  const parts = i.parts.map((p) =>
    [
      p.column ?? `(${p.expression})`,
      p.order === 'desc' ? 'DESC' : '',
      p.nulls ? `NULLS ${p.nulls.toUpperCase()}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  let text = `${i.unique ? 'UNIQUE ' : ''}${i.method && i.method !== 'btree' ? `USING ${i.method} ` : ''}${list(parts)}`;
  if (i.include?.length) text += ` INCLUDE ${list(i.include)}`;
  if (i.where) text += ` WHERE ${i.where}`;
  return text;
}

export function fkTarget(f: ForeignKey): string {
  return `${list(f.columns)} → ${qualifiedName(f.references)}${list(f.references.columns)}`;
}

export function fkActions(f: ForeignKey): string {
  return `ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
}

export function checkText(c: CheckConstraint): string {
  return c.expression;
}

export function tagsText(tags: readonly Tag[]): string {
  if (tags.length === 0) return '(none)';
  return tags
    .map((t) => (t.value === undefined ? `@${t.name}` : `@${t.name}(${t.value})`))
    .sort()
    .join(' ');
}
