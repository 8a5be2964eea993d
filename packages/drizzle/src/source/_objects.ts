import { callChain, commaList, findTop, next, statements, unwrap } from './_syntax.js';
import { leadingJsDoc, literalValue } from './_text.js';
import { is, Kind, type Tokens } from './_tokens.js';
import type { DeclaredProperty, SourceFile } from './jsdoc.js';

/** A file read by `jsdoc.ts`: its tokens, top-level statements and line numbers. */
export interface Scanned {
  file: SourceFile;
  t: Tokens;
  line: (pos: number) => number;
  statements: Array<[number, number]>;
}

/**
 * The arguments of the table/enum call of an initializer: `pgTable(...)`, `auth.table(...)`,
 * `pgTable(...).enableRLS()` (the inner call, unless the method is `table`/`view`).
 */
export function tableCall(t: Tokens, init: [number, number]): [number, number] | undefined {
  const [s, e] = unwrap(t, init[0], init[1]);
  const links = callChain(t, s, e);
  if (!links) return undefined;
  let n = links.length;
  while (n > 0) {
    const last = links[n - 1]!;
    if (!('call' in last)) return undefined;
    const callee = links[n - 2];
    if (
      callee &&
      'name' in callee &&
      links[n - 3] &&
      'call' in links[n - 3]! &&
      !is(t, callee.name, 'table') &&
      !is(t, callee.name, 'view')
    ) {
      n -= 2;
      continue;
    }
    return last.call[1] > last.call[0] ? last.call : undefined;
  }
  return undefined;
}

/** The columns object (`{ ... }` or `(t) => ({ ... })`): the index of its `{`. */
export function columnsLiteral(t: Tokens, from: number, to: number): number | undefined {
  const [s, e] = unwrap(t, from, to);
  const isObject = (a: number, b: number) => is(t, a, '{') && t.match[a] === b - 1;
  if (isObject(s, e)) return s;
  let i = s;
  if (is(t, i, 'async')) i++;
  let body: number;
  if (is(t, i, 'function')) {
    // the body is the block that ends the expression
    if (!is(t, e - 1, '}')) return undefined;
    body = t.match[e - 1]!;
  } else {
    if (is(t, i, '<')) i = findTop(t, i, e, '(');
    if (i < 0) return undefined;
    const arrow = findTop(t, i, e, '=>');
    if (arrow === -1) return undefined;
    const headOk =
      (t.kind[i] === Kind.Ident && arrow === i + 1) ||
      (is(t, i, '(') && (next(t, i) === arrow || is(t, next(t, i), ':')));
    if (!headOk) return undefined;
    if (!isObject(arrow + 1, e)) {
      const [a, b] = unwrap(t, arrow + 1, e);
      return isObject(a, b) ? a : undefined;
    }
    body = arrow + 1;
  }
  // a block body: its first top-level statement that is a `return`
  for (const [a, b] of statements(t, body + 1, t.match[body]!)) {
    if (!is(t, a, 'return')) continue;
    const end = is(t, b - 1, ';') ? b - 1 : b;
    if (a + 1 >= end || t.newline[a + 1]) return undefined;
    const [x, y] = unwrap(t, a + 1, end);
    return isObject(x, y) ? x : undefined;
  }
  return undefined;
}

/** The properties of an object literal (and of the same-project objects spread into it). */
export function collectProperties(
  s: Scanned,
  open: number,
  objects: Map<string, { s: Scanned; open: number }>,
  out: Map<string, DeclaredProperty>,
  seen: Set<string>,
): void {
  const { t } = s;
  for (const [a, b] of commaList(t, open + 1, t.match[open]!)) {
    if (a >= b) continue;
    if (is(t, a, '...')) {
      const [x, y] = unwrap(t, a + 1, b);
      if (y - x !== 1 || t.kind[x] !== Kind.Ident) continue;
      const target = t.text.slice(t.start[x]!, t.end[x]!);
      const o = !seen.has(target) ? objects.get(target) : undefined;
      if (o) collectProperties(o.s, o.open, objects, out, new Set([...seen, target]));
      continue;
    }
    let n = a;
    if (is(t, n, '*')) n++;
    else if (
      (is(t, n, 'get') || is(t, n, 'set') || is(t, n, 'async')) &&
      n + 1 < b &&
      (t.kind[n + 1] === Kind.Ident ||
        t.kind[n + 1] === Kind.String ||
        t.kind[n + 1] === Kind.Number ||
        is(t, n + 1, '[') ||
        is(t, n + 1, '*'))
    )
      n += is(t, n + 1, '*') ? 2 : 1;
    const name =
      t.kind[n] === Kind.Ident
        ? t.text.slice(t.start[n]!, t.end[n]!)
        : t.kind[n] === Kind.String
          ? literalValue(t, n)
          : undefined;
    if (name === undefined) continue;
    const doc = leadingJsDoc(t.text, t.end[a - 1]!);
    const fns = functionSources(t, n + 1, b);
    out.set(name, { line: s.line(t.start[a]!), ...(doc ? { description: doc } : {}), ...fns });
  }
}

const DEFAULT_FN = new Set(['$defaultFn', '$default']);
const ON_UPDATE_FN = new Set(['$onUpdateFn', '$onUpdate']);

/** `.$defaultFn(() => ...)` / `.$onUpdate(() => ...)` in a property's value: the function's source, once each. */
function functionSources(
  t: Tokens,
  from: number,
  to: number,
): Pick<DeclaredProperty, 'defaultFn' | 'onUpdateFn'> {
  const found = { defaultFn: [] as string[], onUpdateFn: [] as string[] };
  for (let i = from; i < to; i = next(t, i)) {
    if (t.kind[i + 1] !== Kind.Ident || t.text.charCodeAt(t.start[i + 1]!) !== 36) continue; // $
    if (!(is(t, i, '.') || is(t, i, '?.')) || !is(t, i + 2, '(')) continue;
    const method = t.text.slice(t.start[i + 1]!, t.end[i + 1]!);
    const list = DEFAULT_FN.has(method)
      ? found.defaultFn
      : ON_UPDATE_FN.has(method)
        ? found.onUpdateFn
        : undefined;
    if (!list) continue;
    const open = i + 2;
    const close = t.match[open]!;
    const inline =
      close > open + 1 &&
      commaList(t, open + 1, close).length === 1 &&
      (is(t, open + 1, 'function') || is(t, open + 1, 'async') || findTop(t, open + 1, close, '=>') !== -1);
    list.push(inline ? t.text.slice(t.start[open + 1]!, t.end[close - 1]!) : '');
  }
  const one = (l: string[]) => (l.length === 1 && l[0] ? l[0] : undefined);
  const defaultFn = one(found.defaultFn);
  const onUpdateFn = one(found.onUpdateFn);
  return { ...(defaultFn ? { defaultFn } : {}), ...(onUpdateFn ? { onUpdateFn } : {}) };
}
