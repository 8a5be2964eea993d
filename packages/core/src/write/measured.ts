import { wrapRegion } from '../render/markers.js';
import type { RenderedFile } from '../render/types.js';

/**
 * Facts measured on a live database (row estimates, sizes, index usage, server version): they
 * change on every run, so they are opt-in (`generate --database-url`) and live in regions whose id
 * starts with `measured:`. A run without a database keeps the last measurements as they are
 * (merge.ts), so `check` never reports them as stale.
 */
export const MEASURED_PREFIX = 'measured:';

export const isMeasuredRegion = (id: string): boolean => id.startsWith(MEASURED_PREFIX);

/** A measured region: put at the end of the `## <section>` of `document` (e.g. overview.md). */
export interface MeasuredSection {
  document: string;
  /** The `## ` heading text of the section it belongs to (the first heading that starts with it). */
  section: string;
  /** Region id without the prefix. */
  id: string;
  /** Markdown. */
  body: string;
}

/** The rendered files with each measured section placed at the end of its section (documents or sections absent: skipped). */
export function insertMeasured(files: RenderedFile[], sections: readonly MeasuredSection[]): RenderedFile[] {
  if (sections.length === 0) return files;
  return files.map((file) => {
    const mine = sections.filter((s) => s.document === file.path);
    if (mine.length === 0 || typeof file.content !== 'string') return file;
    let lines = file.content.split('\n');
    for (const s of mine) {
      const start = lines.findIndex((l) => l.startsWith(`## ${s.section}`));
      if (start < 0) continue;
      let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
      if (end < 0) end = lines.length;
      while (end > start + 1 && lines[end - 1] === '') end--;
      const region = wrapRegion(`${MEASURED_PREFIX}${s.id}`, s.body).split('\n');
      lines = [...lines.slice(0, end), '', ...region, ...lines.slice(end)];
    }
    return { ...file, content: lines.join('\n') };
  });
}
