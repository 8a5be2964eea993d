/**
 * PostgreSQL migration SQL -> the IR's objects beyond tables. Importing this module costs
 * nothing: the parser is loaded (dynamic import) by `readMigrationSql`, and only for a
 * non-empty list of files.
 */
export { readMigrationFolder } from './folder.js';
export { type ApplyMigrationOptions, applyMigrationObjects } from './merge.js';
export { EMPTY_MIGRATION_OBJECTS, readMigrationSql, readViewQuery } from './read.js';
export type {
  MigrationCheck,
  MigrationComment,
  MigrationFile,
  MigrationObjects,
  MigrationView,
} from './types.js';
