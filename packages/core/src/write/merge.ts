import { isMeasuredRegion } from './measured.js';
import { joinSegments, parseRegions, type Segment, splitLines } from './regions.js';

/** The TODO line ormdoc writes for a missing fact; group 1 is the `project.<key>`. */
export const TODO_LINE = /^> \*\*TODO\(ormdoc\):\*\* .*set `project\.([A-Za-z]+)`/;
const FACT_REGION = /^fact:([A-Za-z]+)(?:-\d+)?$/;

type Region = Extract<Segment, { kind: 'region' }>;

const factKey = (id: string) => FACT_REGION.exec(id)?.[1];
/** Where the region `id` is among `segments` (-1: not there). */
const regionIndex = (segments: Segment[], id: string) =>
  // Stryker disable next-line ConditionalExpression: a text segment has no id, so the kind test only narrows the type
  segments.findIndex((s) => s.kind === 'region' && s.id === id);
const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/**
 * Merge a fresh render into the file on disk: the body of every region present in both is replaced,
 * text outside regions is kept byte for byte, regions gone from the render are removed, new regions
 * are inserted after the previous region that exists (before the next one when none precedes);
 * `measured:` regions missing from the render are kept (the last measurements of a live database).
 * Facts move between config and TODO cleanly: a new `fact:<key>` region takes the place of the
 * TODO line ormdoc wrote for that key, and a removed one is replaced by the fresh TODO line.
 */
export function mergeDocument(existing: string, fresh: string, file: string): string {
  // Nothing changed since the last run (the usual case in CI): merging would give `existing` back.
  // Stryker disable next-line ConditionalExpression: a shortcut, the merge of a document with itself is the document
  if (existing === fresh) return existing;
  const old = parseRegions(existing, file);
  const next = parseRegions(fresh, `${file} (rendered)`);
  const nextRegions = next.filter((s): s is Region => s.kind === 'region');
  const nextById = new Map(nextRegions.map((r) => [r.id, r]));
  const freshTodos = new Map<string, string>();
  for (const line of splitLines(fresh)) {
    const key = TODO_LINE.exec(line)?.[1];
    if (key && !freshTodos.has(key)) freshTodos.set(key, withNewline(line));
  }

  // 1. Replace or drop the regions already in the file.
  const out: Segment[] = [];
  let dropped = false;
  for (const seg of old) {
    if (seg.kind === 'text') {
      // After a dropped region, drop one of the two blank lines that surrounded it.
      const text = dropped && seg.text.startsWith('\n') ? seg.text.slice(1) : seg.text;
      dropped = false;
      // Stryker disable next-line ConditionalExpression: an empty text segment joins to nothing and holds no heading or TODO line
      if (text) out.push({ kind: 'text', text });
      continue;
    }
    dropped = false;
    const fresh = nextById.get(seg.id);
    if (fresh) {
      out.push({
        ...seg,
        body: fresh.body,
        end: seg.end.endsWith('\n') ? withNewline(fresh.end) : fresh.end,
      });
      continue;
    }
    // Measurements of a live database stay until a run with a database replaces them (measured.ts).
    if (isMeasuredRegion(seg.id)) {
      out.push(seg);
      continue;
    }
    const key = factKey(seg.id);
    const todo = key ? freshTodos.get(key) : undefined;
    // Stryker disable next-line Regex: the TODO line has one newline, at its end
    if (todo) out.push({ kind: 'text', text: seg.end.endsWith('\n') ? todo : todo.replace(/\n$/, '') });
    else dropped = true;
  }
  if (dropped) dropTrailingBlank(out);

  // 2. Insert the regions that are new.
  // Stryker disable next-line MethodExpression,ConditionalExpression: a text segment has no id to add
  const present = new Set(out.filter((s) => s.kind === 'region').map((s) => (s as Region).id));
  nextRegions.forEach((region, index) => {
    if (present.has(region.id)) return;
    const key = factKey(region.id);
    if (key && replaceTodoLine(out, key, region)) {
      present.add(region.id);
      return;
    }
    const before = nextRegions
      .slice(0, index)
      .reverse()
      .find((r) => present.has(r.id));
    const after = nextRegions.slice(index + 1).find((r) => present.has(r.id));
    if (placeUnderHeading(out, next, region, before, after)) {
      present.add(region.id);
      return;
    }
    const seg: Region = { ...region, end: withNewline(region.end) };
    if (before) {
      const at = regionIndex(out, before.id);
      const prev = out[at] as Region;
      // Stryker disable next-line ConditionalExpression,StringLiteral: `before` comes before the new region in the render, so its end marker line has its newline already
      if (!prev.end.endsWith('\n')) prev.end += '\n';
      out.splice(at + 1, 0, { kind: 'text', text: '\n' }, seg);
    } else if (after) {
      const at = regionIndex(out, after.id);
      out.splice(at, 0, seg, { kind: 'text', text: '\n' });
    } else {
      // Appended after everything the file has: exactly one blank line between (none in an empty file).
      const text = joinSegments(out);
      const gap = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
      out.push({ kind: 'text', text: gap }, seg);
    }
    present.add(region.id);
  });
  return joinSegments(out);
}

/**
 * A region dropped at the end of the file leaves one blank line too many: the text before it
 * ends with a blank line, or is the lone newline after a kept region's end marker.
 */
function dropTrailingBlank(out: Segment[]): void {
  const last = out[out.length - 1];
  if (last?.kind !== 'text') return;
  if (last.text.endsWith('\n\n')) last.text = last.text.slice(0, -1);
  else if (last.text === '\n' && out[out.length - 2]?.kind === 'region') out.pop();
}

/**
 * Put a new region under its own heading when the file has that heading: the last heading line the
 * render wrote before the region (e.g. `## Changelog`), looked for in the file's text between the
 * regions around the new one. A section that was text only until now (a person's) gets its new
 * generated part under its heading, not at the end of the section before it.
 */
function placeUnderHeading(
  out: Segment[],
  next: Segment[],
  region: Region,
  before: Region | undefined,
  after: Region | undefined,
): boolean {
  const prev = next[regionIndex(next, region.id) - 1];
  if (prev?.kind !== 'text') return false;
  // Stryker disable next-line Regex: a line has one newline, at its end
  const bare = (line: string) => line.replace(/\r?\n$/, '');
  const heading = splitLines(prev.text)
    .reverse()
    .map(bare)
    .find((l) => /^#{1,6} \S/.test(l));
  // Stryker disable next-line ConditionalExpression: without a heading no line below matches it either
  if (!heading) return false;
  const from = before ? regionIndex(out, before.id) + 1 : 0;
  const to = after ? regionIndex(out, after.id) : out.length;
  // Stryker disable next-line EqualityOperator: out[to] is the region after, or nothing
  for (let i = from; i < to; i++) {
    const seg = out[i];
    // Stryker disable next-line OptionalChaining: i < to <= out.length
    if (seg?.kind !== 'text') continue;
    const lines = splitLines(seg.text);
    const h = lines.findIndex((l) => bare(l) === heading);
    if (h < 0) continue;
    // Below the heading and the blank line after it; what followed it comes after the region.
    const cut = h + 1 + (lines[h + 1] !== undefined && bare(lines[h + 1] as string) === '' ? 1 : 0);
    const head = withNewline(lines.slice(0, cut).join(''));
    const rest = lines.slice(cut).join('');
    out.splice(
      i,
      1,
      { kind: 'text', text: cut === h + 1 ? `${head}\n` : head },
      { ...region, end: withNewline(region.end) },
      { kind: 'text', text: rest === '' ? '' : `\n${rest}` },
    );
    return true;
  }
  return false;
}

/** Put a new fact region where ormdoc's TODO line for that fact is. */
function replaceTodoLine(out: Segment[], key: string, region: Region): boolean {
  // Stryker disable next-line EqualityOperator: out[out.length] is nothing, skipped as no text
  for (let i = 0; i < out.length; i++) {
    const seg = out[i];
    // Stryker disable next-line OptionalChaining: i < out.length
    if (seg?.kind !== 'text') continue;
    const lines = splitLines(seg.text);
    const at = lines.findIndex((l) => TODO_LINE.exec(l)?.[1] === key);
    if (at < 0) continue;
    const beforeText = lines.slice(0, at).join('');
    const afterText = lines.slice(at + 1).join('');
    const hadNewline = (lines[at] as string).endsWith('\n');
    out.splice(
      i,
      1,
      { kind: 'text', text: beforeText },
      { ...region, end: hadNewline ? withNewline(region.end) : region.end },
      { kind: 'text', text: afterText },
    );
    return true;
  }
  return false;
}
