import { qualifiedIdent, quoteIdent } from '../ddl/identifiers.js';
import type { Ir, TableRef } from '../ir/types.js';

export interface UpdatedAtNote {
  table: TableRef;
  column: string;
  managedBy: 'orm' | 'database';
  description: string;
  /** PostgreSQL function + trigger that would maintain the column in the database (ORM-managed columns). */
  triggerSql?: string;
}

const ORM_NAMES: Record<string, string> = {
  prisma: 'Prisma',
  drizzle: 'Drizzle',
  typeorm: 'TypeORM',
  sqlmodel: 'SQLModel/SQLAlchemy',
  sqlalchemy: 'SQLAlchemy',
};

function triggerSql(table: TableRef, column: string): string {
  const fn = quoteIdent('postgresql', `set_${table.name}_${column}`);
  const qualifiedFn = table.schema === null ? fn : `${quoteIdent('postgresql', table.schema)}.${fn}`;
  const trigger = quoteIdent('postgresql', `${table.name}_${column}_refresh`);
  const col = quoteIdent('postgresql', column);
  return [
    `CREATE OR REPLACE FUNCTION ${qualifiedFn}() RETURNS trigger`,
    'LANGUAGE plpgsql AS $$',
    'BEGIN',
    `  NEW.${col} := now();`,
    '  RETURN NEW;',
    'END;',
    '$$;',
    '',
    `CREATE TRIGGER ${trigger}`,
    `  BEFORE UPDATE ON ${qualifiedIdent('postgresql', table)}`,
    '  FOR EACH ROW',
    `  EXECUTE FUNCTION ${qualifiedFn}();`,
  ].join('\n');
}

/**
 * For every column with an on-update rule: who keeps it current. ORM-managed columns (Prisma
 * `@updatedAt`, Drizzle `$onUpdate`, TypeORM `@UpdateDateColumn`, SQLAlchemy `onupdate=`) come with
 * a PostgreSQL function and BEFORE UPDATE trigger that would enforce the same in the database.
 */
export function updatedAtNotes(ir: Ir): UpdatedAtNote[] {
  const orm = ORM_NAMES[ir.source.orm] ?? ir.source.orm;
  const out: UpdatedAtNote[] = [];
  for (const table of ir.tables) {
    if (table.kind !== 'table') continue;
    const ref = { schema: table.schema, name: table.name };
    for (const column of table.columns) {
      const rule = column.onUpdate;
      if (!rule) continue;
      switch (rule.kind) {
        case 'orm':
          out.push({
            table: ref,
            column: column.name,
            managedBy: 'orm',
            description: `${orm} sets ${column.name} on every update it performs (${rule.description}); UPDATE statements run outside ${orm} leave it unchanged unless a trigger maintains it.`,
            ...(ir.dialect === 'postgresql' ? { triggerSql: triggerSql(ref, column.name) } : {}),
          });
          break;
        case 'sql':
          out.push({
            table: ref,
            column: column.name,
            managedBy: 'database',
            description: `The database sets ${column.name} to ${rule.expression} on every update (ON UPDATE), whoever performs it.`,
          });
          break;
      }
    }
  }
  return out;
}
