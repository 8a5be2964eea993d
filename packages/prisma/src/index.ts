export { stripDatasourceUrls } from './convert/datasourceUrls.js';
export type { PrismaDatamodel, PrismaEnum, PrismaField, PrismaIndex, PrismaModel } from './convert/dmmf.js';
export { dialectOf, type FromDmmfInput, fromDmmf } from './convert/fromDmmf.js';
export { readSchemaText, type SchemaText } from './convert/schemaText.js';
export {
  type CreateGeneratorOptions,
  createGenerator,
  DEFAULT_OUTPUT,
  type GeneratorRun,
  type OrmdocGeneratorOptions,
  projectRoot,
} from './generator/createGenerator.js';
export { GENERATOR_OPTIONS, type GeneratorSettings, parseGeneratorOptions } from './generator/options.js';
export { detectPrisma, findSchemaFiles } from './load/files.js';
export { fromPrismaSchema, loadPrisma, type PrismaSchemaInput } from './load/index.js';
export { applyChecks, checksFromMigrations, type MigrationFile, readMigrations } from './load/migrations.js';
