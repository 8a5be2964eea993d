import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Column, Table, TableRef } from '../ir/types.js';
import type { Box, Edge, Scene } from './_scene.js';
import { label } from './_text.js';

/** A box lists at most this many columns; the rest are counted in its last row (key columns are always listed). */
export const MAX_BOX_COLUMNS = 30;

/**
 * Graphviz sizes text with the metrics of the font it is given (a list it does not know falls back
 * to Times, narrower than any sans-serif): it measures with Verdana, about the widest common sans
 * (DejaVu Sans, Linux's usual fallback, has nearly its widths), and `cleanSvg` writes FONT_FAMILY,
 * so text fits its box in whichever of them the viewer has.
 */
export const MEASURE_FONT = 'Verdana';
export const FONT_FAMILY = 'Helvetica,Arial,sans-serif';
const FONT = MEASURE_FONT;
/** Size of the text in boxes (points); edge labels are smaller. */
export const FONT_SIZE = 11;
const INK = '#24292f';
const MUTED = '#57606a';
const LINE = '#57606a';
const HEAD = '#ddeaf7';
const VIEW_HEAD = '#e8e1f5';
const STUB_HEAD = '#eaeef2';

/** Where a box links to, when the SVG is inlined in a page (the site): a table's page, a diagram's page. */
export interface BoxLinks {
  table?: (table: TableRef) => string | undefined;
  diagram?: (id: string) => string | undefined;
}

/** A DOT quoted string's content: `"` escaped, each backslash doubled (Graphviz expands `\N` in URLs too), one line. */
function dotString(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

/** DOT source of a scene, with the node names used in it (`n1`, `n2`...) mapped to their boxes. */
export interface DotScene {
  dot: string;
  /** DOT node name → the box it draws. */
  nodes: Map<string, Box>;
}

/**
 * The DOT source of a scene: left-to-right, one HTML-like table per box, edges from the parent's
 * key row to the child's foreign key row with crow's-foot ends (Graphviz arrow shapes: `tee` one,
 * `odot` zero, `crow` many, the first one nearest the box).
 */
export function sceneDot(scene: Scene, links: BoxLinks = {}): DotScene {
  const nodes = new Map<string, Box>();
  const nameOf = new Map<string, string>();
  const usedIds = new Set<string>();
  const lines = [
    'digraph erd {',
    `  graph [rankdir=LR, bgcolor="white", pad="0.2", nodesep="0.35", ranksep="0.9", fontname="${FONT}", id="${scene.id}"];`,
    `  node [shape=plaintext, margin="0", fontname="${FONT}", fontsize="${FONT_SIZE}", fontcolor="${INK}"];`,
    `  edge [fontname="${FONT}", fontsize="9", fontcolor="${MUTED}", color="${LINE}", arrowsize="0.8"];`,
  ];
  const used = edgePorts(scene.edges);
  // Box key → column → its row's position, for the rows a box lists (edges end at them).
  const rows = new Map<string, Map<string, number>>();
  scene.boxes.forEach((box, i) => {
    const name = `n${i + 1}`;
    nodes.set(name, box);
    nameOf.set(box.key, name);
    const what = box.kind === 'table' ? `t-${box.table.name}` : `p-${i + 1}`;
    const id = uniqueId(`${scene.id}-${what}`, usedIds);
    let text: string;
    if (box.kind === 'table') {
      const drawn = tableLabel(box, used.get(box.key));
      rows.set(box.key, drawn.rows);
      text = drawn.text;
    } else text = partLabel(box);
    const url = box.kind === 'table' ? links.table?.(box.table) : box.target && links.diagram?.(box.target);
    // A link's tooltip would otherwise be Graphviz's `<TABLE>`: the box's name instead.
    const tip = box.kind === 'table' ? qualifiedName(box.table) : box.title;
    const href = url ? `, href="${dotString(url)}", tooltip="${dotString(tip)}"` : '';
    lines.push(`  ${name} [id="${id}"${href}, label=<${text}>];`);
  });
  const port = (key: string, column: string | undefined, side: 'l' | 'r') => {
    const row = column === undefined ? undefined : rows.get(key)?.get(column);
    return row === undefined ? 'h' : `${side}${row}`;
  };
  scene.edges.forEach((edge, i) => {
    const line = edgeLine(edge, nameOf, port, `${scene.id}-e${i + 1}`);
    if (line) lines.push(`  ${line}`);
  });
  lines.push('}');
  return { dot: `${lines.join('\n')}\n`, nodes };
}

function uniqueId(raw: string, used: Set<string>): string {
  const base = raw.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  used.add(id);
  return id;
}

/** Columns each table's edges use in this scene (their rows get ports and are always shown). */
function edgePorts(edges: Edge[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, column: string | undefined) => {
    if (column === undefined) return;
    const set = out.get(key) ?? new Set<string>();
    set.add(column);
    out.set(key, set);
  };
  for (const e of edges) {
    if (e.kind !== 'fk') continue;
    add(tableSortKey(e.rel.parent), e.rel.parent.columns[0]);
    add(tableSortKey(e.rel.child), e.rel.child.columns[0]);
  }
  return out;
}

/** The rows a box lists: every column up to MAX_BOX_COLUMNS (key columns and edge ends first kept), or only the edge ends. */
function shownColumns(
  table: Table,
  detail: 'columns' | 'keys',
  used: Set<string> | undefined,
): { columns: Column[]; more: number } {
  const keys = keyColumns(table);
  if (detail === 'keys') return { columns: table.columns.filter((c) => used?.has(c.name)), more: 0 };
  if (table.columns.length <= MAX_BOX_COLUMNS) return { columns: table.columns, more: 0 };
  const must = table.columns.filter((c) => keys.has(c.name) || used?.has(c.name));
  let room = Math.max(0, MAX_BOX_COLUMNS - must.length);
  const columns = table.columns.filter((c) => {
    if (keys.has(c.name) || used?.has(c.name)) return true;
    if (room > 0) {
      room--;
      return true;
    }
    return false;
  });
  return { columns, more: table.columns.length - columns.length };
}

function keyColumns(table: Table): Set<string> {
  return new Set([...(table.primaryKey?.columns ?? []), ...table.foreignKeys.flatMap((f) => f.columns)]);
}

function marks(table: Table, column: string): string {
  const out: string[] = [];
  if (table.primaryKey?.columns.includes(column)) out.push('PK');
  if (table.foreignKeys.some((f) => f.columns.includes(column))) out.push('FK');
  const unique =
    table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === column) ||
    table.indexes.some((i) => i.unique && !i.where && i.parts.length === 1 && i.parts[0]?.column === column);
  if (unique && !table.primaryKey?.columns.includes(column)) out.push('UK');
  return out.join(' ');
}

function typeText(c: Column): string {
  return c.type.enum ? `${c.type.enum.name}${c.type.isArray ? '[]' : ''}` : c.type.sql;
}

// Graphviz drops a whole label holding an empty FONT element: none is written.
const muted = (text: string) => (text === '' ? '' : `<FONT COLOR="${MUTED}">${text}</FONT>`);

function tableLabel(
  box: Extract<Box, { kind: 'table' }>,
  used: Set<string> | undefined,
): { text: string; rows: Map<string, number> } {
  const t = box.table;
  const kind = t.kind === 'view' ? ' view' : t.kind === 'materialized-view' ? ' materialized view' : '';
  const code = t.codeName && t.codeName !== t.name ? ` ${muted(label(t.codeName))}` : '';
  const note = box.note ? ` ${muted(`(${label(box.note)})`)}` : '';
  const fill = box.stub ? STUB_HEAD : t.kind === 'table' ? HEAD : VIEW_HEAD;
  const style = box.stub ? ' STYLE="dashed"' : '';
  const rows: string[] = [];
  const { columns, more } =
    box.detail === 'name' ? { columns: [], more: 0 } : shownColumns(t, box.detail, used);
  // A code-name column only when some listed column has a code name of its own.
  const coded = columns.some((c) => c.codeName && c.codeName !== c.name);
  const cells = coded ? 4 : 3;
  const span = columns.length > 0 || more > 0 ? ` COLSPAN="${cells}"` : '';
  rows.push(
    `<TR><TD${span} BGCOLOR="${fill}" ALIGN="LEFT" PORT="h"><B>${label(t.name)}</B>${code}${kind ? muted(kind) : ''}${note}</TD></TR>`,
  );
  const ports = new Map<string, number>();
  columns.forEach((c, i) => {
    const p = i + 1;
    ports.set(c.name, p);
    const cname = coded
      ? `<TD ALIGN="LEFT">${muted(c.codeName && c.codeName !== c.name ? label(c.codeName) : '')}</TD>`
      : '';
    rows.push(
      `<TR><TD ALIGN="LEFT" PORT="l${p}">${muted(marks(t, c.name))}</TD><TD ALIGN="LEFT">${label(c.name)}</TD>${cname}<TD ALIGN="LEFT" PORT="r${p}">${muted(label(typeText(c), 40))}</TD></TR>`,
    );
  });
  if (more > 0) rows.push(`<TR><TD${span} ALIGN="LEFT">${muted(`… and ${more} more columns`)}</TD></TR>`);
  return {
    text: `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" COLOR="${LINE}" BGCOLOR="white"${style}>${rows.join('')}</TABLE>`,
    rows: ports,
  };
}

/** A part's box: its title (which states its size); a region's also says how many parts and tables it holds. */
function partLabel(box: Extract<Box, { kind: 'part' }>): string {
  const fill = box.stub ? STUB_HEAD : HEAD;
  const style = box.stub ? ' STYLE="dashed"' : '';
  const size = box.parts ? `<TR><TD>${muted(`${box.parts} parts, ${box.tables} tables`)}</TD></TR>` : '';
  return `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="${LINE}" BGCOLOR="white"${style}><TR><TD BGCOLOR="${fill}" PORT="h"><B>${label(box.title, 90)}</B></TD></TR>${size}</TABLE>`;
}

/** Crow's-foot ends: the parent end is one (`teetee`) or zero-or-one (`teeodot`) when the FK is nullable. */
function edgeLine(
  edge: Edge,
  nameOf: Map<string, string>,
  port: (key: string, column: string | undefined, side: 'l' | 'r') => string,
  id: string,
): string | undefined {
  switch (edge.kind) {
    case 'fk': {
      const r = edge.rel;
      const parent = nameOf.get(tableSortKey(r.parent));
      const child = nameOf.get(tableSortKey(r.child));
      if (!parent || !child) return undefined;
      // Parent ranked left of child: the edge leaves the parent's key row on the right, enters the FK row on the left.
      const tail = `${parent}:${port(tableSortKey(r.parent), r.parent.columns[0], 'r')}`;
      const head = `${child}:${port(tableSortKey(r.child), r.child.columns[0], 'l')}`;
      const arrowtail = r.optional ? 'teeodot' : 'teetee';
      const arrowhead = r.kind === 'one-to-one' ? 'teeodot' : 'crowodot';
      const style = r.enforcedBy === 'orm' ? ', style="dashed"' : '';
      return `${tail} -> ${head} [id="${id}", dir=both, arrowtail=${arrowtail}, arrowhead=${arrowhead}${style}];`;
    }
    case 'n-m': {
      const r = edge.rel;
      const left = nameOf.get(tableSortKey(r.left));
      const right = nameOf.get(tableSortKey(r.right));
      if (!left || !right) return undefined;
      return `${left}:h -> ${right}:h [id="${id}", dir=both, arrowtail=crowodot, arrowhead=crowodot, penwidth="1.4", label=<${label(r.junction.name)}>];`;
    }
    case 'parts': {
      const parent = nameOf.get(edge.parent);
      const child = nameOf.get(edge.child);
      if (!parent || !child) return undefined;
      return `${parent}:h -> ${child}:h [id="${id}", dir=both, arrowtail=teetee, arrowhead=crowodot, label=<${edge.count} FK${edge.count === 1 ? '' : 's'}>];`;
    }
  }
}
