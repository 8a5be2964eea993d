/**
 * A TypeScript/JavaScript tokenizer just precise enough to find declarations, object literals and
 * their comments (`jsdoc.ts`): identifiers, strings, templates, numbers, regular expressions and
 * punctuation, with the bracket that closes each opening one and whether a line break precedes a
 * token. Comments are skipped (they are read from the text where needed). Linear, no AST.
 */

export const Kind = {
  Ident: 0,
  Punct: 1,
  String: 2,
  /** A template without substitutions: `` `abc` ``. */
  Template: 3,
  /** `` `abc${ ``: opens like a bracket, closed by its `TemplateTail`. */
  TemplateHead: 4,
  /** `` }abc${ `` between two substitutions. */
  TemplateMiddle: 5,
  /** `` }abc` ``. */
  TemplateTail: 6,
  Number: 7,
  Regex: 8,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Tokens {
  text: string;
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when a line break (or a comment containing one) precedes the token. */
  newline: Uint8Array;
  /**
   * For `(`, `[`, `{` and template heads: the index of the closing token (or the last token when
   * none); for the closing tokens, the index of the opening one; -1 for other tokens.
   */
  match: Int32Array;
}

/** Keywords after which an expression (so a regular expression) may start. */
const BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
]);

const isIdStart = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95 || c === 92 || c > 127;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
export const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const NON_ASCII_ID = /[\p{ID_Continue}\u200c\u200d]/u;

export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(64, n >> 2);
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let newline = new Uint8Array(cap);
  let count = 0;
  const push = (k: Kind, s: number, e: number, nl: boolean) => {
    if (count === cap) {
      cap *= 2;
      kind = grown(kind, cap);
      start = grown(start, cap);
      end = grown(end, cap);
      newline = grown(newline, cap);
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    newline[count] = nl ? 1 : 0;
    count++;
  };
  /** After `{` or `${`: whether the matching `}` resumes a template. */
  const braces: boolean[] = [];
  let pos = 0;
  let nl = false;
  // a shebang is trivia
  if (text.startsWith('#!')) while (pos < n && !isLineBreak(text.charCodeAt(pos))) pos++;

  while (pos < n) {
    const c = text.charCodeAt(pos);
    // whitespace and line breaks
    if (c === 32 || c === 9 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
      pos++;
      continue;
    }
    if (isLineBreak(c)) {
      nl = true;
      pos++;
      continue;
    }
    if (c === 47) {
      const d = text.charCodeAt(pos + 1);
      if (d === 47) {
        while (pos < n && !isLineBreak(text.charCodeAt(pos))) pos++;
        continue;
      }
      if (d === 42) {
        const close = text.indexOf('*/', pos + 2);
        const stop = close === -1 ? n : close + 2;
        for (let i = pos + 2; i < stop; i++)
          if (isLineBreak(text.charCodeAt(i))) {
            nl = true;
            break;
          }
        pos = stop;
        continue;
      }
    }
    if (c > 127 && /\s/.test(text[pos]!)) {
      if (c === 0x2028 || c === 0x2029) nl = true;
      pos++;
      continue;
    }
    const s = pos;
    const lineBefore = nl;
    nl = false;
    if (isIdStart(c) || (c === 35 && isIdStart(text.charCodeAt(pos + 1)))) {
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (d < 128 ? isIdPart(d) : NON_ASCII_ID.test(text[pos]!)) pos++;
        else break;
      }
      push(Kind.Ident, s, pos, lineBefore);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (isIdPart(d) || d === 46) pos++;
        else if ((d === 43 || d === 45) && /[eE]/.test(text[pos - 1]!) && !/^0[xX]/.test(text.slice(s, pos)))
          pos++;
        else break;
      }
      push(Kind.Number, s, pos, lineBefore);
      continue;
    }
    if (c === 39 || c === 34) {
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (d === c) {
          pos++;
          break;
        }
        if (d === 92) {
          pos += 2;
          continue;
        }
        if (d === 10 || d === 13) break;
        pos++;
      }
      push(Kind.String, s, pos, lineBefore);
      continue;
    }
    if (c === 96 || (c === 125 && braces.length > 0 && braces[braces.length - 1])) {
      // a template, or its text after a substitution's `}`
      if (c === 125) braces.pop();
      pos = templateEnd(text, pos + 1);
      const open = text.charCodeAt(pos - 1) === 123 && text.charCodeAt(pos - 2) === 36; // ${
      if (open) braces.push(true);
      push(
        c === 96
          ? open
            ? Kind.TemplateHead
            : Kind.Template
          : open
            ? Kind.TemplateMiddle
            : Kind.TemplateTail,
        s,
        pos,
        lineBefore,
      );
      continue;
    }
    if (c === 47 && regexAllowed(text, kind, start, end, count)) {
      const close = regexEnd(text, pos);
      if (close !== -1) {
        pos = close;
        while (pos < n && isIdPart(text.charCodeAt(pos))) pos++;
        push(Kind.Regex, s, pos, lineBefore);
        continue;
      }
    }
    if (c === 123) braces.push(false);
    else if (c === 125) braces.pop();
    pos += punctuatorLength(text, pos, c);
    push(Kind.Punct, s, pos, lineBefore);
  }
  const tokens: Tokens = {
    text,
    count,
    kind: kind.subarray(0, count),
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    newline: newline.subarray(0, count),
    match: new Int32Array(count),
  };
  matchBrackets(tokens);
  return tokens;
}

function grown<A extends Uint8Array | Int32Array>(array: A, size: number): A {
  const copy = new (array.constructor as new (size: number) => A)(size);
  copy.set(array);
  return copy;
}

/** After the template characters from `pos` (just after `` ` `` or `}`): after `` ` `` or `${`. */
function templateEnd(text: string, pos: number): number {
  for (let p = pos; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === 96) return p + 1;
    if (c === 92) p++;
    else if (c === 36 && text.charCodeAt(p + 1) === 123) return p + 2;
  }
  return text.length;
}

/**
 * Length of the punctuator at `pos` (first character `c`). `>` is always alone: `>>` and `>=` are
 * read as several tokens, since type arguments close with them.
 */
function punctuatorLength(text: string, pos: number, c: number): number {
  const d = text.charCodeAt(pos + 1);
  const e = text.charCodeAt(pos + 2);
  switch (c) {
    case 46: // . ...
      return d === 46 && e === 46 ? 3 : 1;
    case 61: // = == === =>
      if (d === 62) return 2;
      return d === 61 ? (e === 61 ? 3 : 2) : 1;
    case 33: // ! != !==
      return d === 61 ? (e === 61 ? 3 : 2) : 1;
    case 60: // < << <<= <=
      if (d === 60) return e === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 38: // & && &&= &=
    case 124: // | || ||= |=
    case 42: // * ** **= *=
      if (d === c) return e === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 63: // ? ?? ??= ?.
      if (d === 63) return e === 61 ? 3 : 2;
      return d === 46 && !isDigit(e) ? 2 : 1;
    case 43: // + ++ +=
    case 45: // - -- -=
      return d === c || d === 61 ? 2 : 1;
    case 47: // / /=
    case 37: // % %=
    case 94: // ^ ^=
      return d === 61 ? 2 : 1;
    default:
      return 1;
  }
}

/** A `/` starts a regular expression unless it follows something an expression can end with. */
function regexAllowed(
  text: string,
  kind: Uint8Array,
  start: Int32Array,
  end: Int32Array,
  count: number,
): boolean {
  if (count === 0) return true;
  const k = kind[count - 1]!;
  if (k === Kind.TemplateHead || k === Kind.TemplateMiddle) return true;
  if (k === Kind.Ident) return BEFORE_EXPRESSION.has(text.slice(start[count - 1]!, end[count - 1]!));
  if (k !== Kind.Punct) return false;
  const c = text.charCodeAt(start[count - 1]!);
  const last = text.charCodeAt(end[count - 1]! - 1);
  return !(c === 41 || c === 93 || c === 125 || ((c === 43 || c === 45) && last === c));
}

/** End (after the closing `/`) of a regular expression starting at `pos`, or -1 if it does not close on its line. */
function regexEnd(text: string, pos: number): number {
  let inClass = false;
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return -1;
    if (c === 92) i++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) return i + 1;
  }
  return -1;
}

function matchBrackets(t: Tokens): void {
  const stack: number[] = [];
  for (let i = 0; i < t.count; i++) {
    t.match[i] = -1;
    const k = t.kind[i]!;
    if (k === Kind.TemplateHead) {
      stack.push(i);
      continue;
    }
    if (k === Kind.TemplateTail) {
      const open = stack.pop();
      if (open !== undefined) {
        t.match[open] = i;
        t.match[i] = open;
      }
      continue;
    }
    if (k !== Kind.Punct || t.end[i]! - t.start[i]! !== 1) continue;
    const c = t.text.charCodeAt(t.start[i]!);
    if (c === 40 || c === 91 || c === 123) stack.push(i);
    else if (c === 41 || c === 93 || c === 125) {
      const open = stack.pop();
      if (open !== undefined) {
        t.match[open] = i;
        t.match[i] = open;
      }
    }
  }
  for (const open of stack) t.match[open] = Math.max(open, t.count - 1);
}

/** The text of token `i`. */
export const tokenText = (t: Tokens, i: number): string => t.text.slice(t.start[i]!, t.end[i]!);

/** Whether token `i` is the punctuator (or identifier/keyword) `value`. */
export function is(t: Tokens, i: number, value: string): boolean {
  if (i < 0 || i >= t.count) return false;
  const s = t.start[i]!;
  return t.end[i]! - s === value.length && t.text.startsWith(value, s);
}
