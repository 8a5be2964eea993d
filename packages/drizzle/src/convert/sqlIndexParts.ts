import type { IndexPart } from '@ormdoc/core';
import type { DrizzleDialect } from '../types.js';

/**
 * An `sql` index part as the database reads it. drizzle-kit writes the fragment verbatim into
 * `CREATE INDEX ... (<fragment>)`, so `sql\`${t.name} gin_trgm_ops\`` is the column `name` with an
 * operator class, `sql\`lower(${t.email}) DESC\`` an expression in descending order, and
 * `sql\`${t.a}, ${t.b}\`` two parts. The fragment is split the way PostgreSQL's grammar does
 * (`index_elem`: column, function call or parenthesised expression, then COLLATE, operator class,
 * ASC/DESC, NULLS FIRST/LAST), so ormdoc's DDL (which puts parentheses around expressions) creates
 * the same index.
 */
export interface SqlIndexParts {
  parts: IndexPart[];
  /** Expressions the database rejects without parentheses, as drizzle-kit writes them. */
  bare: string[];
}

type Kind = 'ident' | 'quoted' | 'string' | 'number' | 'punct';
interface Token {
  kind: Kind;
  text: string;
  start: number;
  end: number;
}

/** Words that never name an operator class (they end or join expressions). */
const KEYWORDS = new Set(
  'and or not is in like ilike similar between distinct from collate as asc desc nulls first last null true false unknown case when then else end array any all some at zone time with without using escape isnull notnull overlaps'.split(
    ' ',
  ),
);

export function splitSqlIndexParts(
  text: string,
  dialect: DrizzleDialect,
  columns: ReadonlySet<string>,
): SqlIndexParts {
  const quote = dialect === 'mysql' ? '`' : '"';
  const tokens = tokenize(text, quote);
  const parts: IndexPart[] = [];
  const bare: string[] = [];
  for (const group of splitTopLevel(tokens)) {
    if (group.length === 0) continue;
    const part = elem(text, group, dialect, quote, columns);
    parts.push(part.part);
    if (part.bare) bare.push(part.bare);
  }
  return { parts, bare };
}

function elem(
  text: string,
  tokens: Token[],
  dialect: DrizzleDialect,
  quote: string,
  columns: ReadonlySet<string>,
): { part: IndexPart; bare?: string } {
  const t = [...tokens];
  // Stryker disable next-line ConditionalExpression,OptionalChaining: no other kind of token's text is a keyword, and every index asked for exists
  const word = (i: number) => (t[i]?.kind === 'ident' ? t[i].text.toLowerCase() : undefined);
  const extra: Omit<IndexPart, 'column' | 'expression'> = {};
  const last = () => t.length - 1;
  if (t.length > 2 && word(last() - 1) === 'nulls' && (word(last()) === 'first' || word(last()) === 'last')) {
    extra.nulls = word(last()) as 'first' | 'last';
    t.splice(-2);
  }
  if (t.length > 1 && (word(last()) === 'asc' || word(last()) === 'desc')) {
    if (word(last()) === 'desc') extra.order = 'desc';
    t.splice(-1);
  }
  if (dialect === 'postgresql') {
    const opclass = opclassAtEnd(t);
    // Stryker disable next-line EqualityOperator: opclassAtEnd never answers 0 (an operator class follows an operand)
    if (opclass > 0) {
      extra.opclass = text.slice(t[opclass]!.start, t[last()]!.end);
      t.splice(opclass);
    }
  }
  if (t.length > 2 && word(last() - 1) === 'collate' && isName(t[last()])) {
    const name = t[last()]!;
    extra.collation = name.kind === 'quoted' ? unquote(name, quote) : name.text;
    t.splice(-2);
  }
  // PostgreSQL's defaults: NULLS LAST for ASC, NULLS FIRST for DESC (the IR records departures).
  if (extra.nulls && extra.nulls === (extra.order === 'desc' ? 'first' : 'last')) delete extra.nulls;
  const only = t.length === 1 ? t[0]! : undefined;
  if (only && isName(only) && columns.has(unquote(only, quote)))
    return { part: { column: unquote(only, quote), ...extra } };
  const expression = text.slice(t[0]!.start, t[last()]!.end);
  const enclosed = enclosedInParens(t);
  const part: IndexPart = {
    expression: enclosed ? text.slice(t[1]!.start, t[last() - 1]!.end) : expression,
    ...extra,
  };
  // PostgreSQL takes a function call bare; MySQL takes no expression without parentheses.
  const needsParens =
    dialect === 'postgresql' ? !enclosed && !isCall(t) : dialect === 'mysql' ? !enclosed : false;
  return needsParens ? { part, bare: expression } : { part };
}

/** Index of the first token of a trailing operator class (`name`, `schema.name`), or -1. */
function opclassAtEnd(t: Token[]): number {
  let i = t.length - 1;
  if (!isName(t[i])) return -1;
  // Stryker disable next-line ConditionalExpression: a quoted name's text has its quotes, so it is never a keyword
  if (t[i]!.kind === 'ident' && KEYWORDS.has(t[i]!.text.toLowerCase())) return -1;
  if (t[i - 1]?.text === '.' && isName(t[i - 2])) i -= 2;
  const before = t[i - 1];
  if (!before || !endsOperand(before)) return -1;
  // `::double precision`, `::character varying`: a type name of two words, not an operator class
  if (t[i - 2]?.text === '::') return -1;
  return i;
}

function endsOperand(t: Token): boolean {
  if (t.kind === 'ident')
    return !KEYWORDS.has(t.text.toLowerCase()) || /^(null|true|false|end)$/i.test(t.text);
  return (
    t.kind === 'quoted' || t.kind === 'string' || t.kind === 'number' || t.text === ')' || t.text === ']'
  );
}

function isName(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'ident' || t.kind === 'quoted');
}

function unquote(t: Token, quote: string): string {
  return t.kind === 'quoted' ? t.text.slice(1, -1).replaceAll(quote + quote, quote) : t.text.toLowerCase();
}

/** `( ... )` around the whole of the tokens. */
function enclosedInParens(t: Token[]): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: the depth count below decides the same for balanced parentheses (and no database takes unbalanced ones)
  if (t[0]?.text !== '(' || t[t.length - 1]?.text !== ')') return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.text === '(') depth++;
    else if (t[i]!.text === ')') depth--;
    if (depth === 0 && i < t.length - 1) return false;
  }
  return true;
}

/** A function call: a (qualified) name, then `( ... )` to the end. */
function isCall(t: Token[]): boolean {
  let i = 0;
  while (isName(t[i]) && t[i + 1]?.text === '.') i += 2;
  return isName(t[i]) && enclosedInParens(t.slice(i + 1));
}

function splitTopLevel(tokens: Token[]): Token[][] {
  const groups: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
    if (depth === 0 && t.text === ',') groups.push([]);
    else groups[groups.length - 1]!.push(t);
  }
  return groups;
}

// Stryker disable next-line StringLiteral: punctuation is told by its text, never by its kind
const PUNCT: Kind = 'punct';

function tokenize(text: string, quote: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: Kind, end: number) => {
    out.push({ kind, text: text.slice(i, end), start: i, end });
    i = end;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === quote || c === "'") push(c === "'" ? 'string' : 'quoted', closing(text, i, c));
    else if (/[A-Za-z_]/.test(c)) push('ident', match(text, i, /[A-Za-z0-9_$]*/y, 1));
    else if (/[0-9]/.test(c)) push('number', match(text, i, /[0-9.eE]*/y, 1));
    else if (text.startsWith('::', i)) push(PUNCT, i + 2);
    else push(PUNCT, i + 1);
  }
  return out;
}

/** End (exclusive) of a quoted token opening at `start`; a doubled quote is an escaped one. */
function closing(text: string, start: number, q: string): number {
  let i = start + 1;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which ends the same way
  while (i < text.length) {
    if (text[i] === q) {
      if (text[i + 1] === q) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function match(text: string, start: number, re: RegExp, skip: number): number {
  re.lastIndex = start + skip;
  re.exec(text);
  return re.lastIndex || text.length;
}
