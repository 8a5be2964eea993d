export { fromSqlmodelExport } from './convert/toIr.js';
export { detectSqlmodel } from './detect.js';
export { exportJsonSchema } from './format/jsonSchema.js';
export { parseExport } from './format/parse.js';
export * from './format/schema.js';
export { type LoadSqlmodelOptions, loadSqlmodel } from './load/loadSqlmodel.js';
export { chooseInterpreter, EXPORTER_PATH, type InterpreterChoice } from './load/python.js';
export {
  DEFAULT_EXPORTER_TIMEOUT_MS,
  type RunExporterOptions,
  runExporter,
  TIMEOUT_ENV,
  timeoutFromEnv,
} from './load/run.js';
