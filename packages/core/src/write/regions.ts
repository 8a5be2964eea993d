import { OrmdocError } from '../errors.js';
import { MARKER_LINE } from '../render/markers.js';

const MARKER_START = '<!-- ormdoc:';

/** A document split into text kept as is and generated regions (exact bytes preserved). */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'region'; id: string; begin: string; body: string; end: string };

/** Split into lines keeping each line's terminator, so joining gives the input back byte for byte. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Parse a document into segments. Broken markers (an end without a begin, a begin without an end,
 * nested or mismatched markers, an id used twice) throw MARKERS_BROKEN naming the file and line.
 */
export function parseRegions(content: string, file: string): Segment[] {
  const segments: Segment[] = [];
  const seen = new Map<string, number>();
  let open: { id: string; begin: string; bodyStart: number; line: number } | undefined;
  function broken(line: number, what: string): never {
    throw new OrmdocError('MARKERS_BROKEN', `${file}:${line}: ${what}`, {
      file,
      line,
      hint: 'Restore the ormdoc:begin/ormdoc:end marker pair (or delete both markers and the text between them to let ormdoc write the region again); the file was left untouched.',
    });
  }
  // Walk the lines by offset; only a line starting like a marker is matched, and text and bodies
  // are slices of `content` (a document is mostly generated text between a few dozen markers).
  let textStart = 0;
  let lineNo = 0;
  for (let at = 0; at < content.length; ) {
    const newline = content.indexOf('\n', at);
    const next = newline < 0 ? content.length : newline + 1;
    lineNo++;
    const m = content.startsWith(MARKER_START, at)
      ? MARKER_LINE.exec(content.slice(at, newline < 0 ? next : newline))
      : null;
    if (!m) {
      at = next;
      continue;
    }
    const line = content.slice(at, next);
    const [, kind, id] = m as unknown as [string, 'begin' | 'end', string];
    if (kind === 'begin') {
      if (open) broken(lineNo, `"ormdoc:begin ${id}" inside region "${open.id}" opened at line ${open.line}`);
      const first = seen.get(id);
      if (first !== undefined) broken(lineNo, `region "${id}" appears twice (first at line ${first})`);
      seen.set(id, lineNo);
      if (at > textStart) segments.push({ kind: 'text', text: content.slice(textStart, at) });
      open = { id, begin: line, bodyStart: next, line: lineNo };
    } else {
      if (!open) broken(lineNo, `"ormdoc:end ${id}" without a matching "ormdoc:begin ${id}"`);
      if (open.id !== id)
        broken(lineNo, `"ormdoc:end ${id}" closes region "${open.id}" opened at line ${open.line}`);
      segments.push({
        kind: 'region',
        id,
        begin: open.begin,
        body: content.slice(open.bodyStart, at),
        end: line,
      });
      open = undefined;
      textStart = next;
    }
    at = next;
  }
  if (open) broken(open.line, `"ormdoc:begin ${open.id}" has no "ormdoc:end ${open.id}"`);
  if (textStart < content.length) segments.push({ kind: 'text', text: content.slice(textStart) });
  return segments;
}

export function joinSegments(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.begin + s.body + s.end)).join('');
}
