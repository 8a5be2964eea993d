export { alembicMigration } from './alembic.js';
export {
  asciiRelationshipMap,
  type RelationshipMap,
  type RelationshipMapOptions,
  relationshipMap,
} from './asciiMap.js';
export type { ModelLanguage } from './models.js';
export { modelDefinitions } from './models.js';
export { prismaSchema } from './prisma.js';
export type { SampleRow, SampleRowsOptions } from './sampleRows.js';
export { exampleRowJson, sampleRows } from './sampleRows.js';
export type { SeedDialect, SeedScriptOptions } from './seedScript.js';
export { seedScriptSql, sqlLiteral } from './seedScript.js';
export { sqlalchemyModels } from './sqlalchemy.js';
export type { TypeReferenceEntry } from './typeReference.js';
export { typeReference } from './typeReference.js';
export { tableInterface, tsType, typescriptInterfaces } from './typescript.js';
export type { UpdatedAtNote } from './updatedAt.js';
export { updatedAtNotes } from './updatedAt.js';
