export type { DbmlOptions } from './dbml.js';
export { toDbml } from './dbml.js';
export type {
  TblsCardinality,
  TblsColumn,
  TblsConstraint,
  TblsEnum,
  TblsRelation,
  TblsSchema,
  TblsTable,
} from './tbls.js';
export { toTblsSchema } from './tbls.js';
