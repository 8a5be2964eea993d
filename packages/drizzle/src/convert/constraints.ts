import type {
  CheckConstraint,
  Diagnostic,
  ForeignKey,
  Index,
  PrimaryKey,
  UniqueConstraint,
} from '@ormdoc/core';
import type { DzColumn, DzTableConfig } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import { serialBaseType } from './defaults.js';
import { kit1ColumnUniqueName, kit1ForeignKeyName, kit1PrimaryKeyName } from './kitNames.js';
import { splitSqlIndexParts } from './sqlIndexParts.js';

/**
 * Keys, uniques, foreign keys, checks and indexes of one table, named exactly as drizzle-kit names
 * them in the DDL it generates (including its habit of replacing the code column names inside
 * default names with the cased database names).
 */

const ACTIONS: Record<string, ForeignKey['onDelete'] | undefined> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'no action': 'NO ACTION',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

export function referentialAction(value: string | undefined): ForeignKey['onDelete'] {
  return (value && ACTIONS[value.toLowerCase()]) || 'NO ACTION';
}

/** drizzle-kit: replace each raw column name inside a default name by its cased database name. */
function recase(name: string, raw: string[], cased: string[]): string {
  let out = name;
  raw.forEach((r, i) => {
    out = out.replace(r, cased[i] ?? r);
  });
  return out;
}

export function primaryKeyOf(cfg: DzTableConfig, a: DialectAdapter): PrimaryKey | undefined {
  const columnPk = cfg.columns.filter((c) => c.primary);
  const pk = cfg.primaryKeys[0];
  if (pk) {
    const raw = pk.columns.map((c) => c.name);
    const cols = pk.columns.map(a.columnName);
    if (a.dialect === 'mysql') return { name: 'PRIMARY', nameExplicit: false, columns: cols };
    if (a.naming === 'kit-1') {
      const explicit = pk.isNameExplicit === true;
      return {
        name: explicit ? pk.getName() : kit1PrimaryKeyName(cfg.name),
        nameExplicit: explicit,
        columns: cols,
      };
    }
    return { name: recase(pk.getName(), raw, cols), nameExplicit: pk.name !== undefined, columns: cols };
  }
  if (columnPk.length === 0) return undefined;
  const cols = columnPk.map(a.columnName);
  switch (a.dialect) {
    case 'postgresql':
      return { name: `${cfg.name}_pkey`, nameExplicit: false, columns: cols };
    case 'mysql':
      return { name: 'PRIMARY', nameExplicit: false, columns: cols };
    case 'sqlite':
      return { name: `${cfg.name}_pkey`, nameExplicit: false, columns: cols };
  }
}

export function uniquesOf(
  cfg: DzTableConfig,
  a: DialectAdapter,
): { uniques: UniqueConstraint[]; indexes: Index[] } {
  const uniques: UniqueConstraint[] = [];
  const indexes: Index[] = [];
  const add = (name: string, columns: string[], explicit: boolean, nullsNotDistinct: boolean) => {
    // SQLite has no named unique constraints in drizzle-kit's DDL: it creates unique indexes.
    if (a.dialect === 'sqlite')
      indexes.push({
        name,
        nameExplicit: explicit,
        unique: true,
        parts: columns.map((column) => ({ column })),
      });
    else
      uniques.push({
        name,
        nameExplicit: explicit,
        columns,
        ...(nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      });
  };
  for (const c of cfg.columns) {
    // MySQL's SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE: the server adds a unique key named after the column.
    if (a.dialect === 'mysql' && serialBaseType(c) !== undefined)
      add(a.columnName(c), [a.columnName(c)], false, false);
    if (!c.isUnique) continue;
    const defaultName =
      a.naming === 'kit-1' ? kit1ColumnUniqueName(cfg.name, a.columnName(c)) : `${cfg.name}_${c.name}_unique`;
    const name = c.uniqueName ?? defaultName;
    add(name, [a.columnName(c)], name !== defaultName, c.uniqueType === 'not distinct');
  }
  for (const u of cfg.uniqueConstraints) {
    const cols = u.columns.map(a.columnName);
    if (a.naming === 'kit-1') {
      // drizzle-orm 1.0 fills `name` in even when unnamed; `isNameExplicit` tells.
      const explicit = u.isNameExplicit === true && u.name !== undefined;
      const name = explicit ? u.name! : `${cfg.name}_${cols.join('_')}_unique`;
      add(name, cols, explicit, u.nullsNotDistinct === true);
      continue;
    }
    const defaultName = `${cfg.name}_${u.columns.map((c) => c.name).join('_')}_unique`;
    add(
      u.name ?? `${cfg.name}_${cols.join('_')}_unique`,
      cols,
      u.name !== undefined && u.name !== defaultName,
      u.nullsNotDistinct === true,
    );
  }
  return { uniques, indexes };
}

export function foreignKeysOf(cfg: DzTableConfig, a: DialectAdapter): ForeignKey[] {
  return cfg.foreignKeys.map((fk) => {
    const ref = fk.reference();
    const from = ref.columns.map(a.columnName);
    const to = ref.foreignColumns.map(a.columnName);
    let name = fk.getName();
    const explicit = fk.isNameExplicit ? fk.isNameExplicit() : ref.name !== undefined;
    if (a.naming === 'kit-1') {
      if (!explicit) name = kit1ForeignKeyName(cfg.name, from, a.tableName(ref.foreignTable), to);
    } else if (ref.name === undefined) {
      name = recase(
        name,
        ref.columns.map((c) => c.name),
        from,
      );
      name = recase(
        name,
        ref.foreignColumns.map((c) => c.name),
        to,
      );
    }
    return {
      name,
      nameExplicit: explicit,
      columns: from,
      references: {
        schema: a.tableSchema(ref.foreignTable) ?? null,
        name: a.tableName(ref.foreignTable),
        columns: to,
      },
      onDelete: referentialAction(fk.onDelete),
      onUpdate: referentialAction(fk.onUpdate),
      enforcedBy: 'database' as const,
    };
  });
}

export function checksOf(cfg: DzTableConfig, a: DialectAdapter): CheckConstraint[] {
  return cfg.checks.map((c) => ({ name: c.name, nameExplicit: true, expression: a.sql(c.value) }));
}

export function indexesOf(cfg: DzTableConfig, a: DialectAdapter, diagnostics: Diagnostic[]): Index[] {
  const columnNames = new Set(cfg.columns.map((c) => a.columnName(c)));
  return cfg.indexes.map((ix) => {
    const { config } = ix;
    const parts: Index['parts'] = config.columns.flatMap((col): Index['parts'] => {
      if (a.isSql(col)) {
        const split = splitSqlIndexParts(a.sql(col, 'indexes'), a.dialect, columnNames);
        for (const bare of split.bare)
          diagnostics.push({
            severity: 'warning',
            code: 'drizzle/index-expression-parentheses',
            message: `Index ${config.name ?? `on ${cfg.name}`} has the expression ${bare}, which drizzle-kit writes without parentheses: ${a.dialect === 'mysql' ? 'MySQL' : 'PostgreSQL'} rejects that index. ormdoc documents it with parentheses.`,
            hint: `Put the expression in parentheses in the schema: sql\`(...)\`.`,
          });
        return split.parts;
      }
      const c = col as DzColumn;
      const part: Index['parts'][number] = { column: a.columnName(c) };
      const order = c.indexConfig?.order;
      const nulls = c.indexConfig?.nulls;
      const opclass = c.indexConfig?.opClass;
      // drizzle-kit 0.x writes a column's operator class instead of its order and nulls
      // (`.op().desc()` creates an ascending index): the database has what it writes. drizzle-kit
      // 1.0 (the RCs, told apart by their key naming) writes all three.
      if (opclass) part.opclass = opclass;
      if (!opclass || a.naming === 'kit-1') {
        if (order === 'desc') part.order = 'desc';
        // PostgreSQL's default is NULLS LAST for ASC and NULLS FIRST for DESC; record only departures.
        if (a.dialect === 'postgresql' && nulls && nulls !== (order === 'desc' ? 'first' : 'last'))
          part.nulls = nulls;
      }
      return [part];
    });
    let name = config.name;
    if (!name) {
      name = `${cfg.name}_${parts.map((p) => p.column ?? p.expression).join('_')}_index`;
      if (config.columns.some((c) => a.isSql(c)))
        diagnostics.push({
          severity: 'warning',
          code: 'drizzle/unnamed-expression-index',
          message: `An index on ${cfg.name} has an SQL expression but no name; drizzle-kit refuses to generate it.`,
          hint: 'Give the index a name: index("my_index").on(sql`...`).',
        });
    }
    const method = config.method ?? config.using;
    const out: Index = {
      name,
      nameExplicit: config.name !== undefined,
      unique: config.unique === true,
      parts,
    };
    if (method && !(a.dialect === 'postgresql' && method === 'btree')) out.method = method;
    if (config.where !== undefined && a.isSql(config.where)) out.where = a.sql(config.where);
    return out;
  });
}
