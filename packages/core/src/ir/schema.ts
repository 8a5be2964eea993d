import { z } from 'zod';

/**
 * The ormdoc intermediate representation (IR).
 *
 * Defined once, here, as zod schemas: the TypeScript types are inferred from them
 * (`ir/types.ts`) and the published JSON Schema (`packages/core/ir.schema.json`) is generated
 * from them (`pnpm --filter @ormdoc/core gen:schema`, checked by a test).
 *
 * Principles: database truth first with code names beside it; final SQL types per
 * dialect; where each rule is enforced (database or ORM); constraints are the source of truth and
 * relationships are derived from them; namespaces everywhere; provenance; deterministic.
 *
 * `completeIr` (complete.ts) builds what `Ir.parse` returns for extractors' typed output without a
 * zod pass, reading its plan from these schemas: plain fields, `.optional()`, `.default()`,
 * `.nullable()`, arrays, records, unions whose options differ in JSON type, discriminated unions.
 * Anything that changes values (transform, pipe, catch, preprocess, `.trim()`-like checks) must be
 * taught to complete.ts first; the test suite (ORMDOC_VERIFY_IR=1) compares the two on every IR.
 */

export const IR_VERSION = 1 as const;

export const Dialect = z
  .enum(['postgresql', 'mysql', 'sqlite', 'sqlserver', 'cockroachdb'])
  .describe('The SQL dialect the schema targets.');

export const Orm = z.enum(['prisma', 'drizzle', 'typeorm', 'sqlmodel', 'sqlalchemy']);

/** Where a rule lives: in the database (DDL) or only in the ORM's runtime. */
export const EnforcedBy = z.enum(['database', 'orm']);

/** A `@tag` or `@tag(value)` / `@tag value` parsed out of a description. */
export const Tag = z.object({
  name: z.string().min(1).describe('Tag name without the @, lower-case (e.g. "pii").'),
  value: z.string().optional(),
});

export const SourceLocation = z.object({
  file: z.string().describe('Path relative to the project root, with forward slashes.'),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});

/** A reference to a table by its database name. `schema: null` means the connection's default schema. */
export const TableRef = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
});

export const ColumnCategory = z.enum([
  'string',
  'integer',
  'bigint',
  'decimal',
  'float',
  'boolean',
  'datetime',
  'date',
  'time',
  'interval',
  'json',
  'uuid',
  'binary',
  'enum',
  'network',
  'geometry',
  'vector',
  'other',
]);

export const ColumnType = z.object({
  sql: z
    .string()
    .min(1)
    .describe('Final SQL type as the database gets it, e.g. varchar(255), timestamp(3), text[], "Role".'),
  orm: z
    .string()
    .optional()
    .describe(
      'The ORM\'s own type name (Prisma String, drizzle varchar, TypeORM "varchar", SQLAlchemy String(255)).',
    ),
  category: ColumnCategory.describe('Portable category of the element type (for arrays: of the element).'),
  isArray: z.boolean().default(false),
  enum: TableRef.optional().describe('The enum this column uses, when category is enum.'),
  unsupported: z
    .boolean()
    .optional()
    .describe('The ORM cannot read/write this column (Prisma Unsupported(...)).'),
});

/** Defaults: exactly one kind, never mixed. */
export const ColumnDefault = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sql'),
    expression: z
      .string()
      .min(1)
      .describe('SQL expression as written in DDL, e.g. now(), gen_random_uuid().'),
  }),
  z.object({
    kind: z.literal('literal'),
    value: z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(z.unknown()),
      z.record(z.string(), z.unknown()),
    ]),
    sql: z.string().min(1).describe("The literal as SQL, e.g. 'member', 0, true, '{}'::jsonb."),
  }),
  z.object({
    kind: z.literal('sequence'),
    style: z.enum(['serial', 'identity-always', 'identity-by-default', 'auto-increment', 'rowid']),
    sequenceName: z.string().optional(),
  }),
  z.object({
    kind: z.literal('orm'),
    generator: z
      .string()
      .min(1)
      .describe('What the ORM generates: uuid, cuid, cuid2, nanoid, ulid, now, function, python, ...'),
    description: z
      .string()
      .describe('Human-readable source, e.g. "uuid(4)", "$defaultFn(() => createId())".'),
  }),
]);

/** How a value is refreshed on update: by the ORM (Prisma @updatedAt, drizzle $onUpdate) or by SQL (MySQL ON UPDATE). */
export const ColumnOnUpdate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('orm'), description: z.string() }),
  z.object({ kind: z.literal('sql'), expression: z.string().min(1) }),
]);

export const GeneratedColumn = z.object({
  expression: z.string().min(1),
  stored: z.boolean(),
});

export const Column = z.object({
  name: z.string().min(1).describe('Database column name.'),
  codeName: z.string().optional().describe('Name in code, when it differs from the database name.'),
  type: ColumnType,
  nullable: z.boolean(),
  default: ColumnDefault.optional(),
  onUpdate: ColumnOnUpdate.optional(),
  generated: GeneratedColumn.optional(),
  collation: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(Tag).default([]),
  ignoredByOrm: z
    .boolean()
    .optional()
    .describe('Exists in the database but the ORM ignores it (Prisma @ignore).'),
  source: SourceLocation.optional(),
});

export const NamedConstraint = z.object({
  name: z.string().min(1).describe('Database name of the constraint or index (explicit or the ORM default).'),
  nameExplicit: z.boolean().default(false).describe('True when the name was set in the schema source.'),
});

export const PrimaryKey = NamedConstraint.extend({
  columns: z.array(z.string().min(1)).min(1),
});

export const UniqueConstraint = NamedConstraint.extend({
  columns: z.array(z.string().min(1)).min(1),
  nullsNotDistinct: z.boolean().optional(),
});

export const IndexPart = z
  .object({
    column: z.string().min(1).optional(),
    expression: z.string().min(1).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    nulls: z.enum(['first', 'last']).optional(),
    opclass: z.string().optional(),
    length: z.number().int().positive().optional(),
    collation: z.string().optional(),
  })
  .refine((p) => (p.column === undefined) !== (p.expression === undefined), {
    message: 'an index part has exactly one of column or expression',
  });

export const Index = NamedConstraint.extend({
  unique: z.boolean().default(false),
  parts: z.array(IndexPart).min(1),
  method: z.string().optional().describe('btree, hash, gin, gist, brin, spgist; MySQL fulltext, spatial.'),
  where: z.string().optional().describe('Partial index predicate (SQL).'),
  include: z.array(z.string()).optional(),
  nullsNotDistinct: z.boolean().optional(),
});

export const ReferentialAction = z.enum(['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT']);

export const ForeignKey = NamedConstraint.extend({
  columns: z.array(z.string().min(1)).min(1),
  references: TableRef.extend({ columns: z.array(z.string().min(1)).min(1) }),
  onDelete: ReferentialAction,
  onUpdate: ReferentialAction,
  enforcedBy: EnforcedBy.describe(
    'orm: emulated, no FOREIGN KEY in the database (Prisma relationMode = "prisma").',
  ),
  deferrable: z.enum(['initially-deferred', 'initially-immediate']).optional(),
});

export const CheckConstraint = NamedConstraint.extend({
  expression: z.string().min(1).describe('The boolean SQL expression, without CHECK ( ).'),
});

/**
 * Where a database object beyond tables was declared: the ORM's own schema (drizzle `pgPolicy`,
 * TypeORM `@ViewEntity`, SQLAlchemy `Sequence`), a migration SQL file (Prisma, drizzle-kit or
 * Alembic migrations, applied in order), or a live database's catalog (introspection).
 */
export const DeclaredIn = z.enum(['orm', 'migration', 'database']);

/** Row-level security on a table (PostgreSQL `ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY`). */
export const RowLevelSecurity = z.object({
  enabled: z.boolean(),
  forced: z
    .boolean()
    .default(false)
    .describe('FORCE ROW LEVEL SECURITY: the policies apply to the table owner too.'),
  declaredIn: DeclaredIn.optional(),
  source: SourceLocation.optional(),
});

/** A row-level security policy (`CREATE POLICY`). */
export const Policy = z.object({
  table: TableRef,
  name: z.string().min(1),
  command: z.enum(['all', 'select', 'insert', 'update', 'delete']).default('all'),
  roles: z
    .array(z.string().min(1))
    .default(['public'])
    .describe('Roles the policy applies to; public when none named.'),
  permissive: z.boolean().default(true).describe('false: AS RESTRICTIVE.'),
  using: z.string().optional().describe('The USING expression (SQL), which rows are visible or affected.'),
  withCheck: z.string().optional().describe('The WITH CHECK expression (SQL), which new rows are allowed.'),
  declaredIn: DeclaredIn,
  source: SourceLocation.optional(),
});

/** A database role the schema declares (drizzle `pgRole`, `CREATE ROLE` in a migration). */
export const Role = z.object({
  name: z.string().min(1),
  options: z
    .array(z.string())
    .default([])
    .describe('Role options as SQL keywords, e.g. LOGIN, CREATEDB, INHERIT.'),
  existing: z
    .boolean()
    .optional()
    .describe('Declared as already existing (drizzle `.existing()`): not created by the schema.'),
  declaredIn: DeclaredIn,
  source: SourceLocation.optional(),
});

/** A reference to a function or procedure by schema and name. */
export const RoutineRef = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
});

/** A trigger (`CREATE TRIGGER`). */
export const Trigger = z.object({
  table: TableRef,
  name: z.string().min(1),
  timing: z.enum(['before', 'after', 'instead of']),
  events: z.array(z.enum(['insert', 'update', 'delete', 'truncate'])).min(1),
  updateOf: z.array(z.string().min(1)).optional().describe('UPDATE OF columns, when the trigger names them.'),
  forEach: z.enum(['row', 'statement']).default('statement'),
  when: z.string().optional().describe('The WHEN condition (SQL).'),
  function: RoutineRef.describe('The trigger function it executes.'),
  arguments: z.array(z.string()).default([]),
  enabled: z.boolean().default(true),
  declaredIn: DeclaredIn,
  source: SourceLocation.optional(),
});

/** A function or procedure (`CREATE FUNCTION` / `CREATE PROCEDURE`). */
export const Routine = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
  kind: z.enum(['function', 'procedure']).default('function'),
  arguments: z
    .string()
    .describe('The argument list as SQL, without parentheses, e.g. "user_id uuid, n integer DEFAULT 1".'),
  returns: z.string().optional().describe('The return type as SQL (trigger, void, SETOF users, TABLE(...)).'),
  language: z.string().min(1).describe('plpgsql, sql, ...'),
  volatility: z.enum(['immutable', 'stable', 'volatile']).default('volatile'),
  securityDefiner: z.boolean().default(false),
  config: z
    .record(z.string(), z.string())
    .default({})
    .describe('SET clauses, e.g. { search_path: "public, pg_temp" }.'),
  body: z.string().optional().describe('The body as written (the text between the dollar quotes).'),
  description: z.string().optional(),
  declaredIn: DeclaredIn,
  source: SourceLocation.optional(),
});

/** A sequence (`CREATE SEQUENCE`, drizzle `pgSequence`, SQLAlchemy `Sequence`). */
export const Sequence = z.object({
  schema: z.string().nullable(),
  name: z.string().min(1),
  dataType: z.string().optional().describe('smallint, integer or bigint (PostgreSQL default bigint).'),
  start: z.string().optional().describe('Numbers as strings: bigint range exceeds a JSON number.'),
  increment: z.string().optional(),
  minValue: z.string().optional(),
  maxValue: z.string().optional(),
  cache: z.string().optional(),
  cycle: z.boolean().default(false),
  ownedBy: TableRef.extend({ column: z.string().min(1) }).optional(),
  declaredIn: DeclaredIn,
  source: SourceLocation.optional(),
});

export const TableKind = z.enum(['table', 'view', 'materialized-view']);

export const Table = z.object({
  kind: TableKind.default('table'),
  schema: z
    .string()
    .nullable()
    .describe("Namespace (Postgres schema / MySQL database); null: the connection's default."),
  name: z.string().min(1).describe('Database table name.'),
  codeName: z.string().optional().describe('Model/class/export name when it differs from the database name.'),
  description: z.string().optional(),
  tags: z.array(Tag).default([]),
  columns: z.array(Column),
  primaryKey: PrimaryKey.optional(),
  uniques: z.array(UniqueConstraint).default([]),
  indexes: z.array(Index).default([]),
  foreignKeys: z.array(ForeignKey).default([]),
  checks: z.array(CheckConstraint).default([]),
  definition: z.string().optional().describe('View definition (SQL) when known.'),
  ignoredByOrm: z
    .boolean()
    .optional()
    .describe('Exists in the database but the ORM ignores it (Prisma @@ignore).'),
  implicit: z
    .boolean()
    .optional()
    .describe('Created by the ORM without a model of its own (Prisma implicit m-n, TypeORM @JoinTable).'),
  rls: RowLevelSecurity.optional().describe('Row-level security, when the source enables it (PostgreSQL).'),
  source: SourceLocation.optional(),
});

export const EnumValue = z.object({
  name: z.string().describe('Database value.'),
  codeName: z.string().optional(),
  description: z.string().optional(),
});

export const Enum = z.object({
  schema: z.string().nullable(),
  name: z
    .string()
    .min(1)
    .describe('Database type name (Postgres CREATE TYPE); for MySQL/SQLite the logical name.'),
  codeName: z.string().optional(),
  values: z.array(EnumValue).min(1),
  native: z
    .boolean()
    .default(true)
    .describe(
      'A database enum type (Postgres); false when inline (MySQL ENUM(...)) or emulated (SQLite text + check).',
    ),
  enforcedBy: EnforcedBy.optional().describe(
    'orm: the database has no enum type nor CHECK for it; only the ORM restricts the values (drizzle text({ enum }) on SQLite). Default: database.',
  ),
  description: z.string().optional(),
  tags: z.array(Tag).default([]),
  source: SourceLocation.optional(),
});

/** An ORM navigation relation (Prisma relation field, drizzle relations(), TypeORM relation, SQLAlchemy relationship()). */
export const NavigationRelation = z.object({
  name: z.string().optional().describe('Relation name when the ORM has one (Prisma @relation("...")).'),
  from: TableRef.extend({ field: z.string().min(1) }),
  to: TableRef.extend({ field: z.string().optional().describe('The back-relation field, if any.') }),
  cardinality: z.enum(['one', 'many']),
  nullable: z.boolean().optional(),
  foreignKey: z.string().optional().describe('Name of the foreign key this relation uses, when known.'),
  through: TableRef.optional().describe('Junction table of a many-to-many relation.'),
  ormCascade: z
    .array(z.string())
    .optional()
    .describe('ORM-side cascades (TypeORM cascade, SQLAlchemy cascade).'),
  ormOnDelete: z.string().optional().describe('ORM-side delete behaviour when it differs from the FK.'),
  eager: z.boolean().optional(),
  description: z.string().optional(),
});

export const IrSource = z.object({
  orm: Orm,
  ormVersion: z.string().optional(),
  files: z.array(z.string()).default([]).describe('Schema source files, relative to the project root.'),
  relationMode: z.enum(['foreignKeys', 'prisma']).optional(),
  objectsReadFrom: z
    .array(z.enum(['migration', 'database']))
    .optional()
    .describe(
      'Sources read in full for the objects beyond tables (policies, triggers, routines, sequences, roles, extensions): migration (a migrations folder, applied in order), database (a live catalog). With one of them, an object absent from the IR is absent from the database; without, the IR holds only what the ORM schema declares.',
    ),
  objectsUnread: z
    .array(z.string())
    .optional()
    .describe(
      'Migration files (relative to the project root) that PostgreSQL could not parse in full: objects they create may be missing from the IR, so without a database read an absent object is not known to be absent.',
    ),
});

/**
 * A PostgreSQL extension the schema relies on (`CREATE EXTENSION`). `declared`: the source says so
 * (Prisma `extensions = [...]`, a migration); `inferred`: an extractor concluded it from what the
 * ORM itself installs (TypeORM's uuid-ossp). The DDL also infers extensions from types, defaults
 * and operator classes (ddl/extensions.ts) without recording them here.
 */
export const Extension = z.object({
  name: z
    .string()
    .min(1)
    .describe('Extension name as CREATE EXTENSION takes it (uuid-ossp, pgcrypto, vector).'),
  schema: z
    .string()
    .optional()
    .describe(
      'Schema the extension is installed in (CREATE EXTENSION ... WITH SCHEMA), e.g. "extensions" on Supabase.',
    ),
  version: z.string().optional(),
  origin: z
    .enum(['declared', 'inferred'])
    .default('declared')
    .describe(
      'declared: named by the source; inferred: concluded by the extractor from what the ORM installs.',
    ),
  source: SourceLocation.optional(),
});

export const Ir = z.object({
  irVersion: z.literal(IR_VERSION),
  dialect: Dialect,
  source: IrSource,
  namespaces: z.array(z.string()).default([]).describe('Schemas declared or used, sorted.'),
  tables: z.array(Table),
  enums: z.array(Enum).default([]),
  relations: z.array(NavigationRelation).default([]),
  extensions: z
    .array(Extension)
    .default([])
    .describe('PostgreSQL extensions the schema declares (sorted by name); the DDL adds those it infers.'),
  policies: z.array(Policy).default([]).describe('Row-level security policies, sorted by table then name.'),
  roles: z.array(Role).default([]).describe('Database roles the schema declares, sorted by name.'),
  triggers: z.array(Trigger).default([]).describe('Triggers, sorted by table then name.'),
  routines: z
    .array(Routine)
    .default([])
    .describe('Functions and procedures, sorted by schema, name, arguments.'),
  sequences: z.array(Sequence).default([]).describe('Sequences, sorted by schema then name.'),
});
