import { IR_VERSION } from '../ir/schema.js';
import { categorizeSqlType } from '../ir/sqltype.js';
import type {
  Column,
  Enum,
  ForeignKey,
  Index,
  Ir,
  Policy,
  Role,
  Routine,
  Sequence,
  Table,
  Trigger,
} from '../ir/types.js';

/**
 * Test builders: short fixtures with overrides, e.g.
 *   anIr({ tables: [aTable('users', { columns: [aColumn('id', 'integer')] , primaryKey: aPrimaryKey('users', ['id']) })] })
 */
export function aColumn(name: string, sql = 'text', overrides: Partial<Column> = {}): Column {
  return {
    name,
    type: { sql, category: categorizeSqlType(sql), isArray: sql.endsWith('[]') },
    nullable: false,
    tags: [],
    ...overrides,
  };
}

export function aTable(name: string, overrides: Partial<Table> = {}): Table {
  return {
    kind: 'table',
    schema: null,
    name,
    tags: [],
    columns: [aColumn('id', 'integer')],
    uniques: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
    ...overrides,
  };
}

export function aPrimaryKey(table: string, columns: string[]): NonNullable<Table['primaryKey']> {
  return { name: `${table}_pkey`, nameExplicit: false, columns };
}

export function aForeignKey(
  table: string,
  columns: string[],
  target: string,
  targetColumns: string[] = ['id'],
  overrides: Partial<ForeignKey> = {},
): ForeignKey {
  return {
    name: `${table}_${columns.join('_')}_fkey`,
    nameExplicit: false,
    columns,
    references: { schema: null, name: target, columns: targetColumns },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    enforcedBy: 'database',
    ...overrides,
  };
}

export function anIndex(table: string, columns: string[], overrides: Partial<Index> = {}): Index {
  return {
    name: `${table}_${columns.join('_')}_idx`,
    nameExplicit: false,
    unique: false,
    parts: columns.map((column) => ({ column })),
    ...overrides,
  };
}

export function anEnum(name: string, values: string[], overrides: Partial<Enum> = {}): Enum {
  return {
    schema: null,
    name,
    values: values.map((v) => ({ name: v })),
    native: true,
    tags: [],
    ...overrides,
  };
}

/** A permissive `FOR ALL TO public` policy on a default-schema table, declared in a migration. */
export function aPolicy(table: string, name: string, overrides: Partial<Policy> = {}): Policy {
  return {
    table: { schema: null, name: table },
    name,
    command: 'all',
    roles: ['public'],
    permissive: true,
    declaredIn: 'migration',
    ...overrides,
  };
}

/** A `BEFORE UPDATE FOR EACH ROW` trigger on a default-schema table, declared in a migration. */
export function aTrigger(table: string, name: string, fn: string, overrides: Partial<Trigger> = {}): Trigger {
  return {
    table: { schema: null, name: table },
    name,
    timing: 'before',
    events: ['update'],
    forEach: 'row',
    function: { schema: null, name: fn },
    arguments: [],
    enabled: true,
    declaredIn: 'migration',
    ...overrides,
  };
}

/** A plpgsql trigger function without arguments in the default schema, declared in a migration. */
export function aRoutine(name: string, overrides: Partial<Routine> = {}): Routine {
  return {
    schema: null,
    name,
    kind: 'function',
    arguments: '',
    returns: 'trigger',
    language: 'plpgsql',
    volatility: 'volatile',
    securityDefiner: false,
    config: {},
    body: '\nBEGIN\n  RETURN NEW;\nEND;\n',
    declaredIn: 'migration',
    ...overrides,
  };
}

export function aSequence(name: string, overrides: Partial<Sequence> = {}): Sequence {
  return { schema: null, name, cycle: false, declaredIn: 'migration', ...overrides };
}

export function aRole(name: string, overrides: Partial<Role> = {}): Role {
  return { name, options: [], declaredIn: 'migration', ...overrides };
}

export function anIr(overrides: Partial<Ir> = {}): Ir {
  return {
    irVersion: IR_VERSION,
    dialect: 'postgresql',
    source: { orm: 'prisma', files: [] },
    namespaces: [],
    tables: [],
    enums: [],
    relations: [],
    extensions: [],
    policies: [],
    roles: [],
    triggers: [],
    routines: [],
    sequences: [],
    ...overrides,
  };
}
