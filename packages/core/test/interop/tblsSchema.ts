import { z } from 'zod';

/**
 * The constraints of tbls's published JSON Schema (k1LoW/tbls `spec/tbls.schema.json_schema.json`)
 * that ormdoc's export must meet, written here as a strict zod schema for the tests: every object
 * is closed (`additionalProperties: false` there, `.strict()` here), the required properties are
 * required, and the cardinalities are tbls's four names (or empty).
 */
const Label = z.object({ name: z.string(), virtual: z.boolean().optional() }).strict();
const Cardinality = z.enum(['zero_or_one', 'exactly_one', 'zero_or_more', 'one_or_more', '']);

export const TblsJsonSchema = z
  .object({
    name: z.string().optional(),
    desc: z.string().optional(),
    tables: z.array(
      z
        .object({
          name: z.string(),
          type: z.string(),
          comment: z.string().optional(),
          columns: z.array(
            z
              .object({
                name: z.string(),
                type: z.string(),
                nullable: z.boolean(),
                default: z.union([z.string(), z.null()]).optional(),
                extra_def: z.string().optional(),
                labels: z.array(Label).optional(),
                comment: z.string().optional(),
              })
              .strict(),
          ),
          indexes: z
            .array(
              z
                .object({
                  name: z.string(),
                  def: z.string(),
                  table: z.string(),
                  columns: z.array(z.string()),
                  comment: z.string().optional(),
                })
                .strict(),
            )
            .optional(),
          constraints: z
            .array(
              z
                .object({
                  name: z.string(),
                  type: z.string(),
                  def: z.string(),
                  table: z.string(),
                  referenced_table: z.string().optional(),
                  columns: z.array(z.string()).optional(),
                  referenced_columns: z.array(z.string()).optional(),
                  comment: z.string().optional(),
                })
                .strict(),
            )
            .optional(),
          triggers: z
            .array(z.object({ name: z.string(), def: z.string(), comment: z.string().optional() }).strict())
            .optional(),
          def: z.string().optional(),
          labels: z.array(Label).optional(),
          referenced_tables: z.array(z.string()).optional(),
        })
        .strict(),
    ),
    relations: z
      .array(
        z
          .object({
            table: z.string(),
            columns: z.array(z.string()),
            cardinality: Cardinality.optional(),
            parent_table: z.string(),
            parent_columns: z.array(z.string()),
            parent_cardinality: Cardinality.optional(),
            def: z.string(),
            virtual: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    enums: z.array(z.object({ name: z.string(), values: z.array(z.string()) }).strict()).optional(),
    driver: z
      .object({
        name: z.string(),
        database_version: z.string().optional(),
        meta: z
          .object({
            current_schema: z.string().optional(),
            search_paths: z.array(z.string()).optional(),
            dict: z.record(z.string(), z.string()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    labels: z.array(Label).optional(),
  })
  .strict();
