/**
 * Graphviz (compiled to WebAssembly) loaded on first use: `@hpcc-js/wasm-graphviz` is imported
 * dynamically, so a run that writes no SVG never loads it (~2 MB of WebAssembly, ~100 ms).
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import { OrmdocError } from '../errors.js';

type GraphvizInstance = Pick<Graphviz, 'layout'>;

let loading: Promise<GraphvizInstance> | undefined;

export function graphviz(): Promise<GraphvizInstance> {
  if (!loading) loading = import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return loading;
}

/**
 * Lay out `dot` with `dot` and return Graphviz's SVG. Should Graphviz fail (its WebAssembly traps
 * on some graphs in other output formats), the layout is tried once more on a fresh instance with
 * edges attached to whole boxes instead of rows (`fallback`), then the run stops with an error
 * that says how to go on without SVG.
 */
export async function layoutSvg(dot: string, title: string, fallback: () => string): Promise<string> {
  try {
    return (await graphviz()).layout(dot, 'svg', 'dot');
  } catch {
    const m = await import('@hpcc-js/wasm-graphviz');
    m.Graphviz.unload();
    loading = undefined;
    try {
      return (await graphviz()).layout(fallback(), 'svg', 'dot');
    } catch (error) {
      throw new OrmdocError(
        'UNSUPPORTED',
        `Graphviz could not lay out the SVG diagram "${title}": ${(error as Error).message}`,
        {
          cause: error,
          hint: 'Set `diagrams: { svg: false }` in the config to write the documents without SVG pictures (the Mermaid diagrams stay), and please report the schema.',
        },
      );
    }
  }
}

/** Node boxes of a layout, in points (Graphviz's `json0`: `pos` is the centre, `width`/`height` in inches). */
export interface LaidOutNode {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it replaces.
const CONTROL = /[\u0000-\u001f]/g;

/** The same layout as `layoutSvg(dot)`, as node boxes: for tests of the drawing's geometry. */
export async function layoutBoxes(dot: string): Promise<LaidOutNode[]> {
  // Graphviz writes label text into JSON strings raw (a tab, a newline): read as spaces.
  // `json0` (no drawing operations): `json` crashes Graphviz 16.1's WebAssembly on some graphs.
  const text = (await graphviz()).layout(dot, 'json0' as 'json', 'dot').replace(CONTROL, ' ');
  const json = JSON.parse(text) as {
    objects?: { name: string; pos?: string; width?: string; height?: string }[];
  };
  return (json.objects ?? []).flatMap((o) => {
    if (!o.pos || !o.width || !o.height) return [];
    const [x, y] = o.pos.split(',').map(Number) as [number, number];
    return [{ name: o.name, x, y, width: Number(o.width) * 72, height: Number(o.height) * 72 }];
  });
}
