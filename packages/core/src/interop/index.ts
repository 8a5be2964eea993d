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
