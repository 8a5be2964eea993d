import type { RenderContext } from './context.js';
import { escapeHeading } from './markdown.js';
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

  heading(level: number, text: string): this {
    return this.text(`${'#'.repeat(level)} ${escapeHeading(text)}`);
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

  toString(): string {
    return `${this.blocks.join('\n\n')}\n`;
  }
}
