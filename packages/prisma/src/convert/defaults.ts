import type { Column, Dialect } from '@ormdoc/core';
import type { PrismaDefaultScalar, PrismaField } from './dmmf.js';

type ColumnDefault = NonNullable<Column['default']>;

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The DMMF gives a boolean default as a boolean, an Int, Float or Decimal one as a number, and a
 * BigInt one as its digits (a JavaScript number would round it past 2^53); everything else is text.
 */
function literalSql(value: PrismaDefaultScalar, field: PrismaField, dialect: Dialect): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || field.type === 'BigInt') return String(value);
  if (field.type === 'Bytes') {
    // Prisma is given base64 and writes the bytes in hex: '\x68656c6c6f' (PostgreSQL), '68656c6c6f' (SQLite).
    const hex = Buffer.from(value, 'base64').toString('hex');
    if (dialect === 'postgresql') return `'\\x${hex}'`;
    if (dialect === 'sqlite') return `'${hex}'`;
  }
  return sqlString(value);
}

/**
 * The IR default of a Prisma field, as Prisma Migrate creates it. `enumValueDb` maps an enum
 * value's code name to its database name (`@map`). Returns undefined when there is no default or
 * when it is `dbgenerated()` without an expression (the database has one ormdoc cannot know).
 */
export function columnDefault(
  field: PrismaField,
  dialect: Dialect,
  enumValueDb: (value: string) => string,
  arraySqlType: string | undefined,
): ColumnDefault | undefined {
  const d = field.default;
  if (d === undefined || d === null) return undefined;
  if (Array.isArray(d)) {
    // Prisma has scalar lists on PostgreSQL and CockroachDB only: an ARRAY[...] of the list's type
    const values = d.map((v) => (field.kind === 'enum' ? enumValueDb(String(v)) : v));
    const inner = values.map((v) => literalSql(v, field, dialect)).join(', ');
    return {
      kind: 'literal',
      value: values,
      sql: `ARRAY[${inner}]${arraySqlType ? `::${arraySqlType}` : ''}`,
    };
  }
  if (typeof d === 'object') {
    const fn = d as { name: string; args: readonly (string | number)[] };
    const args = fn.args;
    if (fn.name === 'autoincrement' || fn.name === 'sequence') {
      return { kind: 'sequence', style: sequenceStyle(dialect) };
    }
    if (fn.name === 'now') return { kind: 'sql', expression: 'CURRENT_TIMESTAMP' };
    if (fn.name === 'dbgenerated') {
      const expr = args[0];
      return typeof expr === 'string' && expr.length > 0 ? { kind: 'sql', expression: expr } : undefined;
    }
    // What Prisma Client generates: uuid(), cuid(), nanoid(), ulid() (auto() is MongoDB's)
    const generator = fn.name === 'cuid' && args[0] === 2 ? 'cuid2' : fn.name;
    return { kind: 'orm', generator, description: `${fn.name}(${args.join(', ')})` };
  }
  const scalar = d as PrismaDefaultScalar;
  const value = field.kind === 'enum' ? enumValueDb(String(scalar)) : scalar;
  return { kind: 'literal', value, sql: literalSql(value, field, dialect) };
}

function sequenceStyle(dialect: Dialect): 'serial' | 'auto-increment' | 'rowid' | 'identity-by-default' {
  switch (dialect) {
    case 'postgresql':
    case 'cockroachdb':
      return 'serial';
    case 'mysql': // AUTO_INCREMENT
    case 'sqlite': // Prisma's SQLite connector writes `INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`
      return 'auto-increment';
    case 'sqlserver':
      return 'identity-by-default';
  }
}
