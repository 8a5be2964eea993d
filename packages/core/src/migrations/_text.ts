/**
 * Positions in a migration file. libpg-query reports statement locations as UTF-8 byte offsets
 * (and a statement's location points just after the previous `;`, so it may start with blank
 * lines and comments); its error cursor is a character offset. Lines are 1-based.
 */
export class SourceText {
  readonly bytes: Buffer;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 0x0a) this.lineStarts.push(i + 1);
  }

  /** The line of a byte offset. */
  lineOfByte(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The line of a character (UTF-16) offset. */
  lineOfChar(offset: number): number {
    return this.lineOfByte(Buffer.byteLength(this.text.slice(0, offset), 'utf8'));
  }

  /**
   * The line where the statement at byte `from` really starts: past whitespace, `-- line` and
   * nested block comments, which are all the parser lets stand between two statements.
   */
  statementLine(from: number): number {
    const b = this.bytes;
    let i = from;
    for (;;) {
      while (i < b.length && (b[i] === 0x20 || (b[i]! >= 0x09 && b[i]! <= 0x0d))) i++;
      if (b[i] === 0x2d && b[i + 1] === 0x2d) {
        while (i < b.length && b[i] !== 0x0a) i++;
      } else if (b[i] === 0x2f && b[i + 1] === 0x2a) {
        let depth = 0;
        while (i < b.length) {
          if (b[i] === 0x2f && b[i + 1] === 0x2a) {
            depth++;
            i += 2;
          } else if (b[i] === 0x2a && b[i + 1] === 0x2f) {
            i += 2;
            if (--depth === 0) break;
          } else i++;
        }
      } else break;
    }
    return this.lineOfByte(Math.min(i, Math.max(b.length - 1, 0)));
  }
}
