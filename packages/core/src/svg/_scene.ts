import type { Table } from '../ir/types.js';
import type { ForeignKeyRelationship, ManyToManyRelationship } from '../relationships/derive.js';

/**
 * What one diagram draws, before layout: boxes and the edges between them. Built by `_plan.ts`
 * (parts, overviews) and `neighbourhood.ts`, drawn by `_dot.ts`.
 */
export interface Scene {
  /** Stable id of the diagram, also the prefix of every id in its SVG. */
  id: string;
  title: string;
  boxes: Box[];
  edges: Edge[];
}

/**
 * How much of a table a box shows: `columns` every column (capped at MAX_BOX_COLUMNS, key columns
 * always kept), `keys` the columns its edges in this diagram start or end at, `name` the name only.
 */
export type Detail = 'columns' | 'keys' | 'name';

export type Box =
  | {
      kind: 'table';
      /** `tableSortKey` of the table. */
      key: string;
      table: Table;
      detail: Detail;
      /** A table of another part, drawn to give an edge its end: dashed, with `note` (its domain). */
      stub?: boolean;
      note?: string;
    }
  | {
      kind: 'part';
      key: string;
      title: string;
      tables: number;
      /** A region of the overview: how many parts it holds. */
      parts?: number;
      /** Id of the diagram that draws this part or region in detail (for `SvgOptions.href.diagram`). */
      target?: string;
      /** A part of another overview page, drawn to give an edge its end. */
      stub?: boolean;
    };

export type Edge =
  | { kind: 'fk'; rel: ForeignKeyRelationship }
  /** A junction table without payload drawn as one many-to-many edge (its name as the label). */
  | { kind: 'n-m'; rel: ManyToManyRelationship }
  /** Foreign keys between two parts (child part → parent part), counted. */
  | { kind: 'parts'; parent: string; child: string; count: number };
