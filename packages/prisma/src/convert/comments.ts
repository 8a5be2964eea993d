/**
 * Prisma's grammar accepts block comments (`/* ... *\/`, e.g. a JSDoc-style note above a model);
 * prisma-ast and the line scanner do not, and one such comment made them drop every text fact
 * of the file. They are not documentation in Prisma (only `///` is), so the text readers get the
 * file with each block comment blanked: spaces in place of its characters, line breaks kept, so
 * every line and offset stays where Prisma reports it. `//` comments and string literals are left
 * alone, and a `/*` inside them starts nothing.
 */
export function withoutBlockComments(content: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut, the loop gives the same text without a `/*`
  if (!content.includes('/*')) return content;
  let out = '';
  let i = 0;
  while (i < content.length) {
    const ch = content[i] as string;
    if (ch === '"') {
      const end = stringEnd(content, i);
      out += content.slice(i, end);
      i = end;
    } else if (ch === '/' && content[i + 1] === '/') {
      const end = content.indexOf('\n', i);
      const stop = end === -1 ? content.length : end;
      out += content.slice(i, stop);
      i = stop;
    } else if (ch === '/' && content[i + 1] === '*') {
      const close = content.indexOf('*/', i + 2);
      const stop = close === -1 ? content.length : close + 2;
      out += content.slice(i, stop).replace(/[^\r\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The index after the string literal opening at `open` (escapes respected; a line break ends it). */
function stringEnd(text: string, open: number): number {
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, and the end is returned anyway
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '"' || ch === '\n') return i + 1;
  }
  return text.length;
}

/**
 * Prisma hands a block comment over as documentation with its JSDoc decoration (`/**\n * Text\n *\/`
 * gives `"*\n * Text"`): without the leading `*` of each line when every line has one.
 */
export function docText(doc: string | null | undefined): string | undefined {
  if (doc === null || doc === undefined) return undefined;
  const lines = doc.split('\n');
  if (!lines.every((l) => /^\s*\*/.test(l))) return doc;
  // Stryker disable next-line Regex: every line starts with its stars here (tested above), so the first match is at the start
  return lines.map((l) => l.replace(/^\s*\*+ ?/, '')).join('\n');
}
