/**
 * `@ormdoc/drizzle/config`: only what a drizzle.config.ts needs (`withOrmdoc`), with no runtime
 * dependencies, so drizzle-kit loads the config as fast as before (and from CommonJS too).
 */
export {
  ORMDOC_OPTIONS,
  type OrmdocDrizzleOptions,
  ormdocOptionsOf,
  toOrmdocConfig,
  withOrmdoc,
} from './config/plugin.js';
