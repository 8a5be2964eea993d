import { headingText } from '../render/markdown.js';
import { TODO_LINE } from './merge.js';
import type { Todo } from './types.js';

/**
 * Every `TODO(ormdoc)` line of a document, with the heading it sits under (code fences skipped).
 * The section is the heading as a reader sees it (`Monitoring & Observability`), not its Markdown
 * source (`Monitoring &amp; Observability`): it is printed as plain text.
 */
export function findTodos(file: string, content: string): Todo[] {
  const todos: Todo[] = [];
  if (!content.includes('TODO(ormdoc)')) return todos;
  let section = '';
  let fence: string | undefined;
  content.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const f = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === undefined || (f[0] === fence[0] && f.length >= fence.length))) {
      fence = fence === undefined ? f : undefined;
      return;
    }
    if (fence !== undefined) return;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) section = headingText(heading[1] ?? '');
    if (!line.includes('TODO(ormdoc)')) return;
    const fact = TODO_LINE.exec(line)?.[1];
    todos.push({ file, line: index + 1, section, ...(fact ? { fact } : {}) });
  });
  return todos;
}
