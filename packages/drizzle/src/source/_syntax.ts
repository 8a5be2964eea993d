import { is, Kind, type Tokens, tokenText } from './_tokens.js';

/**
 * The few pieces of TypeScript's grammar `jsdoc.ts` needs, over tokens: statements (with automatic
 * semicolon insertion), comma lists, parentheses/`as`/`satisfies` around an expression, call
 * chains.
 * A range is `[from, to)` in token indexes.
 */

/** Index after the token at `i`, jumping over a bracket group it opens. */
export const next = (t: Tokens, i: number): number => (t.match[i]! > i ? t.match[i]! + 1 : i + 1);

/** Keywords after which a statement cannot have ended. */
const NO_END = new Set([
  'export',
  'import',
  'const',
  'let',
  'var',
  'function',
  'class',
  'enum',
  'interface',
  'return',
  'typeof',
  'new',
  'delete',
  'void',
  'in',
  'of',
  'instanceof',
  'as',
  'satisfies',
  'extends',
  'else',
  'do',
  'case',
  'async',
  'await',
  'yield',
  'keyof',
]);

/** Keywords that continue the expression before them on the next line. */
const CONTINUE = new Set(['as', 'satisfies', 'instanceof', 'in', 'extends', 'from']);

const HEADERS = new Set(['if', 'for', 'while', 'with']);

/** Keywords that only start a statement: after a block's `}` on the same line, a new statement begins. */
const STATEMENT_START = new Set([
  'return',
  'const',
  'let',
  'var',
  'if',
  'for',
  'while',
  'do',
  'switch',
  'try',
  'throw',
  'function',
  'class',
  'export',
  'import',
  'break',
  'continue',
]);

function canEnd(t: Tokens, i: number): boolean {
  switch (t.kind[i]) {
    case Kind.Ident:
      // `x as const` ends with a keyword
      return !NO_END.has(tokenText(t, i)) || is(t, i - 1, 'as');
    case Kind.Punct: {
      if (is(t, i, ')')) {
        const open = t.match[i]!;
        return !(open > 0 && open < i && HEADERS.has(t.text.slice(t.start[open - 1]!, t.end[open - 1]!)));
      }
      return is(t, i, ']') || is(t, i, '}') || is(t, i, '++') || is(t, i, '--');
    }
    case Kind.TemplateHead:
    case Kind.TemplateMiddle:
      return false;
    default:
      return true;
  }
}

function canContinue(t: Tokens, i: number): boolean {
  switch (t.kind[i]) {
    case Kind.Ident:
      return CONTINUE.has(t.text.slice(t.start[i]!, t.end[i]!));
    case Kind.Punct:
      return !(
        is(t, i, '{') ||
        is(t, i, '!') ||
        is(t, i, '~') ||
        is(t, i, '++') ||
        is(t, i, '--') ||
        is(t, i, '@')
      );
    case Kind.Template:
    case Kind.TemplateHead:
      return true;
    default:
      return false;
  }
}

/** Statements in `[from, to)`: split after `;` and where a line break ends one (ASI). */
export function statements(t: Tokens, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  for (let i = from; i < to; ) {
    if (
      i > s &&
      ((t.newline[i] && canEnd(t, i - 1) && !canContinue(t, i)) ||
        (is(t, i - 1, '}') && t.kind[i] === Kind.Ident && STATEMENT_START.has(tokenText(t, i))))
    ) {
      out.push([s, i]);
      s = i;
    }
    if (is(t, i, ';')) {
      out.push([s, i + 1]);
      s = ++i;
      continue;
    }
    i = Math.min(next(t, i), to);
  }
  if (s < to) out.push([s, to]);
  return out;
}

/**
 * End (index after the closing `>`) of type arguments opening at `i`, or -1. With `call`, only when
 * a call follows (`f<T>(x)`, as TypeScript decides); otherwise any balanced `<...>` (type context).
 */
export function typeArgumentsEnd(t: Tokens, i: number, to: number, call: boolean): number {
  let depth = 0;
  for (let j = i; j < to; j = next(t, j)) {
    if (is(t, j, '<')) depth++;
    else if (is(t, j, '>')) {
      if (--depth === 0) {
        if (!call) return j + 1;
        return j + 1 < to &&
          (is(t, j + 1, '(') || t.kind[j + 1] === Kind.Template || t.kind[j + 1] === Kind.TemplateHead)
          ? j + 1
          : -1;
      }
    } else if (
      t.kind[j] === Kind.Punct &&
      (is(t, j, ';') ||
        is(t, j, '=') ||
        is(t, j, '&&') ||
        is(t, j, '||') ||
        is(t, j, '==') ||
        is(t, j, '===') ||
        is(t, j, '!=') ||
        is(t, j, '!=='))
    )
      return -1;
  }
  return -1;
}

/** `[from, to)` split at its top-level commas (type arguments of calls are not split). */
export function commaList(t: Tokens, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  for (let i = from; i < to; ) {
    if (is(t, i, ',')) {
      out.push([s, i]);
      s = ++i;
      continue;
    }
    if (is(t, i, '<')) {
      const e = typeArgumentsEnd(t, i, to, true);
      if (e !== -1) {
        i = e;
        continue;
      }
    }
    i = next(t, i);
  }
  if (s < to) out.push([s, to]);
  return out;
}

/** First top-level token `value` in `[from, to)`, or -1. */
export function findTop(t: Tokens, from: number, to: number, value: string): number {
  for (let i = from; i < to; i = next(t, i)) if (is(t, i, value)) return i;
  return -1;
}

/** Strip parentheses, `as T` and `satisfies T` around an expression (TypeScript's `unwrap`). */
export function unwrap(t: Tokens, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  for (;;) {
    if (e - s >= 2 && is(t, s, '(') && t.match[s] === e - 1) {
      s++;
      e--;
      continue;
    }
    let cut = -1;
    for (let i = s; i < e; i = next(t, i))
      if (i > s && (is(t, i, 'as') || is(t, i, 'satisfies')) && !is(t, i - 1, '.') && !is(t, i - 1, '?.'))
        cut = i;
    if (cut === -1) return [s, e];
    e = cut;
  }
}

/** One link of a call chain: a call (its argument range) or a property access (its name). */
export type Link = { call: [number, number] } | { name: number } | { other: true };

/** `a.b(c)<T>(d)!.e`: the links after the primary expression, or undefined when `[from, to)` is not such a chain. */
export function callChain(t: Tokens, from: number, to: number): Link[] | undefined {
  if (from >= to) return undefined;
  let i = from;
  if (is(t, i, 'new')) {
    i++;
    while (i < to && t.kind[i] === Kind.Ident && is(t, i + 1, '.')) i += 2;
    if (i >= to || t.kind[i] !== Kind.Ident) return undefined;
    i++;
    if (is(t, i, '(')) i = next(t, i);
  } else if (t.kind[i] === Kind.Punct && !(is(t, i, '(') || is(t, i, '[') || is(t, i, '{'))) return undefined;
  else if (is(t, i, 'function') || is(t, i, 'async') || is(t, i, 'class')) return undefined;
  else i = next(t, i);
  const links: Link[] = [];
  while (i < to) {
    if ((is(t, i, '.') || is(t, i, '?.')) && t.kind[i + 1] === Kind.Ident && i + 1 < to) {
      links.push({ name: i + 1 });
      i += 2;
    } else if (is(t, i, '?.') && (is(t, i + 1, '(') || is(t, i + 1, '['))) i++;
    else if (is(t, i, '(')) {
      links.push({ call: [i + 1, t.match[i]!] });
      i = next(t, i);
    } else if (is(t, i, '<')) {
      const e = typeArgumentsEnd(t, i, to, true);
      if (e === -1) return undefined;
      i = e;
    } else if (
      is(t, i, '[') ||
      is(t, i, '!') ||
      t.kind[i] === Kind.Template ||
      t.kind[i] === Kind.TemplateHead
    ) {
      links.push({ other: true });
      i = next(t, i);
    } else return undefined;
  }
  return i === to ? links : undefined;
}
