import { z } from 'zod';

/**
 * The ormdoc SQLAlchemy/SQLModel export format, version 1: what `python/ormdoc_export.py` prints.
 * Documented in FORMAT.md; its JSON Schema (export.schema.json) is generated from these schemas.
 * Readers accept unknown extra keys (a newer exporter may add optional fields within version 1).
 */

export const EXPORT_FORMAT_VERSION = 1 as const;

const nullish = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** How the constraint got its name: written in the source, from a naming convention, or left to the database. */
export const NameSource = z.enum(['explicit', 'convention', 'database']);

const Named = z.object({
  name: z
    .string()
    .min(1)
    .nullable()
    .describe('The name SQLAlchemy emits (naming convention applied); null: the database picks one.'),
  nameSource: NameSource,
});

const Deferrable = z.object({ deferrable: nullish(z.boolean()), initially: nullish(z.string()) });

export const PythonDefault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scalar'), value: z.unknown().describe('The Python value, JSON-encoded.') }),
  z.object({
    kind: z.literal('callable'),
    name: z.string().describe('Dotted name of the function, e.g. uuid.uuid4.'),
  }),
  z.object({
    kind: z.literal('sql'),
    sql: z.string().describe('A SQL expression SQLAlchemy sends on INSERT/UPDATE.'),
  }),
  z.object({ kind: z.literal('sequence'), name: z.string(), schema: nullish(z.string()) }),
  z.object({ kind: z.literal('other'), repr: z.string() }),
]);

export const ServerDefault = z.object({
  kind: z
    .enum(['text', 'sql', 'fetched'])
    .describe('text: a plain string default; sql: text()/func; fetched: FetchedValue (no DDL).'),
  sql: z.string().nullable().describe('The DEFAULT clause as rendered in CREATE TABLE (null for fetched).'),
});

export const ExportColumn = z.object({
  name: z.string().min(1),
  key: z.string().optional().describe('Attribute key when it differs from the column name.'),
  type: z.string().min(1).describe('col.type compiled for the dialect.'),
  typeRepr: z.string().optional().describe('repr() of the SQLAlchemy type, e.g. String(length=255).'),
  pythonType: z.string().optional(),
  enum: nullish(z.object({ schema: z.string().nullable(), name: z.string() })),
  isArray: z.boolean().optional(),
  nullable: z.boolean(),
  primaryKey: z.boolean(),
  ddl: z.string().optional().describe('The column line of CREATE TABLE (shows SERIAL, IDENTITY, DEFAULT).'),
  serverDefault: nullish(ServerDefault),
  default: nullish(PythonDefault),
  onupdate: nullish(PythonDefault),
  serverOnupdate: nullish(ServerDefault),
  autoincrement: z.union([z.boolean(), z.string()]).optional(),
  isAutoincrementColumn: z.boolean().optional(),
  identity: nullish(
    z.looseObject({
      always: z.boolean(),
      start: z.number().optional(),
      increment: z.number().optional(),
    }),
  ),
  computed: nullish(z.object({ sql: z.string(), persisted: z.boolean().nullable() })),
  comment: nullish(z.string()),
  doc: nullish(z.string()),
  unique: z.boolean().optional(),
  index: z.boolean().optional(),
  info: z.record(z.string(), z.unknown()).optional(),
});

export const ExportIndexPart = z.object({
  column: z.string().optional(),
  expression: z.string().optional(),
  order: z.enum(['asc', 'desc']).optional(),
  nulls: z.enum(['first', 'last']).optional(),
});

export const ExportIndex = Named.extend({
  name: z.string().min(1).nullable(),
  unique: z.boolean(),
  parts: z.array(ExportIndexPart).min(1),
  using: nullish(z.string()),
  where: nullish(z.string()),
  ops: z.record(z.string(), z.string()).optional(),
  include: nullish(z.array(z.string())),
  nullsNotDistinct: nullish(z.boolean()),
  dialectOptions: z.record(z.string(), z.unknown()).optional(),
});

export const ExportUnique = Named.extend({
  columns: z.array(z.string()).min(1),
  deferrable: nullish(Deferrable),
  nullsNotDistinct: nullish(z.boolean()),
});

export const ExportCheck = Named.extend({
  sql: z.string().min(1),
  column: nullish(z.string()).describe('Set for a column-level CHECK.'),
  typeBound: z.boolean().optional().describe('Created by an Enum/Boolean type (non-native).'),
  deferrable: nullish(Deferrable),
});

export const ExportForeignKey = Named.extend({
  columns: z.array(z.string()).min(1),
  referredSchema: z.string().nullable(),
  referredTable: z.string().min(1),
  referredColumns: z.array(z.string()).min(1),
  ondelete: nullish(z.string()),
  onupdate: nullish(z.string()),
  deferrable: nullish(Deferrable),
  useAlter: z.boolean().optional(),
  match: nullish(z.string()),
  unresolved: z.boolean().optional().describe('The referenced table is not in the exported MetaData.'),
});

export const ExportTable = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
  comment: nullish(z.string()),
  info: z.record(z.string(), z.unknown()).optional(),
  className: nullish(z.string()).describe('The mapped class (declarative / SQLModel), when there is one.'),
  module: nullish(z.string()),
  file: nullish(z.string()).describe('Source file of the class, relative to the working directory.'),
  line: nullish(z.number().int().positive()),
  doc: nullish(z.string()).describe('Docstring of the mapped class.'),
  columns: z.array(ExportColumn),
  primaryKey: nullish(Named.extend({ columns: z.array(z.string()).min(1) })),
  uniqueConstraints: z.array(ExportUnique).default([]),
  checkConstraints: z.array(ExportCheck).default([]),
  foreignKeys: z.array(ExportForeignKey).default([]),
  indexes: z.array(ExportIndex).default([]),
});

export const ExportEnum = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
  named: z.boolean().optional().describe('False when SQLAlchemy had no name (ormdoc derived table_column).'),
  values: z.array(z.string()).min(1),
  valueKeys: z
    .record(z.string(), z.string())
    .optional()
    .describe('Database value -> Python member name, when they differ.'),
  pythonClass: nullish(z.string()),
  native: z.boolean(),
  createType: z.boolean().optional(),
});

const TableRefJson = z.object({ schema: z.string().nullable(), name: z.string().min(1) });

export const ExportRelationship = z.object({
  className: z.string(),
  table: TableRefJson.nullable(),
  key: z.string().min(1),
  targetClass: z.string(),
  targetTable: TableRefJson.nullable(),
  direction: z.enum(['ONETOMANY', 'MANYTOONE', 'MANYTOMANY']),
  uselist: z.boolean(),
  secondary: nullish(TableRefJson),
  backPopulates: nullish(z.string()),
  backref: nullish(z.string()),
  cascade: z.array(z.string()).default([]),
  passiveDeletes: z.union([z.boolean(), z.literal('all')]).optional(),
  lazy: nullish(z.string()),
  viewonly: z.boolean().optional(),
  localRemotePairs: z.array(z.tuple([z.string(), z.string()])).optional(),
  foreignKeyColumns: z.array(z.string()).optional(),
  doc: nullish(z.string()),
});

export const ExportSequence = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
  dataType: nullish(z.string()).describe('AS type, compiled for the dialect (null: the database default).'),
  start: nullish(z.string()).describe('Options as written, as text (null: the database default).'),
  increment: nullish(z.string()),
  minValue: nullish(z.string()),
  maxValue: nullish(z.string()),
  cache: nullish(z.string()),
  cycle: z.boolean().default(false),
  column: nullish(
    z.object({ schema: z.string().nullable(), table: z.string().min(1), column: z.string().min(1) }),
  ).describe('The column the Sequence is attached to (Column(..., Sequence(...))), if any.'),
});

export const ExportDdlEvent = z.object({
  table: TableRefJson.nullable().describe('The table listened to; null: the MetaData.'),
  event: z.enum(['before_create', 'after_create']),
  sql: z
    .string()
    .nullable()
    .describe('The DDL element compiled for the dialect against its target; null: a Python function.'),
  listener: z.string().optional().describe('The function listening (when sql is null).'),
});

export const SqlalchemyExport = z.object({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exporter: z.object({ name: z.string(), version: z.string() }).optional(),
  python: nullish(z.string()),
  sqlalchemyVersion: nullish(z.string()),
  sqlmodelVersion: nullish(z.string()),
  dialect: z.enum(['postgresql', 'mysql', 'sqlite']),
  module: nullish(z.string()),
  moduleFile: nullish(z.string()),
  metadata: nullish(z.string()).describe(
    'Which MetaData was exported (attribute name or SQLModel.metadata).',
  ),
  namingConvention: z.record(z.string(), z.string()).optional(),
  tables: z.array(ExportTable),
  enums: z.array(ExportEnum).default([]),
  relationships: z.array(ExportRelationship).default([]),
  sequences: z
    .array(ExportSequence)
    .default([])
    .describe('Sequences create_all creates: Sequence(metadata=...) and Sequence on columns.'),
  ddlEvents: z
    .array(ExportDdlEvent)
    .default([])
    .describe('DDL attached to before_create/after_create of the MetaData or a table (event.listen).'),
  warnings: z.array(z.string()).default([]),
});

export type SqlalchemyExport = z.infer<typeof SqlalchemyExport>;
export type ExportTable = z.infer<typeof ExportTable>;
export type ExportColumn = z.infer<typeof ExportColumn>;
export type ExportEnum = z.infer<typeof ExportEnum>;
export type ExportRelationship = z.infer<typeof ExportRelationship>;
export type ExportIndex = z.infer<typeof ExportIndex>;
export type PythonDefault = z.infer<typeof PythonDefault>;
export type ExportSequence = z.infer<typeof ExportSequence>;
export type ExportDdlEvent = z.infer<typeof ExportDdlEvent>;
export type ServerDefault = z.infer<typeof ServerDefault>;
