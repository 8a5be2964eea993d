/** A `TODO(ormdoc)` left in a written document: a fact only a person knows. */
export interface Todo {
  /** Path relative to the output directory. */
  file: string;
  /** 1-based line in the merged document. */
  line: number;
  /** The heading the TODO sits under (nearest preceding heading text). */
  section: string;
  /** The `project.<fact>` config key that fills it, when the TODO names one. */
  fact?: string;
}

export interface StaleFile {
  path: string;
  /** Unified diff from the file on disk (empty when missing) to what ormdoc would write. */
  diff: string;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  /** Documents of the last run this one no longer renders, removed (`write/orphans.ts`; set by `generateDocs`). */
  removed?: string[];
  stale: StaleFile[];
  todos: Todo[];
}
