import { compareRefs, findTable } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { dependencyOrder } from '../../relationships/order.js';
import type { RenderContext } from '../context.js';

/**
 * The order in which a reader meets the tables in overview-style documents: `dependencyOrder`'s
 * one FK-safe order (core tables first: among the tables ready at each step the most referenced
 * one, then the one with more foreign keys, then by name; only FKs of real cycles postponed),
 * then views by name.
 */
export function readingOrder(ctx: Pick<RenderContext, 'tables'>): readonly Table[] {
  const ir = { tables: ctx.tables };
  const tables = dependencyOrder(ir).order.map((ref) => findTable(ir, ref) as Table);
  const views = ctx.tables.filter((t) => t.kind !== 'table').sort(compareRefs);
  return [...tables, ...views];
}
