import type { Tag } from './types.js';

const TAG_RE = /(^|\s)@([a-zA-Z][\w-]*)(?:\(([^)]*)\))?/g;

/**
 * Split a description into prose and tags: `"Login email @pii @owner(identity)"` gives
 * `{ text: "Login email", tags: [{name:"pii"}, {name:"owner", value:"identity"}] }`.
 * Tags are lower-cased and deduplicated; the remaining text is trimmed (inner newlines kept).
 */
export function parseDescription(raw: string | undefined | null): { text?: string; tags: Tag[] } {
  if (raw === undefined || raw === null) return { tags: [] };
  const tags: Tag[] = [];
  const seen = new Set<string>();
  const text = raw.replace(TAG_RE, (_m, lead: string, name: string, value: string | undefined) => {
    const tag: Tag =
      value === undefined ? { name: name.toLowerCase() } : { name: name.toLowerCase(), value: value.trim() };
    const key = `${tag.name}\u0000${tag.value ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
    return lead;
  });
  const cleaned = text
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
  return cleaned ? { text: cleaned, tags } : { tags };
}

/** Merge tag lists keeping the first occurrence of each name/value pair. */
export function mergeTags(...lists: Tag[][]): Tag[] {
  const out: Tag[] = [];
  const seen = new Set<string>();
  for (const list of lists)
    for (const t of list) {
      const key = `${t.name}\u0000${t.value ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(t);
      }
    }
  return out;
}
