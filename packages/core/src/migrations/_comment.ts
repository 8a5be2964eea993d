import type { CommentStmt, ObjectWithArgs } from '@pgsql/types';
import { fieldsOf, listItems, qualified, strings } from './_nodes.js';
import { matchRoutines } from './_routine.js';
import { type MigrationState, relKey, type StatementContext } from './_state.js';

/**
 * COMMENT ON TABLE / VIEW / MATERIALIZED VIEW / COLUMN / FUNCTION / PROCEDURE (IS NULL removes it).
 * Returns false for comments on kinds the IR has no description for (counted by the caller).
 */
export function comment(state: MigrationState, s: CommentStmt, ctx: StatementContext): boolean {
  const text = s.comment;
  switch (s.objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_COLUMN': {
      const names = strings(listItems(s.object));
      const column = s.objtype === 'OBJECT_COLUMN' ? names.pop() : undefined;
      const table = qualified(names);
      const key = `${relKey(table)}\u0000${column ?? ''}`;
      if (text === undefined) state.comments.delete(key);
      else
        state.comments.set(key, {
          table,
          ...(column !== undefined ? { column } : {}),
          text,
          source: { file: ctx.file, line: ctx.line },
        });
      return true;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const o = fieldsOf<ObjectWithArgs>(s.object, 'ObjectWithArgs');
      for (const key of o ? matchRoutines(state, o) : []) {
        const { description: _, ...r } = state.routines.get(key)!;
        state.routines.set(key, text === undefined ? r : { ...r, description: text });
      }
      return true;
    }
    default:
      return false;
  }
}
