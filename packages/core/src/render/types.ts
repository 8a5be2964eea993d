import type { Diagnostic } from '../diagnostics.js';
import type { Finding } from '../findings/index.js';

/** One output file, its path relative to the output directory (posix separators). */
export interface RenderedFile {
  path: string;
  /** The whole text. For a file with `chunks` it is joined on each access (the writer never asks). */
  readonly content: string;
  /**
   * The text in pieces, for artefacts too large to hold as one string (the IR JSON is ~80 MB at
   * 10,000 tables): the writer compares and writes them piece by piece. Never set on Markdown.
   */
  chunks?: () => Iterable<string>;
}

export interface RenderResult {
  files: RenderedFile[];
  findings: Finding[];
  diagnostics: Diagnostic[];
}
