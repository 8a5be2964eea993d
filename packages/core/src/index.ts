export type {
  ModelLanguage,
  RelationshipMap,
  RelationshipMapOptions,
  SampleRow,
  SampleRowsOptions,
  SeedDialect,
  SeedScriptOptions,
  TypeReferenceEntry,
  UpdatedAtNote,
} from './blocks/index.js';
export {
  alembicMigration,
  asciiRelationshipMap,
  exampleRowJson,
  modelDefinitions,
  prismaSchema,
  relationshipMap,
  sampleRows,
  seedScriptSql,
  sqlalchemyModels,
  tableInterface,
  typeReference,
  typescriptInterfaces,
  updatedAtNotes,
} from './blocks/index.js';
export * from './config/resolve.js';
export * from './config/schema.js';
export * from './conformance/cases.js';
export * from './conformance/check.js';
export * from './ddl/index.js';
export * from './diagnostics.js';
export * from './diff/index.js';
export {
  CLUSTER_MAX,
  CLUSTER_MIN,
  checkDomainsConfig,
  computeDomains,
  DOMAIN_TAGS,
  type Domain,
} from './domains/index.js';
export * from './errors.js';
export type {
  AnalyzeOptions,
  Finding,
  FindingCategory,
  FindingFix,
  FindingRuleInfo,
  FindingSeverity,
} from './findings/index.js';
export {
  analyze,
  checkedValueList,
  defaultPiiPatterns,
  findingRules,
  secretPatterns,
} from './findings/index.js';
export type { GenerateOptions, GeneratePhase, GenerateResult } from './generate.js';
export { assertHasTables, generateDocs } from './generate.js';
export * from './history/index.js';
export * from './interop/index.js';
export * from './ir/canonical.js';
export { completeIr } from './ir/complete.js';
export * from './ir/description.js';
export * from './ir/jsonSchema.js';
export * from './ir/names.js';
export * as schemas from './ir/schema.js';
export { IR_VERSION } from './ir/schema.js';
export * from './ir/sqltype.js';
export type * from './ir/types.js';
export * from './ir/validate.js';
export * from './mermaid/index.js';
export * from './migrations/index.js';
export * from './paths.js';
export * from './relationships/derive.js';
export * from './relationships/order.js';
export { DIRECTIVES, PER_TABLE_THRESHOLD, renderDocuments, tableFileName } from './render/index.js';
export {
  anchor,
  code as markdownCode,
  escapeCell,
  escapeHeading,
  escapeHtml,
  escapeText,
} from './render/markdown.js';
export { HEADER_COMMENT } from './render/markers.js';
export { FACT_PROMPTS, todoLine } from './render/todo.js';
export type { RenderedFile, RenderResult } from './render/types.js';
export * from './site/index.js';
export * from './svg/index.js';
export type { WriteOptions } from './write/index.js';
export { findTodos, mergeDocument, parseRegions, writeDocuments } from './write/index.js';
export { digestInput, inputsSalt, recordInputs, type StampInputs } from './write/inputs.js';
export { insertMeasured, isMeasuredRegion, MEASURED_PREFIX, type MeasuredSection } from './write/measured.js';
export {
  globInputs,
  loadedModuleInputs,
  nodeProjectInputs,
  treeInputs,
  tsconfigChain,
} from './write/moduleInputs.js';
export { type ReuseUnchangedOptions, reuseUnchanged } from './write/reuse.js';
export { codeDigest, configJson, ormdocDigest } from './write/stamp.js';
export type { StaleFile, Todo, WriteResult } from './write/types.js';
