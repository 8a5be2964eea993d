import type { Node, ParseResult } from '@pgsql/types';

/**
 * The PostgreSQL parser (libpg-query: the server's own grammar compiled to WebAssembly) and the
 * deparser that turns its nodes back into SQL text. Both are loaded on first use only (about
 * 1.7 MB of WebAssembly), so a project without migration files never pays for them.
 */
export interface PgParser {
  /** Parse a whole file; throws the parser's error (with `sqlDetails.cursorPosition`) when it does not parse. */
  parse(sql: string): ParseResult;
  /** The lexer's tokens, used only to split a file that does not parse as a whole. */
  scan(sql: string): Array<{ start: number; end: number; text: string }>;
  /** A parse-tree node (expression, type name, statement) back to SQL text: one line, or laid out on several when `pretty`. */
  deparse(node: Node, pretty?: boolean): string;
}

let loading: Promise<PgParser> | undefined;

export function loadPgParser(): Promise<PgParser> {
  loading ??= (async () => {
    const [pg, deparser] = await Promise.all([import('libpg-query'), import('pgsql-deparser')]);
    await pg.loadModule();
    return {
      parse: (sql) => pg.parseSync(sql),
      scan: (sql) => pg.scanSync(sql).tokens,
      deparse: (node, pretty = false) => deparser.deparseSync(node, { pretty }),
    };
  })();
  return loading;
}
