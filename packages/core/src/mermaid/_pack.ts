/** Largest number of entity boxes in any ER diagram ormdoc writes (stubs included): past it, no one reads it. */
export const MAX_DIAGRAM_ENTITIES = 50;

/** One diagram's worth of a packing: the owners drawn in full, the links drawn, every entity on it. */
export interface Packed {
  /** Owners drawn in full here (each owner is in full in exactly one piece). */
  full: string[];
  /** The links drawn here, ascending (each owned link is in exactly one piece). */
  links: number[];
  /** Every entity of the piece: `full` first, then the other ends of its links (sorted). */
  entities: string[];
}

/**
 * Pack `owners` (in the order given) into pieces of at most `cap` entities: each owner with the
 * other ends of the links it owns. Greedy and deterministic; a piece is closed when the next owner
 * would make it too large. An owner linked to more than `cap - 1` other tables has its links drawn
 * over several pieces (in full in the first, by name in the others), so every link still has an edge.
 */
export function packOwners(
  owners: readonly string[],
  owned: (owner: string) => readonly number[],
  ends: (link: number) => readonly [string, string],
  cap: number,
): Packed[] {
  const size = Math.max(2, cap);
  const out: Packed[] = [];
  let full: string[] = [];
  let links: number[] = [];
  let entities = new Set<string>();
  const flush = () => {
    if (full.length > 0 || links.length > 0) out.push(piece(full, links, entities));
    full = [];
    links = [];
    entities = new Set();
  };
  for (const o of owners) {
    const mine = owned(o);
    const add = new Set<string>([o]);
    for (const i of mine) for (const e of ends(i)) add.add(e);
    let n = entities.size;
    for (const e of add) if (!entities.has(e)) n++;
    if (n > size) flush();
    if (add.size <= size) {
      full.push(o);
      links.push(...mine);
      for (const e of add) entities.add(e);
      continue;
    }
    flush();
    const others = [...add].filter((e) => e !== o).sort();
    const chunkOf = new Map(others.map((e, k) => [e, Math.floor(k / (size - 1))]));
    const chunks = Math.ceil(others.length / (size - 1));
    for (let c = 0; c < chunks; c++) {
      const here = mine.filter((i) => {
        const [a, b] = ends(i);
        const other = a === o ? b : a;
        return (other === o ? 0 : chunkOf.get(other)) === c;
      });
      const set = new Set([o, ...others.slice(c * (size - 1), (c + 1) * (size - 1))]);
      out.push(piece(c === 0 ? [o] : [], here, set));
    }
  }
  flush();
  return out;
}

function piece(full: string[], links: number[], entities: Set<string>): Packed {
  const own = new Set(full);
  return {
    full,
    links: [...links].sort((a, b) => a - b),
    entities: [...full, ...[...entities].filter((e) => !own.has(e)).sort()],
  };
}
