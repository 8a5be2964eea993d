import { joinSegments, parseRegions, type Segment, splitLines } from './regions.js';

/** The TODO line ormdoc writes for a missing fact; group 1 is the `project.<key>`. */
export const TODO_LINE = /^> \*\*TODO\(ormdoc\):\*\* .*set `project\.([A-Za-z]+)`/;
const FACT_REGION = /^fact:([A-Za-z]+)(?:-\d+)?$/;

type Region = Extract<Segment, { kind: 'region' }>;

const factKey = (id: string) => FACT_REGION.exec(id)?.[1];
const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/**
 * Merge a fresh render into the file on disk: the body of every region present in both is replaced,
 * text outside regions is kept byte for byte, regions gone from the render are removed, new regions
 * are inserted after the previous region that exists (before the next one when none precedes).
 * Facts move between config and TODO cleanly: a new `fact:<key>` region takes the place of the
 * TODO line ormdoc wrote for that key, and a removed one is replaced by the fresh TODO line.
 */
export function mergeDocument(existing: string, fresh: string, file: string): string {
  // Nothing changed since the last run (the usual case in CI): merging would give `existing` back.
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
    const key = factKey(seg.id);
    const todo = key ? freshTodos.get(key) : undefined;
    if (todo) out.push({ kind: 'text', text: seg.end.endsWith('\n') ? todo : todo.replace(/\n$/, '') });
    else dropped = true;
  }
  if (dropped) dropTrailingBlank(out);

  // 2. Insert the regions that are new.
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
    const seg: Region = { ...region, end: withNewline(region.end) };
    if (before) {
      const at = out.findIndex((s) => s.kind === 'region' && s.id === before.id);
      const prev = out[at] as Region;
      if (!prev.end.endsWith('\n')) prev.end += '\n';
      out.splice(at + 1, 0, { kind: 'text', text: '\n' }, seg);
    } else if (after) {
      const at = out.findIndex((s) => s.kind === 'region' && s.id === after.id);
      out.splice(at, 0, seg, { kind: 'text', text: '\n' });
    } else {
      const text = joinSegments(out);
      out.push({ kind: 'text', text: text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n' }, seg);
    }
    present.add(region.id);
  });
  return joinSegments(out);
}

/** A region dropped at the end of the file leaves one blank line too many. */
function dropTrailingBlank(out: Segment[]): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text' && last.text.endsWith('\n\n')) last.text = last.text.slice(0, -1);
}

/** Put a new fact region where ormdoc's TODO line for that fact is. */
function replaceTodoLine(out: Segment[], key: string, region: Region): boolean {
  for (let i = 0; i < out.length; i++) {
    const seg = out[i];
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
