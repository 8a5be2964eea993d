/**
 * Prisma 6 datasources carry connection URLs; Prisma 7, whose parser ormdoc bundles, refuses them
 * in schema files. This is the one compatibility edit made to the text before validation.
 */

// Stryker disable next-line Regex: without `^` a match mid-line is skipped below, and a header's leading blanks are matched from the line start anyway
const DATASOURCE_LINE = /^[^\S\n]*datasource[^\S\n]+\w+[^\S\n]*\{/gm;
const URL_ASSIGNMENT = /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/;
const CLOSING = /^\s*}/;

/**
 * Prisma 7 rejects `url`/`directUrl`/`shadowDatabaseUrl` in schema files; Prisma 6 schemas have
 * them. Blank those lines out of datasource blocks (keeping line numbers) before validation.
 * Only the lines from a `datasource` header to its `}` are looked at.
 */
export function stripDatasourceUrls(content: string): string {
  let out = '';
  let copied = 0;
  DATASOURCE_LINE.lastIndex = 0;
  for (let m = DATASOURCE_LINE.exec(content); m; m = DATASOURCE_LINE.exec(content)) {
    if (m.index > 0 && content[m.index - 1] !== '\n') continue; // `^` also matches after a lone `\r`
    // Stryker disable next-line StringLiteral: starting one character into the header line reads a line that is neither a closing nor a url line
    let eol = content.indexOf('\n', m.index);
    while (eol !== -1) {
      const start = eol + 1;
      const next = content.indexOf('\n', start);
      // Stryker disable next-line ConditionalExpression: (to the end of the file instead) both patterns only read the line's start
      const line = content.slice(start, next === -1 ? content.length : next);
      // (a second `datasource` header inside the block is neither a closing nor a url line)
      if (CLOSING.test(line)) break;
      if (URL_ASSIGNMENT.test(line)) {
        out += content.slice(copied, start);
        copied = next === -1 ? content.length : next;
      }
      eol = next;
    }
    // Stryker disable next-line ArithmeticOperator: from the closing line's last character `^` only matches at the next line
    DATASOURCE_LINE.lastIndex = eol === -1 ? content.length : eol + 1;
  }
  // Stryker disable next-line ConditionalExpression: nothing copied yet, `out + content.slice(0)` is the content
  return copied === 0 ? content : out + content.slice(copied);
}
