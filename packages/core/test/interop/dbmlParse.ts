import { Parser } from '@dbml/core';

/** The parts of @dbml/core's model the tests compare with the IR (test-only helper). */
export interface ParsedField {
  name: string;
  type: { schemaName: string | null; type_name: string };
  pk: boolean;
  not_null: boolean;
  unique: boolean;
  increment: boolean;
  note: string | null;
  dbdefault?: { type: string; value: unknown } | null;
}
export interface ParsedTable {
  name: string;
  note: string | null;
  fields: ParsedField[];
  indexes: Array<{
    name: string | null;
    unique: boolean;
    pk: boolean;
    type: string | null;
    columns: Array<{ type: string; value: string }>;
  }>;
  checks?: Array<{ name: string | null; expression: string }>;
}
export interface ParsedEndpoint {
  schemaName: string | null;
  tableName: string;
  fieldNames: string[];
  relation: string;
}
export interface ParsedSchema {
  name: string;
  tables: ParsedTable[];
  enums: Array<{ name: string; values: Array<{ name: string }> }>;
  refs: Array<{
    name: string | null;
    onDelete: string | null;
    onUpdate: string | null;
    endpoints: ParsedEndpoint[];
  }>;
  tableGroups: Array<{ name: string; tables: Array<{ name: string; schemaName?: string }> }>;
}

/** Parse DBML with @dbml/core (throws with the parser's diagnostics on a syntax error). */
export function parseDbml(text: string): ParsedSchema[] {
  try {
    return new Parser().parse(text, 'dbmlv2').schemas as unknown as ParsedSchema[];
  } catch (e) {
    const diags = (e as { diags?: Array<{ message: string; location?: unknown }> }).diags;
    throw new Error(`@dbml/core rejected the DBML: ${JSON.stringify(diags ?? String(e))}\n${text}`);
  }
}

/** DBML's schema of an IR ref: `public` for the default schema. */
export const dbmlSchemaOf = (ref: { schema: string | null }) => ref.schema ?? 'public';

export function findTable(
  schemas: ParsedSchema[],
  ref: { schema: string | null; name: string },
): ParsedTable | undefined {
  return schemas.find((s) => s.name === dbmlSchemaOf(ref))?.tables.find((t) => t.name === ref.name);
}
