/** @ormdoc/database: live database introspection into the ormdoc IR, drift against the ORM's IR. */
export { redact, secretsOf } from './connection/redact.js';
export { DATABASE_URL_ENV, type DatabaseTarget, parseDatabaseUrl } from './connection/url.js';
export { introspectDatabase } from './introspect.js';
export {
  type Introspection,
  type IntrospectOptions,
  irOfCatalog,
  introspectPostgres,
  type ServerInfo,
} from './postgres/introspect.js';
