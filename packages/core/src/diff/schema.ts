import { z } from 'zod';

/**
 * The `ormdoc diff` report, defined once as zod schemas: the TypeScript types are inferred from
 * them and the published JSON Schema of `ormdoc diff --format json` (report.schema.json, next to
 * this file) is generated from them (checked by a test).
 */

export const DIFF_REPORT_VERSION = 1 as const;

export const ChangeKind = z.enum([
  'table-added',
  'table-dropped',
  'view-added',
  'view-dropped',
  'view-changed',
  'column-added',
  'column-dropped',
  'column-renamed',
  'column-type-changed',
  'column-nullability-changed',
  'column-default-changed',
  'primary-key-added',
  'primary-key-dropped',
  'primary-key-changed',
  'unique-added',
  'unique-dropped',
  'index-added',
  'index-dropped',
  'foreign-key-added',
  'foreign-key-dropped',
  'foreign-key-action-changed',
  'check-added',
  'check-dropped',
  'check-changed',
  'constraint-renamed',
  'enum-added',
  'enum-dropped',
  'enum-value-added',
  'enum-value-dropped',
  'description-changed',
  'tags-changed',
  'enforcement-changed',
]);

export const SchemaChange = z.object({
  kind: ChangeKind,
  table: z.string().optional().describe('Qualified database name of the table or view (schema.name).'),
  column: z.string().optional().describe('Database column name, for column changes.'),
  name: z
    .string()
    .optional()
    .describe('The constraint, index or enum (qualified) the change is about; for enum values, the value.'),
  enum: z.string().optional().describe('Qualified enum name, for enum changes.'),
  before: z.string().optional().describe('The definition before, as a short SQL-like text.'),
  after: z.string().optional().describe('The definition after, as a short SQL-like text.'),
  guess: z
    .boolean()
    .optional()
    .describe('True when the change is inferred, not certain (a drop + add read as a rename).'),
  existingTable: z
    .boolean()
    .optional()
    .describe('The table existed before this revision (what makes added rules depend on existing rows).'),
  hasDefault: z
    .boolean()
    .optional()
    .describe('For column changes: the column has a default after the change.'),
  nullable: z.boolean().optional().describe('For column changes: the column accepts NULL after the change.'),
  newEmptyColumns: z
    .boolean()
    .optional()
    .describe(
      'For constraints: every column is added in this revision, nullable and without default, so existing rows hold only NULLs.',
    ),
});

export const RiskClass = z.enum(['destructive', 'data-dependent', 'locking', 'breaking']);

export const Risk = z.object({
  rule: z.string().describe('Stable rule id, e.g. DS102.'),
  class: RiskClass,
  title: z.string(),
  reason: z.string().describe('Why it matters, one line.'),
  safer: z.string().describe('The safer way, one line.'),
  change: z.number().int().nonnegative().describe('Index of the change in `changes`.'),
});

export const DiffReport = z.object({
  reportVersion: z.literal(DIFF_REPORT_VERSION),
  base: z.string().describe('The base revision (git ref or label).'),
  head: z.string().describe('The head revision (git ref, or "working tree").'),
  summary: z.object({
    changes: z.number().int().nonnegative(),
    tables: z.number().int().nonnegative().describe('Tables and views with at least one change.'),
    risks: z.record(RiskClass, z.number().int().nonnegative()),
  }),
  changes: z.array(SchemaChange),
  risks: z.array(Risk),
});

export type ChangeKind = z.infer<typeof ChangeKind>;
export type SchemaChange = z.infer<typeof SchemaChange>;
export type RiskClass = z.infer<typeof RiskClass>;
export type Risk = z.infer<typeof Risk>;
export type DiffReport = z.infer<typeof DiffReport>;

/** The published JSON Schema of `ormdoc diff --format json` (committed as report.schema.json). */
export function diffReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DiffReport, { io: 'output', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $id: `https://ormdoc.dev/schema/diff-report-v${DIFF_REPORT_VERSION}.json`,
    title: 'ormdoc diff report',
    ...schema,
  };
}
