import type {
  CheckConstraint,
  Extension,
  Policy,
  Role,
  Routine,
  RowLevelSecurity,
  Sequence,
  SourceLocation,
  TableRef,
  Trigger,
} from '../ir/types.js';
import type { ViewShape } from './_viewColumns.js';

/** One migration file: its path relative to the project root (forward slashes) and its SQL. */
export interface MigrationFile {
  path: string;
  content: string;
}

/** A view or materialized view a migration leaves in place. */
export interface MigrationView {
  schema: string | null;
  name: string;
  kind: 'view' | 'materialized-view';
  /** The query, deparsed from the parse tree. */
  definition: string;
  /** Column names given in `CREATE VIEW v (a, b) AS`, when given. */
  columnNames?: string[];
  /** What the query's output columns are and read from (a SELECT; undefined for VALUES). */
  shape?: ViewShape;
  source: SourceLocation;
}

/** A `COMMENT ON TABLE / VIEW / COLUMN` a migration leaves in place. */
export interface MigrationComment {
  table: TableRef;
  /** Absent for a comment on the table (or view) itself. */
  column?: string;
  text: string;
  source: SourceLocation;
}

/** A named CHECK constraint a migration leaves in place (inline in CREATE TABLE or ADD CONSTRAINT). */
export interface MigrationCheck {
  table: TableRef;
  check: CheckConstraint;
  /** Column names the expression mentions (a DROP COLUMN of one of them drops the check). */
  columns: string[];
}

/**
 * What the migration files leave in the database beyond tables, after every statement was
 * applied in order. Every object carries `declaredIn: 'migration'` and `source` {file, line}.
 * Schemas are as written: null when the statement did not qualify the name.
 */
export interface MigrationObjects {
  policies: Policy[];
  roles: Role[];
  triggers: Trigger[];
  routines: Routine[];
  sequences: Sequence[];
  extensions: Extension[];
  rls: Array<{ table: TableRef; rls: RowLevelSecurity }>;
  views: MigrationView[];
  comments: MigrationComment[];
  checks: MigrationCheck[];
  /** Statements read, parsed and applied (all kinds). */
  statements: number;
  /** Files that did not parse in full (some statement was lost): what they create may be missing. */
  unread?: string[];
}
