import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LaidOutNode } from '../svg/_graphviz.js';

/** What an SVG document holds, read back with an XML parser (fast-xml-parser), for tests. */
export interface ParsedSvg {
  /** Every element name, in document order. */
  elements: string[];
  /** Every attribute as `name=value` (values decoded). */
  attributes: Array<{ name: string; value: string }>;
  /** Every text node, decoded (`&lt;` back to `<`). */
  texts: string[];
  /** The text of the `<text>` elements only: what the picture shows (not the `<title>` tooltips). */
  drawn: string[];
}

/** Parse `svg` as XML; throws with the parser's message when it is not well-formed. */
export function parseSvg(svg: string): ParsedSvg {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: true,
    htmlEntities: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    commentPropName: '#comment',
  });
  const out: ParsedSvg = { elements: [], attributes: [], texts: [], drawn: [] };
  const walk = (nodes: unknown[], parent: string) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@') {
          for (const [name, v] of Object.entries(value as Record<string, string>))
            out.attributes.push({ name, value: String(v) });
          continue;
        }
        if (key === '#text') {
          out.texts.push(String(value));
          if (parent === 'text') out.drawn.push(String(value));
          continue;
        }
        out.elements.push(key);
        if (Array.isArray(value)) walk(value, key);
      }
    }
  };
  walk(parser.parse(svg) as unknown[], '');
  return out;
}

/** Pairs of laid-out boxes whose rectangles overlap by more than `tolerance` points in both directions. */
export function overlappingBoxes(boxes: LaidOutNode[], tolerance = 0.5): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as LaidOutNode;
      const b = boxes[j] as LaidOutNode;
      const dx = (a.width + b.width) / 2 - Math.abs(a.x - b.x);
      const dy = (a.height + b.height) / 2 - Math.abs(a.y - b.y);
      if (dx > tolerance && dy > tolerance) out.push([a.name, b.name]);
    }
  return out;
}
