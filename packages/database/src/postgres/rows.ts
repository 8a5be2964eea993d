/** The rows of the catalog queries (queries.ts), column for column. */

export interface ServerRow {
  version: string;
  database: string;
  default_schema: string | null;
}

export interface RelationRow {
  rel: string;
  schema: string;
  name: string;
  kind: 'r' | 'p' | 'v' | 'm';
  comment: string | null;
  rls: boolean;
  rls_forced: boolean;
  definition: string | null;
}

export interface ColumnRow {
  rel: string;
  num: number;
  name: string;
  type: string;
  notnull: boolean;
  def: string | null;
  identity: string;
  generated: string;
  comment: string | null;
  collation: string | null;
  is_array: boolean;
  elem_kind: string;
  enum_schema: string;
  enum_name: string | null;
}

export interface ConstraintRow {
  rel: string;
  name: string;
  type: 'p' | 'u' | 'f' | 'c';
  def: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
  deferrable: boolean;
  deferred: boolean;
  check_expr: string | null;
}

export interface IndexRow {
  rel: string;
  name: string;
  method: string;
  unique: boolean;
  key_count: number;
  predicate: string | null;
  def: string;
  parts: string[];
  attnums: number[];
  options: number[];
  opclasses: string[];
}

export interface EnumRow {
  schema: string;
  name: string;
  comment: string | null;
  values: string[];
}

export interface PolicyRow {
  rel: string;
  name: string;
  command: 'r' | 'a' | 'w' | 'd' | '*';
  permissive: boolean;
  roles: string[];
  using: string | null;
  with_check: string | null;
}

export interface TriggerRow {
  rel: string;
  name: string;
  type: number;
  enabled: string;
  function_schema: string;
  function_name: string;
  update_of: string[];
  def: string;
  args: string | null;
  arg_count: number;
}

export interface RoutineRow {
  schema: string;
  name: string;
  kind: 'f' | 'p';
  arguments: string;
  result: string | null;
  language: string;
  volatility: 'i' | 's' | 'v';
  security_definer: boolean;
  config: string[] | null;
  body: string | null;
  comment: string | null;
}

export interface SequenceRow {
  schema: string;
  name: string;
  data_type: string;
  start: string;
  increment: string;
  min_value: string;
  max_value: string;
  cache: string;
  cycle: boolean;
}

export interface ExtensionRow {
  name: string;
  schema: string;
  version: string;
}

/** Every row of one introspection, as read in one transaction. */
export interface CatalogRows {
  server: ServerRow;
  relations: RelationRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  enums: EnumRow[];
  policies: PolicyRow[];
  triggers: TriggerRow[];
  routines: RoutineRow[];
  sequences: SequenceRow[];
  extensions: ExtensionRow[];
}
