import { truncatedIdentifier } from '../ddl/identifiers.js';
import type { Column, Ir, Table } from '../ir/types.js';
import { findColumn, type KeyLike, sqlIdent, sqlTable } from './_util.js';
import type { FindingFix } from './types.js';

/**
 * Fixes as the ORM edit and its SQL, in the schema's own naming, with names that do not clash with
 * what the schema already has. Every SQL fix is executed on PostgreSQL by the findings' fix tests.
 */

const codeOf = (table: Table, column: string) => findColumn(table, column)?.codeName ?? column;
const modelOf = (table: Table) => table.codeName ?? table.name;

/**
 * Per-`analyze` memo of schema-wide facts the fixes need (every relation name of a schema, the
 * schema's naming and timestamp type): without it each finding rescanned every table, which made
 * `analyze` quadratic in tables. Only set while `withFixMemo` runs, so nothing outlives one analysis
 * (an IR edited in place between two analyses is read afresh).
 */
let memo: Map<string, unknown> | undefined;

/** Run `fn` with schema-wide fix facts computed once (see `memo`). */
export function withFixMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

function remembered<T>(key: string, compute: () => T): T {
  if (!memo) return compute();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Names of relations (tables, keys, indexes, enums) of one schema, cut as PostgreSQL cuts them. */
function relationNames(ir: Ir, schema: string): Set<string> {
  const names: string[] = [];
  for (const t of ir.tables) {
    if ((t.schema ?? 'public') !== schema) continue;
    names.push(t.name);
    if (t.primaryKey) names.push(t.primaryKey.name);
    names.push(...t.uniques.map((u) => u.name), ...t.indexes.map((i) => i.name));
  }
  for (const e of ir.enums) if ((e.schema ?? 'public') === schema) names.push(e.name);
  return new Set(names.map(truncatedIdentifier));
}

/** Names already taken where a new name of this kind must be unique (relations of the schema, or the table's constraints / columns). */
function takenNames(ir: Ir, table: Table, kind: 'relation' | 'constraint' | 'column'): Set<string> {
  if (kind === 'column') return new Set(table.columns.map((c) => c.name));
  if (kind === 'constraint')
    return new Set(
      [
        table.primaryKey?.name,
        ...table.uniques.map((u) => u.name),
        ...table.foreignKeys.map((f) => f.name),
        ...table.checks.map((c) => c.name),
      ]
        .filter((n): n is string => n !== undefined)
        .map(truncatedIdentifier),
    );
  const schema = table.schema ?? 'public';
  return remembered(`relations\u0000${schema}`, () => relationNames(ir, schema));
}

/** `base`, cut to 63 bytes, with `_2`, `_3`... when the schema already uses it. */
export function freshName(
  ir: Ir,
  table: Table,
  base: string,
  kind: 'relation' | 'constraint' | 'column',
): string {
  const taken = takenNames(ir, table, kind);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `_${n}`;
    const name = `${truncatedIdentifier(base).slice(0, 63 - suffix.length)}${suffix}`;
    if (!taken.has(truncatedIdentifier(name))) return truncatedIdentifier(name);
  }
}

/** How to add an index on these columns: the ORM's code, and the SQL. */
export function indexFix(ir: Ir, table: Table, columns: string[], where?: string): FindingFix {
  const name = freshName(ir, table, `${table.name}_${columns.join('_')}_idx`, 'relation');
  const d = ir.dialect;
  const sql = `CREATE INDEX ${sqlIdent(name, d)} ON ${sqlTable(table, d)} (${columns.map((c) => sqlIdent(c, d)).join(', ')})${where ? ` WHERE ${where}` : ''};`;
  const code = columns.map((c) => codeOf(table, c));
  const model = modelOf(table);
  switch (ir.source.orm) {
    case 'prisma':
      // Prisma cannot declare a partial index.
      return where ? { sql } : { orm: `@@index([${code.join(', ')}])`, text: `in model ${model}`, sql };
    case 'drizzle':
      return {
        orm: `index('${name}').on(${code.map((c) => `table.${c}`).join(', ')})${where ? `.where(sql\`${where}\`)` : ''}`,
        text: `in the extra config of the ${model} table`,
        sql,
      };
    case 'typeorm':
      return {
        orm: `@Index([${code.map((c) => `'${c}'`).join(', ')}]${where ? `, { where: '${where.replace(/'/g, "\\'")}' }` : ''})`,
        text: `on entity ${model}`,
        sql,
      };
    case 'sqlmodel':
    case 'sqlalchemy':
      return {
        orm: `Index('${name}', ${columns.map((c) => `'${c}'`).join(', ')}${where ? `, ${d === 'sqlite' ? 'sqlite' : 'postgresql'}_where=text('${where.replace(/'/g, "\\'")}')` : ''})`,
        text: `in __table_args__ of ${model}`,
        sql,
      };
  }
}

/** How to remove a redundant index or unique key: delete it from the ORM schema, then drop it. */
export function dropKeyFix(ir: Ir, table: Table, key: KeyLike): FindingFix {
  const d = ir.dialect;
  const qualified = table.schema && d !== 'mysql' ? `${sqlIdent(table.schema, d)}.` : '';
  const isConstraint = key.kind === 'unique' && table.uniques.some((u) => u.name === key.name);
  const sql = isConstraint
    ? `ALTER TABLE ${sqlTable(table, d)} DROP CONSTRAINT ${sqlIdent(key.name, d)};`
    : d === 'mysql'
      ? `DROP INDEX ${sqlIdent(key.name, d)} ON ${sqlTable(table, d)};`
      : `DROP INDEX ${qualified}${sqlIdent(key.name, d)};`;
  const code = key.parts.map((p) => codeOf(table, p));
  const model = modelOf(table);
  const single = code.length === 1 && key.columns !== undefined;
  switch (ir.source.orm) {
    case 'prisma': {
      const orm = key.unique
        ? single
          ? '@unique'
          : `@@unique([${code.join(', ')}])`
        : `@@index([${code.join(', ')}])`;
      const where = key.unique && single ? `field ${code[0]} of model ${model}` : `model ${model}`;
      return { orm, text: `from ${where}`, remove: true, sql };
    }
    case 'drizzle':
      return {
        orm: key.unique && single ? '.unique()' : `${key.unique ? 'uniqueIndex' : 'index'}('${key.name}')`,
        text:
          key.unique && single ? `from column ${code[0]} of the ${model} table` : `from the ${model} table`,
        remove: true,
        sql,
      };
    case 'typeorm':
      return {
        orm:
          key.unique && single
            ? 'unique: true'
            : `@Index(${key.unique ? `{ unique: true }` : `['${code.join("', '")}']`})`,
        text: key.unique && single ? `from the @Column of ${model}.${code[0]}` : `from entity ${model}`,
        remove: true,
        sql,
      };
    case 'sqlmodel':
    case 'sqlalchemy':
      return {
        orm:
          key.unique && single
            ? 'unique=True'
            : key.kind === 'index'
              ? `Index('${key.name}', ...)`
              : `UniqueConstraint(...)`,
        text: key.unique && single ? `from column ${code[0]} of ${model}` : `from __table_args__ of ${model}`,
        remove: true,
        sql,
      };
  }
}

export type Naming = 'camel' | 'snake';

/** The naming most column names follow: camelCase (`createdAt`) or snake_case (`created_at`). */
export function namingOf(names: Array<string | undefined>): Naming {
  let camel = 0;
  let snake = 0;
  for (const n of names) {
    if (!n) continue;
    if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(n)) camel++;
    else if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(n)) snake++;
  }
  return camel > snake ? 'camel' : 'snake';
}

const named = (naming: Naming, words: [string, string]) =>
  naming === 'camel' ? `${words[0]}${words[1][0]?.toUpperCase()}${words[1].slice(1)}` : words.join('_');

/** The type the schema already uses for timestamps (most common), else the dialect's usual one. */
function timestampType(ir: Ir): string {
  const counts = new Map<string, number>();
  for (const t of ir.tables)
    for (const c of t.columns)
      if (c.type.category === 'datetime' && !c.type.isArray)
        counts.set(c.type.sql, (counts.get(c.type.sql) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return best ?? (ir.dialect === 'mysql' ? 'datetime(3)' : 'timestamptz');
}

/**
 * The missing audit timestamps, named as the schema names its columns (database and code), as the
 * ORM's fields and as `ALTER TABLE ... ADD COLUMN`; no SQL where the dialect cannot add such a
 * column with ALTER (SQLite, SQL Server are left to the ORM's migration).
 */
export function timestampFix(
  ir: Ir,
  table: Table,
  missing: Array<'created' | 'updated'>,
): { fix: FindingFix; names: string[] } {
  const { dbNaming, codeNaming } = remembered('naming', () => {
    const columns: Column[] = ir.tables.flatMap((t) => t.columns);
    return {
      dbNaming: namingOf(columns.map((c) => c.name)),
      codeNaming: namingOf(columns.map((c) => c.codeName ?? c.name)),
    };
  });
  const words = { created: ['created', 'at'], updated: ['updated', 'at'] } as const;
  const cols = missing.map((m) => {
    const db = freshName(ir, table, named(dbNaming, [...words[m]]), 'column');
    return { m, db, code: named(codeNaming, [...words[m]]) };
  });
  const type = remembered('timestampType', () => timestampType(ir));
  const d = ir.dialect;
  const now =
    d === 'mysql'
      ? /\(\d\)/.test(type)
        ? `CURRENT_TIMESTAMP${/\(\d\)/.exec(type)?.[0]}`
        : 'CURRENT_TIMESTAMP'
      : 'CURRENT_TIMESTAMP';
  const sqlOk = d === 'postgresql' || d === 'cockroachdb' || d === 'mysql';
  const sql = sqlOk
    ? cols
        .map(
          (c) =>
            `ALTER TABLE ${sqlTable(table, d)} ADD COLUMN ${sqlIdent(c.db, d)} ${type} NOT NULL DEFAULT ${now};`,
        )
        .join('\n')
    : undefined;
  const model = modelOf(table);
  const orm = cols
    .map(({ m, db, code }) => {
      const mapped = db !== code;
      switch (ir.source.orm) {
        case 'prisma':
          return `${code} DateTime ${m === 'created' ? '@default(now())' : '@default(now()) @updatedAt'}${mapped ? ` @map("${db}")` : ''}`;
        case 'drizzle':
          return `${code}: timestamp('${db}').notNull().defaultNow()${m === 'updated' ? '.$onUpdate(() => new Date())' : ''}`;
        case 'typeorm':
          return `@${m === 'created' ? 'Create' : 'Update'}DateColumn(${mapped ? `{ name: '${db}' }` : ''}) ${code}: Date;`;
        default:
          return `${db} = Column(DateTime(timezone=True), server_default=func.now(), ${m === 'updated' ? 'onupdate=func.now(), ' : ''}nullable=False)`;
      }
    })
    .join('\n');
  const where =
    ir.source.orm === 'prisma'
      ? `in model ${model}`
      : ir.source.orm === 'typeorm'
        ? `on entity ${model}`
        : `in ${model}`;
  return { fix: { orm, text: where, ...(sql ? { sql } : {}) }, names: cols.map((c) => c.db) };
}
