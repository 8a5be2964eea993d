import { qualifiedName, sameTable } from '../../ir/names.js';
import type { TableRef } from '../../ir/types.js';
import type {
  ForeignKeyRelationship,
  ManyToManyRelationship,
  Relationship,
} from '../../relationships/derive.js';
import type { RenderContext } from '../context.js';
import { code, escapeCell, table } from '../markdown.js';
import { ofTable } from '../memo.js';

type WithIndex = Pick<RenderContext, 'index'>;

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
export function relationshipsOf(ctx: WithIndex, ref: TableRef): string[] {
  const out: string[] = [];
  for (const r of ofTable(ctx.index.relationships, ref)) {
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

/**
 * A table's relationships, grouped by kind and phrased from the table's side (as in "One-to-Many
 * with X (via `x_id`)"): what it belongs to (its foreign keys, with optionality and ON DELETE), what
 * has many / one of it, and its many-to-many partners. One line per kind, so a table referenced by
 * many others stays readable; the full list of relationships is in each document's Relationships section.
 * `outgoing: false` leaves out what it belongs to (its foreign keys, listed beside it), never a self-reference.
 */
export function relationshipSummary(
  ctx: WithIndex,
  ref: TableRef,
  options: { outgoing?: boolean } = {},
): string[] {
  const outgoing = options.outgoing ?? true;
  const belongs: string[] = [];
  const many: string[] = [];
  const one: string[] = [];
  const m2m: string[] = [];
  const self: string[] = [];
  for (const r of ofTable(ctx.index.relationships, ref)) {
    if (r.kind === 'many-to-many') {
      const payload = r.payloadColumns.length ? `, with ${r.payloadColumns.map(code).join(', ')}` : '';
      if (sameTable(r.left, ref)) m2m.push(`${q(r.right)} through ${q(r.junction)}${payload}`);
      else if (sameTable(r.right, ref)) m2m.push(`${q(r.left)} through ${q(r.junction)}${payload}`);
      continue;
    }
    const via = code(r.child.columns.join(', '));
    const rule = `${r.optional ? 'optional' : 'required'}, ON DELETE ${r.onDelete}${r.enforcedBy === 'orm' ? ', emulated by the ORM' : ''}`;
    if (r.selfReference && sameTable(r.child, ref)) {
      self.push(`${via} → ${q(r.parent)} (${r.kind}, ${rule})`);
      continue;
    }
    if (sameTable(r.child, ref))
      belongs.push(`${q(r.parent)} via ${via} (${r.kind === 'one-to-one' ? 'one-to-one, ' : ''}${rule})`);
    if (sameTable(r.parent, ref)) (r.kind === 'one-to-one' ? one : many).push(`${q(r.child)} (${via})`);
  }
  return [
    outgoing && belongs.length ? `**Belongs to:** ${belongs.join('; ')}` : '',
    many.length ? `**Has many:** ${many.join(', ')}` : '',
    one.length ? `**Has at most one:** ${one.join(', ')}` : '',
    m2m.length ? `**Many-to-many with:** ${m2m.join('; ')}` : '',
    // A self-reference is both outgoing and incoming: it is listed even where the table's own
    // foreign keys are shown elsewhere (the schema reference's table section and file).
    self.length ? `**Self-reference:** ${self.join('; ')}` : '',
  ].filter(Boolean);
}

/**
 * Foreign-key relationships of one kind grouped by parent, one line each: "`users` → `api_keys`,
 * `posts` (`author_id`)". The referencing column is named when it is not the only link between the two.
 */
export function groupedByParent(rels: ForeignKeyRelationship[]): string[] {
  const byParent = new Map<string, ForeignKeyRelationship[]>();
  for (const r of rels) {
    const list = byParent.get(qualifiedName(r.parent));
    if (list) list.push(r);
    else byParent.set(qualifiedName(r.parent), [r]);
  }
  return [...byParent.entries()].map(([parent, rs]) => {
    const children = rs.map((r) => {
      const twins = rs.filter((x) => sameTable(x.child, r.child)).length;
      const self = r.selfReference ? ', self-reference' : '';
      return `${q(r.child)}${twins > 1 || self ? ` (${code(r.child.columns.join(', '))}${self})` : ''}`;
    });
    return `${code(parent)} → ${children.join(', ')}`;
  });
}
