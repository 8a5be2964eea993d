import { tableRef, tableSortKey } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { deriveRelationships, type ForeignKeyRelationship } from '../relationships/derive.js';
import { EntityNames, entityBlock, relationshipLine } from './_entities.js';
import { MAX_DIAGRAM_ENTITIES, packOwners } from './_pack.js';
import type { MermaidDiagram, MermaidOptions } from './index.js';

/**
 * Diagrams of a group of tables (a domain's page): every foreign key with an end in `focus`, each
 * drawn once, and every table of `ir` at such an end drawn with its attributes (the caller chooses
 * them). One diagram when it fits in MAX_DIAGRAM_ENTITIES boxes; otherwise the focus tables are
 * packed in order (a foreign key goes with its child when the child is in focus, else its parent),
 * and each diagram holds some of them with the tables they are linked to.
 */
export function renderFocusMermaid(
  ir: Ir,
  focus: readonly TableRef[],
  options: Pick<MermaidOptions, 'comments' | 'relationshipLabel'> & { title?: string } = {},
): MermaidDiagram[] {
  const names = new EntityNames(ir.tables);
  const byKey = new Map(ir.tables.map((t) => [tableSortKey(t), t]));
  const owners = [...new Set(focus.map(tableSortKey))].filter((k) => byKey.has(k));
  const inFocus = new Set(owners);
  const rels = deriveRelationships(ir).filter(
    (r): r is ForeignKeyRelationship =>
      r.kind !== 'many-to-many' &&
      (inFocus.has(tableSortKey(r.child)) || inFocus.has(tableSortKey(r.parent))),
  );
  const owned = new Map<string, number[]>(owners.map((k) => [k, []]));
  rels.forEach((r, i) => {
    const child = tableSortKey(r.child);
    owned.get(inFocus.has(child) ? child : tableSortKey(r.parent))?.push(i);
  });
  const ends = (i: number) => {
    const r = rels[i] as ForeignKeyRelationship;
    return [tableSortKey(r.parent), tableSortKey(r.child)] as const;
  };
  const pieces = packOwners(owners, (k) => owned.get(k) ?? [], ends, MAX_DIAGRAM_ENTITIES);
  const title = options.title ?? 'Diagram';
  return pieces.map((p, n) => {
    const lines = ['erDiagram'];
    const tables = p.entities.map((k) => byKey.get(k) as Table);
    for (const t of tables)
      lines.push(...entityBlock(t, names, { attributes: true, comments: options.comments ?? true }));
    for (const i of p.links)
      lines.push(
        relationshipLine(rels[i] as ForeignKeyRelationship, names, options.relationshipLabel ?? 'columns'),
      );
    const shown = new Set(p.full);
    return {
      title: pieces.length > 1 ? `${title}, ${n + 1} of ${pieces.length}` : title,
      code: `${lines.join('\n')}\n`,
      tables: p.full.map((k) => tableRef(byKey.get(k) as Table)),
      stubs: tables.filter((t) => !shown.has(tableSortKey(t))).map(tableRef),
      kind: 'part' as const,
    };
  });
}
