import { collectProperties, columnsLiteral, type Scanned, tableCall } from './_objects.js';
import { commaList, next, statements, unwrap } from './_syntax.js';
import { leadingJsDoc, lineCounter, literalValue } from './_text.js';
import { is, Kind, type Tokens, tokenize } from './_tokens.js';

/**
 * Descriptions and provenance read from the schema source text (drizzle has no comment API):
 * JSDoc on an exported table/enum const and on the column properties of its object literal, the
 * line of each declaration, and the source of the functions given to `$defaultFn`/`$onUpdate`.
 * A tokenizer and the few grammar rules this needs (`_tokens.ts`, `_syntax.ts`), not a parser:
 * it reads what TypeScript's parser would for these declarations, in a fraction of the time.
 */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  content: string;
}

export interface DeclaredProperty {
  description?: string;
  line: number;
  /** Source of the function given to `$defaultFn`/`$default` in the property, when written inline. */
  defaultFn?: string;
  /** Source of the function given to `$onUpdateFn`/`$onUpdate` in the property, when written inline. */
  onUpdateFn?: string;
}

export interface Declaration {
  /** The const's name in code. */
  varName: string;
  /** Names it is exported under from its file. */
  exportNames: string[];
  /** First string argument of the call (`pgTable('users', ...)` -> users), when literal. */
  dbName?: string;
  file: string;
  line: number;
  description?: string;
  /** Column properties of the object literal (spreads of same-project objects included). */
  properties: Map<string, DeclaredProperty>;
}

/** A call such as `pgPolicy('name', ...)` written anywhere (inline in a table's extra config too). */
export interface CallSite {
  callee: string;
  /** The first argument, when a string literal. */
  name: string;
  file: string;
  line: number;
  /** The top-level const whose initializer holds the call (`profiles` for a policy inside pgTable). */
  within?: string;
}

export interface SourceIndex {
  declarations: Declaration[];
  /** Calls of `CALLEES` with a literal first argument. */
  calls?: CallSite[];
}

/** Functions whose call sites are indexed: objects declared inline, with no const of their own. */
const CALLEES = new Set(['pgPolicy']);

/** A binding of a top-level statement: `[export] const name = init` or `exports.name = init`. */
interface Binding {
  name: string;
  init: [number, number];
  exported: boolean;
  /** Token before the binding (its JSDoc may sit after it). */
  before: number;
}

/** Read every file once. */
export function indexSources(files: SourceFile[]): SourceIndex {
  const scanned: Scanned[] = files.map((file) => {
    const t = tokenize(file.content);
    return { file, t, line: lineCounter(file.content), statements: statements(t, 0, t.count) };
  });
  // Object literals declared at top level anywhere (for `...timestamps` spreads).
  const objects = new Map<string, { s: Scanned; open: number }>();
  for (const s of scanned)
    for (const [from, to] of s.statements)
      for (const b of variableBindings(s.t, from, to)) {
        const [a, e] = unwrap(s.t, b.init[0], b.init[1]);
        if (is(s.t, a, '{') && s.t.match[a] === e - 1) objects.set(b.name, { s, open: a });
      }

  const declarations: Declaration[] = [];
  const calls: CallSite[] = [];
  for (const s of scanned) {
    const { t } = s;
    const exported = exportAliases(s);
    for (const [from, to] of s.statements) {
      const bindings = variableBindings(t, from, to);
      if (bindings.length === 0) {
        const b = exportsAssignment(t, from, to);
        if (b) bindings.push(b);
      }
      collectCalls(s, from, to, bindings, calls);
      for (const b of bindings) {
        const call = tableCall(t, b.init);
        if (!call) continue;
        const [args, argsEnd] = call;
        const list = commaList(t, args, argsEnd);
        const first = list[0];
        const properties = new Map<string, DeclaredProperty>();
        const cols = list[1] && columnsLiteral(t, list[1][0], list[1][1]);
        if (cols !== undefined) collectProperties(s, cols, objects, properties, new Set());
        const after = (i: number) => (i < 0 ? 0 : t.end[i]!);
        const doc = leadingJsDoc(t.text, after(from - 1)) ?? leadingJsDoc(t.text, after(b.before));
        declarations.push({
          varName: b.name,
          exportNames: [...(b.exported ? [b.name] : []), ...(exported.get(b.name) ?? [])],
          ...(first && first[1] - first[0] === 1 && isLiteral(t, first[0])
            ? { dbName: literalValue(t, first[0]) }
            : {}),
          file: s.file.path,
          line: s.line(t.start[from]!),
          ...(doc ? { description: doc } : {}),
          properties,
        });
      }
    }
  }
  return { declarations, calls };
}

/** Calls of `CALLEES` in a statement whose first argument is a string literal. */
function collectCalls(s: Scanned, from: number, to: number, bindings: Binding[], out: CallSite[]): void {
  const { t } = s;
  for (let i = from; i + 2 < to; i++) {
    if (t.kind[i] !== Kind.Ident || !is(t, i + 1, '(') || !isLiteral(t, i + 2)) continue;
    const callee = t.text.slice(t.start[i]!, t.end[i]!);
    if (!CALLEES.has(callee) || (i > 0 && is(t, i - 1, '.'))) continue;
    const within = bindings.find((b) => b.init[0] <= i && i < b.init[1])?.name;
    out.push({
      callee,
      name: literalValue(t, i + 2),
      file: s.file.path,
      line: s.line(t.start[i]!),
      ...(within !== undefined ? { within } : {}),
    });
  }
}

const isLiteral = (t: Tokens, i: number) => t.kind[i] === Kind.String || t.kind[i] === Kind.Template;

/** `[export] [declare] const|let|var a = ..., b = ...`: the declarations with a name and an initializer. */
function variableBindings(t: Tokens, from: number, to: number): Binding[] {
  let i = from;
  const exported = is(t, i, 'export');
  if (exported) i++;
  if (is(t, i, 'declare')) i++;
  if (!(is(t, i, 'const') || is(t, i, 'let') || is(t, i, 'var'))) return [];
  const end = is(t, to - 1, ';') ? to - 1 : to;
  const out: Binding[] = [];
  let before = i;
  i++;
  while (i < end) {
    const name = i;
    i = next(t, i);
    if (is(t, i, '!')) i++;
    if (is(t, i, ':')) {
      // the type annotation: up to `=` or `,` outside brackets, angle brackets included
      let angle = 0;
      for (i++; i < end; i = next(t, i)) {
        if (is(t, i, '<')) angle++;
        else if (is(t, i, '>')) angle--;
        else if (angle <= 0 && (is(t, i, '=') || is(t, i, ','))) break;
      }
    }
    let init: [number, number] | undefined;
    if (is(t, i, '=')) {
      const [item] = commaList(t, i + 1, end);
      init = [i + 1, item ? item[1] : i + 1];
      i = init[1];
    }
    if (init && init[1] > init[0] && t.kind[name] === Kind.Ident)
      out.push({ name: t.text.slice(t.start[name]!, t.end[name]!), init, exported, before });
    // on to the next declarator
    while (i < end && !is(t, i, ',')) i = next(t, i);
    before = i;
    i++;
  }
  return out;
}

/** CommonJS `exports.name = init` / `module.exports.name = init` as a whole statement. */
function exportsAssignment(t: Tokens, from: number, to: number): Binding | undefined {
  let i = from;
  if (is(t, i, 'module') && is(t, i + 1, '.') && is(t, i + 2, 'exports')) {
    if (t.end[i] !== t.start[i + 1] || t.end[i + 1] !== t.start[i + 2]) return undefined;
    i += 2;
  } else if (!is(t, i, 'exports')) return undefined;
  if (!(is(t, i + 1, '.') && t.kind[i + 2] === Kind.Ident && is(t, i + 3, '='))) return undefined;
  const end = is(t, to - 1, ';') ? to - 1 : to;
  if (commaList(t, i + 4, end).length !== 1) return undefined;
  return {
    name: t.text.slice(t.start[i + 2]!, t.end[i + 2]!),
    init: [i + 4, end],
    exported: true,
    before: from - 1,
  };
}

/** `export { a as b }` (no `from`) in a file: local name -> exported names. */
function exportAliases(s: Scanned): Map<string, string[]> {
  const { t } = s;
  const out = new Map<string, string[]>();
  for (const [from, to] of s.statements) {
    if (!is(t, from, 'export')) continue;
    let open = from + 1;
    if (is(t, open, 'type') && is(t, open + 1, '{')) open++;
    if (!is(t, open, '{')) continue;
    const close = t.match[open]!;
    if (close + 1 < to && is(t, close + 1, 'from')) continue;
    for (let [a, b] of commaList(t, open + 1, close)) {
      if (b - a > 1 && is(t, a, 'type') && !is(t, a + 1, 'as')) a++;
      const nameAt = (i: number) =>
        t.kind[i] === Kind.String ? literalValue(t, i) : t.text.slice(t.start[i]!, t.end[i]!);
      if (a >= b) continue;
      const local = nameAt(a);
      const name = is(t, a + 1, 'as') && a + 2 < b ? nameAt(a + 2) : local;
      out.set(local, [...(out.get(local) ?? []), name]);
    }
    // `export default users` is matched by identity in the loader, not here.
  }
  return out;
}
