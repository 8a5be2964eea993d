import { qualifiedName } from '../ir/names.js';
import type { Ir } from '../ir/types.js';
import { deriveRelationships } from '../relationships/derive.js';
import { readingOrder } from '../render/parts/order.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface MapLine {
  left: string;
  arrow: string;
  right: string;
  detail: string;
}

/**
 * The relationships as an aligned text map, one line each:
 *   users         ──►  posts          (one-to-many, posts.author_id, optional)
 *   users         ───  user_profiles  (one-to-one, user_profiles.user_id)
 *   posts         ◄──► tags           (many-to-many via post_tags)
 * Junction tables appear as their many-to-many line (with payload columns), not as two FKs.
 * In reading order (`readingOrder`: core tables first, each after the tables it references): by the
 * left table, then the right table, then the details; a many-to-many line starts at the table met first.
 */
export function asciiRelationshipMap(ir: Ir): string {
  const rank = new Map(readingOrder(ir).map((t, i) => [qualifiedName(t), i]));
  const at = (name: string) => rank.get(name) ?? Number.MAX_SAFE_INTEGER;
  const lines: MapLine[] = [];
  for (const r of deriveRelationships(ir)) {
    if (r.kind === 'many-to-many') {
      const payload = r.payloadColumns.length > 0 ? `, with ${r.payloadColumns.join(', ')}` : '';
      const [left, right] = [qualifiedName(r.left), qualifiedName(r.right)].sort(
        (a, b) => at(a) - at(b) || cmp(a, b),
      );
      lines.push({
        left: left as string,
        arrow: '◄──►',
        right: right as string,
        detail: `many-to-many via ${qualifiedName(r.junction)}${payload}`,
      });
      continue;
    }
    if (r.junction) continue;
    const notes = [
      r.kind,
      `${qualifiedName(r.child)}.${r.child.columns.length === 1 ? r.child.columns[0] : `(${r.child.columns.join(', ')})`}`,
      ...(r.optional ? ['optional'] : []),
      ...(r.selfReference ? ['self'] : []),
      ...(r.enforcedBy === 'orm' ? ['ORM-enforced'] : []),
    ];
    lines.push({
      left: qualifiedName(r.parent),
      arrow: r.kind === 'one-to-one' ? '─── ' : '──► ',
      right: qualifiedName(r.child),
      detail: notes.join(', '),
    });
  }
  if (lines.length === 0) return '';
  lines.sort((a, b) => at(a.left) - at(b.left) || at(a.right) - at(b.right) || cmp(a.detail, b.detail));
  const lw = Math.max(...lines.map((l) => l.left.length));
  const rw = Math.max(...lines.map((l) => l.right.length));
  return `${lines.map((l) => `${l.left.padEnd(lw)} ${l.arrow} ${l.right.padEnd(rw)} (${l.detail})`).join('\n')}\n`;
}
