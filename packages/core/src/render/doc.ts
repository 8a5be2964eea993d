import type { RenderContext } from './context.js';
import { documentHeadings } from './markdown.js';
import { HEADER_COMMENT, wrapRegion } from './markers.js';
import { type FactKey, todoLine } from './todo.js';

/**
 * Builds one document as blocks separated by blank lines. Generated content goes into regions with
 * unique ids; facts only a person knows come from `config.project` (in a region) or become one
 * TODO line outside every region.
 */
export class Doc {
  private readonly blocks: string[] = [];
  private readonly ids = new Set<string>();
  private contentsAt: number | undefined;

  constructor(
    private readonly ctx: RenderContext,
    options: { frontMatter?: string } = {},
  ) {
    if (options.frontMatter) this.blocks.push(options.frontMatter);
    this.blocks.push(HEADER_COMMENT);
    if (ctx.config.timestamp) this.region('generated-at', `_Generated on ${new Date().toISOString()}._`);
  }

  /** Plain text outside regions (template structure: headings, labels). */
  text(text: string): this {
    this.blocks.push(text);
    return this;
  }

  /**
   * A heading written by the template. Static text reads naturally in raw Markdown (no entities);
   * anything taken from the schema must go through `escapeHeading` first.
   */
  heading(level: number, text: string): this {
    return this.text(`${'#'.repeat(level)} ${text.replace(/#+\s*$/, (m) => m.replace(/#/g, '\\#'))}`);
  }

  /** A table of contents of the level-2 sections that follow it, filled in when the document is complete. */
  contents(): this {
    this.contentsAt = this.blocks.length;
    this.blocks.push('');
    return this;
  }

  /** A generated region; ids are made unique within the document. */
  region(id: string, body: string): this {
    let unique = id;
    for (let n = 2; this.ids.has(unique); n++) unique = `${id}-${n}`;
    this.ids.add(unique);
    this.blocks.push(wrapRegion(unique, body));
    return this;
  }

  /** A fact only a person knows: the configured value (in a region) or one TODO line. */
  fact(key: FactKey, options: { label?: string; what?: string } = {}): this {
    const value = this.ctx.config.project[key];
    if (value !== undefined && value.trim() !== '') {
      return this.region(
        `fact:${key}`,
        options.label ? `**${options.label}:** ${value.trim()}` : value.trim(),
      );
    }
    const what = options.what ?? undefined;
    const line = todoLine(key, what);
    return this.text(
      options.label ? line.replace('**TODO(ormdoc):** ', `**TODO(ormdoc):** ${options.label}: `) : line,
    );
  }

  /**
   * The document, ending in one newline. Built by `join` alone, so the result is one flat string:
   * `${text}\n` would be a two-part string that V8 copies in full the first time it is read (at
   * 10,000 tables those copies of every document raised the peak memory by ~90 MB).
   */
  toString(): string {
    if (this.contentsAt === undefined) return joinLines(this.blocks, '\n\n');
    const at = this.contentsAt;
    const marker = '\u0000contents\u0000';
    const draft = this.blocks.map((b, i) => (i === at ? marker : b)).join('\n\n');
    const offset = draft.indexOf(marker);
    const before = documentHeadings(draft.slice(0, offset)).length;
    const items = documentHeadings(draft)
      .slice(before)
      .filter((h) => h.level === 2)
      .map((h) => `- [${h.text.replace(/`/g, '').replace(/[[\]]/g, '\\$&')}](#${h.anchor})`);
    const toc = wrapRegion('contents', `**Contents**\n\n${items.join('\n')}`);
    return [draft.slice(0, offset), toc, draft.slice(offset + marker.length), '\n'].join('');
  }
}

/** `parts.join(separator)` followed by one newline, as one flat string. */
function joinLines(parts: readonly string[], separator: string): string {
  const last = parts.length - 1;
  return last < 0 ? '\n' : parts.map((p, i) => (i === last ? `${p}\n` : p)).join(separator);
}
