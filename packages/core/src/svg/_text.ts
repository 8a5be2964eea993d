/** Text for Graphviz HTML-like labels and for SVG: XML-escaped, one line, no characters XML forbids. */

// Characters XML 1.0 does not allow (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates).
const FORBIDDEN = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

/** Longest name, type or title drawn in full; longer ones end with an ellipsis (the documents have them whole). */
export const MAX_TEXT = 60;

/** One line of at most `max` characters (code points), forbidden characters replaced by U+FFFD. */
export function oneLine(text: string, max = MAX_TEXT): string {
  const flat = text.replace(FORBIDDEN, '\uFFFD').replace(/[\t\r\n]+/g, ' ');
  const points = [...flat];
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('')}…`;
}

/** Escape for XML text and attribute values (Graphviz HTML labels are parsed as XML). */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text for a cell of a Graphviz HTML-like label: `oneLine`, XML-escaped, and each backslash
 * doubled, since Graphviz expands `\N`, `\G`... in label text after decoding entities (`\\` gives one `\`).
 */
export function label(text: string, max = MAX_TEXT): string {
  return xmlText(oneLine(text, max)).replace(/\\/g, '\\\\');
}

/** Text written into the SVG directly (not through Graphviz): `oneLine`, XML-escaped. */
export function svgText(text: string, max = MAX_TEXT): string {
  return xmlText(oneLine(text, max));
}

/** An id made of `[A-Za-z0-9_.-]` only (safe in XML, CSS selectors aside, and URLs). */
export function idText(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80);
  return safe === '' ? '_' : safe;
}
