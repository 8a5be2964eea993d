export { bundledDrizzleApi } from './api.js';
export { applyFilters, globToRegExp, tableFilter } from './config/filters.js';
export {
  ORMDOC_OPTIONS,
  type OrmdocDrizzleOptions,
  ormdocOptionsOf,
  toOrmdocConfig,
  withOrmdoc,
} from './config/plugin.js';
export {
  DRIZZLE_CONFIG_NAMES,
  type DrizzleConfigInfo,
  findDrizzleConfig,
  readDrizzleConfig,
} from './config/readConfig.js';
export {
  type DrizzleModule,
  type FromDrizzleTablesInput,
  fromDrizzleTables,
} from './convert/fromDrizzleTables.js';
export { detectDrizzle } from './detect.js';
export { type DrizzleExtractResult, type LoadDrizzleOptions, loadDrizzle } from './load/loadDrizzle.js';
export { indexSources, type SourceFile } from './source/jsdoc.js';
export type { DrizzleApi, DrizzleCasing, DrizzleConfigDialect, DrizzleDialect } from './types.js';
