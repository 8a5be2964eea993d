/**
 * Mermaid erDiagram lexical rules (checked against Mermaid 12's own jison grammar in the tests):
 * - a quoted entity name or label is `"[^"%\r\n\v\b\\]+"`: no double quote, `%`, backslash or newline;
 * - an attribute type or name is one token `[*A-Za-z_\u00C0-\uFFFF][A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]*`
 *   and must not be a key word (`PK`, `FK`, `UK`, any case).
 * Mermaid decodes `#name;` / `#123;` entity codes in labels, which is how the forbidden characters are kept.
 */

/** Text for a quoted label or comment: one line, forbidden characters as Mermaid entity codes. */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '#quot;';
    else if (ch === '%') out += '#37;';
    else if (ch === '\\') out += '#92;';
    else if (ch === '#') out += '#35;';
    else if (ch === '<') out += '#lt;';
    else if (ch === '>') out += '#gt;';
    else if (code < 0x20 || code === 0x7f) out += ' ';
    else out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

const TOKEN_START = /[*A-Za-z_\u00C0-\uFFFF]/u;
const TOKEN_REST = /[A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]/u;

/** An attribute type or name as one Mermaid token: other characters become `_`. */
export function mermaidToken(text: string): string {
  let out = '';
  for (const ch of text) out += TOKEN_REST.test(ch) ? ch : '_';
  if (out === '' || !TOKEN_START.test(out[0] as string)) out = `_${out}`;
  if (/^(pk|fk|uk)$/i.test(out)) out = `${out}_`;
  return out;
}

/** The inside of a quoted entity id: any character but `"`, `%`, backslash and control characters. */
export function entityIdText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += ch === '"' || ch === '%' || ch === '\\' || code < 0x20 || code === 0x7f ? '_' : ch;
  }
  return out;
}
