import { isLineBreak, Kind, type Tokens } from './_tokens.js';

/** Text-level helpers of `jsdoc.ts`: comments before a position, line numbers, literal values. */

/** TypeScript's `getLeadingCommentRanges(text, pos)`, keeping the last `/** ... *\/` block: its text. */
export function leadingJsDoc(text: string, pos: number): string | undefined {
  let p = pos;
  let collecting = false;
  if (p === 0) {
    collecting = true;
    const shebang = /^#!.*/.exec(text);
    if (shebang) p = shebang[0].length;
  }
  let last: [number, number] | undefined;
  while (p >= 0 && p < text.length) {
    const ch = text.charCodeAt(p);
    if (ch === 13 || ch === 10) {
      if (ch === 13 && text.charCodeAt(p + 1) === 10) p++;
      p++;
      collecting = true;
      continue;
    }
    if (ch === 9 || ch === 11 || ch === 12 || ch === 32) {
      p++;
      continue;
    }
    if (ch === 47) {
      const next2 = text.charCodeAt(p + 1);
      if (next2 !== 47 && next2 !== 42) break;
      const begin = p;
      p += 2;
      if (next2 === 47) while (p < text.length && !isLineBreak(text.charCodeAt(p))) p++;
      else {
        while (p < text.length) {
          if (text.charCodeAt(p) === 42 && text.charCodeAt(p + 1) === 47) {
            p += 2;
            break;
          }
          p++;
        }
        if (collecting && text.startsWith('/**', begin)) last = [begin, p];
      }
      continue;
    }
    if (ch > 127 && isWhiteSpaceLike(ch)) {
      p++;
      continue;
    }
    break;
  }
  if (!last) return undefined;
  const body = text
    .slice(last[0] + 3, last[1] - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, '').trimEnd())
    .join('\n')
    .trim();
  return body || undefined;
}

/** TypeScript's `isWhiteSpaceLike` for characters above ASCII. */
function isWhiteSpaceLike(ch: number): boolean {
  return (
    ch === 0xa0 ||
    ch === 0x85 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200b) ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff ||
    ch === 0x2028 ||
    ch === 0x2029
  );
}

/** 1-based line of a character position (line breaks as TypeScript counts them). */
export function lineCounter(text: string): (pos: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 || ch === 0x2028 || ch === 0x2029) starts.push(i + 1);
  }
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The value of a string or template token without substitutions (escapes applied), as TypeScript's `.text`. */
export function literalValue(t: Tokens, i: number): string {
  const raw = t.text.slice(t.start[i]! + 1, t.end[i]! - 1);
  const template = t.kind[i] === Kind.Template;
  const body = template ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!body.includes('\\')) return body;
  return body.replace(
    /\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|\r\n|[\s\S])/g,
    (_m, esc: string, cp?: string, u4?: string, x2?: string) => {
      const hex = cp ?? u4 ?? x2;
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      switch (esc) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        case '0':
          return '\0';
        case '\r\n':
        case '\n':
        case '\r':
        case '\u2028':
        case '\u2029':
          return '';
        default:
          return esc;
      }
    },
  );
}
