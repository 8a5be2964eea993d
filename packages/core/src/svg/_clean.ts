import { qualifiedName } from '../ir/names.js';
import { FONT_FAMILY, FONT_SIZE, MEASURE_FONT } from './_dot.js';
import type { Box } from './_scene.js';
import { svgText } from './_text.js';

/**
 * Graphviz's SVG made plain and self-describing: no comments (the Graphviz version, DOT node
 * names), no DOCTYPE (an external DTD), text in FONT_FAMILY (it was measured with MEASURE_FONT)
 * and FONT_SIZE set once on the root (SVG's initial `text-anchor` is `start`, so that goes too),
 * and each `<title>` (the tooltip) naming what it draws instead of the DOT node name: the
 * diagram's title, a table's qualified name, `parent → child`.
 */
export function cleanSvg(svg: string, title: string, nodes: Map<string, Box>): string {
  const name = (node: string) => {
    const box = nodes.get(node);
    if (!box) return node;
    return box.kind === 'table' ? qualifiedName(box.table) : box.title;
  };
  let first = true;
  const body = svg
    .replace(/<!DOCTYPE[^>]*>\s*/, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    // Set once on the root instead of on every text (half of each text element's bytes).
    .replaceAll(` font-family="${MEASURE_FONT}"`, '')
    .replaceAll(` font-size="${FONT_SIZE.toFixed(2)}"`, '')
    .replaceAll(' text-anchor="start"', '')
    .replace('<svg ', `<svg font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}" `)
    .replace(/<title>([^<]*)<\/title>/g, (_, inner: string) => {
      if (first) {
        first = false;
        return `<title>${svgText(title, 200)}</title>`;
      }
      const edge = /^(n\d+)(?::[A-Za-z0-9]+)?&#45;&gt;(n\d+)/.exec(inner);
      if (edge)
        return `<title>${svgText(`${name(edge[1] as string)} → ${name(edge[2] as string)}`, 400)}</title>`;
      return `<title>${svgText(name(inner), 200)}</title>`;
    });
  return body.endsWith('\n') ? body : `${body}\n`;
}
