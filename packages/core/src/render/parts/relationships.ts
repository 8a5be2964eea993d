import { qualifiedName, sameTable } from '../../ir/names.js';
import type { TableRef } from '../../ir/types.js';
import type {
  ForeignKeyRelationship,
  ManyToManyRelationship,
  Relationship,
} from '../../relationships/derive.js';
import { code, escapeCell, table } from '../markdown.js';

const q = (r: TableRef) => code(qualifiedName(r));
const cols = (r: TableRef & { columns: string[] }) => code(`${qualifiedName(r)}.${r.columns.join(', ')}`);

export function fkRelationships(
  all: Relationship[],
  kind: 'one-to-one' | 'one-to-many',
): ForeignKeyRelationship[] {
  return all.filter((r): r is ForeignKeyRelationship => r.kind === kind);
}

export function manyToMany(all: Relationship[]): ManyToManyRelationship[] {
  return all.filter((r): r is ManyToManyRelationship => r.kind === 'many-to-many');
}

/** One sentence per relationship, e.g. "One `users` has many `posts` (`posts.author_id` → `users.id`, optional, ON DELETE SET NULL)". */
export function describeRelationship(r: Relationship): string {
  if (r.kind === 'many-to-many') {
    const payload = r.payloadColumns.length ? `; payload: ${r.payloadColumns.map(code).join(', ')}` : '';
    return `${q(r.left)} ↔ ${q(r.right)}: many-to-many through ${q(r.junction)}${payload}`;
  }
  const many = r.kind === 'one-to-many' ? 'has many' : 'has at most one';
  const self = r.selfReference ? ' (self-reference)' : '';
  const emulated = r.enforcedBy === 'orm' ? ', emulated by the ORM' : '';
  return `One ${q(r.parent)} ${many} ${q(r.child)}${self} (${cols(r.child)} → ${cols(r.parent)}, ${r.optional ? 'optional' : 'required'}, ON DELETE ${r.onDelete}${emulated})`;
}

/** Relationships a table takes part in, phrased from that table's side. */
export function relationshipsOf(all: Relationship[], ref: TableRef): string[] {
  const out: string[] = [];
  for (const r of all) {
    if (r.kind === 'many-to-many') {
      if (sameTable(r.left, ref) || sameTable(r.right, ref) || sameTable(r.junction, ref))
        out.push(describeRelationship(r));
      continue;
    }
    if (sameTable(r.parent, ref) || sameTable(r.child, ref)) out.push(describeRelationship(r));
  }
  return out;
}

export function fkRelationshipTable(
  rels: ForeignKeyRelationship[],
  parentLabel: string,
  childLabel: string,
): string {
  return table(
    [parentLabel, childLabel, 'Foreign Key', 'Description'],
    rels.map((r) => [
      q(r.parent),
      q(r.child),
      code(`${r.child.columns.join(', ')} → ${r.parent.columns.join(', ')}`),
      escapeCell(
        `${r.optional ? 'Optional' : 'Required'}${r.selfReference ? ' self-reference' : ''}; ON DELETE ${r.onDelete}, ON UPDATE ${r.onUpdate}${r.enforcedBy === 'orm' ? '; emulated by the ORM' : ''}${r.junction ? `; part of the junction ${qualifiedName(r.junction)}` : ''}`,
      ),
    ]),
  );
}

export function manyToManyTable(rels: ManyToManyRelationship[]): string {
  return table(
    ['Entity 1', 'Entity 2', 'Join Table', 'Description'],
    rels.map((r) => [
      q(r.left),
      q(r.right),
      q(r.junction),
      escapeCell(
        `${r.junction.leftColumns.join(', ')} → ${qualifiedName(r.left)}, ${r.junction.rightColumns.join(', ')} → ${qualifiedName(r.right)}${r.payloadColumns.length ? `; payload: ${r.payloadColumns.join(', ')}` : '; no payload columns'}`,
      ),
    ]),
  );
}
