import type { Diagnostic } from '../diagnostics.js';
import type { Finding } from '../findings/index.js';

/** One output file, its path relative to the output directory (posix separators). */
export interface RenderedFile {
  path: string;
  content: string;
}

export interface RenderResult {
  files: RenderedFile[];
  findings: Finding[];
  diagnostics: Diagnostic[];
}
