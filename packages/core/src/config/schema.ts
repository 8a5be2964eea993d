import { z } from 'zod';
import { Dialect } from '../ir/schema.js';

/**
 * ormdoc configuration (`ormdoc.config.ts` via `defineConfig`, `.ormdocrc`, the `ormdoc` key of
 * package.json, or the Prisma generator block). Strict: unknown keys are errors that name the key.
 */

export const TemplateId = z.enum(['overview', 'schema', 'design', 'target-state', 'architecture']);
export const TEMPLATE_IDS = TemplateId.options;

export const SourceConfig = z
  .strictObject({
    orm: z.enum(['prisma', 'drizzle', 'typeorm', 'sqlmodel']).optional().describe('Skip auto-detection.'),
    /** Prisma: schema file or folder. */
    schema: z.union([z.string(), z.array(z.string())]).optional(),
    /** Drizzle: path of drizzle.config.ts (its dialect, schema, casing, filters are used). */
    drizzleConfig: z.string().optional(),
    /** TypeORM: a module exporting a DataSource (or DataSourceOptions). */
    dataSource: z.string().optional(),
    /** TypeORM: entity files or globs. */
    entities: z.array(z.string()).optional(),
    /** SQLModel/SQLAlchemy: `package.module[:attr]` or `path/to/file.py[:attr]`. */
    module: z.string().optional(),
    /** SQLModel/SQLAlchemy: JSON written earlier by the exporter (no Python needed). */
    json: z.string().optional(),
    /** Python interpreter for the SQLModel exporter. */
    python: z.string().optional(),
    dialect: Dialect.optional(),
    tsconfig: z.string().optional(),
  })
  .default({});

export const OutputConfig = z
  .strictObject({
    dir: z.string().default('docs/database'),
    templates: z
      .array(z.union([TemplateId, z.strictObject({ path: z.string(), name: z.string().optional() })]))
      .default([...TEMPLATE_IDS]),
    /** `single`: one file per template; `per-table`: the schema reference also as one file per table. */
    layout: z.enum(['single', 'per-table', 'auto']).default('auto'),
    /** Extra artefacts beside the Markdown documents; `tbls` (schema.tbls.json) and `dbml` (schema.dbml) are opt-in. */
    artifacts: z
      .array(z.enum(['ir-json', 'ir-schema', 'ddl', 'mermaid', 'tbls', 'dbml']))
      .default(['ir-json', 'ddl', 'mermaid']),
    /** Dialects for the DDL artefact; default: the schema's own. */
    ddlDialects: z.array(z.enum(['postgresql', 'mysql', 'sqlite'])).optional(),
  })
  .default({
    dir: 'docs/database',
    templates: [...TEMPLATE_IDS],
    layout: 'auto',
    artifacts: ['ir-json', 'ddl', 'mermaid'],
  });

/** Facts only a person knows. Absent facts render as one counted TODO each. */
export const ProjectFacts = z
  .strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    useCase: z.string().optional(),
    hosting: z.string().optional(),
    environments: z.string().optional(),
    backups: z.string().optional(),
    rpo: z.string().optional(),
    rto: z.string().optional(),
    disasterRecovery: z.string().optional(),
    compliance: z.string().optional(),
    owners: z.string().optional(),
    accessControl: z.string().optional(),
    rowLevelSecurity: z.string().optional(),
    encryption: z.string().optional(),
    caching: z.string().optional(),
    monitoring: z.string().optional(),
    scaling: z.string().optional(),
    connectionPooling: z.string().optional(),
    dataRetention: z.string().optional(),
    migrationWorkflow: z.string().optional(),
    dataAccessLayer: z.string().optional(),
    /** Document status shown in the target-state document (e.g. "Draft", "Active"). */
    status: z.string().optional(),
    /** Who reviews the architecture and when it is next reviewed. */
    review: z.string().optional(),
    /** Database server version in use (e.g. "PostgreSQL 16.4"). */
    databaseVersion: z.string().optional(),
    /** Cache, search engine, message queue beside the database. */
    supportingServices: z.string().optional(),
    /** When the ORM is used vs raw SQL, transaction handling. */
    queryStrategy: z.string().optional(),
    /** How a bad migration is rolled back in practice. */
    rollback: z.string().optional(),
    /** Test data requirements and how test databases are built. */
    testData: z.string().optional(),
    /** Server configuration and tuning (memory, timeouts, autovacuum). */
    tuning: z.string().optional(),
    /** How indexes are monitored, cleaned up and rebuilt. */
    indexMaintenance: z.string().optional(),
    /** How other systems consume this data (APIs, events, exports) and how breaking changes are announced. */
    dataContracts: z.string().optional(),
    /** Local development, review and testing of schema changes. */
    developmentWorkflow: z.string().optional(),
    /** Planned schema changes, scaling roadmap, upgrades. */
    futureConsiderations: z.string().optional(),
    /** How CI keeps these documents current, e.g. "`ormdoc check` runs on every pull request". */
    ci: z.string().optional(),
  })
  .default({});

export const ColumnOverlay = z.strictObject({
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const TableOverlay = z.strictObject({
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  columns: z.record(z.string(), ColumnOverlay).optional(),
});

/**
 * Domains (subject areas) by name: `{ Billing: { tables: ['invoices', 'payments', 'billing.*'] } }`.
 * Entries are table names, `schema.name` or code names, with `*` and `?` wildcards. Tables no
 * domain lists are grouped by ormdoc (tags, schemas, source files, or foreign-key clusters).
 */
export const DomainsConfig = z.record(
  z.string().min(1),
  z.strictObject({
    tables: z
      .array(z.string().min(1))
      .describe('Table names, schema.name or code names; `*` and `?` wildcards.'),
    description: z.string().optional().describe('One line on what the domain holds.'),
  }),
);
export type DomainsConfig = z.infer<typeof DomainsConfig>;

export const OrmdocConfig = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().optional(),
  source: SourceConfig,
  output: OutputConfig,
  project: ProjectFacts,
  /** Descriptions and tags per table (`name` or `schema.name`) and column, merged over the ORM's own. */
  overlay: z.record(z.string(), TableOverlay).default({}),
  findings: z
    .strictObject({
      disable: z.array(z.string()).default([]),
      /** Rules that are off by default to run (e.g. "unbounded-text-unique"). */
      enable: z.array(z.string()).default([]),
      piiPatterns: z.array(z.string()).optional(),
    })
    .default({ disable: [], enable: [] }),
  /** Subject areas; see DomainsConfig. Overrides what ormdoc would infer for the tables it lists. */
  domains: DomainsConfig.optional(),
  mermaid: z
    .strictObject({
      maxTablesPerDiagram: z.number().int().positive().default(30),
    })
    .default({ maxTablesPerDiagram: 30 }),
  /**
   * Pictures of the schema. `svg`: ER diagrams as SVG beside the Mermaid files (`er-diagram*.svg`, the
   * same parts), linked from the design document, and each per-table file's neighbourhood as
   * `tables/<table>.svg`; laid out by Graphviz (WebAssembly). Off by default: it adds to a run's
   * time (see BENCHMARKS.md).
   */
  diagrams: z
    .strictObject({
      svg: z
        .boolean()
        .default(false)
        .describe('Write SVG ER diagrams (Graphviz layout) and link them from the documents.'),
    })
    .default({ svg: false }),
  /** Put a generation timestamp in documents (off by default: documents are deterministic). */
  timestamp: z.boolean().default(false),
  /**
   * The schema reference's Changelog from git: a row per commit that changed the committed
   * `schema.json` (`commits`) or per tag (`tags`), newest first, at most `rows`; `off` leaves the
   * section to a person. Outside git the section is left as it is.
   */
  history: z
    .strictObject({
      changelog: z.enum(['commits', 'tags', 'off']).default('commits'),
      rows: z.number().int().positive().max(1000).default(50),
    })
    .default({ changelog: 'commits', rows: 50 }),
});

export type OrmdocConfig = z.infer<typeof OrmdocConfig>;
export type OrmdocConfigInput = z.input<typeof OrmdocConfig>;
export type TemplateId = z.infer<typeof TemplateId>;

/** Typed identity for `ormdoc.config.ts`. */
export function defineConfig(config: OrmdocConfigInput): OrmdocConfigInput {
  return config;
}
