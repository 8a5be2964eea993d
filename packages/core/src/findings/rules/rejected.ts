import { truncatedIdentifier } from '../../ddl/identifiers.js';
import { qualifiedName } from '../../ir/names.js';
import type { Column, Index, Ir, Table } from '../../ir/types.js';
import { type At, defineRule } from '../_rule.js';
import { columnsLabel, findColumn } from '../_util.js';
import type { Finding, RuleContext } from '../types.js';

/**
 * Schemas whose DDL PostgreSQL rejects even when the ORM's own tool writes it: names that clash in
 * one namespace, operator classes that do not fit their column. Errors, not advice: the first
 * `migrate deploy` fails.
 */

const postgresLike = (ir: Ir) => ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';

const schemaOf = (ref: { schema: string | null }) => ref.schema ?? 'public';

interface NamedObject {
  name: string;
  what: string;
  table: Table;
  columns?: string[];
}

/** Objects sharing PostgreSQL's relation namespace of one schema: tables, views, indexes, PK/unique indexes. */
function relationNamespace(ctx: RuleContext): Map<string, NamedObject[]> {
  const byKey = new Map<string, NamedObject[]>();
  const add = (table: Table, name: string, what: string, columns?: string[]) => {
    const key = `${schemaOf(table)}\u0000${truncatedIdentifier(name)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { name, what, table, ...(columns ? { columns } : {}) }]);
  };
  for (const t of ctx.ir.tables) {
    add(t, t.name, t.kind.replace('-', ' ')); // table, view, materialized view
    if (t.kind !== 'table') continue;
    if (t.primaryKey) add(t, t.primaryKey.name, 'primary key', t.primaryKey.columns);
    for (const u of t.uniques) add(t, u.name, 'unique constraint', u.columns);
    for (const ix of t.indexes)
      add(
        t,
        ix.name,
        'index',
        ix.parts.flatMap((p) => (p.column ? [p.column] : [])),
      );
  }
  return byKey;
}

function describe(o: NamedObject): string {
  const truncated = truncatedIdentifier(o.name) !== o.name;
  const on = o.what === 'table' || o.what.endsWith('view') ? '' : ` on ${qualifiedName(o.table)}`;
  return `the ${o.what} ${o.name}${on}${truncated ? ` (cut to ${truncatedIdentifier(o.name)}, 63 bytes)` : ''}`;
}

export const nameClash = defineRule({
  id: 'name-clash',
  title: 'Two objects with one name (PostgreSQL will reject this)',
  category: 'integrity',
  severity: 'error',
  description:
    'Tables, views, indexes and the indexes behind primary keys and unique constraints share one namespace per schema, constraint names are unique per table, and PostgreSQL cuts every name to 63 bytes: two objects that end up with the same name make CREATE fail, whatever tool writes the DDL.',
  check(ctx: RuleContext, at: At): Finding[] {
    if (!postgresLike(ctx.ir)) return [];
    const out: Finding[] = [];
    for (const objects of relationNamespace(ctx).values()) {
      const [first, ...rest] = objects;
      // Stryker disable next-line ConditionalExpression: every group holds at least the object that made it
      if (!first) continue;
      for (const o of rest) out.push(clash(at, o, first));
    }
    // A table's composite type clashes with an enum type of the same name in the same schema.
    for (const e of ctx.ir.enums) {
      if (!e.native) continue;
      const t = ctx.ir.tables.find(
        (x) => schemaOf(x) === schemaOf(e) && truncatedIdentifier(x.name) === truncatedIdentifier(e.name),
      );
      if (t)
        out.push({
          ...at(t),
          message: `${qualifiedName(t)} and the enum type ${e.name} have the same name: every table also defines a type of its name, so PostgreSQL will reject this ("type already exists").`,
          hint: `Give the enum or the table another database name (Prisma @@map / @map, TypeORM enumName, Drizzle pgEnum name).`,
        });
    }
    // Constraint names are unique per table (primary key, unique, foreign key and check together).
    for (const table of ctx.tables) {
      const seen = new Map<string, string>();
      const constraints: Array<[string, string, string[]]> = [
        ...(table.primaryKey
          ? [[table.primaryKey.name, 'primary key', table.primaryKey.columns] as [string, string, string[]]]
          : []),
        ...table.uniques.map((u) => [u.name, 'unique constraint', u.columns] as [string, string, string[]]),
        ...table.foreignKeys
          .filter((f) => f.enforcedBy === 'database')
          .map((f) => [f.name, 'foreign key', f.columns] as [string, string, string[]]),
        ...table.checks.map((c) => [c.name, 'check constraint', []] as [string, string, string[]]),
      ];
      for (const [name, what, columns] of constraints) {
        const key = truncatedIdentifier(name);
        const before = seen.get(key);
        if (before === undefined) {
          seen.set(key, what);
          continue;
        }
        // PK/unique pairs were already reported as relation-name clashes.
        if (/primary key|unique/.test(what) && /primary key|unique/.test(before)) continue;
        out.push({
          ...at(table),
          ...(columns.length ? { columns } : {}),
          message: `${qualifiedName(table)} has a ${before} and a ${what} both named ${key}${key !== name ? ` (${name} cut to 63 bytes)` : ''}: constraint names are unique per table, so PostgreSQL will reject this.`,
          hint: `Give the ${what} its own name (a map/name option in the ORM).`,
        });
      }
    }
    return out;
  },
});

function clash(at: At, o: NamedObject, first: NamedObject): Finding {
  const cut = truncatedIdentifier(o.name);
  const rename =
    o.what === 'table' || o.what.endsWith('view')
      ? `Rename one of them in the database (Prisma @@map, Drizzle's table name, TypeORM @Entity({ name }), SQLAlchemy __tablename__).`
      : `Give ${o.name === cut ? o.name : 'it'} a distinct name of at most 63 bytes (Prisma map: "...", Drizzle/TypeORM/SQLAlchemy name).`;
  return {
    ...at(o.table),
    ...(o.columns?.length ? { columns: o.columns } : {}),
    message: `${o.columns?.length ? columnsLabel(o.table, o.columns) : qualifiedName(o.table)}: ${describe(o)} has the same name as ${describe(first)} in schema ${schemaOf(o.table)}; indexes, keys and tables share one namespace, so PostgreSQL will reject this ("relation ${cut} already exists").`,
    hint: rename,
  };
}

/**
 * Operator classes and what they accept: the index methods that have them and the column types
 * (element type, by its SQL name) they index. Only built-in classes and the common extensions';
 * a class not listed here is not judged.
 */
export const OPCLASS_ACCEPTS: Readonly<Record<string, { methods: string[]; types: RegExp }>> = {
  text_ops: { methods: ['btree', 'hash', 'spgist', 'gin'], types: /^(text|varchar|citext|name)$/ },
  varchar_ops: { methods: ['btree', 'hash', 'gin'], types: /^(text|varchar|citext)$/ },
  text_pattern_ops: { methods: ['btree', 'hash'], types: /^(text|varchar|citext)$/ },
  varchar_pattern_ops: { methods: ['btree', 'hash'], types: /^(text|varchar|citext)$/ },
  bpchar_ops: { methods: ['btree', 'hash', 'gin'], types: /^(char|bpchar|character)$/ },
  bpchar_pattern_ops: { methods: ['btree', 'hash'], types: /^(char|bpchar|character)$/ },
  int2_ops: { methods: ['btree', 'hash', 'gin'], types: /^(smallint|int2)$/ },
  int4_ops: { methods: ['btree', 'hash', 'gin'], types: /^(integer|int|int4|serial)$/ },
  int8_ops: { methods: ['btree', 'hash', 'gin'], types: /^(bigint|int8|bigserial)$/ },
  uuid_ops: { methods: ['btree', 'hash', 'gin'], types: /^uuid$/ },
  bool_ops: { methods: ['btree', 'hash', 'gin'], types: /^(boolean|bool)$/ },
  numeric_ops: { methods: ['btree', 'hash', 'gin'], types: /^(numeric|decimal)$/ },
  timestamp_ops: { methods: ['btree', 'hash', 'gin'], types: /^timestamp$/ },
  timestamptz_ops: { methods: ['btree', 'hash', 'gin'], types: /^timestamptz$/ },
  date_ops: { methods: ['btree', 'hash', 'gin'], types: /^date$/ },
  jsonb_ops: { methods: ['btree', 'hash', 'gin'], types: /^jsonb$/ },
  jsonb_path_ops: { methods: ['gin'], types: /^jsonb$/ },
  // Stryker disable next-line Regex: baseType puts `[]` at the end only
  array_ops: { methods: ['btree', 'hash', 'gin'], types: /\[\]$/ },
  gin_trgm_ops: { methods: ['gin'], types: /^(text|varchar|citext|char|bpchar)$/ },
  gist_trgm_ops: { methods: ['gist'], types: /^(text|varchar|citext|char|bpchar)$/ },
  inet_ops: { methods: ['btree', 'hash', 'gist', 'spgist'], types: /^(inet|cidr)$/ },
};

/** The element type an operator class is checked against: `varchar(255)` -> varchar, arrays keep `[]`. */
function baseType(column: Column): string {
  const sql = column.type.sql.toLowerCase();
  const array = column.type.isArray || sql.endsWith('[]') ? '[]' : '';
  return `${sql
    .replace(/(\[\d*\])+$/, '')
    .replace(/\(.*/s, '')
    .trim()}${array}`;
}

function misfit(ix: Index, column: Column | undefined, opclass: string): string | undefined {
  const accepts = OPCLASS_ACCEPTS[opclass.toLowerCase()];
  if (!accepts || !column || column.type.enum) return undefined;
  const method = (ix.method ?? 'btree').toLowerCase();
  if (!accepts.methods.includes(method))
    return `operator class ${opclass} does not exist for access method ${method}`;
  const type = baseType(column);
  if (!accepts.types.test(type)) return `operator class ${opclass} does not accept data type ${type}`;
  return undefined;
}

export const opclassMismatch = defineRule({
  id: 'opclass-mismatch',
  title: 'Operator class that does not fit its column (PostgreSQL will reject this)',
  category: 'integrity',
  severity: 'error',
  description:
    'An index part whose operator class belongs to another type or another index method (text_ops on a uuid, jsonb_path_ops in a B-tree): CREATE INDEX fails, whatever tool writes it.',
  check(ctx: RuleContext, at: At): Finding[] {
    if (!postgresLike(ctx.ir)) return [];
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const ix of table.indexes)
        for (const p of ix.parts) {
          // Stryker disable next-line ConditionalExpression: an expression part finds no column, and misfit() judges no missing column
          if (!p.opclass || p.column === undefined) continue;
          const column = findColumn(table, p.column);
          const why = misfit(ix, column, p.opclass);
          if (!why || !column) continue;
          out.push({
            ...at(table),
            columns: [p.column],
            message: `Index ${ix.name} on ${columnsLabel(table, [p.column])} (${column.type.sql}) uses ${p.opclass}: ${why}, so PostgreSQL will reject this.`,
            hint: `Remove the operator class (the column's default one fits) or use one made for ${column.type.sql}${(ix.method ?? 'btree') === 'btree' ? '' : ` and ${ix.method}`}.`,
          });
        }
    return out;
  },
});
