import type { Column, ColumnDefault, Enum, Index, Ir, Table, TableRef, UniqueConstraint } from '@ormdoc/core';
import { expressionKey, typeKey } from './expression.js';

/**
 * Both sides of a drift comparison in one vocabulary, so `diffIr` reports only what differs in
 * the database's terms: the default schema is null; types, defaults, checks and index predicates
 * are comparison keys (expression.ts); a plain unique index is a unique key (Prisma writes
 * @unique as an index, drizzle as a constraint); checks are named by what they check (ORMs name
 * them differently, or not at all); what only the ORM enforces (emulated FKs, ORM-side defaults,
 * ORM-only enums) and what the database cannot know (descriptions, code names, tags, view text)
 * are left out; the migration tools' bookkeeping tables are not the schema.
 */
export function normalizeForDrift(ir: Ir, side: 'orm' | 'database'): Ir {
  const schemaOf = (s: string | null) => (s === 'public' ? null : s);
  const refOf = <R extends TableRef>(r: R): R => ({ ...r, schema: schemaOf(r.schema) });
  const tables = ir.tables
    .filter((t) => side === 'orm' || !isBookkeeping(t))
    .map((t) => tableOf(t, side, schemaOf, refOf));
  const enums = ir.enums
    .filter((e) => side === 'database' || (e.native && e.enforcedBy !== 'orm'))
    .map(
      (e): Enum => ({
        schema: schemaOf(e.schema),
        name: e.name,
        values: e.values.map((v) => ({ name: v.name })),
        native: true,
        tags: [],
      }),
    );
  return { ...ir, tables, enums, relations: [] };
}

/** Tables the migration tools keep for themselves. */
export const BOOKKEEPING_TABLES = new Set([
  '_prisma_migrations',
  '__drizzle_migrations',
  'typeorm_metadata',
  'migrations',
  'alembic_version',
  'knex_migrations',
  'knex_migrations_lock',
]);

function isBookkeeping(t: Table): boolean {
  return (
    BOOKKEEPING_TABLES.has(t.name) && (t.schema === null || t.schema === 'public' || t.schema === 'drizzle')
  );
}

function tableOf(
  t: Table,
  side: 'orm' | 'database',
  schemaOf: (s: string | null) => string | null,
  refOf: <R extends TableRef>(r: R) => R,
): Table {
  const uniques: UniqueConstraint[] = t.uniques.map((u) => ({
    name: u.name,
    nameExplicit: u.nameExplicit,
    columns: u.columns,
    ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
  }));
  const indexes: Index[] = [];
  for (const i of t.indexes) {
    if (isPlainUnique(i))
      uniques.push({ name: i.name, nameExplicit: i.nameExplicit, columns: i.parts.map((p) => p.column!) });
    else indexes.push(indexOf(i, t.name));
  }
  return {
    kind: t.kind,
    schema: schemaOf(t.schema),
    name: t.name,
    tags: [],
    columns: t.columns.map((c) => columnOf(c, t.name)),
    ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
    uniques,
    indexes,
    foreignKeys: t.foreignKeys
      .filter((f) => side === 'database' || f.enforcedBy === 'database')
      .map((f) => ({ ...f, references: refOf(f.references), enforcedBy: 'database' as const })),
    checks: t.checks.map((c) => {
      const key = expressionKey(c.expression, t.name);
      return { name: key, nameExplicit: false, expression: key };
    }),
  };
}

/** A unique index that a unique constraint would say as well: btree, plain ascending columns, no predicate. */
function isPlainUnique(i: Index): boolean {
  return (
    i.unique &&
    (i.method === undefined || i.method === 'btree') &&
    !i.where &&
    !i.include?.length &&
    !i.nullsNotDistinct &&
    i.parts.every((p) => p.column !== undefined && p.order !== 'desc' && p.nulls === undefined)
  );
}

function indexOf(i: Index, table: string): Index {
  return {
    name: i.name,
    nameExplicit: i.nameExplicit,
    unique: i.unique,
    parts: i.parts.map((p) => {
      const desc = p.order === 'desc';
      // NULLS LAST is the default ascending, NULLS FIRST descending.
      const nulls = p.nulls && p.nulls !== (desc ? 'first' : 'last') ? { nulls: p.nulls } : {};
      return {
        ...(p.column !== undefined
          ? { column: p.column }
          : { expression: expressionKey(p.expression ?? '', table) }),
        ...(desc ? { order: 'desc' as const } : {}),
        ...nulls,
      };
    }),
    ...(i.method && i.method !== 'btree' ? { method: i.method.toLowerCase() } : {}),
    ...(i.where ? { where: expressionKey(i.where, table) } : {}),
    ...(i.include?.length ? { include: i.include } : {}),
  };
}

function columnOf(c: Column, table: string): Column {
  const def = defaultOf(c.default, table);
  return {
    name: c.name,
    type: { sql: typeKey(c.type.sql), category: c.type.category, isArray: c.type.isArray },
    nullable: c.nullable,
    ...(def ? { default: def } : {}),
    ...(c.generated
      ? {
          generated: { expression: expressionKey(c.generated.expression, table), stored: c.generated.stored },
        }
      : {}),
    tags: [],
  };
}

function defaultOf(d: ColumnDefault | undefined, table: string): ColumnDefault | undefined {
  if (!d) return undefined;
  switch (d.kind) {
    case 'orm':
      return undefined;
    case 'sequence':
      return {
        kind: 'sequence',
        style: d.style === 'rowid' || d.style === 'auto-increment' ? 'serial' : d.style,
      };
    case 'literal':
      return { kind: 'sql', expression: expressionKey(d.sql, table) };
    case 'sql':
      return { kind: 'sql', expression: expressionKey(d.expression, table) };
  }
}
