/** @ormdoc/database: live database introspection into the ormdoc IR, drift against the ORM's IR. */
export { redact, secretsOf } from './connection/redact.js';
export { DATABASE_URL_ENV, type DatabaseTarget, parseDatabaseUrl } from './connection/url.js';
export type { DriftClass } from './drift/classify.js';
export { expressionKey, typeKey } from './drift/expression.js';
export { driftSummaryLine, renderDriftMarkdown } from './drift/markdown.js';
export { BOOKKEEPING_TABLES, normalizeForDrift } from './drift/normalize.js';
export {
  DRIFT_REPORT_VERSION,
  type DriftItem,
  type DriftReport,
  type DriftSide,
  driftReport,
} from './drift/report.js';
export { introspectDatabase } from './introspect.js';
export { type Measurement, measurePostgres } from './measure/postgres.js';
export { measuredSections, SEQ_SCAN_MIN_ROWS } from './measure/sections.js';
export {
  type Introspection,
  type IntrospectOptions,
  introspectPostgres,
  irOfCatalog,
  type ServerInfo,
} from './postgres/introspect.js';
